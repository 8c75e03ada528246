/**
 * The .pptx tidy pass (src/ui/export/ooxml.ts) against pptxgenjs itself, in Node: a small deck straight from
 * pptxgenjs has the problems PowerPoint offers to repair (phantom content types, a paragraph's properties between its
 * runs, the notes master listed after the slides, empty runs on the notes pages); tidied, the checker finds none and
 * the slides' text is unchanged. The checker (tests/unit/helpers/ooxml.ts) is tested on broken packages too.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import {
  dropEmptyRuns,
  tidyContentTypes,
  tidyParagraphs,
  tidyPptx,
  tidyPresentation,
} from '../../../src/ui/export/ooxml';
import { pptxProblems } from '../helpers/ooxml';

/** A 32 × 18 (16:9) PNG. */
const PNG =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAASCAIAAAC1qksFAAAAIUlEQVQ4y2M0Ll/FQEvARFPTRy0YtWDUglELRi0YtQAKAI3mAXhebV36AAAAAElFTkSuQmCC';

async function smallDeck(): Promise<Record<string, Uint8Array>> {
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_16x9';
  const a = pres.addSlide();
  a.addText(
    [
      { text: '达标 +0.3', options: { bold: true, color: '007A55' } },
      { text: ' · 目标 > 18', options: {} },
    ],
    { x: 0.5, y: 0.5, w: 9, h: 0.5, fontFace: 'Microsoft YaHei', lang: 'zh-CN' },
  );
  a.addImage({ data: PNG, x: 0.5, y: 1.2, w: 6.4, h: 3.6 });
  const b = pres.addSlide();
  b.addTable(
    [
      [{ text: '指标' }, { text: '数值' }],
      [{ text: '每万人拥有5G基站数' }, { text: '18.3' }],
    ],
    { x: 0.5, y: 0.5, w: 9, colW: [6, 3] },
  );
  const bytes = (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
  return unzipSync(bytes);
}

const slideText = (files: Record<string, Uint8Array>) =>
  Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort()
    .map((n) => [...strFromU8(files[n]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('|'));

describe('tidying a pptxgenjs package', () => {
  it('finds what PowerPoint would repair in pptxgenjs output, and nothing once tidied', async () => {
    const raw = await smallDeck();
    const before = pptxProblems(raw);
    expect(before.some((p) => p.includes('names a missing part: /ppt/slideMasters/slideMaster2.xml'))).toBe(true);
    expect(before.some((p) => p.startsWith('ppt/slides/slide1.xml: <a:pPr> after the start'))).toBe(true);
    expect(before.some((p) => p.includes('<p:notesMasterIdLst> should come before <p:sldIdLst>'))).toBe(true);
    expect(before.some((p) => p.includes('notesSlide1.xml: an empty text run'))).toBe(true);

    const tidy = tidyPptx(raw);
    expect(pptxProblems(tidy)).toEqual([]);
    expect(Object.keys(tidy)).toEqual(Object.keys(raw));
    expect(slideText(tidy)).toEqual(slideText(raw));
    expect(slideText(tidy)[0]).toBe('达标 +0.3| · 目标 &gt; 18');
    // The pictures are the same bytes.
    for (const n of Object.keys(raw).filter((k) => k.startsWith('ppt/media/'))) expect(tidy[n]).toBe(raw[n]);
  });

  it('keeps a paragraph’s first properties and drops the repeats', () => {
    const p =
      '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr algn="l"><a:buNone/></a:pPr>' +
      '<a:r><a:t>b</a:t></a:r><a:pPr/><a:br/></a:p><a:p><a:r><a:t>c</a:t></a:r><a:pPr><a:buNone/></a:pPr></a:p>';
    expect(tidyParagraphs(p)).toBe(
      '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r><a:br/></a:p>' +
        '<a:p><a:r><a:t>c</a:t></a:r></a:p>',
    );
    // <a:lvl1pPr> in a list style is not a paragraph's properties.
    const ls = '<a:lstStyle><a:lvl1pPr algn="l"/></a:lstStyle><a:p><a:pPr/><a:r><a:t>x</a:t></a:r></a:p>';
    expect(tidyParagraphs(ls)).toBe(ls);
  });

  it('drops empty runs only', () => {
    const xml =
      '<a:p><a:r><a:rPr lang="en-US"/><a:t></a:t></a:r><a:r><a:rPr lang="zh-CN"><a:latin typeface="x"/></a:rPr>' +
      '<a:t>字</a:t></a:r><a:r><a:t/></a:r><a:r><a:t> </a:t></a:r></a:p>';
    expect(dropEmptyRuns(xml)).toBe(
      '<a:p><a:r><a:rPr lang="zh-CN"><a:latin typeface="x"/></a:rPr><a:t>字</a:t></a:r><a:r><a:t> </a:t></a:r></a:p>',
    );
  });

  it('drops overrides for missing parts and moves the notes master list', () => {
    const ct =
      '<Types><Override PartName="/ppt/a.xml" ContentType="x"/><Override PartName="/ppt/b.xml" ContentType="x"/></Types>';
    expect(tidyContentTypes(ct, new Set(['ppt/a.xml']))).toBe(
      '<Types><Override PartName="/ppt/a.xml" ContentType="x"/></Types>',
    );
    const pres =
      '<p:presentation><p:sldMasterIdLst><p:sldMasterId/></p:sldMasterIdLst><p:sldIdLst><p:sldId/></p:sldIdLst>' +
      '<p:notesMasterIdLst><p:notesMasterId/></p:notesMasterIdLst><p:sldSz/></p:presentation>';
    expect(tidyPresentation(pres)).toBe(
      '<p:presentation><p:sldMasterIdLst><p:sldMasterId/></p:sldMasterIdLst>' +
        '<p:notesMasterIdLst><p:notesMasterId/></p:notesMasterIdLst><p:sldIdLst><p:sldId/></p:sldIdLst>' +
        '<p:sldSz/></p:presentation>',
    );
  });

  it('the checker finds broken targets, stretched pictures and shapes off the slide', async () => {
    const files = tidyPptx(await smallDeck());
    const slide = strFromU8(files['ppt/slides/slide1.xml'])
      // Stretch the 16:9 picture to 4:3 and push it off the slide's right edge.
      .replace('<a:ext cx="5852160" cy="3291840"/>', '<a:ext cx="5852160" cy="4389120"/>')
      .replace('<a:off x="457200" y="1097280"/>', '<a:off x="4572000" y="1097280"/>');
    files['ppt/slides/slide1.xml'] = strToU8(slide);
    delete files['ppt/slideLayouts/slideLayout1.xml'];
    const problems = pptxProblems(files);
    expect(problems.some((p) => /slide1\.xml: Image 0 is stretched/.test(p))).toBe(true);
    expect(problems.some((p) => /slide1\.xml: Image 0 is off the slide/.test(p))).toBe(true);
    expect(problems.some((p) => /points to a missing part ppt\/slideLayouts\/slideLayout1\.xml/.test(p))).toBe(true);
    expect(problems.some((p) => /names a missing part: \/ppt\/slideLayouts\/slideLayout1\.xml/.test(p))).toBe(true);
  });
});
