// audit tail: one line per entry, or JSON lines; filters by log, device, owner, time.
import { expect, test } from "bun:test";
import { join } from "node:path";
import { openDb } from "../../src/db/client.ts";
import { cliDataDir, cliWithApp } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";

test("tail of each log, with filters; bad options are one-line errors", async () => {
  const { cli, app, db, sqlite, close, dir } = await cliWithApp();
  const post = async (path: string, body: unknown) => (await call(app, "POST", path, { body })).status;
  for (const id of ["111111111", "222222222"]) await post("/api/sysinfo", { hostname: `host-${id}`, id, uuid: "dQ==" });
  await cli(["device", "set", "111111111", "--owner", "alice"]);
  expect(await post("/api/audit/conn", { action: "new", conn_id: 1, id: "111111111", ip: "203.0.113.7", nonce: "n1", session_id: 0, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/conn", { conn_id: 1, id: "111111111", nonce: "n2", peer: ["987654321", "Bob"], primary_auth: 2, session_id: 5, type: 0, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/conn", { action: "new", conn_id: 1, id: "222222222", ip: "203.0.113.8", nonce: "n3", session_id: 0, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/file", { conn_id: 1, id: "111111111", info: JSON.stringify({ files: [["a.txt", 3]], ip: "203.0.113.7", name: "Bob", num: 1 }), is_file: false, nonce: "n4", path: "/home/a", peer_id: "987654321", type: 1, uuid: "dQ==" })).toBe(200);

  const lines = (r: { stdout: string }) => r.stdout.trimEnd().split("\n");
  const conn = lines(await cli(["audit", "tail", "--type", "conn"]));
  expect(conn).toHaveLength(2);
  expect(conn[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}conn {5}111111111 {5}authorised {2}987654321 \(Bob\) {2}remote, temporary password, 203\.0\.113\.7$/);
  expect(conn[1]).toMatch(/ {2}conn {5}222222222 {5}opened {2}203\.0\.113\.8$/);
  expect(lines(await cli(["audit", "tail", "--type", "conn", "--user", "alice"]))).toHaveLength(1);
  expect(lines(await cli(["audit", "tail", "--type", "conn", "--device", "222222222"]))).toHaveLength(1);
  expect(lines(await cli(["audit", "tail", "--type", "file"]))[0]).toMatch(/ {2}file {5}111111111 {5}received {2}987654321 \(Bob\) {2}\/home\/a, 1 file\(s\), 203\.0\.113\.7$/);
  const console = (await cli(["audit", "tail", "--type", "console", "--json", "--limit", "100"])).stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { action: string; details: { actor: string } });
  expect(console.map((e) => e.action)).toEqual(["user.create", "device.register", "device.register", "device.update"]);
  expect(console[3]!.details.actor).toMatch(/^cli:/);
  expect(await cli(["audit", "tail", "--since", "1h", "--type", "alarm"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await cli(["audit", "tail", "--type", "mail"])).toEqual({ code: 1, stdout: "", stderr: 'error: --type is one of conn, file, alarm, console, not "mail"\n' });
  expect((await cli(["audit", "tail", "--user", "nobody"])).stderr).toBe('error: user "nobody" not found\n');

  // export: every row, in pages, oldest first; CSV quoted where it must be.
  const { alarmAudit } = await import("../../src/db/schema.ts");
  sqlite.transaction(() => {
    for (let i = 0; i < 2500; i++) db.insert(alarmAudit).values({ rdId: "111111111", typ: 1, info: { ip: `10.0.${i >> 8}.${i & 255}`, name: 'say "hi", ok' }, createdAt: Date.now() }).run();
  })();
  const out = join(dir, "alarms.csv");
  expect(await cli(["audit", "export", "--type", "alarm", "--format", "csv", "--out", out])).toEqual({ code: 0, stdout: "", stderr: `exported 2500 alarm entries to ${out}\n` });
  const csv = (await Bun.file(out).text()).trimEnd().split("\n");
  expect(csv).toHaveLength(2501);
  expect(csv[0]).toBe("time,type,device,action,peer,guid,details");
  expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,alarm,111111111,over 30 failed attempts,,[0-9a-f-]{36},"\{""typ"":1,""ip"":""10\.0\.0\.0"",""name"":""say \\""hi\\"", ok"",""conn_audit_ref"":null\}"$/);
  expect(csv.at(-1)).toContain("10.0.9.195");
  const jsonl = (await cli(["audit", "export", "--type", "conn"])).stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { device: string; action: string });
  expect(jsonl.map((e) => [e.device, e.action])).toEqual([["111111111", "authorised"], ["222222222", "opened"]]);
  expect((await cli(["audit", "export", "--format", "xml"])).stderr).toBe('error: --format is csv or jsonl, not "xml"\n');
  close();
});

test("without --type, tail and export show every log interleaved by time; empty results say no entries", async () => {
  const { cli, config } = cliDataDir();
  expect(await cli(["audit", "tail"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await cli(["audit", "export"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await cli(["ban", "list"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await cli(["ban", "list", "--json"])).toEqual({ code: 0, stdout: "[]\n", stderr: "" });

  const { db, sqlite, close } = openDb(config().data.dir);
  const { alarmAudit, connAudit, consoleAudit, fileAudit } = await import("../../src/db/schema.ts");
  // One entry per log, written out of time order: console t+3, alarm t+1, conn t+2, file t+4.
  const t = Date.now() - 60_000;
  sqlite.transaction(() => {
    db.insert(consoleAudit).values({ createdAt: t + 3, actorType: "cli", actorName: "cli:root", action: "user.create", targetType: "user", targetName: "zed", details: {} }).run();
    db.insert(alarmAudit).values({ rdId: "111111111", typ: 1, info: {}, createdAt: t + 1 }).run();
    db.insert(connAudit).values({ rdId: "111111111", connId: 1, sessionId: "0", openedAt: t + 2, updatedAt: t + 2, seq: 1 }).run();
    db.insert(fileAudit).values({ rdId: "111111111", connId: 1, direction: 1, path: "/x", isFile: true, files: [], createdAt: t + 4 }).run();
  })();
  const tail = (await cli(["audit", "tail", "--json"])).stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { type: string }).type);
  expect(tail).toEqual(["alarm", "conn", "console", "file"]);
  expect((await cli(["audit", "tail", "--limit", "2", "--json"])).stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(["console", "file"]);
  const exported = (await cli(["audit", "export"])).stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { type: string }).type);
  expect(exported).toEqual(["alarm", "conn", "console", "file"]);
  expect((await cli(["audit", "export", "--format", "csv"])).stdout.split("\n").slice(1, 3).map((l) => l.split(",")[1])).toEqual(["alarm", "conn"]);
  close();
});
