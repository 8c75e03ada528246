/**
 * A small RFC 4180 CSV parser: comma-separated fields, fields may be quoted with `"`, a quote inside a quoted field is
 * written `""`, and quoted fields may hold commas and line breaks. Returns rows of strings; each row also carries the
 * 1-based line it starts on, so errors can name it.
 */
export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

/** Parses CSV text into rows of fields (throws on an unterminated quote, naming its line). */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // A blank line (one empty field) is not a row.
    if (!(row.length === 1 && row[0] === '')) rows.push({ line: rowLine, fields: row });
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      line++;
      rowLine = line;
      i += 2;
    } else if (ch === '\n') {
      endRow();
      line++;
      rowLine = line;
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is never closed`);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
