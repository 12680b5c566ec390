// `rdconsole doctor` (exit 0 when nothing fails, 1 when something does, 2 for bad usage; --json shape) and
// GET /api/admin/doctor (admin:r; the server runs the same checks, its loopback heartbeat included).
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { cliDataDir } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";
import { freePort } from "../helpers/oidc.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

interface Doc {
  ok: boolean;
  checks: { name: string; status: string; detail: string; fix: string }[];
}
const closed = await freePort();

/** A data dir made by the CLI (0700, migrated), with the server's port set to one nothing listens on. */
async function setUp(extra = "") {
  const e = cliDataDir(`[server]\nport = ${closed}\n${extra}`);
  await e.cli(["user", "list"]); // creates and migrates the data dir
  return e;
}

describe("rdconsole doctor", () => {
  test("--json: {ok, checks[{name, status, detail, fix}]}; the heartbeat to a stopped server fails → exit 1", async () => {
    const e = await setUp();
    const r = await e.cli(["doctor", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(false);
    expect(doc.checks.map((c) => c.name)).toEqual(["config", "data dir", "database integrity", "database schema", "database wal", "disk space", "clock", "public url", "tls certificate", "id server", "relay server", "server key", "smtp", "sso", "heartbeat"]);
    for (const c of doc.checks) expect(Object.keys(c).sort()).toEqual(["detail", "fix", "name", "status"]);
    const byName = Object.fromEntries(doc.checks.map((c) => [c.name, c]));
    expect(byName["database integrity"]!.status).toBe("ok");
    expect(byName["data dir"]!.status).toBe("ok");
    expect(byName.heartbeat).toMatchObject({ status: "fail", fix: "start the server (systemctl start rdconsole, or rdconsole serve)" });
  });

  test("nothing fails (warnings and skips only) → exit 0; the table lists what to fix", async () => {
    const e = await setUp();
    const listener = Bun.serve({ hostname: "127.0.0.1", port: closed, fetch: () => Response.json({ sysinfo: true }) }); // a stand-in answering the heartbeat
    try {
      const r = await e.cli(["doctor"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toStartWith("STATUS  CHECK");
      expect(r.stdout).toMatch(/^ok +heartbeat +POST http:\/\/127\.0\.0\.1:\d+\/api\/heartbeat: 200/m);
      expect(r.stdout).toMatch(/^WARN +public url +server\.public_url is not set/m);
      expect(r.stdout).toContain("\nto fix:\n  public url: set server.public_url");
      expect(r.stdout).toMatch(/0 failed, \d+ warnings?, \d+ ok, \d+ skipped\n$/);
    } finally {
      listener.stop(true);
    }
  });

  test("a data dir others can read fails → exit 1, with the fix in the table", async () => {
    const e = await setUp();
    chmodSync(join(e.dir, "data"), 0o755);
    const r = await e.cli(["doctor"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL +data dir +mode 0755 lets other accounts in/m);
    expect(r.stdout).toContain(`  data dir: chown -R`);
  });

  test("console settings saved in the database count, as the server sees them (smtp set with `settings set`)", async () => {
    const e = await setUp();
    for (const [k, v] of [["smtp.from", "rd@example.com"], ["smtp.port", String(closed)], ["smtp.security", "none"], ["smtp.host", "127.0.0.1"]]) expect((await e.cli(["settings", "set", k!, v!])).code).toBe(0);
    const doc = JSON.parse((await e.cli(["doctor", "--json"])).stdout) as Doc;
    const smtp = doc.checks.find((c) => c.name === "smtp")!;
    expect(smtp.status).toBe("fail");
    expect(smtp.detail).toStartWith(`127.0.0.1:${closed} (none): `);
  });

  test("an invalid config: one failed check with the loader's problems, exit 1", async () => {
    const e = cliDataDir("[server]\nprot = 1\n");
    const r = await e.cli(["doctor", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.checks).toHaveLength(1);
    expect(doc.checks[0]).toMatchObject({ name: "config", status: "fail" });
    expect(doc.checks[0]!.detail).toContain('unknown key "server.prot"');
  });

  test("bad usage exits 2 before anything runs", async () => {
    const e = cliDataDir();
    for (const args of [["doctor", "--bogus"], ["doctor", "extra"], ["doctor", "--json=maybe"]]) {
      const r = await e.cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    }
  });
});

describe("GET /api/admin/doctor", () => {
  const env = tokenEnv();
  const ro = createToken(env.ctx, { name: "look", scopes: { admin: "r" } }).secret;
  const other = createToken(env.ctx, { name: "else", scopes: { devices: "rw", users: "rw" } }).secret;
  const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
  revokeToken(env.ctx, "gone");
  afterAll(() => env.close());

  tokenMatrix(env.app, [["GET", "/api/admin/doctor"]], areaCallers({ other, gone, ro }, "admin:r"));

  test("the server's own checks, its heartbeat sent to where it listens", async () => {
    env.app.listen({ hostname: "127.0.0.1", port: 0 });
    try {
      const url = `http://127.0.0.1:${env.app.server!.port}`;
      const r = await fetch(`${url}/api/admin/doctor`, { headers: { authorization: `Bearer ${ro}` } });
      expect(r.status).toBe(200);
      const doc = (await r.json()) as Doc;
      const byName = Object.fromEntries(doc.checks.map((c) => [c.name, c]));
      expect(byName.config).toMatchObject({ status: "ok", detail: "the running configuration is valid" });
      expect(byName.heartbeat).toMatchObject({ status: "ok", detail: `POST ${url}/api/heartbeat: 200 {"sysinfo":true}` });
      expect(byName["database schema"]!.status).toBe("ok");
      expect(doc.ok).toBe(doc.checks.every((c) => c.status !== "fail"));
    } finally {
      env.app.stop(true);
    }
  });

  test("in-process (no listener): the heartbeat is skipped", async () => {
    const r = await call(env.app, "GET", "/api/admin/doctor", { headers: { authorization: `Bearer ${ro}` } });
    const doc = r.json() as Doc;
    expect(doc.checks.find((c) => c.name === "heartbeat")!.status).toBe("skip");
  });
});
