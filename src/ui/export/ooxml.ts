/**
 * Tidies the parts of a .pptx written by pptxgenjs 4 into what PowerPoint opens without offering to repair it (pure:
 * tested in Node). pptxgenjs 4.0.1 writes four things that the OOXML schema (ECMA-376) or PowerPoint refuse:
 *  - an Override in [Content_Types].xml for slideMaster2.xml … slideMasterN.xml, one per slide, parts it never writes
 *    (pptxgenjs issue 1444);
 *  - a paragraph's properties again before each further run of the paragraph (an `<a:pPr>` after an `<a:r>`; the
 *    schema allows one, first, and PowerPoint 2016 calls the file damaged: pptxgenjs pull request 1083);
 *  - `<p:notesMasterIdLst>` after `<p:sldIdLst>` in presentation.xml (the schema's order is the slide masters, the
 *    notes master, then the slides);
 *  - empty text runs (`<a:t></a:t>`) on every speaker-notes page.
 * Nothing else is changed. tests/unit/helpers/ooxml.ts checks a package for these and more.
 */
import { strFromU8, strToU8 } from 'fflate';

/** Drops every Override whose part is not in the package. */
export function tidyContentTypes(xml: string, parts: ReadonlySet<string>): string {
  return xml.replace(/<Override\b[^>]*?PartName="\/([^"]+)"[^>]*\/>/g, (all, name: string) =>
    parts.has(name) ? all : '',
  );
}

const PARAGRAPH = /(<a:p(?:\s[^>]*)?>)([\s\S]*?)(<\/a:p>)/g;
const PPR = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*[^/]>[\s\S]*?<\/a:pPr>|<a:pPr>[\s\S]*?<\/a:pPr>/g;

/** Keeps a paragraph's properties only where the schema allows them: as its first child. */
export function tidyParagraphs(xml: string): string {
  return xml.replace(PARAGRAPH, (_all, open: string, body: string, close: string) => {
    let first = true;
    const kept = body.replace(PPR, (ppr: string, at: number) => {
      const keep = first && at === 0;
      first = false;
      return keep ? ppr : '';
    });
    return open + kept + close;
  });
}

/** Drops text runs with no text (`<a:t></a:t>` or `<a:t/>`). */
export function dropEmptyRuns(xml: string): string {
  return xml.replace(/<a:r>[\s\S]*?<\/a:r>/g, (run) => (/<a:t>[^<]+<\/a:t>/.test(run) ? run : ''));
}

/** Moves the notes master's list to where the schema wants it: right after the slide masters' list. */
export function tidyPresentation(xml: string): string {
  const m = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml);
  if (!m) return xml;
  const without = xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  const at = without.indexOf('</p:sldMasterIdLst>');
  if (at < 0) return xml;
  const end = at + '</p:sldMasterIdLst>'.length;
  return without.slice(0, end) + m[0] + without.slice(end);
}

/** Tidies a package's parts (file name → bytes); returns a new map in the same order. */
export function tidyPptx(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const names = new Set(Object.keys(files));
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    let xml: string | null = null;
    if (name === '[Content_Types].xml') xml = tidyContentTypes(strFromU8(data), names);
    else if (name === 'ppt/presentation.xml') xml = tidyPresentation(strFromU8(data));
    else if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name))
      xml = dropEmptyRuns(tidyParagraphs(strFromU8(data)));
    out[name] = xml === null ? data : strToU8(xml);
  }
  return out;
}
