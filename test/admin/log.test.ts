// GET /api/admin/log: the server's last log lines, kept in memory (bounded by log.memory_lines), filtered on the
// server (level, since, q, limit), newest last; area admin. And the ring itself.
import { afterAll, describe, expect, test } from "bun:test";
import { createApp } from "../../src/app.ts";
import { createLogger, logRingOf } from "../../src/core/log.ts";
import { LogRing } from "../../src/core/log-ring.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv({ "log.requests": "false" });
afterAll(() => env.close());
const written: string[] = [];
const log = createLogger({ ...env.config.log, level: "debug", format: "json", memory_lines: 10 }, { write: (s: string) => written.push(s) > 0 });
const app = createApp({ config: env.config, db: env.db, sqlite: env.sqlite, log, now: env.ctx.now, devices: env.devices });

const operator = createToken(env.ctx, { name: "operator", scopes: { admin: "r" } }).secret;
const auditor = createToken(env.ctx, { name: "auditor", scopes: { audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "r" } }).secret;
revokeToken(env.ctx, "gone");

interface Page {
  total: number;
  data: { id: number; time: string; level: string; message: string }[];
}
const read = async (query = "") => {
  const r = await call(app, "GET", `/api/admin/log${query}`, { headers: { authorization: `Bearer ${operator}` } });
  return [r.status, r.json()] as const;
};
const page = async (query = "") => {
  const [status, body] = await read(query);
  expect(status).toBe(200);
  return body as Page;
};

describe("the log ring", () => {
  test("keeps the last `size` lines with consecutive ids; after() reads past an id", () => {
    const ring = new LogRing(3);
    for (let i = 1; i <= 5; i++) ring.push(i, "info", `l${i}`);
    expect([ring.oldest, ring.last]).toEqual([3, 5]);
    expect(ring.after(0, 10).map((l) => l.message)).toEqual(["l3", "l4", "l5"]);
    expect(ring.after(3, 1).map((l) => l.id)).toEqual([4]);
    expect(ring.after(5, 10)).toEqual([]);
    const none = new LogRing(0);
    none.push(1, "error", "x");
    expect(none.after(0, 10)).toEqual([]);
  });

  test("the logger keeps what passes its level, and still writes it out", () => {
    const quiet = createLogger({ ...env.config.log, level: "warn", format: "json", memory_lines: 5 }, { write: () => true });
    quiet.info("not kept");
    quiet.warn("kept", { device: "100" });
    quiet.error(new Error("boom"));
    expect(logRingOf(quiet).after(0, 10).map((l) => [l.level, l.message])).toEqual([["warn", 'kept {"device":"100"}'], ["error", "boom"]]);
  });
});

describe("GET /api/admin/log", () => {
  test("bounded: the newest log.memory_lines lines, newest last", async () => {
    for (let i = 0; i < 25; i++) log.info(`tick ${i}`);
    expect(written.length).toBeGreaterThanOrEqual(25);
    const p = await page();
    expect(p.total).toBe(10);
    expect(p.data.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `tick ${i + 15}`));
    expect(p.data.map((l) => l.id)).toEqual(Array.from({ length: 10 }, (_, i) => i + 16));
    expect(p.data[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test("level (and above), q (any case), limit (the newest), since", async () => {
    log.debug("cache warm");
    log.warn("SMTP slow: 4 s");
    log.error("disk almost full");
    log.info("device 100 online");
    expect((await page("?level=warn")).data.map((l) => [l.level, l.message])).toEqual([["warn", "SMTP slow: 4 s"], ["error", "disk almost full"]]);
    expect((await page("?level=error")).total).toBe(1);
    expect((await page("?q=smtp")).data.map((l) => l.message)).toEqual(["SMTP slow: 4 s"]);
    const limited = await page("?limit=2");
    expect(limited.total).toBe(10);
    expect(limited.data.map((l) => l.message)).toEqual(["disk almost full", "device 100 online"]);
    logRingOf(log).push(Date.now() - 2 * 3_600_000, "info", "two hours ago");
    logRingOf(log).push(Date.now(), "info", "just now");
    expect((await page("?since=1h&q=ago")).total).toBe(0);
    expect((await page("?since=3h&q=ago")).total).toBe(1);
    expect((await page("?since=1h")).data.at(-1)!.message).toBe("just now");
  });

  test("bad filters are a 400", async () => {
    expect(await read("?level=loud")).toEqual([400, { error: "level: one of debug, info, warn, error", code: "INVALID_INPUT" }]);
    expect((await read("?since=yesterday"))[0]).toBe(400);
    expect((await read("?limit=0"))[0]).toBe(400);
    expect((await read("?limit=5001"))[0]).toBe(400);
  });
});

describe("the token matrix", () => {
  tokenMatrix(app, [["GET", "/api/admin/log"]], areaCallers({ other: auditor, gone, ro: operator }, "admin:r", "audit:rw"));
});
