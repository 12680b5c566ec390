// GET /api/admin/events over a real HTTP server: audit rows arrive as they are written; a dropped stream resumes
// from Last-Event-ID with no gap and no repeat under continuous writes; filters; the ping comment; the stream
// bounds; the server log (admin:r) and its reset event; the token matrix.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { asc, gt } from "drizzle-orm";
import { createApp } from "../../src/app.ts";
import { emitAudit } from "../../src/core/audit.ts";
import { withTransaction } from "../../src/core/context.ts";
import { createLogger, logRingOf } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { alarmAudit, consoleAudit, fileAudit } from "../../src/db/schema.ts";
import { setDevice } from "../../src/devices/service.ts";
import { createEventHub } from "../../src/events/hub.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { openSse, type SseReader } from "../helpers/sse.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv({ "audit.device_posts_per_minute": "1000000", "audit.posts_per_minute": "10000000", "log.requests": "false" });
const log = createLogger({ ...env.config.log, level: "info", memory_lines: 20 }, { write: () => true });
const hub = createEventHub(env.sqlite, logRingOf(log), { pingMs: 60_000, perCaller: 2, total: 3, pollMs: 50 });
const app = createApp({ config: env.config, db: env.db, sqlite: env.sqlite, log, now: env.ctx.now, devices: env.devices, events: hub });
const pingHub = createEventHub(env.sqlite, logRingOf(log), { pingMs: 30 });
const pingApp = createApp({ config: env.config, db: env.db, sqlite: env.sqlite, log, now: env.ctx.now, devices: env.devices, events: pingHub });

const auditor = createToken(env.ctx, { name: "auditor", scopes: { audit: "r" } }).secret;
const auditor2 = createToken(env.ctx, { name: "auditor2", scopes: { audit: "r" } }).secret;
const operator = createToken(env.ctx, { name: "operator", scopes: { admin: "r" } }).secret;
const devicesOnly = createToken(env.ctx, { name: "ops", scopes: { devices: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { audit: "r" } }).secret;
revokeToken(env.ctx, "gone");
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

let base = "";
let pingBase = "";
const open: SseReader[] = [];
const stream = async (path: string, secret = auditor, headers: Record<string, string> = {}, at = base) => {
  const r = await openSse(`${at}${path}`, { ...bearer(secret), ...headers });
  if (r.reader) open.push(r.reader);
  return r;
};
const reader = async (path: string, secret = auditor, headers: Record<string, string> = {}) => {
  const r = await stream(path, secret, headers);
  expect(r.status).toBe(200);
  return r.reader!;
};
const note = (n: number) => {
  env.advance(1);
  withTransaction(env.ctx, (tx) => emitAudit(tx, "audit.note", null, { n }));
};
const post = async (path: string, body: unknown) => {
  env.advance(1);
  expect((await call(app, "POST", path, { raw: JSON.stringify(body), headers: { "content-type": "application/json" } })).status).toBe(200);
};

beforeAll(async () => {
  app.listen({ hostname: "127.0.0.1", port: 0 });
  pingApp.listen({ hostname: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${app.server!.port}`;
  pingBase = `http://127.0.0.1:${pingApp.server!.port}`;
  await post("/api/sysinfo", { id: "100", uuid: "dQ==" });
  await post("/api/sysinfo", { id: "200", uuid: "dQ==" });
  setDevice(env.ctx, "100", { owner: "bob" });
});
afterAll(async () => {
  for (const r of open) r.close();
  hub.close();
  pingHub.close();
  await app.stop(true);
  await pingApp.stop(true);
  env.close();
});
const closeAll = () => {
  for (const r of open.splice(0)) r.close();
};

/** Waits (bounded by the test's timeout) until the hub counts `n` open streams. */
async function openStreams(n: number, h = hub) {
  const count = () => [...h.openStreams().values()].reduce((a, b) => a + b, 0);
  while (count() !== n) await Bun.sleep(5);
}

describe("audit rows as they are written", () => {
  test("console, conn, file and alarm rows arrive in the order written, each with an id", async () => {
    const r = await reader("/api/admin/events");
    note(1);
    await post("/api/audit/conn", { action: "new", conn_id: 7, id: "100", ip: "10.0.0.1", session_id: 0, uuid: "dQ==" });
    await post("/api/audit/file", { id: "200", info: '{"files":[["a.txt",3]],"num":1}', path: "/tmp/a.txt", type: 0, is_file: true, uuid: "dQ==" });
    await post("/api/audit/alarm", { id: "100", info: '{"ip":"1.2.3.4"}', typ: 1, uuid: "dQ==" });
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await r.nextEvent());
    expect(got.map((e) => [e.json.type, e.json.action, e.json.device ?? null])).toEqual([
      ["console", "audit.note", null],
      ["conn", "opened", "100"],
      ["file", "sent", "200"],
      ["alarm", "over 30 failed attempts", "100"],
    ]);
    expect(got.map((e) => e.json.level)).toEqual(["info", "info", "info", "warn"]);
    expect(new Set(got.map((e) => e.id)).size).toBe(4);
    for (const e of got) expect(e.id).toMatch(/^\d+\.\d+\.\d+\.\d+\.[0-9a-f]+\.\d+$/);
    closeAll();
    await openStreams(0);
  });

  test("a connection record's changes (authorised, closed) arrive too", async () => {
    const r = await reader("/api/admin/events?type=conn");
    await post("/api/audit/conn", { conn_id: 7, id: "100", peer: ["555", "laptop"], session_id: 42, type: 0, uuid: "dQ==" });
    const authorised = await r.nextEvent();
    expect(authorised.json).toMatchObject({ type: "conn", action: "authorised", peer: "555 (laptop)" });
    await post("/api/audit/conn", { action: "close", conn_id: 7, id: "100", session_id: 42, uuid: "dQ==" });
    const closed = await r.nextEvent();
    expect(closed.json).toMatchObject({ type: "conn", id: authorised.json.id, action: "closed" });
    expect(closed.json.cursor as number).toBeGreaterThan(authorised.json.cursor as number);
    closeAll();
    await openStreams(0);
  });
});

test("a row written by another process (the CLI on the same database) arrives too", async () => {
  const r = await reader("/api/admin/events?type=console");
  const other = openDb(env.config.data.dir);
  other.sqlite.run("INSERT INTO console_audit (guid, created_at, actor_type, actor_name, action, details) VALUES ('cli-row', 1, 'cli', 'cli:ops', 'ban.add', '{}')");
  other.close();
  expect((await r.nextEvent()).json).toMatchObject({ type: "console", guid: "cli-row", action: "ban.add", details: { actor: "cli:ops" } });
  closeAll();
  await openStreams(0);
});

describe("resume with Last-Event-ID", () => {
  test("a stream dropped twice under continuous writes: every row exactly once, in the order written", async () => {
    const start = { console: maxId(consoleAudit), file: maxId(fileAudit) };
    const first = await reader("/api/admin/events?type=console,file");
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 300; i++) {
        if (i % 3 === 0) await post("/api/audit/file", { id: "200", path: `/f${i}`, type: 1, uuid: "dQ==" });
        else note(i);
        if (i % 10 === 0) await Bun.sleep(1);
      }
      writing = false;
    })();
    const seen: string[] = [];
    const readSome = async (r: SseReader, n: number) => {
      let last = "";
      for (let i = 0; i < n; i++) {
        const e = await r.nextEvent();
        seen.push(`${e.json.type}:${e.json.id}`);
        last = e.id!;
      }
      return last;
    };
    let last = await readSome(first, 40);
    closeAll();
    // Reconnect as EventSource does (header), then as a client that cannot set headers does (query).
    last = await readSome(await reader("/api/admin/events?type=console,file", auditor, { "last-event-id": last }), 60);
    closeAll();
    const r = await reader(`/api/admin/events?type=console,file&last_event_id=${encodeURIComponent(last)}`);
    await writer;
    expect(writing).toBe(false);
    const written = [
      ...env.db.select().from(consoleAudit).where(gt(consoleAudit.id, start.console)).all().map((row) => ({ at: row.createdAt, key: `console:${row.id}` })),
      ...env.db.select().from(fileAudit).where(gt(fileAudit.id, start.file)).all().map((row) => ({ at: row.createdAt, key: `file:${row.id}` })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((w) => w.key);
    expect(written.length).toBe(300);
    await readSome(r, written.length - seen.length);
    expect(seen).toEqual(written);
    closeAll();
    await openStreams(0);
  }, 30_000);

  test("a malformed Last-Event-ID is a 400", async () => {
    expect(await stream("/api/admin/events", auditor, { "last-event-id": "yesterday" })).toMatchObject({ status: 400, body: { code: "INVALID_INPUT" } });
  });
});

const maxId = (t: typeof consoleAudit | typeof fileAudit | typeof alarmAudit) => env.db.select({ id: t.id }).from(t).orderBy(asc(t.id)).all().at(-1)?.id ?? 0;

describe("filters", () => {
  test("type, device, user (a device's owner; a console actor) and level", async () => {
    const byType = await reader("/api/admin/events?type=alarm");
    const byDevice = await reader("/api/admin/events?device=200", auditor2);
    note(-1);
    await post("/api/audit/file", { id: "100", path: "/x", type: 0, uuid: "dQ==" });
    await post("/api/audit/file", { id: "200", path: "/y", type: 0, uuid: "dQ==" });
    await post("/api/audit/alarm", { id: "200", typ: 2, uuid: "dQ==" });
    expect((await byType.nextEvent()).json).toMatchObject({ type: "alarm", device: "200" });
    expect((await byDevice.nextEvent()).json).toMatchObject({ type: "file", device: "200", details: { path: "/y" } });
    expect((await byDevice.nextEvent()).json).toMatchObject({ type: "alarm", device: "200" });
    closeAll();
    await openStreams(0);

    const byOwner = await reader("/api/admin/events?user=bob&type=file");
    const warnings = await reader("/api/admin/events?level=warn", auditor2);
    await post("/api/audit/file", { id: "200", path: "/not-bobs", type: 0, uuid: "dQ==" });
    await post("/api/audit/file", { id: "100", path: "/bobs", type: 0, uuid: "dQ==" });
    await post("/api/audit/alarm", { id: "100", typ: 0, uuid: "dQ==" });
    expect((await byOwner.nextEvent()).json).toMatchObject({ type: "file", device: "100", details: { path: "/bobs" } });
    expect((await warnings.nextEvent()).json).toMatchObject({ type: "alarm", level: "warn", action: "IP whitelist reject" });
    closeAll();
    await openStreams(0);

    const byActor = await reader("/api/admin/events?type=console&user=token:ops");
    expect((await call(app, "POST", "/api/admin/devices/200/disable", { headers: bearer(devicesOnly) })).status).toBe(200);
    expect((await byActor.nextEvent()).json).toMatchObject({ type: "console", action: "device.disable", device: "200", details: { actor: "token:ops" } });
    closeAll();
    await openStreams(0);
  });

  test("bad filters are refused before the stream starts", async () => {
    expect(await stream("/api/admin/events?type=files")).toMatchObject({ status: 400, body: { code: "INVALID_INPUT" } });
    expect(await stream("/api/admin/events?level=loud")).toMatchObject({ status: 400, body: { code: "INVALID_INPUT" } });
    expect(await stream("/api/admin/events?user=nobody")).toMatchObject({ status: 404, body: { error: 'user "nobody" not found', code: "NOT_FOUND" } });
    expect(hub.openStreams().size).toBe(0);
  });
});

describe("keep-alive and bounds", () => {
  test("a quiet stream gets a `: ping` comment", async () => {
    const r = await stream("/api/admin/events", auditor, {}, pingBase);
    const first = await r.reader!.next(); // retry + connected
    expect(first!.comments).toEqual(["connected"]);
    const ping = await r.reader!.next();
    expect(ping).toEqual({ comments: ["ping"] });
    closeAll();
    await openStreams(0, pingHub);
  });

  test("at most 2 streams per token and 3 in all here; a closed one frees its place", async () => {
    await reader("/api/admin/events");
    await reader("/api/admin/events");
    const third = await stream("/api/admin/events");
    expect(third.status).toBe(429);
    expect((third.body as { code: string }).code).toBe("TOO_MANY_REQUESTS");
    await reader("/api/admin/events", auditor2);
    const overall = await stream("/api/admin/events", auditor2);
    expect(overall).toMatchObject({ status: 429, body: { code: "TOO_MANY_REQUESTS" } });
    expect((overall.body as { error: string }).error).toContain("the server has 3 event streams open");
    open.shift()!.close();
    await openStreams(2);
    await reader("/api/admin/events");
    closeAll();
    await openStreams(0);
  });

  test("shutdown ends every stream", async () => {
    const r = await reader("/api/admin/events");
    await r.next();
    const other = createEventHub(env.sqlite, logRingOf(log));
    other.close(); // another server's hub: this stream stays
    hub.close();
    expect(await r.next()).toBeNull();
    await openStreams(0);
  });
});

describe("the server log in the stream", () => {
  test("log=1 needs admin:r", async () => {
    expect(await stream("/api/admin/events?log=1")).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
    expect(await stream("/api/admin/events?type=log")).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
  });

  test("log lines with their level; a resume past the ring or from another run gets a reset event first", async () => {
    const r = await reader("/api/admin/events?type=log", operator);
    log.info("device 100 came online");
    log.warn("smtp is slow");
    const a = await r.nextEvent();
    expect(a.json).toMatchObject({ type: "log", level: "info", message: "device 100 came online" });
    expect((await r.nextEvent()).json).toMatchObject({ type: "log", level: "warn", message: "smtp is slow" });
    closeAll();
    for (let i = 0; i < 30; i++) log.info(`line ${i}`); // the ring holds 20
    const resumed = await reader("/api/admin/events?type=log", operator, { "last-event-id": a.id! });
    const reset = await resumed.nextEvent();
    expect(reset.event).toBe("reset");
    expect(reset.json.log_lines_missed).toBe(11); // "smtp is slow" and line 0..9 fell out
    expect((await resumed.nextEvent()).json.message).toBe("line 10");
    closeAll();
    const otherRun = a.id!.replace(/\.[0-9a-f]+\.(\d+)$/, ".00ff00ff00.$1");
    const restarted = await reader("/api/admin/events?type=log&level=warn", operator, { "last-event-id": otherRun });
    const restart = await restarted.nextEvent();
    expect(restart.json).toMatchObject({ log_lines_missed: null });
    expect(restart.id).toMatch(new RegExp(`\\.${logRingOf(log).epoch}\\.0$`)); // resuming from the reset itself replays this run's lines
    log.info("quiet");
    log.error("disk full");
    expect((await restarted.nextEvent()).json).toMatchObject({ level: "error", message: "disk full" });
    closeAll();
    await openStreams(0);
  });
});

describe("the token matrix", () => {
  const CASES: [string, Record<string, string>, number][] = [
    ["no token", {}, 401],
    ["a bad token", bearer("rdc_not-a-real-token-at-all"), 401],
    ["a token of another area", bearer(devicesOnly), 403],
    ["a revoked token", bearer(gone), 401],
    ["audit:r", bearer(auditor), 200],
    ["admin:r", bearer(operator), 200],
  ];
  test.each(CASES)("GET /api/admin/events: %s", async (_who, headers, want) => {
    const res = await app.handle(new Request("http://localhost/api/admin/events", { headers }));
    expect(res.status).toBe(want);
    if (want === 200) {
      expect(res.headers.get("content-type")).toStartWith("text/event-stream");
      await res.body!.cancel();
    } else expect(((await res.json()) as { code: string }).code).toBe(want === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
  });
});
