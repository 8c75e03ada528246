/**
 * Export pictures as pure SVG text (no DOM: tested in Node). A picture is a frame around a body: a header (title,
 * scenario, optional verdict), the body (a Plot chart's SVG, or the scorecard table), a legend, and a footer stamped
 * with the source, the model and data versions and the share link. The font is the system stack with Chinese
 * fallbacks, set on the root, so Chinese renders in browsers and when the SVG is drawn onto a canvas for PNG.
 */

/** The system font stack of the app, with CJK fallbacks. */
export const EXPORT_FONT =
  "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

export type ExportSize = 'standard' | 'slide';

/** The pixel sizes of the two picture sizes: a document figure (any height) and a 16:9 slide. */
export const STANDARD_WIDTH = 1000;
export const STANDARD_BODY_HEIGHT = 460;
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

export interface ExportStamp {
  /** The picture's title (an indicator's name, or the scorecard's). */
  title: string;
  /** The scenario's name (its title, or its preset's name) and as-of date. */
  scenario: string;
  /** An optional sentence under the header (a verdict). */
  verdict?: string;
  /** Where the data comes from. */
  source: string;
  /** Model and data versions, seed and samples. */
  versions: string;
  /** The assumptions changed from the preset, as one sentence (changes.ts). */
  changes?: string;
  /** The share link that reproduces the picture. */
  link: string;
  /** The document language (lang attribute). */
  lang?: string;
}

export interface LegendItem {
  label: string;
  colour: string;
  kind: 'line' | 'dash' | 'band' | 'rule' | 'dot' | 'diamond';
  /** Fill opacity of a band (default 0.3). */
  opacity?: number;
}

export interface ExportLayout {
  size: ExportSize;
  width: number;
  height: number;
  pad: number;
  titleSize: number;
  textSize: number;
  smallSize: number;
  /** Header lines already wrapped. */
  titleLines: string[];
  scenarioLines: string[];
  verdictLines: string[];
  linkLines: string[];
  /** The changed assumptions, wrapped (in the footer). */
  changesLines: string[];
  /** The body's box. */
  body: { x: number; y: number; width: number; height: number };
  legendY: number;
  footerY: number;
}

/** Escapes text for XML text and attribute values; drops characters XML 1.0 does not allow. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An estimate of a text's width in em: CJK and full-width characters 1 em, others about 0.56 em. */
export function textWidthEm(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 && c <= 0xffef ? 1 : c >= 0x20000 ? 1 : /[A-Z@MW%]/.test(ch) ? 0.68 : 0.56;
  }
  return w;
}

/** Wraps text into lines no wider than maxWidth at fontSize (breaking at spaces, or anywhere in CJK or long words). */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = Infinity): string[] {
  const limit = maxWidth / fontSize;
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    // Tokens: a run of non-space Latin characters, a single CJK character, or a run of spaces.
    const tokens = para.match(/[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+/g) ?? [''];
    for (const tok of tokens) {
      if (textWidthEm(line + tok) <= limit) {
        line += tok;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = /^\s+$/.test(tok) ? '' : tok;
      // A single token wider than a line is cut.
      while (textWidthEm(line) > limit) {
        let cut = line.length;
        while (cut > 1 && textWidthEm(line.slice(0, cut)) > limit) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1].replace(/.$/u, '') + '…';
    return kept;
  }
  return lines;
}

/** Cuts a link into lines of at most `chars` characters (links have no spaces to break at). */
export function chunkLink(link: string, chars: number): string[] {
  const n = Math.max(8, Math.floor(chars));
  const out: string[] = [];
  for (let i = 0; i < link.length; i += n) out.push(link.slice(i, i + n));
  return out.length ? out : [''];
}

/**
 * Lays out a picture. `standard`: 1000 px wide, the body `bodyHeight` high (the height grows with the text);
 * `slide`: exactly 1920 × 1080, the body takes what the text leaves.
 */
export function exportLayout(
  size: ExportSize,
  stamp: ExportStamp,
  bodyHeight = STANDARD_BODY_HEIGHT,
  hasLegend = true,
): ExportLayout {
  const slide = size === 'slide';
  const width = slide ? SLIDE_WIDTH : STANDARD_WIDTH;
  const pad = slide ? 64 : 28;
  const titleSize = slide ? 44 : 24;
  const textSize = slide ? 26 : 15;
  const smallSize = slide ? 17 : 11;
  const inner = width - 2 * pad;
  const titleLines = wrapText(stamp.title, inner, titleSize, 2);
  const scenarioLines = wrapText(stamp.scenario, inner, textSize, 2);
  const verdictLines = stamp.verdict ? wrapText(stamp.verdict, inner, textSize, 3) : [];
  // Links are ASCII: about 0.6 em a character in the small size.
  const linkLines = chunkLink(stamp.link, inner / (smallSize * 0.62) - 6);
  const changesLines = stamp.changes ? wrapText(stamp.changes, inner, smallSize, slide ? 3 : 6) : [];
  const header =
    pad +
    titleLines.length * titleSize * 1.25 +
    scenarioLines.length * textSize * 1.4 +
    verdictLines.length * textSize * 1.4 +
    (slide ? 24 : 12);
  const legend = hasLegend ? smallSize * 2.4 : 0;
  const footer = (2 + linkLines.length + changesLines.length) * smallSize * 1.45 + pad * 0.75;
  const height = slide ? SLIDE_HEIGHT : Math.ceil(header + bodyHeight + legend + footer);
  const bodyH = slide ? Math.max(200, Math.floor(SLIDE_HEIGHT - header - legend - footer)) : bodyHeight;
  return {
    size,
    width,
    height,
    pad,
    titleSize,
    textSize,
    smallSize,
    titleLines,
    scenarioLines,
    verdictLines,
    linkLines,
    changesLines,
    body: { x: pad, y: Math.round(header), width: inner, height: bodyH },
    legendY: Math.round(header + bodyH + smallSize * 1.6),
    footerY: Math.round(header + bodyH + legend + smallSize * 1.2),
  };
}

/** Strips an XML declaration and a doctype from an SVG fragment, so it can be nested. */
export function nestableSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

function legendSvg(items: readonly LegendItem[], x0: number, y: number, size: number, ink: string): string {
  let x = x0;
  const parts: string[] = [];
  const sw = size * 2;
  for (const it of items) {
    const c = escapeXml(it.colour);
    const mid = y - size * 0.35;
    switch (it.kind) {
      case 'band':
        parts.push(
          `<rect x="${x}" y="${mid - size * 0.4}" width="${sw}" height="${size * 0.8}" fill="${c}" fill-opacity="${it.opacity ?? 0.3}"/>`,
        );
        break;
      case 'dot':
        parts.push(`<circle cx="${x + sw / 2}" cy="${mid}" r="${size * 0.3}" fill="${c}"/>`);
        break;
      case 'diamond':
        parts.push(
          `<rect x="${x + sw / 2 - size * 0.25}" y="${mid - size * 0.25}" width="${size * 0.5}" height="${size * 0.5}" fill="${c}" transform="rotate(45 ${x + sw / 2} ${mid})"/>`,
        );
        break;
      default: {
        const dash =
          it.kind === 'dash' ? ' stroke-dasharray="6,3"' : it.kind === 'rule' ? ' stroke-dasharray="5,4"' : '';
        parts.push(
          `<line x1="${x}" x2="${x + sw}" y1="${mid}" y2="${mid}" stroke="${c}" stroke-width="${it.kind === 'line' ? 3 : 2}"${dash}/>`,
        );
      }
    }
    x += sw + size * 0.4;
    parts.push(`<text x="${x}" y="${y}" font-size="${size}" fill="${ink}">${escapeXml(it.label)}</text>`);
    x += textWidthEm(it.label) * size + size * 1.4;
  }
  return parts.join('');
}

export interface ComposeInput {
  layout: ExportLayout;
  stamp: ExportStamp;
  /** The body: an SVG element's markup (nested as is, placed in the body box). */
  body: string;
  /** Draws the body enlarged by this factor (a chart laid out at body size ÷ scale): type and lines grow alike. */
  bodyScale?: number;
  legend?: readonly LegendItem[];
  background?: string;
  ink?: string;
  muted?: string;
}

/** Composes the whole picture: a standalone, well-formed SVG document. */
export function composeExportSvg(o: ComposeInput): string {
  const { layout: L, stamp } = o;
  const bg = o.background ?? '#ffffff';
  const ink = o.ink ?? '#1d1d1f';
  const muted = o.muted ?? '#5c5c66';
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" ` +
      `font-family="${escapeXml(EXPORT_FONT)}"${stamp.lang ? ` xml:lang="${escapeXml(stamp.lang)}"` : ''}>`,
  );
  out.push(`<title>${escapeXml(`${stamp.title} · ${stamp.scenario}`)}</title>`);
  out.push(`<desc>${escapeXml(`${stamp.source} ${stamp.versions} ${stamp.link}`)}</desc>`);
  out.push(`<rect x="0" y="0" width="${L.width}" height="${L.height}" fill="${escapeXml(bg)}"/>`);
  let y = L.pad + L.titleSize;
  for (const line of L.titleLines) {
    out.push(
      `<text x="${L.pad}" y="${y}" font-size="${L.titleSize}" font-weight="700" fill="${ink}">${escapeXml(line)}</text>`,
    );
    y += L.titleSize * 1.25;
  }
  y += L.textSize * 0.15;
  for (const line of L.scenarioLines) {
    out.push(`<text x="${L.pad}" y="${y}" font-size="${L.textSize}" fill="${muted}">${escapeXml(line)}</text>`);
    y += L.textSize * 1.4;
  }
  for (const line of L.verdictLines) {
    out.push(`<text x="${L.pad}" y="${y}" font-size="${L.textSize}" fill="${ink}">${escapeXml(line)}</text>`);
    y += L.textSize * 1.4;
  }
  const scale = o.bodyScale && o.bodyScale !== 1 ? ` scale(${o.bodyScale})` : '';
  out.push(`<g transform="translate(${L.body.x},${L.body.y})${scale}">${nestableSvg(o.body)}</g>`);
  if (o.legend?.length) out.push(legendSvg(o.legend, L.pad, L.legendY, L.smallSize, muted));
  let fy = L.footerY + L.smallSize * 1.2;
  out.push(
    `<line x1="${L.pad}" x2="${L.width - L.pad}" y1="${L.footerY}" y2="${L.footerY}" stroke="${muted}" stroke-opacity="0.4"/>`,
  );
  out.push(`<text x="${L.pad}" y="${fy}" font-size="${L.smallSize}" fill="${muted}">${escapeXml(stamp.source)}</text>`);
  fy += L.smallSize * 1.45;
  out.push(
    `<text x="${L.pad}" y="${fy}" font-size="${L.smallSize}" fill="${muted}">${escapeXml(stamp.versions)}</text>`,
  );
  fy += L.smallSize * 1.45;
  for (const line of L.changesLines) {
    out.push(
      `<text x="${L.pad}" y="${fy}" font-size="${L.smallSize}" fill="${ink}" data-role="changes">${escapeXml(line)}</text>`,
    );
    fy += L.smallSize * 1.45;
  }
  out.push(`<a href="${escapeXml(stamp.link)}"><text font-size="${L.smallSize}" fill="#0072B2">`);
  L.linkLines.forEach((line, i) => {
    out.push(`<tspan x="${L.pad}" y="${fy + i * L.smallSize * 1.45}">${escapeXml(line)}</tspan>`);
  });
  out.push('</text></a>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}
