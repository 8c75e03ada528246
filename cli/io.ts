/**
 * The CLI's input and output, hardened: a scenario file is opened without blocking, checked to be a regular file
 * of at most 1 MB before a byte is read (so /dev/zero, a FIFO or a huge file are refused at once); standard input
 * (`-`) is read up to the same limit; bytes must be UTF-8 (a byte-order mark is skipped; UTF-16 is refused); and
 * output is written synchronously, so a closed pipe (EPIPE) or a full disk (ENOSPC) is caught where it happens.
 * No message quotes what was read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, writeSync, type Stats } from 'node:fs';
import { IMPORT_MAX_BYTES } from '../src/scenario/file';
import { printable } from '../src/scenario/safe-json';

/** The most bytes a scenario file or standard input may hold (the import dialog's limit). */
export const MAX_INPUT_BYTES = IMPORT_MAX_BYTES;

/** A problem that ends the program: its one-line message and exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const mb = (n: number) => `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Reads from a descriptor until end of file or until more than `max` bytes have come. */
function readUpTo(fd: number, max: number): Buffer {
  const buf = Buffer.alloc(max + 1);
  let n = 0;
  for (;;) {
    let got: number;
    try {
      got = readSync(fd, buf, n, buf.length - n, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        sleep(5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (got === 0) break;
    n += got;
    if (n > max) break;
  }
  return buf.subarray(0, n);
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ? `system error ${code}` : 'it could not be read';
  }
}

/** The bytes of a scenario file: a regular file of at most MAX_INPUT_BYTES, else a CliError before reading. */
export function readFileBytes(path: string): Buffer {
  const name = printable(path, 200);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new CliError(`cannot read scenario file ${name}: ${why(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CliError(`cannot read scenario file ${name}: it is ${kindOf(st)}, not a regular file`);
    if (st.size > MAX_INPUT_BYTES)
      throw new CliError(
        `cannot read scenario file ${name}: it is ${mb(st.size)}, larger than the ${mb(MAX_INPUT_BYTES)} a scenario file may be`,
      );
    const buf = readUpTo(fd, MAX_INPUT_BYTES);
    if (buf.length > MAX_INPUT_BYTES)
      throw new CliError(`cannot read scenario file ${name}: it grew past ${mb(MAX_INPUT_BYTES)} while being read`);
    return buf;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read scenario file ${name}: ${why(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of standard input, at most MAX_INPUT_BYTES. */
export function readStdinBytes(): Buffer {
  try {
    const st = fstatSync(0);
    if (st.isDirectory()) throw new CliError('cannot read standard input: it is a directory');
    if (st.isFile() && st.size > MAX_INPUT_BYTES)
      throw new CliError(
        `cannot read standard input: it is ${mb(st.size)}, larger than the ${mb(MAX_INPUT_BYTES)} a scenario may be`,
      );
    const buf = readUpTo(0, MAX_INPUT_BYTES);
    if (buf.length > MAX_INPUT_BYTES)
      throw new CliError(`cannot read standard input: it holds more than the ${mb(MAX_INPUT_BYTES)} a scenario may be`);
    return buf;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read standard input: ${why(e)}`);
  }
}

/** Bytes as text: UTF-8, a leading byte-order mark skipped; UTF-16 and other binary refused (named, not quoted). */
export function utf8Text(bytes: Uint8Array, name: string): string {
  const n = printable(name, 200);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CliError(`${n} is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8`);
  if (bytes.includes(0))
    throw new CliError(
      `${n} holds NUL bytes: it is binary, or UTF-16/UTF-32 text without a byte-order mark; a scenario file is UTF-8 JSON`,
    );
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new CliError(`${n} is not UTF-8 text: a scenario file is UTF-8 JSON`);
  }
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // A non-blocking descriptor whose reader is slow: wait and go on.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') sleep(5);
      else throw e;
    }
  }
}

/** Writes to standard output; a closed pipe, a full disk or another failure is a CliError with exit code 1. */
export function writeOut(text: string): void {
  try {
    writeAll(1, text.endsWith('\n') ? text : text + '\n');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE')
      throw new CliError(
        'the output was closed before everything was written (EPIPE: the reading end of the pipe exited)',
        1,
      );
    if (code === 'ENOSPC') throw new CliError('cannot write the output: no space left on the device (ENOSPC)', 1);
    throw new CliError(`cannot write the output: ${code ? `system error ${code}` : 'unknown failure'}`, 1);
  }
}

/** Writes lines to standard error; if even that fails, there is nowhere left to say so. */
export function writeErr(lines: string[]): void {
  try {
    writeAll(2, lines.map((l) => l + '\n').join(''));
  } catch {
    // Standard error is closed or full: nothing more can be told.
  }
}
