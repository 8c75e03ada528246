/**
 * The forecast CLI's hardened inputs and outputs, run for real (`node --import tsx cli/forecast.ts …`): every input
 * rule of its help (regular files of at most 1 MB checked before reading, standard input with the same limit, UTF-8
 * with or without a byte-order mark, UTF-16 refused, decimal numbers only, `--` and `./` forcing a path, strict keys,
 * the basis named) ends with the documented exit code and one line per problem, never a stack trace, never the
 * file's content; a closed pipe and a full disk end with one line and exit 1.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLink } from '../../../src/scenario/link';
import { PRESETS } from '../../../src/scenario/presets';
import { defaultLinkState } from '../../../src/scenario/link-state';
import { parseArgs } from '../../../cli/format';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'cli/forecast.ts');
const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'yangfan-cli-in-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], opts: { input?: string | Buffer; cwd?: string; stdout?: number } = {}): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', opts.stdout ?? 'pipe', 'pipe'],
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0 };
}

/** The stderr of a refusal: exactly one line, starting with `error:`, with no stack trace. */
function oneLine(r: Run): string {
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|node:internal|Error:/);
  return lines[0];
}

const write = (name: string, data: string | Buffer) => {
  const f = join(tmp, name);
  writeFileSync(f, data);
  return f;
};

/**
 * Checks that a refusal took under a second of the CPU (user + system, measured by /usr/bin/time where there is one:
 * wall time on a shared machine says more about the other processes), and under the wall time of starting the
 * program plus 3 s in any case. Reading /dev/zero or a FIFO would never end; reading 200 MB would take seconds.
 */
function quick(args: string[]): void {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', 'cpu=%U+%S', process.execPath, '--import', TSX, CLI, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const m = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![1]) + Number(m![2])).toBeLessThan(1);
  }
}

describe('CLI inputs that could flood it', () => {
  const help = cli(['--help']);

  it.each([
    ['/dev/zero', /\/dev\/zero: it is a character device, not a regular file$/],
    ['/dev/urandom', /\/dev\/urandom: it is a character device, not a regular file$/],
  ])('%s exits 2 at once with one line', (dev, msg) => {
    const r = cli([dev]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(msg);
    expect(r.ms).toBeLessThan(help.ms + 3000);
    quick([dev]);
  });

  it('a FIFO exits 2 at once without waiting for a writer', () => {
    const fifo = join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const r = cli([fifo]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/it is a FIFO \(named pipe\), not a regular file$/);
    expect(r.ms).toBeLessThan(help.ms + 3000);
    quick([fifo]);
  });

  it('a 200 MB (sparse) file and a directory exit 2 before reading', () => {
    const big = join(tmp, 'big.json');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 200 * 1024 * 1024);
    const r = cli([big]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/it is 209\.7 MB, larger than the 1 MB a scenario file may be$/);
    expect(r.ms).toBeLessThan(help.ms + 3000);
    quick([big]);
    const d = cli([tmp]);
    expect(d.code).toBe(2);
    expect(oneLine(d)).toMatch(/it is a directory, not a regular file$/);
  });

  it('standard input (-) is read with the same 1 MB limit', () => {
    const ok = cli(['-', '--samples', '500'], { input: '{"preset": "cautious"}' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Yangfan forecast: Cautious \(standard input\)\nbasis: preset cautious \(Cautious\)$/m);
    const big = cli(['-'], { input: Buffer.alloc(1_500_000, 0x20) });
    expect(big.code).toBe(2);
    expect(oneLine(big)).toBe('error: cannot read standard input: it holds more than the 1 MB a scenario may be');
    const zero = spawnSync('bash', ['-c', `node --import ${TSX} ${CLI} - < /dev/zero`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(zero.status).toBe(2);
    expect(zero.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('CLI input encodings and content', () => {
  it('accepts a UTF-8 byte-order mark and refuses UTF-16 with a message', () => {
    const bom = write(
      'bom.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"preset": "baseline", "title": "带BOM"}')]),
    );
    const ok = cli([bom, '--samples', '500']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Yangfan forecast: 带BOM /);
    for (const [name, bytes] of [
      ['utf16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"samples": 500}', 'utf16le')])],
      ['utf16be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"samples": 500}', 'utf16le').swap16()])],
    ] as const) {
      const r = cli([write(name, bytes)]);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/is UTF-16 text \(it starts with a UTF-16 byte-order mark\): save it as UTF-8$/);
    }
    const noBom = cli([write('utf16-nobom.json', Buffer.from('{"samples": 500}', 'utf16le'))]);
    expect(noBom.code).toBe(2);
    expect(oneLine(noBom)).toMatch(/holds NUL bytes/);
    const latin1 = cli([write('latin1.json', Buffer.from('{"title": "caf\xe9"}', 'latin1'))]);
    expect(latin1.code).toBe(2);
    expect(oneLine(latin1)).toMatch(/is not UTF-8 text/);
  });

  it('never echoes the content of a file it cannot read', () => {
    for (const text of ['root:x:0:0:SECRET-42:/root:/bin/bash\n', '{"title": SECRET-42}', '# SECRET-42\nsamples: 1']) {
      const r = cli([write('leak.txt', text)]);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/leak\.txt: The file is not valid JSON/);
      expect(r.stderr + r.stdout).not.toMatch(/SECRET|root:/);
    }
  });

  it('strips control characters (terminal escapes) from titles and unknown keys before printing', () => {
    const esc = write(
      'esc.json',
      JSON.stringify({ preset: 'baseline', title: '\u001b]0;pwned\u0007\u001b[31mRed\u009b2J title\r\nline two' }),
    );
    const r = cli([esc, '--samples', '500']);
    expect(r.code, r.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex -- control characters are what this checks for
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout.split('\n')[0]).toBe(`Yangfan forecast: ]0;pwned[31mRed2J title line two (${esc})`);
    const key = cli([write('esc-key.json', JSON.stringify({ '\u001b[2Jtitle': 'x' }))]);
    expect(key.code).toBe(2);
    // eslint-disable-next-line no-control-regex -- control characters are what this checks for
    expect(key.stderr).not.toMatch(/\u001b/);
    expect(key.stderr).toMatch(/^ {2}\[2Jtitle: unknown field$/m);
  });

  it('refuses unknown keys at every level, naming each and the known one', () => {
    const f = write(
      'typo.json',
      JSON.stringify({ preset: 'baseline', titel: 'x', params: { bassq: { value: 0.02 }, ceiling: { valu: 100 } } }),
    );
    const r = cli([f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `error: invalid scenario in ${f}:`,
      '  titel: unknown field; did you mean title?',
      '  params.bassq: unknown parameter; did you mean bassQ?',
      '  params.ceiling.valu: unknown field; did you mean value?',
    ]);
    const old = cli([write('old.json', '{"preset": "baseline", "as_of": "2021-09-30", "samples": 500}')]);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toBe('note: Fields of an older version were renamed: as_of → asOf.\n');
    expect(old.stdout).toMatch(/^as of 2021-09-30,/m);
    const preset = cli([write('preset.json', '{"preset": "cautous"}')]);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/preset: unknown preset "cautous"; did you mean cautious\?/);
  });

  it('names a file without a preset "registry defaults", never a preset', () => {
    const f = write('nopreset.json', '{"samples": 500}');
    const r = cli([f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      `Yangfan forecast: registry defaults (${f})`,
      'basis: registry defaults (注册表默认值): the file names no preset',
    ]);
    expect(r.stdout).not.toMatch(/Baseline|baseline/);
    const j = cli([f, '--json']);
    expect(JSON.parse(j.stdout).basis).toEqual({
      kind: 'registry-defaults',
      name: { en: 'registry defaults', zh: '注册表默认值' },
    });
    expect(JSON.parse(j.stdout).scenario.preset).toBe('registry-defaults');
    // A file that names a preset computes that preset with its changes on top.
    const c = cli([
      write('cautious-q.json', '{"preset": "cautious", "params": {"bassQ": {"value": 0.01}}}'),
      '--json',
      '--samples',
      '500',
    ]);
    const s = JSON.parse(c.stdout).scenario;
    expect(s.params.bassQ).toEqual({ value: 0.01, dist: PRESETS[2].scenario.params.bassQ.dist });
    expect(s.params.buildAnnual).toEqual(PRESETS[2].scenario.params.buildAnnual);
  });
});

describe('CLI arguments', () => {
  it('takes numbers in decimal digits only', () => {
    for (const v of ['0x3e8', '0o1750', '0b1111101000', 'Infinity', '1_000', '1,5', '']) {
      const r = cli(['scenarios/baseline.json', '--samples', v]);
      expect(r.code, v).toBe(2);
      // One line that says what was understood (the typed-number parser's own words).
      expect(r.stderr.split('\n')[0]).toMatch(/^error: --samples .*: samples must be a whole number\. /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(parseArgs(['x.json', '--seed=0x10'])).toMatchObject({ kind: 'error' });
    expect(parseArgs(['x.json', '--samples', '1e3', '--seed', '42'])).toMatchObject({
      kind: 'run',
      options: { samples: '1e3', seed: '42' },
    });
  });

  it('-- and a leading ./ force a path even if it holds #v1., and - is standard input', () => {
    expect(parseArgs(['#v1.baseline'])).toMatchObject({ kind: 'run', options: { input: { kind: 'link' } } });
    expect(parseArgs(['--', '#v1.baseline'])).toMatchObject({
      kind: 'run',
      options: { input: { kind: 'file', path: '#v1.baseline' } },
    });
    expect(parseArgs(['./x#v1.baseline/a.json'])).toMatchObject({ kind: 'run', options: { input: { kind: 'file' } } });
    expect(parseArgs(['--', '--json'])).toMatchObject({
      kind: 'run',
      options: { input: { kind: 'file', path: '--json' }, format: 'table' },
    });
    expect(parseArgs(['-'])).toMatchObject({ kind: 'run', options: { input: { kind: 'stdin' } } });
    const dir = join(tmp, 'x#v1.baseline');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), '{"preset": "plan-ambition"}');
    const dashed = cli(['--samples', '500', '--', 'x#v1.baseline/a.json'], { cwd: tmp });
    expect(dashed.code, dashed.stderr).toBe(0);
    expect(dashed.stdout).toMatch(/^Yangfan forecast: Plan ambition/);
    const dotted = cli(['./x#v1.baseline/a.json', '--samples', '500'], { cwd: tmp });
    expect(dotted.code, dotted.stderr).toBe(0);
    const asLink = cli(['x#v1.baseline/a.json'], { cwd: tmp });
    expect(asLink.code).toBe(2);
    expect(oneLine(asLink)).toMatch(/share link cannot be read/);
  });

  it('prints the warnings of an older link from the message tables', () => {
    const r = cli(['#v1.cautious', '--samples', '500']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe(
      'note: It was made in link format v1, which has no integrity check: if a character was changed when it was copied, that cannot be detected here.',
    );
    const v2 = cli([encodeLink({ ...defaultLinkState(), scenario: { ...PRESETS[2].scenario, samples: 500 } })]);
    expect(v2.code, v2.stderr).toBe(0);
    expect(v2.stderr).toBe('');
    const damaged = cli(['#v2.cautious.AAAAAAAAAA']);
    expect(damaged.code).toBe(2);
    expect(oneLine(damaged)).toMatch(/^error: the share link cannot be read \(payload\)/);
  });

  it('the help names the input rules', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const rule of [
      /regular file of at most 1 MB/,
      /- reads standard input/,
      /UTF-16 is refused/,
      /0x3e8/,
      /--\s+everything after it is a file name/,
      /starts with \.\//,
      /registry defaults/,
      /control characters/,
    ])
      expect(r.stdout).toMatch(rule);
  });
});

describe('CLI output that cannot be written', () => {
  it('a full disk (/dev/full) ends with one line and exit 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = cli(['scenarios/baseline.json', '--json', '--samples', '500'], { stdout: full });
      expect(r.code).toBe(1);
      expect(oneLine(r)).toBe('error: cannot write the output: no space left on the device (ENOSPC)');
    } finally {
      closeSync(full);
    }
  });

  it('a closed pipe (| head -c 1) ends with one line and exit 1', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node --import ${TSX} ${CLI} scenarios/baseline.json --json --samples 500 2>${tmp}/err | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat ${tmp}/err`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const [code, ...err] = r.stdout.trimEnd().split('\n');
    expect(code).toBe('1');
    expect(err).toEqual([
      'error: the output was closed before everything was written (EPIPE: the reading end of the pipe exited)',
    ]);
  });
});
