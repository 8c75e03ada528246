/**
 * The upgrade plan's targets (《5G规模化应用“扬帆”行动升级方案》, 2024-11), from data/targets-2027.json, with each
 * target's source, quote and how far it is verified. Validated on load so a bad edit of the file fails loudly.
 */
import { z } from 'zod/mini';
import raw from '../../data/targets-2027.json';

const Target2027 = z.object({
  id: z.string().check(z.regex(/^[a-z0-9_]+$/)),
  zh: z.string().check(z.minLength(1)),
  value: z.nullable(z.number()),
  unit: z.string(),
  comparator: z.enum(['>', '>=', 'qualitative']),
  deadline: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  source_url: z.nullable(z.string()),
  quote: z.string(),
  alt_source_url: z.optional(z.string()),
  alt_quote: z.optional(z.string()),
  definition_note: z.optional(z.string()),
  zh_wording_note: z.optional(z.string()),
  conflict_note: z.optional(z.string()),
  verification: z.optional(z.string()),
  confidence: z.string(),
});

const Targets2027 = z.object({
  plan: z.object({
    title_zh: z.string(),
    title_en: z.string(),
    issuers_zh: z.string(),
    dates: z.object({ document_dated: z.string(), publicized: z.string() }),
    deadline: z.string(),
    baseline_at_issue: z.object({ as_of: z.string(), source_url: z.string(), quote: z.string() }),
  }),
  targets: z.array(Target2027),
});

export type Target2027 = z.infer<typeof Target2027>;

/** The parsed and validated content of data/targets-2027.json. */
export const TARGETS_2027 = Targets2027.parse(raw);

/** Returns a target of the upgrade plan by its id in data/targets-2027.json. Throws if the file lacks it. */
export function target2027(id: string): Target2027 {
  const t = TARGETS_2027.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id} in data/targets-2027.json`);
  return t;
}

/**
 * How far a target is verified, from the file's own words: `verified` (a source with a URL and high confidence),
 * `unverified` (found only without a URL, or flagged as unverified or of low confidence).
 */
export function verificationOf(t: Target2027): 'verified' | 'unverified' {
  if (t.source_url === null || t.verification !== undefined || /^(low|medium)/.test(t.confidence)) return 'unverified';
  return 'verified';
}
