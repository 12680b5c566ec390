// A streaming tar (POSIX ustar, with pax records for long names and sizes past 8 GiB) writer and reader.
// Bun.Archive holds a whole archive in memory; recordings can be gigabytes, so entries stream through here.
import { once } from "node:events";
import type { Writable } from "node:stream";

const BLOCK = 512;
const MAX_OCTAL_SIZE = 8 ** 11 - 1;
const encoder = new TextEncoder();

function octal(header: Buffer, offset: number, length: number, value: number) {
  header.write(`${value.toString(8).padStart(length - 1, "0")}\0`, offset, length, "ascii");
}

function headerBlock(name: string, size: number, mode: number, mtime: number, type: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "utf8");
  octal(h, 100, 8, mode);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, Math.min(size, MAX_OCTAL_SIZE));
  octal(h, 136, 12, Math.floor(mtime / 1000));
  h.write(type, 156, 1, "ascii");
  h.write("ustar\0" + "00", 257, 8, "ascii");
  h.fill(" ", 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/** One pax record: "<length> <key>=<value>\n", where length counts the whole record, itself included. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restBytes = encoder.encode(rest).length;
  let len = restBytes + 1;
  while (String(len).length + restBytes !== len) len = String(len).length + restBytes;
  return `${len}${rest}`;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Uint8Array): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  /** Writes one file of exactly `size` bytes: a longer body is cut there, a shorter one is an error. */
  async add(name: string, size: number, body: Uint8Array | AsyncIterable<Uint8Array>, o: { mode?: number; mtime?: number } = {}): Promise<void> {
    const mtime = o.mtime ?? Date.now();
    const pax = (encoder.encode(name).length > 100 ? paxRecord("path", name) : "") + (size > MAX_OCTAL_SIZE ? paxRecord("size", String(size)) : "");
    if (pax) {
      const bytes = encoder.encode(pax);
      await this.write(headerBlock("PaxHeader", bytes.length, 0o644, mtime, "x"));
      await this.write(Buffer.concat([bytes, padding(bytes.length)]));
    }
    await this.write(headerBlock(name.slice(0, 100), size, o.mode ?? 0o600, mtime, "0"));
    let left = size;
    for await (const chunk of body instanceof Uint8Array ? [body] : body) {
      if (left === 0) break;
      const part = chunk.byteLength > left ? chunk.subarray(0, left) : chunk;
      await this.write(part);
      left -= part.byteLength;
    }
    if (left > 0) throw new Error(`${name} ended ${left} bytes short of ${size}`);
    await this.write(padding(size));
  }

  /** The two zero blocks that end an archive. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  mode: number;
  type: string;
  /** The entry's bytes; what is not read is skipped when the next entry is asked for. */
  body: AsyncIterable<Buffer>;
}

/** Reads exact byte counts from a stream of chunks. */
class Bytes {
  private buf = Buffer.alloc(0);
  private done = false;
  constructor(private readonly it: AsyncIterator<Uint8Array>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.it.next();
    if (next.done) return !(this.done = true);
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : Buffer.from(next.value);
    return true;
  }

  async exactly(n: number): Promise<Buffer | null> {
    while (this.buf.length < n) if (!(await this.fill())) return null;
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  async *upTo(n: number): AsyncGenerator<Buffer> {
    while (n > 0) {
      if (!this.buf.length && !(await this.fill())) throw new Error("the archive ends in the middle of a file");
      const out = this.buf.subarray(0, Math.min(n, this.buf.length));
      this.buf = this.buf.subarray(out.length);
      n -= out.length;
      yield out;
    }
  }
}

const field = (h: Buffer, offset: number, length: number) => h.toString("utf8", offset, offset + length).replace(/\0.*$/s, "");
const number = (h: Buffer, offset: number, length: number) => Number.parseInt(field(h, offset, length).trim() || "0", 8);

function checkHeader(h: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  if (sum !== number(h, 148, 8)) throw new Error("not a tar archive, or a damaged one (header checksum)");
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)) out[m[1]!] = m[2]!;
  return out;
}

/** The entries of an archive, in order; an archive cut short (no end marker) is an error. */
export async function* readTar(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<TarEntry> {
  const bytes = new Bytes(Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source[Symbol.iterator]() as unknown as AsyncIterator<Uint8Array>));
  let pax: Record<string, string> = {};
  for (;;) {
    const h = await bytes.exactly(BLOCK);
    if (!h) throw new Error("the archive ends in the middle (no end marker)");
    if (h.every((b) => b === 0)) return;
    checkHeader(h);
    const type = field(h, 156, 1) || "0";
    const prefix = field(h, 345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    const size = pax.size !== undefined ? Number(pax.size) : number(h, 124, 12);
    if (type === "x") {
      const body = await bytes.exactly(size + padding(size).length);
      if (!body) throw new Error("the archive ends in the middle of a header");
      pax = parsePax(body.toString("utf8", 0, size));
      continue;
    }
    pax = {};
    let left = size;
    async function* body() {
      for await (const chunk of bytes.upTo(left)) {
        left -= chunk.length;
        yield chunk;
      }
    }
    yield { name, size, mode: number(h, 100, 8), type, body: { [Symbol.asyncIterator]: body } };
    for await (const chunk of bytes.upTo(left)) left -= chunk.length; // what the reader left
    await bytes.exactly(padding(size).length);
  }
}
