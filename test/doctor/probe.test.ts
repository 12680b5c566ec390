// GET /healthz?probe=<nonce>: the answer proves the data dir (an HMAC of the nonce), other query strings are ignored.
import { afterAll, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROBE_HEADER, probeAnswer } from "../../src/crypto/instance-probe.ts";
import { call } from "../helpers/http.ts";
import { testConfig, testEnv } from "../helpers/env.ts";

const env = testEnv();
const other = testEnv();
afterAll(() => (env.close(), other.close()));
const NONCE = "abcdefghijklmnop-_0123";

test("the answer is this data dir's HMAC of the nonce; another data dir answers differently", async () => {
  const r = await call(env.app, "GET", `/healthz?probe=${NONCE}`);
  expect(r.status).toBe(200);
  expect(r.json()).toEqual({ status: "ok" });
  // A reader (doctor) with its own config object for the same data dir computes the same answer.
  expect(r.headers.get(PROBE_HEADER)).toBe(probeAnswer(testConfig({}, env.config.data.dir), NONCE, false));
  const elsewhere = await call(other.app, "GET", `/healthz?probe=${NONCE}`);
  expect(elsewhere.headers.get(PROBE_HEADER)).not.toBe(r.headers.get(PROBE_HEADER));
  expect(r.headers.get(PROBE_HEADER)).not.toBe(probeAnswer(env.config, "another-nonce-0123456", false));
});

test("no nonce, a malformed one, or other query strings: plain 200 without the header", async () => {
  for (const q of ["", "?probe=short", "?probe=has%20space%20in%20it%20ok", "?lb=check"]) {
    const r = await call(env.app, "GET", `/healthz${q}`);
    expect(r.status).toBe(200);
    expect(r.headers.get(PROBE_HEADER)).toBeNull();
  }
  expect((await call(env.app, "GET", `/healthz?probe=${NONCE}&lb=1`)).headers.get(PROBE_HEADER)).not.toBeNull();
});

test("the reader never creates secret.key; the server does on first probe", async () => {
  const fresh = testEnv();
  try {
    const key = join(fresh.config.data.dir, "secret.key");
    expect(existsSync(key)).toBe(false);
    expect(() => probeAnswer(testConfig({}, fresh.config.data.dir), NONCE, false)).toThrow();
    expect(existsSync(key)).toBe(false);
    await call(fresh.app, "GET", `/healthz?probe=${NONCE}`);
    expect(existsSync(key)).toBe(true);
  } finally {
    fresh.close();
  }
});
