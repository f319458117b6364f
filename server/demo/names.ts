import type { Rng } from './rng';

/**
 * Word pools for demo names, addresses and phone numbers in northern Shanxi. Everything here is
 * made up from common words: any likeness to a real business is a coincidence.
 */

/** Weighted towards the surnames most common in northern Shanxi. */
const SURNAMES = [
  '王', '王', '王', '李', '李', '李', '张', '张', '张', '刘', '刘', '刘', '赵', '赵', '杨', '杨', '郭', '郭', '高', '高',
  '武', '贾', '任', '孙', '韩', '马', '吴', '梁', '薛', '闫', '乔', '段', '田', '崔', '白', '侯', '郝', '冯', '曹', '胡',
  '苏', '康', '霍', '牛', '尹', '秦', '温', '范', '宋', '陈', '周', '徐', '邢', '安', '常', '石', '杜', '边', '姚', '弓',
];

const GIVEN = [
  '建', '国', '明', '华', '军', '平', '伟', '强', '斌', '峰', '亮', '文', '海', '东', '志', '勇', '利', '刚', '宏', '俊',
  '鹏', '飞', '磊', '涛', '霞', '丽', '芳', '艳', '红', '燕', '梅', '英', '玲', '娟', '敏', '静', '慧', '瑞', '鑫', '宇',
  '晓', '春', '秀', '兰', '凤', '云', '生', '福', '贵', '旺', '宝', '喜', '成', '忠', '仁', '义', '林', '山', '永', '德',
];

/** Trade names (字号), the part of a business name that sets it apart. */
const TRADE_NAMES = [
  '丰源', '金穗', '绿野', '盛达', '鑫农', '兴旺', '宏发', '瑞丰', '丰禾', '沃土', '惠农', '益农', '禾丰', '康牧', '华农',
  '永丰', '恒信', '聚丰', '顺达', '金泰', '天禾', '嘉禾', '润农', '田园', '北岳', '塞上', '长城', '边塞', '晋北', '雁门',
  '桑干', '平朔', '高原', '青山', '绿源', '宏远', '泰丰', '农丰', '佳禾', '万禾', '百川', '广源', '利民', '福兴', '富民',
  '兴农', '昌盛', '金田', '谷丰', '稼丰', '五谷', '莜香', '亚麻', '牧歌', '草原', '红芸', '金秋', '丰收', '春耕', '绿洲',
  '众鑫', '鼎盛', '信达', '诚信', '德润', '福源', '祥瑞', '瑞祥', '鸿运', '宏达', '益民', '裕丰', '仓丰', '粮丰', '沃野',
  '晋丰', '朔丰', '平安', '安康', '康源', '鑫盛', '兴隆', '隆盛', '和顺', '和兴', '新农', '农家', '绿康', '绿禾', '金牧',
  '牧丰', '欣荣', '荣盛', '远航', '腾飞', '晨光', '曙光', '阳光', '蓝天', '白云', '峰岭', '岭上', '山泉', '清泉', '源丰',
];

/** Street names for the county seats (井坪镇, 朔城区街道): invented, as plausible as possible. */
const STREETS = ['府前街', '东关街', '西关街', '南关街', '北关街', '文化路', '振兴路', '长城路', '开发路', '迎宾路', '建设路', '平安街', '新建路', '团结路', '民福街', '朔平路'];

/** Village stems; villages here are mostly "<surname>家窑/堡/庄/沟" or named after terrain. */
const VILLAGE_TERRAIN = ['东坪', '西坪', '大坪', '小坪', '红崖', '石湖', '窑沟', '大梁', '小梁', '前营', '后营', '新村', '旧堡', '北岭', '南岭', '水泉', '柳树湾', '杨家湾', '马场', '古城', '二道沟', '三道沟', '梁上', '沟门'];
const VILLAGE_SUFFIXES = ['家窑', '家堡', '家庄', '家沟', '家峁', '家洼'];

const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '180', '182', '183', '186', '187', '189', '191', '199'];

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

export function tradeName(rng: Rng): string {
  return rng.pick(TRADE_NAMES);
}

export function mobilePhone(rng: Rng): string {
  let digits = '';
  for (let i = 0; i < 8; i++) digits += rng.int(0, 9);
  return rng.pick(MOBILE_PREFIXES) + digits;
}

/** A landline of 朔州 (area code 0349), e.g. 0349-6021234. */
export function landline(rng: Rng, exchangeDigit: string): string {
  let digits = '';
  for (let i = 0; i < 6; i++) digits += rng.int(0, 9);
  return `0349-${exchangeDigit}${digits}`;
}

export function streetAddress(rng: Rng): string {
  return `${rng.pick(STREETS)}${rng.int(1, 188)}号`;
}

/** A township's villages: its seat plus a dozen others, the same every time for the same township. */
export function villagesOf(rng: Rng, townshipName: string): string[] {
  const seat = townshipName.replace(/(街道|镇|乡)$/, '');
  const villages = new Set<string>([seat.endsWith('村') ? seat : `${seat}村`]);
  while (villages.size < 14) {
    const stem = rng.chance(0.55) ? rng.pick(SURNAMES) + rng.pick(VILLAGE_SUFFIXES) : rng.pick(VILLAGE_TERRAIN);
    villages.add(`${stem}村`);
  }
  return [...villages];
}

/** 井坪镇 → 井坪, 北城街道 → 北城: how townships appear inside business names. */
export function shortTownship(townshipName: string): string {
  return townshipName.replace(/(街道|镇|乡)$/, '');
}
