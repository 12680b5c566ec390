// The streaming tar writer and reader: a round trip of long names, empty files and chunked bodies, byte for
// byte; GNU tar reads what the writer writes; a damaged header and a short body are errors.
import { expect, test } from "bun:test";
import { PassThrough } from "node:stream";
import { join } from "node:path";
import { readTar, TarWriter } from "../../src/backups/tar.ts";
import { tempDir } from "../helpers/env.ts";

async function pack(entries: [string, Uint8Array | Uint8Array[]][]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (c: Buffer) => parts.push(c));
  const tar = new TarWriter(out);
  for (const [name, body] of entries) {
    const chunks = Array.isArray(body) ? body : [body];
    const size = chunks.reduce((n, c) => n + c.length, 0);
    await tar.add(name, size, (async function* () { yield* chunks; })());
  }
  await tar.finish();
  out.end();
  return Buffer.concat(parts);
}

async function unpack(bytes: Buffer, chunk = 777): Promise<[string, Buffer][]> {
  async function* source() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: [string, Buffer][] = [];
  for await (const e of readTar(source())) {
    const parts: Buffer[] = [];
    for await (const c of e.body) parts.push(c);
    out.push([e.name, Buffer.concat(parts)]);
  }
  return out;
}

const random = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n)));
const LONG = `recordings/12345/${"very-long-name-".repeat(12)}é.webm`;
const ENTRIES: [string, Buffer][] = [
  ["manifest.json", Buffer.from('{"a":1}')],
  ["empty", Buffer.alloc(0)],
  ["block", random(512)],
  [LONG, random(70_001)],
  ["recordings/1/x.webm", random(1)],
];

test("round trip: names over 100 bytes, empty files, odd sizes, any chunking", async () => {
  const bytes = await pack(ENTRIES.map(([n, b]) => [n, [b.subarray(0, 3), b.subarray(3)]]));
  expect(bytes.length % 512).toBe(0);
  for (const chunk of [1, 511, 512, 4096, 1 << 20]) expect(await unpack(bytes, chunk)).toEqual(ENTRIES);
});

test("entries the reader does not read are skipped", async () => {
  const bytes = await pack(ENTRIES);
  const names: string[] = [];
  for await (const e of readTar([bytes])) {
    names.push(e.name);
    if (e.name === LONG) for await (const _ of e.body) break; // read a little, then stop
  }
  expect(names).toEqual(ENTRIES.map(([n]) => n));
});

test("GNU tar lists and extracts what the writer wrote", async () => {
  const dir = tempDir();
  await Bun.write(join(dir, "a.tar"), await pack(ENTRIES));
  const list = Bun.spawnSync(["tar", "-tf", join(dir, "a.tar")]);
  expect(list.stdout.toString().trim().split("\n")).toEqual(ENTRIES.map(([n]) => n));
  expect(Bun.spawnSync(["tar", "-xf", "a.tar"], { cwd: dir }).exitCode).toBe(0);
  expect(Buffer.from(await Bun.file(join(dir, LONG)).bytes()).equals(ENTRIES[3]![1])).toBe(true);
});

test("the reader reads what GNU tar wrote", async () => {
  const dir = tempDir();
  await Bun.write(join(dir, "in", LONG), ENTRIES[3]![1]);
  await Bun.write(join(dir, "in", "empty"), "");
  expect(Bun.spawnSync(["tar", "--format=posix", "-cf", "../b.tar", "empty", "recordings"], { cwd: join(dir, "in") }).exitCode).toBe(0);
  const got = (await unpack(Buffer.from(await Bun.file(join(dir, "b.tar")).arrayBuffer())));
  expect(got.find(([n]) => n === LONG)?.[1]).toEqual(ENTRIES[3]![1]);
  expect(got.find(([n]) => n === "empty")?.[1]).toEqual(Buffer.alloc(0));
});

test("a short body, a damaged header and a cut archive are errors", async () => {
  const out = new PassThrough();
  out.resume();
  await expect(new TarWriter(out).add("x", 10, Buffer.alloc(4))).rejects.toThrow("x ended 6 bytes short of 10");
  const bytes = await pack(ENTRIES);
  const bad = Buffer.from(bytes);
  bad[5] = bad[5]! ^ 1;
  await expect(unpack(bad)).rejects.toThrow("header checksum");
  await expect(unpack(bytes.subarray(0, 2000))).rejects.toThrow("ends in the middle");
  await expect(unpack(bytes.subarray(0, 2048))).rejects.toThrow("ends in the middle");
});
