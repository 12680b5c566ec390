// The real compiled binary in an empty directory: serve, probe, administer while it runs, stop.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { bearer, codeStepBody, DART_JSON, DEVICE, passwordLoginBody, totpCode } from "../helpers/client.ts";
import { tempDir } from "../helpers/env.ts";

let bin: string;
let cwd: string;
let server: Bun.Subprocess<"ignore", "pipe", "pipe">;
let base: string;
let stderrText = "";

// An empty config file: the machine's /etc/rdconsole/rdconsole.toml, if any, must not interfere.
const env = () => cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_LOG_FORMAT: "json" });

/** Drains the server's stderr for the whole run; waitFor() polls what has arrived. */
async function pump(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  for await (const chunk of stream) stderrText += decoder.decode(chunk);
}

async function waitFor(pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const m = pattern.exec(stderrText);
    if (m) return m;
    await Bun.sleep(20);
  }
  throw new Error(`no ${pattern} within ${ms} ms; stderr so far:\n${stderrText}`);
}

function run(args: string[], stdin?: string) {
  const r = Bun.spawnSync([bin, ...args], { cwd, env: env(), stdin: stdin === undefined ? "ignore" : new TextEncoder().encode(stdin) });
  return { code: r.exitCode, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

beforeAll(async () => {
  bin = binaryPath();
  cwd = tempDir("rdc-e2e-");
  server = Bun.spawn([bin, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env: env(), stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  void pump(server.stderr);
  const m = await waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000);
  base = m[1]!;
}, 60_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

test("--version prints version and build info", () => {
  const r = run(["--version"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^rdconsole \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown), built \d{4}-\d\d-\d\d, bun \d+\.\d+\.\d+, linux-(x64|arm64)\)\n$/);
});

test("first start on an empty dir: ./data created 0700, a hint to create the first admin", async () => {
  await waitFor(/no admin user yet/, 2000);
  expect(stderrText).toContain("no admin user yet; create one with: rdconsole user create admin --admin");
  const { mode } = await import("node:fs").then((fs) => fs.statSync(`${cwd}/data`));
  expect(mode & 0o777).toBe(0o700);
});

test("/readyz, HEAD and GET /api/login-options, /openapi.json", async () => {
  expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: "ok" });
  const head = await fetch(`${base}/api/login-options`, { method: "HEAD" });
  expect(head.status).toBe(200);
  const get = await fetch(`${base}/api/login-options`, { headers: { "content-type": "application/json" } });
  expect(get.status).toBe(200);
  expect(await get.text()).toBe("[]");
  const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(spec.paths)).toContain("/api/login-options");
  const ui = await fetch(`${base}/openapi/assets/swagger-ui-bundle.js`);
  expect(ui.status).toBe(200);
  expect((await ui.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
});

test("the CLI administers the same data dir while the server runs", () => {
  const created = run(["user", "create", "admin", "--admin", "--password-stdin"], "an admin password\n");
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  const list = run(["user", "list", "--json"]);
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout)).toMatchObject([{ name: "admin", is_admin: true, status: 1 }]);
});

test("CLI user create + 2fa enable --no-confirm, then the client's password + TOTP login round trip", async () => {
  expect(run(["user", "create", "alice", "--password-stdin"], "alice-password\n").code).toBe(0);
  const enabled = run(["user", "2fa", "enable", "alice", "--no-confirm"]);
  expect(enabled.code).toBe(0);
  const key = /key: ([A-Z2-7]+)/.exec(enabled.stdout)![1]!;

  const post = (path: string, body: string, headers: Record<string, string> = DART_JSON) => fetch(`${base}${path}`, { method: "POST", body, headers });
  const challenge = (await (await post("/api/login", passwordLoginBody("alice", "alice-password"))).json()) as { type: string; tfa_type: string; secret: string };
  expect(challenge).toMatchObject({ type: "email_check", tfa_type: "tfa_check" });
  const done = await post("/api/login", codeStepBody("alice", totpCode(key, Date.now()), challenge.secret, { totp: true }));
  expect(done.status).toBe(200);
  const { access_token, user } = (await done.json()) as { access_token: string; user: { name: string } };
  expect(user.name).toBe("alice");
  expect((await post("/api/currentUser", JSON.stringify(DEVICE), bearer(access_token))).status).toBe(200);

  const sessions = JSON.parse(run(["session", "list", "--json"]).stdout) as { user: string; ip: string }[];
  expect(sessions).toMatchObject([{ user: "alice", ip: "127.0.0.1" }]);
  expect(run(["user", "logout-all", "alice"]).stdout).toBe("revoked 1 session of alice\n");
  expect((await post("/api/currentUser", JSON.stringify(DEVICE), bearer(access_token))).status).toBe(401);
});

test("CLI changes while the server runs reach the next heartbeat: disconnect, disable, ban, delete", async () => {
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const beat = async (conns?: number[]) => {
    const r = await post("/api/heartbeat", { ...(conns ? { conns } : {}), id: "313131313", modified_at: 0, uuid: "dQ==", ver: 1004090 });
    return `${r.status} ${await r.text()}`;
  };
  // The server keeps known devices in memory and re-checks the database at least every 50 ms.
  const settle = () => Bun.sleep(120);
  expect(await (await post("/api/sysinfo", { hostname: "pc", id: "313131313", os: "linux / x", uuid: "dQ==", version: "1.4.9" })).text()).toBe("SYSINFO_UPDATED");
  expect(await beat([7])).toBe("200 {}");
  await Bun.sleep(1200); // the presence flush: the CLI only cuts connections the device reported
  expect(run(["device", "disconnect", "313131313", "7"]).code).toBe(0);
  await settle();
  expect(await beat([7])).toBe('200 {"disconnect":[7]}');
  expect(run(["device", "disable", "313131313"]).code).toBe(0);
  await settle();
  expect(await beat([8])).toBe('200 {"disconnect":[8]}');
  const banned = run(["ban", "add", "127.0.0.1"]);
  expect(banned.code).toBe(0);
  await settle();
  expect(await beat()).toBe('403 {"error":"Your IP address is banned from this server"}');
  expect(run(["ban", "remove", /id (\d+)/.exec(banned.stdout)![1]!]).code).toBe(0);
  expect(run(["device", "delete", "313131313", "--yes"]).code).toBe(0);
  await settle();
  expect(await beat()).toBe('200 {"sysinfo":true}');
});

test("lockout list and clear, separate processes, lift an account lockout of the running server at once", async () => {
  expect(run(["user", "create", "mallory", "--password-stdin"], "mallory-password\n").code).toBe(0);
  const login = async (password: string) => (await fetch(`${base}/api/login`, { method: "POST", body: passwordLoginBody("mallory", password), headers: DART_JSON })).status;
  for (let i = 0; i < 5; i++) expect(await login("guess")).toBe(401); // lockout.account_failures
  expect(await login("mallory-password")).toBe(429);
  expect(JSON.parse(run(["lockout", "list", "--json"]).stdout)).toEqual([expect.objectContaining({ kind: "account", subject: "mallory" })]);
  expect(run(["lockout", "clear", "mallory"])).toEqual({ code: 0, stdout: "lifted the lockout of user mallory\n", stderr: "" });
  expect(await login("mallory-password")).toBe(200);
});

test("audit tail --follow, a separate process, prints an alarm the running server stored within 2 s", async () => {
  const post = (path: string, body: string) => fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });
  expect(await (await post("/api/sysinfo", '{"hostname":"kiosk","id":"515151515","os":"linux / x","uuid":"dQ==","version":"1.4.9"}')).text()).toBe("SYSINFO_UPDATED");
  const tail = Bun.spawn([bin, "audit", "tail", "--type", "alarm", "--follow", "--json"], { cwd, env: env(), stdout: "pipe", stderr: "pipe" });
  let out = "";
  void (async () => {
    for await (const chunk of tail.stdout) out += new TextDecoder().decode(chunk);
  })();
  try {
    await Bun.sleep(700); // tail is up and has read the log once
    const r = await post("/api/audit/alarm", '{"conn_id":2,"id":"515151515","info":"{\\"ip\\":\\"198.51.100.77\\"}","nonce":"e2e-nonce-1","typ":0,"uuid":"dQ=="}');
    expect([r.status, await r.text()]).toEqual([200, ""]);
    const deadline = Date.now() + 2000;
    while (!out.includes("198.51.100.77") && Date.now() < deadline) await Bun.sleep(50);
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toMatchObject({ type: "alarm", device: "515151515", action: "IP whitelist reject", details: { typ: 0, ip: "198.51.100.77" } });
  } finally {
    tail.kill();
    await tail.exited;
  }
});

test("audit tail --follow without --type prints what lands in any log, in time order", async () => {
  const tail = Bun.spawn([bin, "audit", "tail", "--follow", "--json", "--limit", "1"], { cwd, env: env(), stdout: "pipe", stderr: "pipe" });
  let out = "";
  void (async () => {
    for await (const chunk of tail.stdout) out += new TextDecoder().decode(chunk);
  })();
  const waitOut = async (text: string) => {
    const deadline = Date.now() + 15_000; // generous: a loaded 2-core machine
    while (!out.includes(text) && Date.now() < deadline) await Bun.sleep(50);
    expect(out).toContain(text);
  };
  try {
    await waitOut("\n"); // the latest entry: tail is up and holds its cursors
    const r = await fetch(`${base}/api/audit/alarm`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"conn_id":3,"id":"515151515","info":"{\\"ip\\":\\"198.51.100.78\\"}","nonce":"e2e-nonce-2","typ":0,"uuid":"dQ=="}' });
    expect(r.status).toBe(200);
    expect(run(["group", "create", "Followers"]).code).toBe(0);
    await waitOut("Followers");
    const news = out.trim().split("\n").slice(1).map((l) => JSON.parse(l) as { type: string; action: string });
    expect(news.map((e) => `${e.type} ${e.action}`)).toEqual(["alarm IP whitelist reject", "console group.create"]);
  } finally {
    tail.kill();
    await tail.exited;
  }
}, 30_000);

test("a second serve on the same data dir is refused with a clear message", () => {
  const second = run(["serve", "--host", "127.0.0.1", "--port", "0"]);
  expect(second.code).toBe(1);
  expect(second.stderr).toMatch(/^error: another rdconsole server \(pid \d+\) is already using the data dir .*\/data\n$/);
});

test("requests are logged as JSON lines without bodies", async () => {
  await waitFor(/"path":"\/readyz"/, 2000);
  const lines = stderrText.split("\n").filter((l) => l.includes('"tag":"http"'));
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", tag: "http", msg: "request", method: "GET", path: "/readyz", status: 200, ip: "127.0.0.1" });
  // The native device routes log like the rest: with the client's address.
  await fetch(`${base}/api/audit/file`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"404404404","type":0,"uuid":"dQ=="}' });
  const line = await waitFor(/\{[^\n]*"path":"\/api\/audit\/file"[^\n]*\}/, 2000);
  expect(JSON.parse(line[0])).toMatchObject({ method: "POST", path: "/api/audit/file", status: 403, ip: "127.0.0.1" });
});

test("SIGTERM → exit 0 within 5 s, lock released", { timeout: 10_000 }, async () => {
  const started = Date.now();
  server.kill("SIGTERM");
  const code = await Promise.race([server.exited, Bun.sleep(5000).then(() => "timeout")]);
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(stderrText).toContain('"msg":"stopped"');
  expect(await Bun.file(`${cwd}/data/serve.pid`).exists()).toBe(false);
});

test("an invalid config stops serve before it listens, listing every problem", () => {
  const r = Bun.spawnSync([bin, "serve"], { cwd, env: cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_SERVER_PORT: "http", RDCONSOLE_LOG_LEVL: "x" }) });
  expect(r.exitCode).toBe(1);
  const err = r.stderr.toString();
  expect(err).toContain("server.port (from RDCONSOLE_SERVER_PORT): expected an integer from 0 to 65535");
  expect(err).toContain('unknown setting RDCONSOLE_LOG_LEVL — did you mean "RDCONSOLE_LOG_LEVEL"?');
});
