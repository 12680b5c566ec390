// /api/admin/backups: the token matrix (area admin: admin:r lists and downloads, admin:rw takes a backup),
// a backup taken over HTTP (201, audited as token:<name>), the list, a download streaming the file's exact
// bytes as an attachment, and names that could reach elsewhere refused.
import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { admin: "r" } }).secret;
const other = createToken(env.ctx, { name: "hr", scopes: { users: "rw", devices: "rw", audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const first = await call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw) });
const firstName = (first.json() as { name: string }).name;

describe("the token matrix", () => {
  tokenMatrix(
    env.app,
    [["GET", "/api/admin/backups"], ["GET", `/api/admin/backups/${firstName}/download`], ["POST", "/api/admin/backups", {}]],
    areaCallers({ other, gone, ro }, "admin:r"),
  );
});

describe("routes", () => {
  test("POST takes a backup: 201 with what is in it; audited as the token", () => {
    expect(first.status).toBe(201);
    expect(first.json()).toEqual({ name: expect.stringMatching(/^rdconsole-\d{8}T\d{6}(\d{3})?Z\.tar\.gz$/), size: expect.any(Number), created_at: "2026-11-22T12:00:00.000Z", rdconsole_version: expect.any(String), schema_version: expect.any(Number), with_recordings: false, problem: null });
    expect(env.audit("backup.create")[0]).toMatchObject({ actorType: "token", actorName: "token:root", targetType: "backup" });
  });

  test("POST with {with_recordings: true}; a wrong body is 400", async () => {
    env.advance(1000);
    const r = await call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw), body: { with_recordings: true } });
    expect(r.status).toBe(201);
    expect(r.json()).toMatchObject({ with_recordings: true });
    expect((await call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw), body: { with_recordings: "yes" } })).status).toBe(400);
    expect((await call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw), body: { out: "/tmp/x" } })).status).toBe(400);
    env.advance(1000);
    const [a, b] = await Promise.all([call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw) }), call(env.app, "POST", "/api/admin/backups", { headers: bearer(rw) })]);
    expect([a.status, b.status]).toEqual([201, 409]);
    expect(b.json()).toEqual({ error: "a backup is already being made; try again when it is done", code: "CONFLICT" });
  });

  test("GET lists them newest first, without server paths", async () => {
    const r = await call(env.app, "GET", "/api/admin/backups", { headers: bearer(ro) });
    expect(r.status).toBe(200);
    const body = r.json() as { total: number; data: { name: string; with_recordings: boolean }[] };
    expect(body.total).toBe(3);
    expect(body.data.map((b) => b.with_recordings)).toEqual([false, true, false]);
    expect(body.data[2]!.name).toBe(firstName);
    expect(r.text).not.toContain(env.config.data.dir);
  });

  test("download: the exact bytes, as an attachment; audited", async () => {
    const res = await env.app.handle(new Request(`http://localhost/api/admin/backups/${firstName}/download`, { headers: bearer(ro) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${firstName}"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const onDisk = new Uint8Array(readFileSync(join(env.config.data.dir, "backups", firstName)));
    expect(bytes.length).toBe(onDisk.length);
    expect(Bun.hash(bytes)).toBe(Bun.hash(onDisk));
    expect(env.audit("backup.download").at(-1)).toMatchObject({ actorName: "token:viewer", targetName: firstName });
  });

  test.each([
    ["..%2F..%2Frdconsole.db", 400],
    ["..%2Fbackups%2F" + "rdconsole-20261122T120000Z.tar.gz", 400],
    ["rdconsole.db", 400],
    ["secret.key", 400],
    ["rdconsole-20200101T000000Z.tar.gz", 404],
  ])("download %s: %d", async (name, status) => {
    const r = await call(env.app, "GET", `/api/admin/backups/${name}/download`, { headers: bearer(rw) });
    expect(r.status).toBe(status);
    expect((r.json() as { code: string }).code).toBe(status === 400 ? "INVALID_INPUT" : "NOT_FOUND");
  });
});
