// Hostile requests against the compiled binary (issue 13 §3), where Bun's own HTTP parser and the
// native routes are in play: oversized headers get the JSON 431, deep bodies a quick 400.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { HEADER_LIMIT } from "../../src/http/header-limit.ts";
import { MAX_DEPTH } from "../../src/http/json-body.ts";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";

let server: Bun.Subprocess<"ignore", "pipe", "pipe">;
let base = "";

beforeAll(async () => {
  server = Bun.spawn([binaryPath(), "serve", "--host", "127.0.0.1", "--port", "0"], {
    cwd: tempDir("rdc-e2e-hostile-"),
    env: cleanEnv({ RDCONSOLE_CONFIG: "/dev/null" }),
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  let log = "";
  const decoder = new TextDecoder();
  for await (const chunk of server.stderr) {
    log += decoder.decode(chunk);
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
    if (m) {
      base = m[1]!;
      break;
    }
  }
  if (!base) throw new Error(`the server did not start:\n${log}`);
}, 60_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

const HEADERS_ERROR = { error: `request headers too large (limit ${HEADER_LIMIT} bytes)` };

test.each([
  ["POST", "/api/login"],
  ["POST", "/api/currentUser"],
  ["POST", "/api/heartbeat"],
  ["POST", "/api/audit/conn"],
  ["GET", "/api/login-options"],
])("%s %s with a 100 KB Authorization header → 431 {\"error\"}", async (method, path) => {
  const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${"x".repeat(100_000)}`, "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
  expect(r.status).toBe(431);
  expect(r.headers.get("content-type")).toStartWith("application/json");
  expect(await r.json()).toEqual(HEADERS_ERROR);
});

test("a header just under the limit is served as usual", async () => {
  const r = await fetch(`${base}/api/currentUser`, { method: "POST", headers: { authorization: `Bearer ${"x".repeat(HEADER_LIMIT - 1000)}` } });
  expect(r.status).toBe(401);
  expect(await r.json()).toEqual({ error: "Invalid token" });
});

test.each(["/api/heartbeat", "/api/audit/conn", "/api/audit/file", "/api/audit/alarm", "/api/sysinfo", "/api/login", "/api/oidc/auth"])("%s: 40,000 nested arrays → 400 {\"error\"}", async (path) => {
  const r = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "[".repeat(40_000) + "]".repeat(40_000) });
  expect(r.status).toBe(400);
  expect(await r.json()).toEqual({ error: `request body nested too deeply (limit ${MAX_DEPTH} levels)` });
});

test("DELETE /api/ab/peer/x without a token → 401, before the body", async () => {
  const r = await fetch(`${base}/api/ab/peer/x`, { method: "DELETE", headers: { "content-type": "application/json" }, body: "[".repeat(20_000) + "]".repeat(20_000) });
  expect(r.status).toBe(401);
  expect(await r.json()).toEqual({ error: "Invalid token" });
});
