// rdconsole's own recording routes (/api/admin/recordings…): list with the CLI's --device filter, metadata, the
// download (exact bytes, Content-Length, Content-Disposition; 404 when the file is gone), delete (audited as
// token:<name>), and the token matrix (area audit).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, rmSync, truncateSync } from "node:fs";
import { reportSysinfo } from "../../src/devices/registry.ts";
import { uploadRecording } from "../../src/recordings/service.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv({ "recording.enabled": "true" });
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "keeper", scopes: { audit: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "auditor", scopes: { audit: "r" } }).secret;
const other = createToken(env.ctx, { name: "ops", scopes: { devices: "rw", users: "rw", groups: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { audit: "rw" } }).secret;
revokeToken(env.ctx, "gone");
const store = new RecordingStore(env.config.data.dir);

const A = Uint8Array.from({ length: 5000 }, (_, i) => i & 255);
const upload = (rdId: string, file: string, bytes: Uint8Array) => {
  const id = (env.sqlite.query("SELECT id FROM devices WHERE rd_id = ?").get(rdId) as { id: number }).id;
  uploadRecording(env.ctx, store, { id, rdId }, { type: "new", file }, new Uint8Array(0));
  uploadRecording(env.ctx, store, { id, rdId }, { type: "part", file, offset: "0" }, bytes);
};
const reply = async (method: string, path: string, secret = ro) => {
  const r = await call(env.app, method, path, { headers: bearer(secret) });
  return [r.status, r.json()] as const;
};
interface Rec {
  guid: string;
  device: string;
  file: string;
  size: number;
  complete: boolean;
  created_at: string;
  updated_at: string;
}
const list = async (q = "") => (await reply("GET", `/api/admin/recordings${q}`))[1] as { total: number; bytes: number; data: Rec[] };

beforeAll(() => {
  for (const id of ["111111111", "222222222"]) reportSysinfo(env.ctx, env.devices, { id, uuid: "dQ==", hostname: `h-${id}` });
  upload("111111111", "incoming_111111111_1_display0_vp9.webm", A);
  upload("222222222", "incoming_222222222_1_display0_vp9.webm", new Uint8Array(2048).fill(7));
  upload("222222222", "same.webm", new Uint8Array(10));
  upload("111111111", "same.webm", new Uint8Array(10));
});

describe("the token matrix", () => {
  const REC = "/api/admin/recordings/incoming_111111111_1_display0_vp9.webm";
  tokenMatrix(env.app, [["GET", "/api/admin/recordings"], ["GET", REC], ["GET", `${REC}/download`], ["DELETE", "/api/admin/recordings/nope"]], areaCallers({ other, gone, ro }, "audit:r"));
});

test("list: oldest first, the CLI's --json shape, --device as ?device=", async () => {
  const all = await list();
  expect(all.data.map((r) => [r.device, r.file, r.size, r.complete])).toEqual([
    ["111111111", "incoming_111111111_1_display0_vp9.webm", 5000, false],
    ["222222222", "incoming_222222222_1_display0_vp9.webm", 2048, false],
    ["222222222", "same.webm", 10, false],
    ["111111111", "same.webm", 10, false],
  ]);
  expect([all.total, all.bytes]).toEqual([4, 5000 + 2048 + 20]);
  expect(all.data[0]).toEqual({ guid: expect.any(String), device: "111111111", file: "incoming_111111111_1_display0_vp9.webm", size: 5000, complete: false, created_at: expect.any(String), updated_at: expect.any(String) });
  expect((await list("?device=222222222")).data.map((r) => r.file)).toEqual(["incoming_222222222_1_display0_vp9.webm", "same.webm"]);
  expect((await list("?device=999")).data).toEqual([]);
});

test("metadata by guid or by a unique file name; an ambiguous name → 400, unknown → 404", async () => {
  const first = (await list()).data[0]!;
  expect(await reply("GET", `/api/admin/recordings/${first.guid}`)).toEqual([200, expect.objectContaining({ guid: first.guid, size: 5000 })]);
  expect((await reply("GET", "/api/admin/recordings/incoming_111111111_1_display0_vp9.webm"))[1]).toMatchObject({ guid: first.guid });
  expect(await reply("GET", "/api/admin/recordings/same.webm")).toEqual([400, { error: 'more than one recording is named "same.webm"; use its guid (rdconsole recording list)', code: "INVALID_INPUT" }]);
  expect(await reply("GET", "/api/admin/recordings/nope")).toEqual([404, { error: 'no recording "nope"', code: "NOT_FOUND" }]);
});

describe("download", () => {
  test("the exact bytes, as an attachment with the recording's length", async () => {
    const res = await env.app.handle(new Request("http://localhost/api/admin/recordings/incoming_111111111_1_display0_vp9.webm/download", { headers: bearer(ro) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="incoming_111111111_1_display0_vp9.webm"');
    expect(res.headers.get("content-length")).toBe("5000");
    expect(res.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(A))).toBe(0);
  });

  test("only the bytes the server accepted, when the file on disk is longer", async () => {
    const rec = (await list("?device=222222222")).data[0]!;
    const path = store.pathOf(`${(env.sqlite.query("SELECT id FROM devices WHERE rd_id = '222222222'").get() as { id: number }).id}/${rec.file}`);
    truncateSync(path, 3000); // a write that failed part-way may leave more than `size`
    const res = await env.app.handle(new Request(`http://localhost/api/admin/recordings/${rec.guid}/download`, { headers: bearer(ro) }));
    expect(res.headers.get("content-length")).toBe("2048");
    const body = new Uint8Array(await res.arrayBuffer());
    expect([body.length, body.every((b) => b === 7)]).toEqual([2048, true]);
    truncateSync(path, 100);
    expect(await reply("GET", `/api/admin/recordings/${rec.guid}/download`)).toEqual([404, { error: `only 100 of recording ${rec.file}'s 2048 bytes are on disk`, code: "NOT_FOUND" }]);
    rmSync(path);
    expect(await reply("GET", `/api/admin/recordings/${rec.guid}/download`)).toEqual([404, { error: `the file of recording ${rec.file} is missing from the data dir`, code: "NOT_FOUND" }]);
  });
});

test("delete: the row and its file go, audited as token:<name>; audit:r may not", async () => {
  const rec = (await list("?device=111111111")).data.find((r) => r.file === "same.webm")!;
  const path = store.pathOf(`${(env.sqlite.query("SELECT id FROM devices WHERE rd_id = '111111111'").get() as { id: number }).id}/same.webm`);
  expect(existsSync(path)).toBe(true);
  expect((await reply("DELETE", `/api/admin/recordings/${rec.guid}`, ro))[0]).toBe(403);
  expect(await reply("DELETE", `/api/admin/recordings/${rec.guid}`, rw)).toEqual([200, expect.objectContaining({ guid: rec.guid, file: "same.webm", device: "111111111" })]);
  expect(existsSync(path)).toBe(false);
  expect((await list()).data.map((r) => r.guid)).not.toContain(rec.guid);
  expect(env.audit("recording.delete")).toEqual([expect.objectContaining({ actorName: "token:keeper", actorType: "token", targetGuid: rec.guid })]);
  expect((await reply("DELETE", `/api/admin/recordings/${rec.guid}`, rw))[0]).toBe(404);
  // The other same.webm is now the only one: its name names it.
  expect((await reply("GET", "/api/admin/recordings/same.webm"))[1]).toMatchObject({ device: "222222222" });
});
