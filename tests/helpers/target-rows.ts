import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../../server/domain/credit-code';

export const HEADER_ROW = ['统一社会信用代码', '名称', '对象类型', '行政区划代码', '住所（经营场所）'];
let batch = 0;

/** `count` valid target rows with credit codes unique across calls within a test run. */
export function targetRows(count: number, regionCode: string): string[][] {
  batch++;
  return Array.from({ length: count }, (_, i) => {
    let n = batch * 100000 + i, serial = '';
    for (let k = 0; k < 6; k++) { serial = CREDIT_CODE_ALPHABET[n % 31] + serial; n = Math.floor(n / 31); }
    return [completeCreditCode(`92140603MA${serial}1`), `测试经营部${batch}-${i}`, '个体工商户', regionCode, '平鲁区'];
  });
}
