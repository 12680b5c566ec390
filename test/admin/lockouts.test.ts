// `lockout list` and `lockout clear` over the admin API: what is in force, lifting by IP, by user name (any
// case), by an IPv6 /64 (in the path encoded, or in the body), audited as token:<name>; the token matrix (users).
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { listLockouts, storeLockout } from "../../src/auth/lockout-store.ts";
import { withTransaction } from "../../src/core/context.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "people", scopes: { users: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { users: "r" } }).secret;
const other = createToken(env.ctx, { name: "ops", scopes: { devices: "rw", groups: "rw", audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { users: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const lock = (key: string) => withTransaction(env.ctx, (tx) => storeLockout(tx, key, tx.now(), tx.now() + 900_000));
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  return [r.status, r.json()] as const;
};
const subjects = () => listLockouts(env.ctx).map((e) => `${e.kind}:${e.subject}`);

beforeEach(() => {
  lock("ip:198.51.100.9");
  lock("account:alice");
  lock("ip:2001:db8:1:2::/64");
});

describe("the token matrix", () => {
  tokenMatrix(
    env.app,
    [["GET", "/api/admin/lockouts"], ["DELETE", "/api/admin/lockouts/192.0.2.1"], ["DELETE", "/api/admin/lockouts", { target: "192.0.2.1" }]],
    areaCallers({ other, gone, ro }, "users:r"),
  );
});

test("list: the lockouts in force, oldest first, the CLI's --json shape", async () => {
  env.advance(1000);
  lock("account:bob");
  const [s, body] = await reply("GET", "/api/admin/lockouts", undefined, ro);
  expect(s).toBe(200);
  const b = body as { total: number; data: { kind: string; subject: string; locked_at: string; locked_until: string }[] };
  expect(b.data.map((e) => `${e.kind}:${e.subject}`)).toEqual(["ip:198.51.100.9", "account:alice", "ip:2001:db8:1:2::/64", "account:bob"]);
  expect(b.total).toBe(4);
  expect(Date.parse(b.data[0]!.locked_until) - Date.parse(b.data[0]!.locked_at)).toBe(900_000);
  env.advance(899_500); // the first three ran out, bob's has 500 ms to go
  expect(((await reply("GET", "/api/admin/lockouts", undefined, ro))[1] as { total: number }).total).toBe(1);
});

describe("clear", () => {
  test("by IP and by user name (any case), audited as token:<name>; none in force → 404", async () => {
    expect(await reply("DELETE", "/api/admin/lockouts/198.51.100.9")).toEqual([200, { cleared: [expect.objectContaining({ kind: "ip", subject: "198.51.100.9" })] }]);
    expect(await reply("DELETE", "/api/admin/lockouts/Alice")).toEqual([200, { cleared: [expect.objectContaining({ kind: "account", subject: "alice" })] }]);
    expect(subjects()).toEqual(["account:bob", "ip:2001:db8:1:2::/64"]);
    expect(env.audit("lockout.clear").map((a) => [a.actorName, a.targetName])).toEqual([["token:people", "198.51.100.9"], ["token:people", "alice"]]);
    expect(await reply("DELETE", "/api/admin/lockouts/198.51.100.9")).toEqual([404, { error: 'no lockout in force for "198.51.100.9" (see rdconsole lockout list)', code: "NOT_FOUND" }]);
    expect((await reply("DELETE", "/api/admin/lockouts/carol", undefined, ro))[0]).toBe(403);
  });

  test("an IPv6 /64: in the body, or in the path with its slash encoded; an address in it names it too", async () => {
    expect(await reply("DELETE", "/api/admin/lockouts", { target: "2001:db8:1:2::/64" })).toEqual([200, { cleared: [expect.objectContaining({ kind: "ip", subject: "2001:db8:1:2::/64" })] }]);
    lock("ip:2001:db8:1:2::/64");
    expect((await reply("DELETE", `/api/admin/lockouts/${encodeURIComponent("2001:db8:1:2::/64")}`))[0]).toBe(200);
    lock("ip:2001:db8:1:2::/64");
    expect((await reply("DELETE", "/api/admin/lockouts/2001:db8:1:2::77"))[0]).toBe(200);
    expect(subjects()).not.toContain("ip:2001:db8:1:2::/64");
  });

  test("bad bodies → 400, nothing lifted", async () => {
    const before = subjects();
    for (const body of [{}, { target: "" }, { target: 5 }, { target: "x", more: 1 }]) expect((await reply("DELETE", "/api/admin/lockouts", body))[0]).toBe(400);
    expect(subjects()).toEqual(before);
  });
});
