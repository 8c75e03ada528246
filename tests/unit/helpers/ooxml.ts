/**
 * Checks an unzipped .pptx (part name → bytes) for what PowerPoint is strict about and LibreOffice forgives, since
 * PowerPoint cannot run here. Returns the problems found (empty when none):
 *  - every XML part (and every .rels) is well formed;
 *  - [Content_Types].xml names only parts that exist, and every part has a content type;
 *  - every internal relationship's target exists, relationship ids are unique, and every r:id, r:embed or r:link a
 *    part uses is one of its relationships;
 *  - presentation.xml keeps the schema's order (slide masters, notes master, slides, slide size, notes size);
 *  - a paragraph has at most one `<a:pPr>`, as its first child; no text run is empty;
 *  - shape ids are unique within a slide; every shape lies on the slide;
 *  - pictures are PNG (or JPEG) of sane size, drawn at their own aspect ratio (not stretched).
 */
import { strFromU8 } from 'fflate';
import { xmlProblems } from './xml';

const EMU_PER_INCH = 914400;

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that owns the .rels. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base ? base.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Pixel size of a PNG (IHDR) or JPEG (first SOFn), or null. */
export function imageSize(b: Uint8Array): { type: 'png' | 'jpeg'; width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return { type: 'png', width: dv.getUint32(16), height: dv.getUint32(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      const len = dv.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: 'jpeg', height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
      i += 2 + len;
    }
  }
  return null;
}

export function pptxProblems(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const has = new Set(names);
  const text = new Map<string, string>();
  for (const n of names) if (/\.(xml|rels)$/.test(n)) text.set(n, strFromU8(files[n]));

  // Well-formed XML.
  for (const [n, xml] of text) for (const p of xmlProblems(xml)) problems.push(`${n}: ${p}`);

  // Content types.
  const ct = text.get('[Content_Types].xml');
  if (!ct) problems.push('[Content_Types].xml is missing');
  else {
    const overrides = new Set([...ct.matchAll(/<Override\b[^>]*?PartName="\/([^"]+)"/g)].map((m) => m[1]));
    const defaults = new Set([...ct.matchAll(/<Default\b[^>]*?Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
    for (const o of overrides) if (!has.has(o)) problems.push(`[Content_Types].xml names a missing part: /${o}`);
    for (const n of names) {
      if (n === '[Content_Types].xml') continue;
      const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
      if (!overrides.has(n) && !defaults.has(ext)) problems.push(`${n} has no content type`);
    }
  }

  // Relationships.
  for (const n of names) {
    if (!n.endsWith('.rels')) continue;
    const xml = text.get(n)!;
    const base = n.replace(/(^|\/)_rels\/[^/]+$/, '');
    const ids = new Set<string>();
    for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[1])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[1])?.[1];
      if (!id || !target) {
        problems.push(`${n}: a relationship without Id or Target`);
        continue;
      }
      if (ids.has(id)) problems.push(`${n}: repeated relationship id ${id}`);
      ids.add(id);
      if (/TargetMode="External"/.test(m[1])) continue;
      const to = resolve(base, target);
      if (!has.has(to)) problems.push(`${n}: ${id} points to a missing part ${to}`);
    }
  }
  for (const [n, xml] of text) {
    if (n.endsWith('.rels')) continue;
    const used = [...xml.matchAll(/\br:(?:id|embed|link|pict)="([^"]*)"/g)].map((m) => m[1]);
    if (!used.length) continue;
    const rels = text.get(relsPathOf(n));
    const ids = new Set(rels ? [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]) : []);
    for (const id of used)
      if (!ids.has(id)) problems.push(`${n}: uses ${id || '(empty id)'}, which it has no relationship for`);
  }

  // presentation.xml: the schema's order of its children.
  const pres = text.get('ppt/presentation.xml');
  let slideW = 0;
  let slideH = 0;
  if (pres) {
    const order = ['sldMasterIdLst', 'notesMasterIdLst', 'handoutMasterIdLst', 'sldIdLst', 'sldSz', 'notesSz'];
    let last = -1;
    let lastName = '';
    for (const el of order) {
      const at = pres.indexOf(`<p:${el}`);
      if (at < 0) continue;
      if (at < last) problems.push(`ppt/presentation.xml: <p:${lastName}> should come before <p:${el}>`);
      else [last, lastName] = [at, el];
    }
    const sz = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(pres);
    if (sz) [slideW, slideH] = [Number(sz[1]), Number(sz[2])];
    else problems.push('ppt/presentation.xml: no slide size');
  }

  // Text: one paragraph properties element, first; no empty runs.
  for (const [n, xml] of text) {
    if (!/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(n)) continue;
    for (const m of xml.matchAll(/<a:p(?:\s[^>]*)?>([\s\S]*?)<\/a:p>/g)) {
      const at = m[1].search(/<a:pPr\b/);
      if (at > 0 || (at === 0 && m[1].slice(1).search(/<a:pPr\b/) >= 0))
        problems.push(`${n}: <a:pPr> after the start of a paragraph: ${m[1].slice(0, 80)}`);
    }
    for (const m of xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g))
      if (!/<a:t>[^<]+<\/a:t>/.test(m[1])) problems.push(`${n}: an empty text run`);
  }

  // Slides: unique shape ids, shapes on the slide, pictures at their own aspect ratio.
  for (const [n, xml] of text) {
    if (!/^ppt\/slides\/slide\d+\.xml$/.test(n)) continue;
    const ids = [...xml.matchAll(/<p:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => m[1]);
    if (new Set(ids).size !== ids.length) problems.push(`${n}: repeated shape ids`);
    const rels = text.get(relsPathOf(n)) ?? '';
    const shapes = [...xml.matchAll(/<p:(sp|pic|graphicFrame)>([\s\S]*?)<\/p:\1>/g)];
    for (const [, kind, body] of shapes) {
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(body);
      const ext = /<a:ext cx="(-?\d+)" cy="(-?\d+)"\/>/.exec(body);
      if (!off || !ext) continue;
      const [x, y, w, h] = [off[1], off[2], ext[1], ext[2]].map(Number);
      const name = /<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(body)?.[1] ?? kind;
      if (w <= 0 || h <= 0) problems.push(`${n}: ${name} has no size`);
      // A table's frame grows with its rows: only its origin and width are checked.
      const bottom = kind === 'graphicFrame' ? y : y + h;
      if (x < 0 || y < 0 || x + w > slideW || bottom > slideH)
        problems.push(
          `${n}: ${name} is off the slide (${(x / EMU_PER_INCH).toFixed(2)}, ${(y / EMU_PER_INCH).toFixed(2)}, ` +
            `${(w / EMU_PER_INCH).toFixed(2)} × ${(h / EMU_PER_INCH).toFixed(2)} in)`,
        );
      if (kind !== 'pic') continue;
      const rid = /<a:blip\b[^>]*\br:embed="([^"]+)"/.exec(body)?.[1];
      const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const img = target ? files[resolve('ppt/slides', target)] : undefined;
      const size = img && imageSize(img);
      if (!size) {
        problems.push(`${n}: ${name} is not a PNG or JPEG`);
        continue;
      }
      if (size.width < 16 || size.height < 16 || size.width > 8192 || size.height > 8192)
        problems.push(`${n}: ${name} is ${size.width} × ${size.height} px`);
      const drawn = w / h;
      const own = size.width / size.height;
      if (Math.abs(drawn / own - 1) > 0.01)
        problems.push(`${n}: ${name} is stretched (drawn ${drawn.toFixed(3)}:1, the picture is ${own.toFixed(3)}:1)`);
    }
  }
  return problems;
}
