// T14: POST /api/record over a socket, as the (dormant) uploader in the client sends it: no token, no
// Content-Type, the query string, raw bytes. Accepted only for the registered device named in the
// file, from the address of its latest heartbeat; quotas; names that could leave the directory.
import { afterAll, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { recordings } from "../../src/db/schema.ts";
import { uploadRecording, type UploadQuery } from "../../src/recordings/service.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { DEVICE, UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";

const RUST = { "content-type": "application/json" };
import { testEnv } from "../helpers/env.ts";

// Behind a trusted proxy, so each request can come "from" the address the test chooses.
const env = testEnv({ "server.trusted_proxies": "127.0.0.1/32", "recording.enabled": "true", "recording.device_quota": "3MiB", "recording.max_part": "2MiB", "recording.max_files_per_device": "3" });
const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
afterAll(() => server.stop(true));
const base = `http://127.0.0.1:${server.server!.port}`;
const HOME = "203.0.113.10";

const post = (path: string, body: string | Uint8Array, from = HOME) => fetch(`${base}${path}`, { method: "POST", body, headers: { "x-forwarded-for": from } });
const record = async (query: string, body: Uint8Array = new Uint8Array(0), from = HOME) => {
  const r = await post(`/api/record?${query}`, body, from);
  return [r.status, await r.text()] as const;
};
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
const FILE = `incoming_${DEVICE.id}_20261123101500123_display0_vp9.webm`;
const onDisk = (file: string) => join(env.config.data.dir, "recordings", String((env.sqlite.query("SELECT id FROM devices WHERE rd_id = ?").get(DEVICE.id) as { id: number }).id), file);

test("setup: the device registers and beats from its home address", async () => {
  expect(await (await post("/api/sysinfo", JSON.stringify({ hostname: "PC", id: DEVICE.id, os: "linux", uuid: UUID }))).text()).toBe("SYSINFO_UPDATED");
  const beat = await fetch(`${base}/api/heartbeat`, { method: "POST", body: `{"id":"${DEVICE.id}","modified_at":0,"uuid":"${UUID}","ver":1004090}`, headers: { ...RUST, "x-forwarded-for": HOME } });
  expect(beat.status).toBe(200);
});

test("T14: new, parts, tail reassemble the exact bytes; every reply is {}", async () => {
  const first = bytes(1024 * 1024, 1);
  const second = bytes(300_000, 2);
  const header = bytes(1024, 3);
  expect(await record(`type=new&file=${FILE}`)).toEqual([200, "{}"]);
  expect(await record(`type=part&file=${FILE}&offset=0&length=${first.length}`, first)).toEqual([200, "{}"]);
  expect(await record(`type=part&file=${FILE}&offset=${first.length}&length=${second.length}`, second)).toEqual([200, "{}"]);
  expect(await record(`type=tail&file=${FILE}&offset=0&length=1024`, header)).toEqual([200, "{}"]);
  const expected = new Uint8Array([...first, ...second]);
  expected.set(header, 0);
  expect(Buffer.compare(readFileSync(onDisk(FILE)), Buffer.from(expected))).toBe(0);
  expect(env.db.select().from(recordings).all()).toMatchObject([{ rdId: DEVICE.id, file: FILE, size: expected.length, complete: true }]);
  // Complete: evidence, changed by no upload (an admin deletes it with `recording delete`).
  const locked = [409, `{"error":"recording \\"${FILE}\\" is complete and can no longer be changed"}`] as const;
  expect(await record(`type=part&file=${FILE}&offset=0`, bytes(10, 9))).toEqual(locked);
  expect(await record(`type=new&file=${FILE}`)).toEqual(locked);
  expect(await record(`type=remove&file=${FILE}`)).toEqual(locked);
  expect(Buffer.compare(readFileSync(onDisk(FILE)), Buffer.from(expected))).toBe(0);
});

test("names that are not a plain file name are refused before anything else", async () => {
  for (const file of ["../../etc/passwd", "..", `incoming_${DEVICE.id}_..webm`, "a/b.webm", "a\\b.webm", ".hidden", "", `incoming_${DEVICE.id}_x%00.webm`, "x".repeat(201)]) {
    const [status, text] = await record(`type=new&file=${encodeURIComponent(file)}`);
    expect([file, status, text]).toEqual([file, 400, '{"error":"invalid file: a plain file name of letters, digits, \'.\', \'_\' and \'-\' is expected"}']);
  }
  expect(await record(`type=new`)).toEqual([400, '{"error":"invalid file: a plain file name of letters, digits, \'.\', \'_\' and \'-\' is expected"}']);
  expect(existsSync(join(env.config.data.dir, "etc"))).toBe(false);
});

test("only the registered device named in the file, from its heartbeat's address", async () => {
  const refused = [403, `{"error":"recordings are accepted only from registered devices: the file name carries the device's ID and the upload comes from the address of its latest heartbeat"}`] as const;
  expect(await record(`type=new&file=incoming_${DEVICE.id}_2_display0_vp9.webm`, undefined, "198.51.100.7")).toEqual(refused);
  expect(await record(`type=new&file=incoming_999999999_2_display0_vp9.webm`)).toEqual(refused);
  expect(await record(`type=new&file=recording.webm`)).toEqual(refused);
  // With the device's credentials in the query, from anywhere.
  expect(await record(`type=new&file=from-anywhere.webm&id=${DEVICE.id}&uuid=${UUID}`, undefined, "198.51.100.7")).toEqual([200, "{}"]);
  expect(await record(`type=new&file=from-anywhere.webm&id=${DEVICE.id}&uuid=bm9wZQ==`)).toEqual([403, '{"error":"unknown device"}']);
  expect(await record(`type=remove&file=from-anywhere.webm&id=${DEVICE.id}&uuid=${UUID}`)).toEqual([200, "{}"]);
  // Offline (no beat within devices.offline_after_seconds): refused.
  env.advance(46_000);
  expect(await record(`type=new&file=incoming_${DEVICE.id}_3_display0_vp9.webm`)).toEqual(refused);
  env.advance(-46_000);
});

test("bad uploads are 4xx with a clear error and change nothing", async () => {
  const name = `incoming_${DEVICE.id}_4_display0_vp9.webm`;
  const q = (rest: string) => `file=${name}&${rest}`;
  expect(await record(q("type=part&offset=0"), bytes(10, 1))).toEqual([404, `{"error":"no recording \\"${name}\\" from this device; start it with type=new"}`]);
  expect(await record(q("type=upload"))).toEqual([400, '{"error":"invalid type: expected one of new, part, tail, remove"}']);
  expect(await record(q("type=new"))).toEqual([200, "{}"]);
  expect(await record(q("type=part&offset=5"), bytes(10, 1))).toEqual([400, '{"error":"offset 5 is past the 0 bytes uploaded so far"}']);
  expect(await record(q("type=part&offset=0&length=11"), bytes(10, 1))).toEqual([400, '{"error":"length 11 does not match the 10 bytes sent"}']);
  expect(await record(q("type=part&offset=-1"), bytes(10, 1))).toEqual([400, '{"error":"invalid offset: a byte count is expected"}']);
  expect(await record(q("type=part"), bytes(10, 1))).toEqual([400, '{"error":"missing offset"}']);
  expect(await record(q("type=part&offset=0"), bytes(2000, 1))).toEqual([200, "{}"]);
  expect(await record(q("type=tail&offset=0"), bytes(1025, 1))).toEqual([400, '{"error":"a tail is at most 1024 bytes"}']);
  expect(await record(q("type=tail&offset=7"), bytes(10, 1))).toEqual([400, '{"error":"a tail is written at offset 0"}']);
  // One part over recording.max_part (2 MiB): refused before it is stored.
  expect(await record(q("type=part&offset=2000"), bytes(2 * 1024 * 1024 + 1, 1))).toEqual([413, '{"error":"request body too large (limit 2097152 bytes)"}']);
  expect(env.db.select().from(recordings).all().find((r) => r.file === name)).toMatchObject({ size: 2000, complete: false });
  expect(readFileSync(onDisk(name)).length).toBe(2000);
});

test("quotas: the device's bytes and its number of recordings", async () => {
  const name = `incoming_${DEVICE.id}_4_display0_vp9.webm`;
  // 1,329,024 (T14's recording) + 2,000 stored; the quota is 3 MiB.
  expect(await record(`type=part&file=${name}&offset=2000`, bytes(2 * 1024 * 1024, 5))).toEqual([413, `{"error":"this device's recordings would pass their quota of 3 MiB (recording.device_quota)"}`]);
  expect(readFileSync(onDisk(name)).length).toBe(2000);
  expect(await record(`type=part&file=${name}&offset=2000`, bytes(1024 * 1024, 5))).toEqual([200, "{}"]);
  expect(await record(`type=new&file=incoming_${DEVICE.id}_5_display0_vp9.webm`)).toEqual([200, "{}"]);
  expect(await record(`type=new&file=incoming_${DEVICE.id}_6_display0_vp9.webm`)).toEqual([403, '{"error":"this device already has 3 recordings on the server (recording.max_files_per_device)"}']);
  // remove frees a slot and the bytes.
  expect(await record(`type=remove&file=incoming_${DEVICE.id}_5_display0_vp9.webm`)).toEqual([200, "{}"]);
  expect(existsSync(onDisk(`incoming_${DEVICE.id}_5_display0_vp9.webm`))).toBe(false);
  expect(await record(`type=new&file=incoming_${DEVICE.id}_6_display0_vp9.webm`)).toEqual([200, "{}"]);
});

test("server-wide limits: total bytes, disk reserve, number of recordings; a device deleted mid-upload", async () => {
  const small = testEnv({ "recording.enabled": "true", "recording.total_quota": "1MiB", "recording.max_files": "2" });
  const store = new RecordingStore(small.config.data.dir);
  for (const id of ["111111111", "222222222"]) await call(small.app, "POST", "/api/sysinfo", { body: { id, uuid: "dQ==" } });
  const dev = (rdId: string) => ({ id: (small.sqlite.query("SELECT id FROM devices WHERE rd_id = ?").get(rdId) as { id: number }).id, rdId });
  const up = (rdId: string, q: UploadQuery, body = new Uint8Array(0)) => () => uploadRecording(small.ctx, store, dev(rdId), q, body);
  up("111111111", { type: "new", file: "a.webm" })();
  up("111111111", { type: "part", file: "a.webm", offset: "0" }, bytes(700_000, 1))();
  up("222222222", { type: "new", file: "b.webm" })();
  expect(up("222222222", { type: "part", file: "b.webm", offset: "0" }, bytes(400_000, 1))).toThrow("the server's recordings would pass their quota of 1 MiB (recording.total_quota)");
  expect(up("222222222", { type: "new", file: "c.webm" })).toThrow("the server already keeps 2 recordings (recording.max_files)");
  const reserve = testEnv({ "recording.enabled": "true", "recording.min_free": String(2 ** 50) });
  await call(reserve.app, "POST", "/api/sysinfo", { body: { id: "333333333", uuid: "dQ==" } });
  const r3 = { id: (reserve.sqlite.query("SELECT id FROM devices").get() as { id: number }).id, rdId: "333333333" };
  const store3 = new RecordingStore(reserve.config.data.dir);
  uploadRecording(reserve.ctx, store3, r3, { type: "new", file: "d.webm" }, new Uint8Array(0));
  expect(() => uploadRecording(reserve.ctx, store3, r3, { type: "part", file: "d.webm", offset: "0" }, bytes(10, 1))).toThrow("the server keeps 1073741824 MiB of its disk free (recording.min_free)");
  // Identified, then deleted before its body had arrived: refused, nothing written.
  const gone = dev("222222222");
  small.sqlite.run("DELETE FROM devices WHERE id = ?", [gone.id]);
  expect(() => uploadRecording(small.ctx, store, gone, { type: "part", file: "b.webm", offset: "0" }, bytes(10, 1))).toThrow("unknown device");
  expect(() => uploadRecording(small.ctx, store, gone, { type: "new", file: "e.webm" }, new Uint8Array(0))).toThrow("unknown device");
});

test("recording.enabled is off by default: a clear 404", async () => {
  const off = testEnv();
  const s = off.app.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    const r = await fetch(`http://127.0.0.1:${s.server!.port}/api/record?type=new&file=a.webm`, { method: "POST" });
    expect([r.status, await r.text()]).toEqual([404, '{"error":"session recording upload is disabled on this server"}']);
  } finally {
    s.stop(true);
  }
});
