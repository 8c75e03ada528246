/**
 * A small XML well-formedness checker for tests (Node has no DOMParser): one root element, tags balanced and
 * properly nested, attributes quoted and not repeated, `&` only in entity or character references, no `<` in
 * attribute values or text, an optional XML declaration first. Returns the problems found (empty when well formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  let s = xml;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(s);
  if (decl) s = s.slice(decl[0].length);
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /^[A-Za-z_:][\w.:-]*/;
  const checkText = (text: string, where: string) => {
    if (text.includes('<')) problems.push(`unescaped < in ${where}`);
    for (const m of text.matchAll(/&/g)) {
      const rest = text.slice(m.index!);
      if (!/^&(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9a-fA-F]+);/.test(rest))
        problems.push(`bare & in ${where}: ${rest.slice(0, 20)}`);
    }
  };
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = lt < 0 ? s.slice(i) : s.slice(i, lt);
    if (text.trim() && stack.length === 0) problems.push(`text outside the root: ${text.slice(0, 20)}`);
    checkText(text, 'text');
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unterminated comment'];
      i = end + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt);
      if (end < 0) return [...problems, 'unterminated CDATA'];
      i = end + 3;
      continue;
    }
    const gt = findTagEnd(s, lt);
    if (gt < 0) return [...problems, 'unterminated tag'];
    const tag = s.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const n = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== n) problems.push(`closing </${n}> does not match <${open}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nm = name.exec(body);
    if (!nm) {
      problems.push(`bad tag <${body.slice(0, 20)}>`);
      continue;
    }
    if (stack.length === 0) roots++;
    let rest = body.slice(nm[0].length);
    const seen = new Set<string>();
    while (rest.trim()) {
      const a = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      if (!a) {
        problems.push(`bad attribute in <${nm[0]}>: ${rest.slice(0, 30)}`);
        break;
      }
      if (seen.has(a[1])) problems.push(`repeated attribute ${a[1]} in <${nm[0]}>`);
      seen.add(a[1]);
      checkText(a[3] ?? a[4], `attribute ${a[1]}`);
      rest = rest.slice(a[0].length);
    }
    if (!selfClosing) stack.push(nm[0]);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

function findTagEnd(s: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}
