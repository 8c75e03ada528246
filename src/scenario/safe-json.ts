/**
 * JSON from outside (a link payload, an imported file, browser storage), parsed without trusting it: a size-bounded
 * tree walk without recursion (depth and node count), prototype keys refused, and syntax errors reported by position
 * only, never with the text itself (a message must not echo what was read).
 */

export interface JsonLimits {
  /** The deepest nesting allowed. */
  maxDepth: number;
  /** The most values (objects, arrays and scalars) allowed. */
  maxNodes: number;
}

export type JsonProblem =
  | { code: 'syntax'; position?: number }
  | { code: 'too-deep' }
  | { code: 'too-many' }
  | { code: 'forbidden-key'; key: string };

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** Keys that could reach an object's prototype if the value were ever merged into another object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a parsed JSON tree without recursion: bounded depth and size, no prototype keys. */
export function checkTree(root: unknown, limits: JsonLimits): JsonProblem | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return { code: 'too-many' };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) return { code: 'too-deep' };
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) return { code: 'forbidden-key', key: k };
        stack.push([(v as Record<string, unknown>)[k], depth + 1]);
      }
  }
  return undefined;
}

/** Parses JSON text (a leading byte-order mark is skipped) and checks its tree. Never throws. */
export function parseJson(text: string, limits: JsonLimits): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    // Engines quote the input in their messages (V8: `Unexpected token 'x', "xyz…" is not valid JSON`): keep only
    // the position.
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    return { ok: false, problem: { code: 'syntax', ...(m && { position: Number(m[1]) }) } };
  }
  const problem = checkTree(value, limits);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** Describes a problem in English, naming what was read (`the file`, `the link payload`) but none of its content. */
export function jsonProblemText(p: JsonProblem, what: string): string {
  switch (p.code) {
    case 'syntax':
      return `${what} is not valid JSON${p.position !== undefined ? ` (at character ${p.position + 1})` : ''}`;
    case 'too-deep':
      return `${what} is nested too deeply`;
    case 'too-many':
      return `${what} holds too many values`;
    case 'forbidden-key':
      return `${what} holds a forbidden key "${p.key}"`;
    default:
      return p satisfies never;
  }
}

/** A plain object (not null, not an array). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Text from outside made safe to print on a terminal or show in a message: control characters (C0, DEL, C1, which
 * carry terminal escape sequences; tab and line feed are kept) and bidirectional overrides are removed, and the
 * length is capped.
 */
export function printable(s: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > max ? clean.slice(0, max) + '…' : clean;
}
