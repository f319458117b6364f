/** GB/T 2260 codes: 6 digits for province, city and county; 9 digits for a township (the statistical extension). */
export const REGION_CODE_PATTERN = /^\d{6}(\d{3})?$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}
