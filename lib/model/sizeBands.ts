/**
 * LinkedIn's company size bands, as shown on company pages ("51-200 employees"). Plain data, no
 * Zod, so content scripts can import it.
 */
export const SIZE_BANDS = [
  '1',
  '2-10',
  '11-50',
  '51-200',
  '201-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
