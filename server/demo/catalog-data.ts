import type { ItemFields } from '../domain/catalog-rules';
import { CheckMethod, ItemKind, RegionLevel, TargetType } from '../domain/vocabulary';

/**
 * The demo catalog of the Pinglu bureau: the six categories of its 2021 plan (平农发〔2021〕53号),
 * with items named as in agriculture bureaus' lists of random-check items, and one check form or two
 * per item. Check points are [what to check, how, how to decide, what follows], as Art. 25–26 ask.
 */
type Point = readonly [point: string, method: string, criterion: string, followUp: string];

export interface DemoFormSpec {
  name: string;
  points: readonly Point[];
}

/** An item version as the catalog rules describe it (less the code, which belongs to the item). */
export interface DemoItemVersionSpec extends Omit<ItemFields, 'code'> {
  /** When this version was written (Beijing time). */
  createdAt: string;
  forms: DemoFormSpec[];
}

export interface DemoItemSpec {
  code: string;
  /** Oldest first; the last one is current. */
  versions: DemoItemVersionSpec[];
}

const { ENTERPRISE, FARMERS_COOPERATIVE, INDIVIDUAL_BUSINESS, PRODUCT } = TargetType;
const { WRITTEN, ON_SITE, SAMPLING_TESTING, OFF_SITE } = CheckMethod;

/** The plan was signed on 2021-07-23; the catalog dates from then. */
const PLAN_DATE = '2021-07-23T09:30:00+08:00';

/** What every GENERAL item of the plan shares: ≥ 5 % of the directory, twice a year, county level. */
const general = { kind: ItemKind.GENERAL, ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2, level: RegionLevel.COUNTY, createdAt: PLAN_DATE };
/** KEY items have no cap on the share drawn (Art. 8); the plan asks a higher floor for them. */
const key = { kind: ItemKind.KEY, ratioMinPercent: 10, ratioMaxPercent: null, frequencyPerYear: 2, level: RegionLevel.COUNTY, createdAt: PLAN_DATE };

const samplingProcedure: Point = ['抽样程序是否合法', '由2名以上执法人员抽样，出示执法证件，填写抽样单，被抽样单位签字确认并封样', '程序不符合规定的样品不得送检', '重新抽样，程序问题记录在案'];

const seedsV1: DemoItemVersionSpec = {
  ...general,
  name: '种子生产经营者的检查',
  categoryCode: 'SEEDS',
  targetTypes: [ENTERPRISE, FARMERS_COOPERATIVE, INDIVIDUAL_BUSINESS],
  checkContent: '种子生产经营许可证取得及有效区域情况；种子生产经营档案建立情况；销售种子的标签和使用说明；应当审定或登记的品种是否经审定或登记。',
  methods: [ON_SITE, WRITTEN],
  responsibleUnit: '种子管理站',
  legalBasis: '《中华人民共和国种子法》第三十一条、第三十六条、第四十一条；《农作物种子生产经营许可管理办法》',
  forms: [{
    name: '种子生产经营者监督检查记录表',
    points: [
      ['是否取得种子生产经营许可证并在有效区域内生产经营', '查验许可证原件，核对生产经营范围、有效区域和有效期', '无证或超范围、超区域生产经营的不予通过', '责令停止生产经营，立案查处'],
      ['是否建立种子生产经营档案', '查阅生产经营档案', '档案应载明种子来源、加工、贮藏、运输和质量检测各环节的简要说明及责任人、销售去向等', '责令限期改正'],
      ['销售的种子是否附有标签和使用说明', '现场抽查在售种子包装', '标签内容应符合《农作物种子标签和使用说明管理办法》', '责令改正；标签标注内容与种子不符的按假劣种子处理'],
      ['销售的品种是否经审定或登记', '查询品种审定、登记公告', '应当审定、登记而未经审定、登记的不得销售', '责令停止销售，立案查处'],
    ],
  }],
};

/** The seeds item was revised when the 2021 amendment of the Seed Law took effect: version 2 shows the history. */
const seedsV2: DemoItemVersionSpec = {
  ...seedsV1,
  createdAt: '2025-02-18T15:10:00+08:00',
  checkContent: '种子生产经营许可证取得及有效区域情况；分支机构、委托生产、代销种子的备案情况；种子生产经营档案（含电子档案）建立和保存情况；销售种子的标签、使用说明和可追溯信息；品种审定、登记情况；是否生产经营假、劣种子。',
  methods: [ON_SITE, WRITTEN, SAMPLING_TESTING],
  legalBasis: '《中华人民共和国种子法》（2021年修正）第三十一条、第三十六条、第三十八条、第四十一条；《农作物种子生产经营许可管理办法》；《农作物种子标签和使用说明管理办法》',
  forms: [
    {
      name: '种子生产经营者监督检查记录表（2025年修订）',
      points: [
        seedsV1.forms[0].points[0],
        ['分支机构、受委托生产或代销种子的是否备案', '查阅备案回执，核对委托合同、代销合同', '未按规定备案的不予通过', '责令改正，依法处罚'],
        ['销售的品种是否经审定或登记', '查询品种审定、登记公告及中国种业大数据平台', '应当审定、登记而未经审定、登记的不得销售', '责令停止销售，立案查处'],
        ['是否生产经营假、劣种子', '对可疑种子抽样送检', '经检验为假、劣种子的不予通过', '立案查处；涉嫌犯罪的移送公安机关'],
      ],
    },
    {
      name: '种子档案与标签核查表',
      points: [
        ['生产经营档案是否完整并保存五年以上', '查阅纸质和电子档案', '来源、数量、质量、销售去向、销售日期等记载齐全', '责令限期改正'],
        ['标签是否标注品种名称、审定（登记）编号、生产经营者、质量指标、净含量', '现场抽查三个以上品种的包装', '任一项缺失或与实际不符的不予通过', '责令改正'],
        ['标签是否附有可追溯二维码', '扫码核验追溯信息', '二维码应能查询到种子生产经营者和品种信息', '责令改正'],
      ],
    },
  ],
};

export const DEMO_CATALOG: readonly DemoItemSpec[] = [
  {
    code: 'PL-NY-001',
    versions: [{
      ...general,
      name: '农产品生产主体的检查',
      categoryCode: 'FARM_PRODUCT_SAFETY',
      targetTypes: [ENTERPRISE, FARMERS_COOPERATIVE, INDIVIDUAL_BUSINESS],
      checkContent: '农产品生产企业、农民专业合作社、家庭农场建立和保存农产品生产记录情况；农业投入品使用是否遵守安全间隔期、休药期规定；是否使用国家禁用的农药、兽药及其他化合物；承诺达标合格证开具情况。',
      methods: [ON_SITE, WRITTEN],
      responsibleUnit: '农产品质量安全检验检测站',
      legalBasis: '《中华人民共和国农产品质量安全法》第二十七条、第二十九条、第三十九条',
      forms: [
        {
          name: '农产品生产主体监督检查记录表',
          points: [
            ['是否建立农产品生产记录', '查阅生产记录', '应载明投入品名称、来源、用法、用量和使用、停用日期，动物疫病、病虫害发生和防治情况，收获、屠宰日期；保存二年以上', '责令限期改正；拒不改正的依法处罚'],
            ['是否使用国家禁用的农药、兽药或其他化合物', '检查投入品仓库和使用记录，必要时抽样检测', '发现禁用物质的不予通过', '立案查处；涉嫌犯罪的移送公安机关'],
            ['是否遵守农药安全间隔期、兽药休药期', '核对用药记录与采收、出栏日期', '间隔期（休药期）内采收、出栏的不予通过', '责令停止销售，依法处理'],
            ['投入品是否分区存放、标识清楚', '现场查看', '农业投入品应与农产品分开存放', '现场指导整改'],
          ],
        },
        {
          name: '承诺达标合格证开具情况核查表',
          points: [
            ['上市销售的农产品是否开具承诺达标合格证', '查看合格证开具记录和留存联', '销售时应附合格证', '责令改正，纳入重点监管'],
            ['合格证内容是否真实完整', '核对品名、数量、产地、生产者、联系方式、开具日期和承诺内容', '内容缺项或与实际不符的不予通过', '责令改正'],
            ['合格证开具依据是否充分', '查看自检、委托检测或内部质量控制记录', '无任何依据开具的不予通过', '责令改正，依法处罚'],
          ],
        },
      ],
    }],
  },
  {
    code: 'PL-NY-002',
    versions: [{
      ...key,
      name: '农产品质量安全监督抽检',
      categoryCode: 'FARM_PRODUCT_SAFETY',
      targetTypes: [PRODUCT, FARMERS_COOPERATIVE, ENTERPRISE],
      checkContent: '对辖区生产的蔬菜、马铃薯、杂粮、畜禽产品进行抽样，检测农药残留、兽药残留和禁用物质。',
      methods: [SAMPLING_TESTING, ON_SITE],
      responsibleUnit: '农产品质量安全检验检测站',
      legalBasis: '《中华人民共和国农产品质量安全法》监督管理章节；《农产品质量安全监测管理办法》；GB 2763《食品安全国家标准 食品中农药最大残留限量》；GB 31650《食品安全国家标准 食品中兽药最大残留限量》',
      forms: [{
        name: '农产品质量安全抽样检测记录表',
        points: [
          samplingProcedure,
          ['样品是否具有代表性', '按NY/T 789《农药残留分析样本的采样方法》随机抽取', '未按标准采样的样品不得送检', '重新抽样'],
          ['农药残留、兽药残留是否超标', '送检测机构按GB 2763、GB 31650检测', '超过最大残留限量的判定不合格', '责令停止销售、召回，立案查处'],
          ['是否检出禁用物质', '查看检测报告', '检出即判定不合格', '立案查处；涉嫌犯罪的移送公安机关'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-003',
    versions: [{
      ...general,
      name: '农药经营者经营行为的检查',
      categoryCode: 'PESTICIDES',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '农药经营许可证取得情况；经营和仓储场所与许可是否一致；采购台账、销售台账建立情况；是否经营假劣农药和禁用农药；在售农药标签是否合规。',
      methods: [ON_SITE, WRITTEN],
      responsibleUnit: '农业综合行政执法队',
      legalBasis: '《农药管理条例》第二十四条、第二十六条、第二十七条、第二十八条；《农药经营许可管理办法》',
      forms: [
        {
          name: '农药经营者监督检查记录表',
          points: [
            ['是否取得农药经营许可证', '查验许可证原件', '未取得的不予通过', '责令改正并立案'],
            ['经营场所、仓储场所是否与许可证载明的一致', '现场核对地址和面积', '不一致的不予通过', '责令限期改正'],
            ['是否建立采购台账并保存二年以上', '查阅采购台账', '如实记录农药名称、有关许可证明文件编号、规格、数量、生产企业和供货人、购进日期', '责令改正；拒不改正的依法处罚'],
            ['是否建立销售台账', '查阅销售台账', '如实记录销售农药的名称、规格、数量、生产企业、购买人、销售日期', '责令改正；拒不改正的依法处罚'],
            ['是否经营假劣农药或禁用农药', '抽查在售农药标签和登记证号，必要时抽样', '发现假劣或禁用农药的不予通过', '立案查处'],
          ],
        },
        {
          name: '在售农药标签核查表',
          points: [
            ['标签是否标注农药登记证号、产品质量标准号', '现场抽查五个以上产品并在中国农药信息网核对', '无登记证号或登记证号无效的不予通过', '责令停止销售，立案查处'],
            ['标签是否有可追溯二维码', '扫码核验', '扫码信息应与标签一致', '责令改正'],
            ['是否标注使用范围、使用方法和安全间隔期', '现场查看', '缺项的不予通过', '责令改正'],
          ],
        },
      ],
    }],
  },
  {
    code: 'PL-NY-004',
    versions: [{
      ...key,
      ratioMinPercent: 30,
      name: '限制使用农药定点经营情况的检查',
      categoryCode: 'PESTICIDES',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '限制使用农药经营范围核定情况；专柜销售、专人管理情况；实名购买登记情况；是否经营国家禁用的高毒农药。',
      methods: [ON_SITE, WRITTEN],
      responsibleUnit: '植保植检站',
      legalBasis: '《农药管理条例》第二十四条、第二十七条；《限制使用农药名录》',
      forms: [{
        name: '限制使用农药定点经营检查表',
        points: [
          ['许可证是否核定限制使用农药经营范围', '查验许可证经营范围', '未核定的不得经营限制使用农药', '立案查处'],
          ['是否设立专柜并由专人管理', '现场查看', '限制使用农药应单独存放、专柜销售', '责令改正'],
          ['是否实名购买、如实记录', '查阅销售台账和购买人身份登记', '每笔销售应有购买人身份、用途和数量记录', '责令改正；拒不改正的依法处罚'],
          ['是否经营国家禁用农药', '全面检查仓储和货架', '发现禁用农药的不予通过', '立案查处；涉嫌犯罪的移送公安机关'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-005',
    versions: [{
      ...general,
      ratioMaxPercent: 15,
      name: '农药产品质量监督抽查',
      categoryCode: 'PESTICIDES',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS, PRODUCT],
      checkContent: '对在售农药产品抽样，检测有效成分含量和是否含有未登记的隐性成分。',
      methods: [SAMPLING_TESTING],
      responsibleUnit: '植保植检站',
      legalBasis: '《农药管理条例》第四十四条、第四十五条',
      forms: [{
        name: '农药产品质量抽样检测记录表',
        points: [
          samplingProcedure,
          ['有效成分含量是否符合登记标准', '送检测机构按产品质量标准检测', '有效成分含量低于标准要求的判定为劣质农药', '立案查处'],
          ['是否含有未登记的农药成分', '送检测机构进行隐性成分筛查', '检出未登记成分的判定为假农药', '立案查处；涉嫌犯罪的移送公安机关'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-006',
    versions: [{
      ...general,
      name: '肥料登记产品的监督抽查',
      categoryCode: 'FERTILIZERS',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS, PRODUCT],
      checkContent: '肥料产品登记情况；标签标识；养分含量和有毒有害物质限量。',
      methods: [SAMPLING_TESTING, ON_SITE],
      responsibleUnit: '土壤肥料工作站',
      legalBasis: '《肥料登记管理办法》第五条；GB 18382《肥料标识 内容和要求》；GB 38400《肥料中有毒有害物质的限量要求》',
      forms: [{
        name: '肥料产品质量抽查记录表',
        points: [
          ['需登记的肥料是否取得登记证', '查验登记证，核对登记证号', '未登记产品不得生产、销售', '责令停止销售，立案查处'],
          ['标签标识是否规范', '核对养分含量、登记证号、执行标准', '应符合GB 18382', '责令改正'],
          samplingProcedure,
          ['养分含量是否达标', '抽样送检', '低于标明值且超出允许误差的判定不合格', '立案查处'],
          ['有毒有害物质是否超限', '抽样检测重金属等指标', '超过GB 38400限量的判定不合格', '立案查处'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-007',
    versions: [{
      ...general,
      name: '肥料经营者的检查',
      categoryCode: 'FERTILIZERS',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '是否经营未登记肥料产品；进货查验和销售记录；贮存条件。',
      methods: [ON_SITE, WRITTEN],
      responsibleUnit: '农业综合行政执法队',
      legalBasis: '《肥料登记管理办法》第五条',
      forms: [{
        name: '肥料经营者检查记录表',
        points: [
          ['是否经营未登记的肥料产品', '逐一核对在售产品登记证号', '发现未登记产品的不予通过', '责令停止销售，立案查处'],
          ['是否建立进货查验和销售记录', '查阅进销货台账', '应记录产品名称、登记证号、数量、供货人和购买人', '责令改正'],
          ['贮存场所是否干燥通风并与农药分开存放', '现场查看', '混放的不予通过', '现场指导整改'],
        ],
      }],
    }],
  },
  { code: 'PL-NY-008', versions: [seedsV1, seedsV2] },
  {
    code: 'PL-NY-009',
    versions: [{
      ...general,
      name: '种子质量监督抽查',
      categoryCode: 'SEEDS',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS, PRODUCT],
      checkContent: '对在售玉米、马铃薯种薯、杂粮种子抽样，检验净度、发芽率、水分和品种真实性。',
      methods: [SAMPLING_TESTING],
      responsibleUnit: '种子管理站',
      legalBasis: '《中华人民共和国种子法》关于假、劣种子的规定；《农作物种子质量监督抽查管理办法》；GB 4404.1《粮食作物种子 第1部分：禾谷类》；GB 18133《马铃薯种薯》',
      forms: [{
        name: '种子质量抽查记录表',
        points: [
          samplingProcedure,
          ['净度、发芽率、水分是否达标', '按GB 4404.1、GB 18133检验', '低于标签标注值或国家标准的判定为劣种子', '立案查处'],
          ['品种真实性', 'DNA指纹检测', '与标注品种不符的判定为假种子', '立案查处；涉嫌犯罪的移送公安机关'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-010',
    versions: [{
      ...general,
      name: '兽药生产经营企业的监督检查',
      categoryCode: 'VETERINARY_DRUGS',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '兽药经营许可证及经营范围；兽药经营质量管理规范（GSP）执行情况；购销记录；兽用处方药凭处方销售情况；是否经营假劣兽药。',
      methods: [ON_SITE, WRITTEN, OFF_SITE],
      responsibleUnit: '畜牧兽医发展中心',
      legalBasis: '《兽药管理条例》第二十二条、第二十五条、第二十六条；《兽药经营质量管理规范》',
      forms: [{
        name: '兽药经营企业监督检查记录表',
        points: [
          ['是否取得兽药经营许可证，经营范围是否相符', '查验许可证原件', '无证或超范围经营的不予通过', '立案查处'],
          ['是否执行兽药经营质量管理规范', '查看场所设施、温湿度记录和质量管理制度', '不符合规范的不予通过', '责令限期改正'],
          ['购销记录是否完整', '查阅购销记录', '应载明通用名称、规格、批号、有效期、生产企业、购销单位、数量和日期', '责令改正'],
          ['兽用处方药是否凭兽医处方销售', '查阅处方笺和销售记录', '无处方销售的不予通过', '责令改正，依法处罚'],
          ['是否经营假劣、过期兽药或人用药品', '用国家兽药综合查询系统扫描追溯码核验在售产品', '发现假劣、过期兽药或人用药品的不予通过', '立案查处'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-011',
    versions: [{
      ...general,
      name: '兽药质量监督抽检',
      categoryCode: 'VETERINARY_DRUGS',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS, PRODUCT],
      checkContent: '对在售和养殖场使用的兽药抽样，检验含量、有关物质和非法添加物。',
      methods: [SAMPLING_TESTING],
      responsibleUnit: '畜牧兽医发展中心',
      legalBasis: '《兽药管理条例》第四十七条、第四十八条',
      forms: [{
        name: '兽药抽样检测记录表',
        points: [
          samplingProcedure,
          ['主要成分含量是否符合国家标准', '送兽药检验机构检验', '含量不符合国家标准的判定为劣兽药', '立案查处'],
          ['是否非法添加其他药物成分', '送检非法添加物筛查', '检出非法添加的判定为假兽药', '立案查处；涉嫌犯罪的移送公安机关'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-012',
    versions: [{
      ...key,
      name: '养殖场（户）兽药使用情况的检查',
      categoryCode: 'VETERINARY_DRUGS',
      targetTypes: [FARMERS_COOPERATIVE, ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '用药记录建立情况；休药期执行情况；是否使用禁用药物、人用药品和原料药；兽用抗菌药使用减量情况。',
      methods: [ON_SITE, SAMPLING_TESTING],
      responsibleUnit: '畜牧兽医发展中心',
      legalBasis: '《兽药管理条例》第三十八条、第四十一条',
      forms: [{
        name: '养殖场（户）用药检查记录表',
        points: [
          ['是否建立用药记录', '查阅用药记录', '应记录用药品种、剂量、时间和停药日期', '责令改正'],
          ['是否遵守休药期规定', '核对用药记录与出栏、售奶、售蛋记录', '休药期内出栏或销售产品的不予通过', '责令停止销售，立案查处'],
          ['是否使用禁用药物、人用药品或原料药', '检查药品存放处，必要时采集尿样、饲料样检测', '发现即不予通过', '立案查处；涉嫌犯罪的移送公安机关'],
          ['兽用抗菌药是否凭处方使用', '查阅处方和用药记录', '无处方使用处方药的不予通过', '责令改正，纳入减抗行动指导'],
        ],
      }],
    }],
  },
  {
    code: 'PL-NY-013',
    versions: [{
      ...general,
      name: '饲料和饲料添加剂生产企业的检查',
      categoryCode: 'FEED',
      targetTypes: [ENTERPRISE],
      checkContent: '生产许可证；原料采购查验；生产过程控制；产品出厂检验和留样；产品标签。',
      methods: [ON_SITE, WRITTEN, SAMPLING_TESTING],
      responsibleUnit: '畜牧兽医发展中心',
      legalBasis: '《饲料和饲料添加剂管理条例》第十五条、第十七条、第十九条、第二十条；《饲料质量安全管理规范》',
      forms: [
        {
          name: '饲料生产企业监督检查记录表',
          points: [
            ['是否取得饲料生产许可证并在有效期内', '查验许可证原件', '无证或超期生产的不予通过', '立案查处'],
            ['是否执行原料采购查验制度', '查阅原料采购查验记录和供应商档案', '应逐批查验许可证明文件和质量检验报告', '责令改正'],
            ['是否按规定出厂检验并留样', '查阅出厂检验记录和留样台账', '每批产品应检验合格并留样保存', '责令改正，依法处罚'],
            ['产品标签是否符合GB 10648', '抽查成品库标签', '标签缺项或与产品不符的不予通过', '责令改正'],
          ],
        },
        {
          name: '饲料质量安全管理规范执行情况核查表',
          points: [
            ['生产过程是否有配方和投料记录', '查阅生产记录', '记录完整可追溯', '责令改正'],
            ['是否在饲料中添加禁用物质', '抽样检测', '检出禁用物质的不予通过', '立案查处；涉嫌犯罪的移送公安机关'],
            ['不合格产品是否按规定处置', '查阅不合格品处置记录', '应有召回、销毁记录', '责令改正'],
          ],
        },
      ],
    }],
  },
  {
    code: 'PL-NY-014',
    versions: [{
      ...general,
      name: '饲料经营者的检查',
      categoryCode: 'FEED',
      targetTypes: [ENTERPRISE, INDIVIDUAL_BUSINESS],
      checkContent: '经营场所和贮存条件；进货查验和购销记录；是否经营无产品标签、无生产许可证的饲料；是否拆包分装或对饲料再加工。',
      methods: [ON_SITE, WRITTEN],
      responsibleUnit: '农业综合行政执法队',
      legalBasis: '《饲料和饲料添加剂管理条例》第二十二条、第二十四条',
      forms: [{
        name: '饲料经营者检查记录表',
        points: [
          ['是否有与经营相适应的场所和贮存设施', '现场查看', '饲料应离地离墙、防潮防霉', '现场指导整改'],
          ['是否建立进货查验和购销台账', '查阅台账', '应记录产品名称、许可证明文件编号、规格、数量、供货者和购买者', '责令改正'],
          ['是否经营无标签或无许可证明文件的饲料', '抽查在售产品', '发现的不予通过', '立案查处'],
          ['是否拆包分装或对饲料添加其他物质', '现场检查', '发现的不予通过', '立案查处'],
        ],
      }],
    }],
  },
];
