/**
 * The plan's targets and official definitions, from data/plan-targets.json (the plan's annex 附件
 * "5G应用发展主要指标" and its overall goals), validated on load so a bad edit of the file fails loudly.
 */
import { z } from 'zod/mini';
import raw from '../../data/plan-targets.json';

const Comparator = z.enum(['>', '>=']);

const IndicatorTarget = z.object({
  id: z.string(),
  no: z.number(),
  zh: z.string(),
  en: z.string(),
  unit: z.string(),
  comparator: Comparator,
  target: z.number(),
  definition_zh: z.string(),
  definition_en: z.string(),
});

const ProgrammeTarget = z.union([
  z.object({ id: z.string(), zh: z.string(), en: z.string(), comparator: Comparator, target: z.number() }),
  z.object({ id: z.string(), zh: z.string(), en: z.string(), comparator: z.literal('range'), target: z.tuple([z.number(), z.number()]) }),
]);

const PlanTargets = z.object({
  plan: z.object({ zh: z.string(), en: z.string(), issued: z.string(), deadline: z.string(), issuers: z.string() }),
  indicators: z.array(IndicatorTarget),
  other_targets: z.array(ProgrammeTarget),
});

export type IndicatorTarget = z.infer<typeof IndicatorTarget>;
export type ProgrammeTarget = z.infer<typeof ProgrammeTarget>;

/** The parsed and validated content of data/plan-targets.json. */
export const PLAN_TARGETS = PlanTargets.parse(raw);
