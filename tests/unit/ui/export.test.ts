/**
 * Export builders (src/ui/export): the framed SVG (title, scenario, Chinese text, versions and the share link in a
 * well-formed standalone document, at the standard and slide sizes), the scorecard table, text wrapping and XML
 * escaping, and the CSV of a chart's central path and bands (header, one row per month, values equal to the
 * result's).
 */
import { describe, expect, it } from 'vitest';
import {
  composeExportSvg,
  escapeXml,
  exportLayout,
  wrapText,
  chunkLink,
  SLIDE_WIDTH,
  SLIDE_HEIGHT,
  STANDARD_WIDTH,
  type ExportStamp,
} from '../../../src/ui/export/svg';
import { scorecardSvg, fitFontSize, type ScorecardTable } from '../../../src/ui/export/scorecard-svg';
import { chartCsv, BOM, csvDigits, csvHeader, roundCell } from '../../../src/export/csv';
import { exportFileName, safeFilePart } from '../../../src/ui/export/filename';
import { basisScenario, changedAssumptions, changeLine, changesText } from '../../../src/ui/export/changes';
import { translator } from '../../../src/i18n';
import { PARAM_IDS, PARAMS } from '../../../src/model';
import { fanRows } from '../../../src/ui/notebook/fan-chart';
import { runModel, OUTPUT_IDS, MODEL_VERSION, DATA_VERSION, formatMonth } from '../../../src/model';
import { PRESETS } from '../../../src/scenario/presets';
import { xmlProblems } from '../helpers/xml';

const LINK =
  'https://example.org/yangfan/#v1.baseline.qwZHA2h2Yf1USL2vYJNkV2Gjn2SHERNgq1DNBxoKTW3A9Iae2moB' + 'x'.repeat(300);
const stamp: ExportStamp = {
  title: '5G网络接入流量占比 · 目标 > 50% · 2023年底',
  scenario: '情景: 我的 <情景> & "假设" (基准情景) · 基准日 2021-07-31',
  verdict: '在当前假设下于2023年9月达到> 50%;2023年底达标概率 = 83%。',
  source: '来源:工信部、国家统计局',
  versions: `模型 ${MODEL_VERSION} · 数据 ${DATA_VERSION} · 随机种子 20210705 · 10,000 个样本`,
  link: LINK,
  lang: 'zh-CN',
};
const chart =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="944" height="460"><g><path d="M0,0L10,10" stroke="#000"/><text x="1" y="2">2023</text></g></svg>';

describe('export SVG', () => {
  it('frames a chart with the title, scenario, verdict, source, versions and link, as well-formed XML', () => {
    const layout = exportLayout('standard', stamp);
    const svg = composeExportSvg({
      layout,
      stamp,
      body: chart,
      legend: [{ label: '中心路径', colour: '#0072B2', kind: 'line' }],
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('5G网络接入流量占比');
    expect(svg).toContain('我的 &lt;情景&gt; &amp; &quot;假设&quot;');
    expect(svg).toContain('2023年9月达到');
    expect(svg).toContain(`模型 ${MODEL_VERSION}`);
    expect(svg).toContain(`数据 ${DATA_VERSION}`);
    // The whole link, once as the anchor's href (the visible text is cut into lines).
    expect(svg).toContain(`href="${LINK}"`);
    expect(svg).toContain('font-family="system-ui');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).toContain(`width="${STANDARD_WIDTH}" height="${layout.height}"`);
    // The chart is nested without its XML declaration.
    expect(svg.match(/<\?xml/g)).toHaveLength(1);
    expect(svg).toContain('<path d="M0,0L10,10"');
  });

  it('lays a slide out at exactly 1920 × 1080, the body filling what the text leaves', () => {
    const layout = exportLayout('slide', stamp);
    expect([layout.width, layout.height]).toEqual([SLIDE_WIDTH, SLIDE_HEIGHT]);
    expect(layout.body.y + layout.body.height).toBeLessThan(layout.footerY);
    expect(layout.body.height).toBeGreaterThan(500);
    const svg = composeExportSvg({ layout, stamp, body: chart });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('width="1920" height="1080" viewBox="0 0 1920 1080"');
  });

  it('escapes markup, quotes and ampersands, and drops characters XML cannot hold', () => {
    expect(escapeXml('<img src=x onerror="alert(1)"> & \'x\'')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &apos;x&apos;',
    );
    expect(escapeXml('a\u0000b\u0008c\uFFFEd')).toBe('abcd');
    const hostile = { ...stamp, title: '<script>alert(1)</script>]]><!--', scenario: '\u0001&&&' };
    const svg = composeExportSvg({ layout: exportLayout('standard', hostile), stamp: hostile, body: chart });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script>');
  });

  it('wraps long text, Chinese or not, and cuts the link into lines that keep every character', () => {
    const lines = wrapText('这是一段很长的中文文字'.repeat(10), 300, 15);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('这是一段很长的中文文字'.repeat(10));
    for (const l of lines) expect(l.length * 15).toBeLessThanOrEqual(300);
    expect(wrapText('one two three four five six seven', 80, 10)).toEqual(['one two three', 'four five six', 'seven']);
    expect(wrapText('x'.repeat(100), 100, 10, 2)).toHaveLength(2);
    const chunks = chunkLink(LINK, 80);
    expect(chunks.join('')).toBe(LINK);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(80);
  });
});

describe('scorecard SVG', () => {
  const r = runModel(PRESETS[0].scenario, 300);
  const table: ScorecardTable = {
    headers: ['指标', '2023年12月数值', '目标', '结论', '达标概率', '中心路径达标时间', '走势'],
    rows: OUTPUT_IDS.map((id) => ({
      name: `${id} 指标`,
      value: String(r.outputs[id].value),
      target: '> 1',
      verdict: r.outputs[id].verdict.met ? '达标' : '未达标',
      met: r.outputs[id].verdict.met,
      pMet: String(r.outputs[id].pMet),
      firstMet: '2023年9月',
      spark: r.outputs[id].central,
      sparkTarget: 1,
      deadlineIndex: r.outputs[id].deadlineIndex,
    })),
    groupAt: 8,
    groupLabel: '工作目标',
    note: '全部主要指标同时达标的概率: 0%',
  };

  it('draws a row per target, the group heading and the note, well formed', () => {
    const svg = scorecardSvg(table, 944, 600, 15);
    expect(xmlProblems(svg)).toEqual([]);
    for (const id of OUTPUT_IDS) expect(svg).toContain(`${id} 指标`);
    expect(svg).toContain('工作目标');
    expect(svg.match(/<polyline /g)).toHaveLength(OUTPUT_IDS.length);
  });

  it('fits the font to the height', () => {
    expect(fitFontSize(table, 1800, 2000, 30)).toBe(30);
    expect(fitFontSize(table, 944, 400, 30)).toBeLessThan(15);
  });
});

describe('CSV of the bands', () => {
  const r = runModel(PRESETS[0].scenario, 500);
  const zh = translator('zh-CN');
  const en = translator('en');

  it('starts with a BOM, has headers with units in the page language and one row per month', () => {
    for (const id of OUTPUT_IDS) {
      const o = r.outputs[id];
      const text = chartCsv(o, id, 'en', en);
      expect(text.startsWith(BOM)).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(1 + o.length);
      expect(lines[1].split(',')[0]).toBe(formatMonth(o.start));
      expect(lines[o.length].split(',')[0]).toBe(formatMonth(o.start + o.length - 1));
    }
    expect(chartCsv(r.outputs.traffic_share, 'traffic_share', 'zh-CN', zh).split('\r\n')[0]).toBe(
      `${BOM}月份,中心路径（%）,p5（%）,p10（%）,p25（%）,p50（%）,p75（%）,p90（%）,p95（%）`,
    );
    expect(chartCsv(r.outputs.users, 'users', 'en', en).split('\r\n')[0]).toBe(
      `${BOM}month,central path (persons),p5 (persons),p10 (persons),p25 (persons),p50 (persons),p75 (persons),p90 (persons),p95 (persons)`,
    );
    expect(csvHeader('base_stations_per_10k', 'zh-CN', zh)[1]).toBe('中心路径（个/万人）');
    // UTF-8 bytes EF BB BF first, as Excel and WPS expect.
    expect([...new TextEncoder().encode(chartCsv(r.outputs.users, 'users', 'zh-CN', zh)).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it('holds the result’s central path and bands rounded to the indicator’s precision', () => {
    for (const id of ['traffic_share', 'users', 'base_stations_per_10k', 'benchmarks_per_industry'] as const) {
      const o = r.outputs[id];
      const rows = fanRows(o);
      const d = csvDigits(id);
      const lines = chartCsv(o, id, 'en', en).slice(1).trim().split('\r\n').slice(1);
      lines.forEach((line, i) => {
        const [month, ...cells] = line.split(',');
        expect(month).toBe(formatMonth(rows[i].month));
        const row = rows[i];
        const want = [row.central, row.p5, row.p10, row.p25, row.p50, row.p75, row.p90, row.p95];
        cells.forEach((c, k) => {
          // No 15-digit floats: at most d decimals, within half a unit of the last kept digit.
          expect(c.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(d);
          expect(Math.abs(Number(c) - want[k])).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        });
      });
    }
    expect(csvDigits('users')).toBe(0);
    expect(roundCell(12.345678, 2)).toBe('12.35');
    expect(roundCell(-0.0001, 2)).toBe('0');
    expect(roundCell(NaN, 2)).toBe('');
  });
});

describe('export file names', () => {
  const day = new Date(2026, 10, 30);
  it('names a file from the scenario title, the indicator and the date, Chinese kept', () => {
    expect(
      exportFileName({
        title: '基站加快建设',
        presetName: '基准情景',
        part: '每万人拥有5G基站数',
        date: day,
        ext: 'png',
      }),
    ).toBe('基站加快建设-每万人拥有5G基站数-2026-11-30.png');
    expect(exportFileName({ title: '', presetName: 'Plan ambition', part: 'Scorecard', date: day, ext: 'svg' })).toBe(
      'Plan-ambition-Scorecard-2026-11-30.svg',
    );
    expect(exportFileName({ title: '', presetName: '', date: day, ext: 'json' })).toBe('yangfan-2026-11-30.json');
  });
  it('removes characters a file system or a shell refuses', () => {
    const name = exportFileName({
      title: '../a/b\\c:d*e?f"g<h>i|j\u0000k  l（试）',
      presetName: 'x',
      part: 'p/q',
      date: day,
      ext: 'csv',
    });
    expect(name).toBe('abcdefghijk-l-试-pq-2026-11-30.csv');
    expect(name).not.toMatch(/[/\\:*?"<>|\p{Cc}]/u);
    expect(safeFilePart('...hidden')).toBe('hidden');
    expect([...safeFilePart('长'.repeat(100))]).toHaveLength(60);
  });
});

describe('changed assumptions', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const preset = PRESETS[0].scenario;
  it('compares with the preset, or with the registry defaults when the scenario names none', () => {
    expect(basisScenario(PRESETS[1].id)).toEqual(PRESETS[1].scenario);
    const defaults = basisScenario('registry-defaults');
    expect(defaults.params.buildGrowth.value).toBe(PARAMS.buildGrowth.value);
    expect(changedAssumptions(defaults, defaults, 'en', en)).toEqual([]);
  });
  it('lists nothing for the preset itself, and names the preset', () => {
    expect(changedAssumptions(preset, preset, 'zh-CN', zh)).toEqual([]);
    expect(changesText([], 'zh-CN', zh, '基准情景')).toBe('与预设不同的假设：无：即预设“基准情景”。');
  });
  it('lists each changed value, distribution, growth model and date as old → new', () => {
    const s = structuredClone(preset);
    const id = PARAM_IDS.find((p) => PARAMS[p].group === 'base_stations_per_10k')!;
    const p = PARAMS[id];
    s.params[id].value = p.value === p.max ? p.min : p.max;
    s.families.users = s.families.users === 'bass' ? 'gompertz' : 'bass';
    s.asOf = '2021-12-31';
    const zhChanges = changedAssumptions(s, preset, 'zh-CN', zh);
    expect(zhChanges.map((c) => c.key)).toEqual(['users', 'asOf', id]);
    const line = changeLine(zhChanges[2], 'zh-CN');
    expect(line).toContain('（每万人拥有5G基站数）：');
    expect(line).toContain(' → ');
    const enText = changesText(changedAssumptions(s, preset, 'en', en), 'en', en, 'Baseline');
    expect(enText).toMatch(
      /^Assumptions changed from the preset: growth model \(5G users\): .+ → .+; As of: 2021-07-31 → 2021-12-31; /,
    );
  });
});
