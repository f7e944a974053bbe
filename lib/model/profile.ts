import { z } from 'zod';
import { Timestamp } from './time';
import { SizeBand } from './account';
import { SeniorityLevel } from './person';

const keyword = z.string().trim().min(1).max(100);
const keywords = z.array(keyword).max(200);
const weight = z.number().min(0).max(10);

/**
 * The rep's ideal customer profile: what the fit score (issue 4) measures against. Every list may
 * be empty, meaning "this criterion does not matter to me".
 */
export const IdealCustomerProfile = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  industries: z.object({ include: keywords, exclude: keywords }),
  sizeBands: z.array(SizeBand),
  seniorities: z.array(SeniorityLevel),
  titleKeywords: keywords,
  /** Country, region or city names, matched against the person's or company's location. */
  locations: keywords,
  /** Free keywords matched in the headline and the company name. */
  keywords,
  exclusions: z.object({
    students: z.boolean(),
    recruiters: z.boolean(),
    /** Named companies never to prospect, e.g. competitors. */
    companies: keywords,
  }),
  weights: z.object({
    industry: weight,
    size: weight,
    seniority: weight,
    title: weight,
    location: weight,
    keywords: weight,
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type IdealCustomerProfile = z.infer<typeof IdealCustomerProfile>;
