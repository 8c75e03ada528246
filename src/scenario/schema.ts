/**
 * The scenario schema: the single source of the scenario's TypeScript type. Every scenario entering the model (a
 * preset file, a CLI argument, a link, a stored value, an imported file, a typed number) is parsed here first.
 * Missing fields take the registry's defaults; out-of-range or non-numeric values are refused with the field named.
 */
import { z } from 'zod/mini';
import {
  PARAM_IDS,
  PARAMS,
  UNITS,
  USERS_FAMILIES,
  TRAFFIC_FAMILIES,
  type ParamDef,
  type ParamId,
} from '../model/registry';
import { AS_OF_MAX, AS_OF_MIN, HORIZON_MAX, HORIZON_MIN } from '../model/anchors';
import { DEFAULT_PLAN, PLAN_IDS, PLANS, type PlanId } from '../model/plans';

export const SCENARIO_VERSION = 1;
export const SAMPLES_MIN = 100;
export const SAMPLES_MAX = 200_000;
export const DEFAULT_SEED = 20210705;
export const DEFAULT_AS_OF = '2021-07-31';
export const DEFAULT_HORIZON = '2025-12';

/** Formats a number without floating noise (0.1 + 0.2 → 0.3). */
export const fmtNum = (v: number) => String(Number(v.toPrecision(10)));

/** Describes a parameter's allowed range in English, for messages. */
export function rangeText(p: ParamDef): string {
  const unit = UNITS[p.unit].en;
  return `${fmtNum(p.min)} to ${fmtNum(p.max)}${unit ? ' ' + unit : ''}`;
}

const finite = (what: string) => z.number({ error: `${what} must be a finite number` });

/** A number within a parameter's allowed range. */
function inRange(p: ParamDef, what = 'value') {
  return finite(what).check(
    z.refine((v) => v >= p.min && v <= p.max, { error: `${what} is outside the allowed range ${rangeText(p)}` }),
  );
}

function distSchema(p: ParamDef) {
  const width = p.max - p.min;
  return z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('fixed') }),
      z
        .object({ kind: z.literal('uniform'), min: inRange(p, 'min'), max: inRange(p, 'max') })
        .check(z.refine((d) => d.min <= d.max, { error: 'min must not exceed max', path: ['max'] })),
      z
        .object({
          kind: z.literal('triangular'),
          min: inRange(p, 'min'),
          mode: inRange(p, 'mode'),
          max: inRange(p, 'max'),
        })
        .check(
          z.refine((d) => d.min <= d.mode && d.mode <= d.max, { error: 'needs min ≤ mode ≤ max', path: ['mode'] }),
        ),
      z.object({
        kind: z.literal('normal'),
        mean: inRange(p, 'mean'),
        sd: finite('sd').check(
          z.refine((v) => v >= 0 && v <= width, {
            error: `sd must be between 0 and ${fmtNum(width)} (the width of the allowed range)`,
          }),
        ),
      }),
      z.object({
        kind: z.literal('lognormal'),
        median: finite('median').check(
          z.refine((v) => v > 0 && v >= p.min && v <= p.max, {
            error: `median must be positive and within ${rangeText(p)}`,
          }),
        ),
        sigma: finite('sigma').check(z.refine((v) => v >= 0 && v <= 3, { error: 'sigma must be between 0 and 3' })),
      }),
    ],
    { error: 'kind must be one of fixed, uniform, triangular, normal, lognormal' },
  );
}

const paramShape = Object.fromEntries(
  PARAM_IDS.map((id) => {
    const p = PARAMS[id];
    return [id, settingOf(p)];
  }),
) as { [K in ParamId]: ReturnType<typeof settingOf> };

/** The schema of one parameter's setting: missing fields take the registry's point value and default uncertainty. */
function settingOf(p: ParamDef) {
  return z._default(
    z.object({ value: z._default(inRange(p), p.value), dist: z._default(distSchema(p), p.uncertainty) }),
    {
      value: p.value,
      dist: p.uncertainty,
    },
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  isoDate.test(s) &&
  !Number.isNaN(Date.parse(s + 'T00:00:00Z')) &&
  new Date(s + 'T00:00:00Z').toISOString().startsWith(s);

/**
 * Left-out dates default to this marker, which no written date can be (an explicit "" fails the date checks); the
 * object's check below replaces it with the scenario's plan's default, so a file naming `"plan": "upgrade-2024"` and
 * no dates opens at that plan's as-of and horizon, and one naming no plan at the 2021 plan's, as always.
 */
const PLAN_DEFAULT = '';

export const ScenarioSchema = z
  .object({
    version: z._default(
      z.literal(SCENARIO_VERSION, { error: `version must be ${SCENARIO_VERSION}` }),
      SCENARIO_VERSION,
    ),
    preset: z._default(
      z
        .string({ error: 'preset must be a string' })
        .check(z.regex(/^[a-z0-9-]{1,40}$/, { error: 'preset must be a short id (a-z, 0-9, -)' })),
      'baseline',
    ),
    // Optional: absent means the 2021 plan, as in every scenario, file and link made before the upgrade plan (and so the
    // parsed state of all of them is unchanged). A scenario naming the 2021 plan is stored without it (one form each).
    plan: z.optional(z.enum(PLAN_IDS, { error: `plan must be one of ${PLAN_IDS.join(', ')}` })),
    title: z._default(
      z
        .string({ error: 'title must be text' })
        .check(z.maxLength(200, { error: 'title must be at most 200 characters' })),
      '',
    ),
    notes: z._default(
      z
        .string({ error: 'notes must be text' })
        .check(z.maxLength(4000, { error: 'notes must be at most 4000 characters' })),
      '',
    ),
    asOf: z._default(
      z.string({ error: 'asOf must be a date' }).check(
        z.refine(validDate, { error: 'asOf must be a date written YYYY-MM-DD' }),
        z.refine((s) => s >= AS_OF_MIN && s <= AS_OF_MAX, {
          error: `asOf must be between ${AS_OF_MIN} and ${AS_OF_MAX}`,
        }),
      ),
      PLAN_DEFAULT,
    ),
    horizon: z._default(
      z.string({ error: 'horizon must be a month' }).check(
        z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'horizon must be a month written YYYY-MM' }),
        z.refine((s) => s >= HORIZON_MIN && s <= HORIZON_MAX, {
          error: `horizon must be between ${HORIZON_MIN} and ${HORIZON_MAX}`,
        }),
      ),
      PLAN_DEFAULT,
    ),
    seed: z._default(
      z
        .int({ error: 'seed must be a whole number' })
        .check(z.refine((v) => v >= 0 && v <= 0xffffffff, { error: 'seed must be between 0 and 4294967295' })),
      DEFAULT_SEED,
    ),
    samples: z._default(
      z.int({ error: 'samples must be a whole number' }).check(
        z.refine((v) => v >= SAMPLES_MIN && v <= SAMPLES_MAX, {
          error: `samples must be between ${SAMPLES_MIN} and ${SAMPLES_MAX}`,
        }),
      ),
      10_000,
    ),
    families: z._default(
      z.object({
        users: z._default(
          z.enum(USERS_FAMILIES, { error: `users family must be one of ${USERS_FAMILIES.join(', ')}` }),
          'bass',
        ),
        traffic: z._default(
          z.enum(TRAFFIC_FAMILIES, { error: `traffic family must be one of ${TRAFFIC_FAMILIES.join(', ')}` }),
          'structural',
        ),
      }),
      { users: 'bass', traffic: 'structural' },
    ),
    params: z.prefault(z.object(paramShape), {}),
  })
  .check(
    z.overwrite((s) => {
      if (s.plan === DEFAULT_PLAN) delete s.plan;
      const plan = PLANS[s.plan ?? DEFAULT_PLAN];
      if (s.asOf === PLAN_DEFAULT) s.asOf = plan.defaultAsOf;
      if (s.horizon === PLAN_DEFAULT) s.horizon = plan.defaultHorizon;
      return s;
    }),
    z.refine((s) => s.horizon >= PLANS[s.plan ?? DEFAULT_PLAN].minHorizon, {
      error: (iss) => {
        const plan = PLANS[(iss.input as { plan?: keyof typeof PLANS }).plan ?? DEFAULT_PLAN];
        return `horizon must be at least ${plan.minHorizon} under the plan ${plan.id}`;
      },
      path: ['horizon'],
    }),
  );

/** A complete, validated scenario (what the model runs). */
export type Scenario = z.output<typeof ScenarioSchema>;

/** Returns a scenario's plan (absent means the 2021 plan). */
export function planOf(s: { readonly plan?: PlanId }): PlanId {
  return s.plan ?? DEFAULT_PLAN;
}
/** What a scenario file may hold: any field may be left out and takes its default. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Formats a zod error as one line per problem, each naming its field (e.g. `params.bassQ.value`). */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const p = i.path[0] === 'params' && typeof i.path[1] === 'string' ? PARAMS[i.path[1] as ParamId] : undefined;
    const label = p ? ` (${p.label.en})` : '';
    return path ? `${path}${label}: ${i.message}` : i.message;
  });
}

/** Parses unknown input into a scenario, or a list of messages naming each bad field. Never throws. */
export function parseScenario(input: unknown): ParseResult {
  const r = ScenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, errors: formatIssues(r.error.issues) };
}

/** Returns a scenario with every field at its default. */
export function defaultScenario(): Scenario {
  return ScenarioSchema.parse({});
}
