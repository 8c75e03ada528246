/**
 * Export builders (src/ui/export): the framed SVG (title, scenario, Chinese text, versions and the share link in a
 * well-formed standalone document, at the standard and slide sizes), the scorecard table, text wrapping and XML
 * escaping, and the CSV of a chart's central path and bands (header, one row per month, values equal to the
 * result's).
 */
import { describe, expect, it } from 'vitest';
import { composeExportSvg, escapeXml, exportLayout, wrapText, chunkLink, SLIDE_WIDTH, SLIDE_HEIGHT, STANDARD_WIDTH, type ExportStamp } from '../../src/ui/export/svg';
import { scorecardSvg, fitFontSize, type ScorecardTable } from '../../src/ui/export/scorecard-svg';
import { bandsCsv, CSV_HEADER } from '../../src/export/csv';
import { fanRows } from '../../src/ui/notebook/fan-chart';
import { runModel, OUTPUT_IDS, MODEL_VERSION, DATA_VERSION, formatMonth, QUANTILES } from '../../src/model';
import { PRESETS } from '../../src/scenario/presets';
import { xmlProblems } from './helpers/xml';

const LINK = 'https://example.org/yangfan/#v1.baseline.qwZHA2h2Yf1USL2vYJNkV2Gjn2SHERNgq1DNBxoKTW3A9Iae2moB' + 'x'.repeat(300);
const stamp: ExportStamp = {
  title: '5G网络接入流量占比 · 目标 > 50% · 2023年底',
  scenario: '情景: 我的 <情景> & "假设" (基准情景) · 基准日 2021-07-31',
  verdict: '在当前假设下于2023年9月达到> 50%;2023年底达标概率 = 83%。',
  source: '来源:工信部、国家统计局',
  versions: `模型 ${MODEL_VERSION} · 数据 ${DATA_VERSION} · 随机种子 20210705 · 10,000 个样本`,
  link: LINK,
  lang: 'zh-CN',
};
const chart = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="944" height="460"><g><path d="M0,0L10,10" stroke="#000"/><text x="1" y="2">2023</text></g></svg>';

describe('export SVG', () => {
  it('frames a chart with the title, scenario, verdict, source, versions and link, as well-formed XML', () => {
    const layout = exportLayout('standard', stamp);
    const svg = composeExportSvg({ layout, stamp, body: chart, legend: [{ label: '中心路径', colour: '#0072B2', kind: 'line' }] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
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
    expect(escapeXml('<img src=x onerror="alert(1)"> & \'x\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &apos;x&apos;');
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

  it('has the header month, central, p5 … p95 and one row per month', () => {
    for (const id of OUTPUT_IDS) {
      const o = r.outputs[id];
      const lines = bandsCsv(o).split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe('month,central,p5,p10,p25,p50,p75,p90,p95');
      expect(CSV_HEADER).toHaveLength(2 + QUANTILES.length);
      expect(lines).toHaveLength(1 + o.length);
      expect(lines[1].split(',')[0]).toBe(formatMonth(o.start));
      expect(lines[o.length].split(',')[0]).toBe(formatMonth(o.start + o.length - 1));
    }
  });

  it('holds exactly the result’s central path and bands', () => {
    const o = r.outputs.traffic_share;
    const rows = fanRows(o);
    const lines = bandsCsv(o).trim().split('\r\n').slice(1);
    lines.forEach((line, i) => {
      const [month, ...nums] = line.split(',');
      expect(month).toBe(formatMonth(rows[i].month));
      const v = nums.map(Number);
      const row = rows[i];
      expect(v).toEqual([row.central, row.p5, row.p10, row.p25, row.p50, row.p75, row.p90, row.p95]);
    });
  });
});
