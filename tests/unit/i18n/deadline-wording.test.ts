/**
 * Sentences that name the deadline name the deadline of the output they speak of: 2023年12月 / Dec 2023 under the 2021
 * plan, 2027年12月 / Dec 2027 under the upgrade plan. The message tables carry `{deadline}` instead of a year, and only
 * messages that belong to the 2021 plan alone (its title, the 2021–2023 IoT average, the plan-keyed headings whose
 * upgrade twins exist) may still hold 2023.
 */
import { describe, expect, it } from 'vitest';
import { translator, type Lang } from '../../../src/i18n';
import { MESSAGES, type MessageKey } from '../../../src/i18n/messages';
import {
  centralSeekText,
  deadlineText,
  onTrackText,
  probabilitySeekText,
  comparatorOf,
  reasonText,
  reconcileText,
} from '../../../src/i18n/analysis-text';
import { analyse } from '../../../src/model/analysis';
import { goalSeek, withParamValue } from '../../../src/model/goal-seek';
import { runModel } from '../../../src/model/monte-carlo';
import { onTrack } from '../../../src/model/on-track';
import { PLANS } from '../../../src/model/plans';
import { PRESETS, UPGRADE_PRESETS } from '../../../src/scenario/presets';
import { verdictSentence } from '../../../src/ui/lib/labels';
import { planKey } from '../../../src/ui/app/plan-labels';
import { actualCells } from '../../../src/ui/scorecard/actual-outcome';
import { actualOutcome } from '../../../src/model/actuals';
import { analysisText } from '../../../cli/format';

const T: Record<Lang, ReturnType<typeof translator>> = { en: translator('en'), 'zh-CN': translator('zh-CN') };
const upgrade = UPGRADE_PRESETS[0].scenario;
const LANGS: Lang[] = ['zh-CN', 'en'];
const D2027: Record<Lang, string> = { 'zh-CN': '2027年12月', en: 'Dec 2027' };
const D2023: Record<Lang, string> = { 'zh-CN': '2023年12月', en: 'Dec 2023' };

/** A sentence of the upgrade plan: names Dec 2027, never 2023, and leaves no placeholder. */
function expectUpgrade(s: string, lang: Lang, what: string) {
  expect(s, what).not.toMatch(/2023/);
  expect(s, what).not.toMatch(/\{\w+\}/);
  expect(s, what).toContain(D2027[lang]);
}

describe('the message tables', () => {
  // Messages that may name 2023: the 2021 plan's own title and IoT average (an output only that plan has), and
  // headings chosen per plan through planKey (their upgrade twins are checked below).
  const ALLOWED = new Set<string>([
    'plan.sailing-2021',
    'iotNote',
    'verdictRate',
    'notMeaningful',
    'appSubtitle',
    'scorecardCaption',
    'value2023',
    'deadlineLabel',
  ]);

  it.each(LANGS)('%s: no other message hard-codes 2023 (they take {deadline})', (lang) => {
    const hard = Object.entries(MESSAGES[lang])
      .filter(([k, v]) => /2023/.test(v) && !ALLOWED.has(k))
      .map(([k]) => k);
    expect(hard).toEqual([]);
  });

  it.each(LANGS)('%s: the plan-keyed headings have upgrade twins naming 2027 and not 2023', (lang) => {
    for (const k of ['appSubtitle', 'scorecardCaption', 'value2023', 'deadlineLabel'] as const) {
      const up = T[lang](planKey(k, 'upgrade-2024'));
      expect(up, k).toMatch(/2027/);
      expect(up, k).not.toMatch(/2023/);
    }
  });

  it('the analysis keys that name the deadline take it as {deadline} in both languages', () => {
    const keys: MessageKey[] = [
      'anOtWhy',
      'anGsNeeds',
      'anSensTitle',
      'anSensIntro',
      'anSensChart',
      'anReconcileGoodMissed',
      'anReasonLeaveOut1',
      'anReasonLeaveOutK',
      'anCentralWithFit',
      'anLeaveOutCaption',
      'anLoValue',
    ];
    for (const lang of LANGS) for (const k of keys) expect(MESSAGES[lang][k], `${lang} ${k}`).toContain('{deadline}');
  });
});

describe('deadlineText', () => {
  it('formats each output’s own deadline: 2027年12月 / Dec 2027 for the upgrade plan, 2023年12月 / Dec 2023 before', () => {
    expect(deadlineText('personal_user_penetration', 'zh-CN')).toBe('2027年12月');
    expect(deadlineText('base_stations_per_10k_2027', 'en')).toBe('Dec 2027');
    expect(deadlineText('base_stations_per_10k', 'zh-CN')).toBe('2023年12月');
    expect(deadlineText('users', 'en')).toBe('Dec 2023');
  });
});

describe('the analysis panel’s sentences under the upgrade plan', () => {
  const a = analyse(upgrade, { samples: 200 });

  it.each(LANGS)(
    '%s: on-track, goal seek, calibration reasons and tornado headings name 2027年12月 / Dec 2027',
    (lang) => {
      const t = T[lang];
      let withDeadline = 0;
      for (const o of a.outputs) {
        const d = deadlineText(o.id, lang);
        expect(d).toBe(D2027[lang]);
        // Every sentence the panel shows: none may name 2023.
        const sentences = [
          onTrackText(o.onTrack, lang, t),
          centralSeekText(o.goalSeek, lang, t),
          ...(o.goalSeekProbability
            ? [probabilitySeekText(o.goalSeekProbability, comparatorOf(o.goalSeek), lang, t)]
            : []),
          ...(o.calibration.status === 'fitted' ? o.calibration.reasons.map((r) => reasonText(r, lang, t, o.id)) : []),
          t('anSensTitle', { deadline: d }),
          t('anSensIntro', { base: '1', deadline: d }),
          t('anSensChart', { name: o.id, deadline: d }),
          t('anLeaveOutCaption', { deadline: d }),
          t('anLoValue', { deadline: d }),
          t('anCentralWithFit', { value: '1', now: '2', deadline: d }),
        ];
        for (const s of sentences) {
          expect(s, o.id).not.toMatch(/2023/);
          expect(s, o.id).not.toMatch(/\{\w+\}/);
          if (s.includes(D2027[lang])) withDeadline++;
        }
        // The rendered section headings name the 2027 deadline.
        expectUpgrade(t('anSensTitle', { deadline: d }), lang, `${o.id} tornado title`);
      }
      // The on-track sentences (by the pace needed to 2027-12) and the headings all name it.
      expect(withDeadline).toBeGreaterThanOrEqual(6 * a.outputs.length);
      const pace = a.outputs.find((o) => o.onTrack.reason === 'pace')!;
      expectUpgrade(onTrackText(pace.onTrack, lang, t), lang, 'on-track pace');
    },
  );

  it.each(LANGS)('%s: the leave-out reason and the reconciliation speak of 2027年12月 / Dec 2027', (lang) => {
    const t = T[lang];
    const r = reasonText({ code: 'leave-out', dropped: 1, change: 0.2 }, lang, t, 'personal_user_penetration');
    expectUpgrade(r, lang, 'leave-out');
    expectUpgrade(reasonText({ code: 'leave-out', dropped: 2, change: -0.2 }, lang, t, 'industry_vpn_2027'), lang, 'k');
    expectUpgrade(reconcileText('on-track', false, t, 'traffic_share_2027', lang), lang, 'reconcile');
    // The same sentences of a 2021 output keep naming its deadline.
    expect(reasonText({ code: 'leave-out', dropped: 1, change: 0.2 }, lang, t, 'users')).toContain(D2023[lang]);
    expect(reconcileText('on-track', false, t, 'users', lang)).toContain(D2023[lang]);
  });

  it('a goal seek that needs its lever names the central value at Dec 2027', () => {
    // The seek of base stations per 10,000 with annual additions at 200,000 a year: the target needs more.
    const gs = goalSeek(withParamValue(upgrade, 'buildAnnual', 200000), 'base_stations_per_10k_2027');
    expect([gs.status, gs.current.met]).toEqual(['reachable', false]);
    for (const lang of LANGS) expectUpgrade(centralSeekText(gs, lang, T[lang]), lang, 'goal seek');
  });

  it('the CLI’s analysis text (--json --analysis) names 2027-12 as Dec 2027, never 2023', () => {
    const s = JSON.stringify(analysisText(a));
    expect(s).not.toMatch(/2023/);
    expect(s).toContain('by Dec 2027');
  });

  it('on-track under the 2021 plan still measures the pace to Dec 2023', () => {
    expect(onTrackText(onTrack('base_stations_per_10k', PRESETS[0].scenario.asOf), 'en', T.en)).toContain(
      'by Dec 2023',
    );
  });
});

describe('verdicts and the scorecard under the upgrade plan', () => {
  const r = runModel(upgrade, 300);

  it.each(LANGS)('%s: every verdict sentence gives P(met) by 2027年12月 / Dec 2027', (lang) => {
    for (const id of r.ids) {
      const s = verdictSentence(id, r.outputs[id], lang, T[lang], r.horizon);
      expect(s, id).not.toMatch(/2023/);
      expect(s, id).not.toMatch(/\{\w+\}/);
      expect(s, id).toContain(D2027[lang]);
    }
  });

  it('the actual-outcome column is headed by the plan’s deadline and says no 2027-12 figure exists yet', () => {
    expect(T['zh-CN']('actualValue', { deadline: '2027年12月' })).toBe('2027年12月实际值');
    const cells = actualCells(
      'base_stations_per_10k_2027',
      actualOutcome('base_stations_per_10k_2027'),
      r.outputs.base_stations_per_10k_2027,
      'zh-CN',
      T['zh-CN'],
    );
    expect(cells.value).toBe('无2027年12月数据');
    expect(
      actualCells('users', actualOutcome('users'), runModel(PRESETS[0].scenario, 300).outputs.users, 'en', T.en).value,
    ).not.toMatch(/\{/);
  });

  it('the compare caption names the plan’s deadline', () => {
    expect(T['zh-CN']('compareCaption', { deadline: '2027年12月' })).toMatch(/^2027年12月数值与达标概率/);
    expect(PLANS['upgrade-2024'].deadline).toBe(r.deadline);
  });
});
