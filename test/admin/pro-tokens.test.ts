// The token matrix of every Pro-compatible admin route (pro-admin-api §1.2): no token, a bad one, a user's
// login token, a token without the area, a read-only token on a write, a revoked or expired token → 401/403
// {"error"}; the area's own token and an admin token pass the guard.
import { afterAll, describe, expect, test } from "bun:test";
import type { Area } from "../../src/tokens/scopes.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
await createUser(env.ctx, { name: "dave", password: "dave-password", isAdmin: true });
const login = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", "dave-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
const G = "01a21c1c-0000-7000-8000-000000000000";

// Each route, its area, whether it writes, and a body it accepts.
type ProArea = Extract<Area, "devices" | "groups" | "strategies" | "audit">;
const ROUTES: [string, string, ProArea, boolean, string?][] = [
  ["GET", "/api/devices", "devices", false],
  ["POST", `/api/devices/${G}/disable`, "devices", true],
  ["POST", `/api/devices/${G}/enable`, "devices", true],
  ["DELETE", `/api/devices/${G}`, "devices", true],
  ["POST", `/api/devices/${G}/assign`, "devices", true, '{"type": "note", "value": "x"}'],
  ["GET", "/api/device-groups", "groups", false],
  ["POST", "/api/device-groups", "groups", true, '{"name": "Kiosks"}'],
  ["PATCH", `/api/device-groups/${G}`, "groups", true, '{"note": "x"}'],
  ["DELETE", `/api/device-groups/${G}`, "groups", true],
  ["POST", `/api/device-groups/${G}`, "groups", true, '["111111111"]'],
  ["DELETE", `/api/device-groups/${G}/devices`, "groups", true, '["111111111"]'],
  ["GET", "/api/strategies", "strategies", false],
  ["GET", `/api/strategies/${G}`, "strategies", false],
  ["PUT", `/api/strategies/${G}/status`, "strategies", true, "true"],
  ["POST", "/api/strategies/assign", "strategies", true, `{"peers": ["${G}"], "users": [], "groups": []}`],
  ["GET", "/api/audits/conn", "audit", false],
  ["GET", "/api/audits/file", "audit", false],
  ["GET", "/api/audits/alarm", "audit", false],
  ["GET", "/api/audits/console", "audit", false],
];

const token = (name: string, scopes: Record<string, "r" | "rw">, expiresIn?: number) => createToken(env.ctx, { name, scopes, expiresIn }).secret;
const admin = token("admin", { admin: "rw" });
const revoked = token("revoked", { admin: "rw" });
revokeToken(env.ctx, "revoked");
const expired = token("expired", { admin: "rw" }, 1000);
env.advance(2000);
const tokens: Record<ProArea, { r: string; rw: string }> = {
  devices: { r: token("devices-r", { devices: "r" }), rw: token("devices-rw", { devices: "rw" }) },
  groups: { r: token("groups-r", { groups: "r" }), rw: token("groups-rw", { groups: "rw" }) },
  strategies: { r: token("strategies-r", { strategies: "r" }), rw: token("strategies-rw", { strategies: "rw" }) },
  audit: { r: token("audit-r", { audit: "r" }), rw: token("audit-rw", { audit: "rw" }) },
};
const enrolOnly = token("enrol", { enrol: "rw" });
const other = (area: ProArea) => tokens[area === "devices" ? "audit" : "devices"].rw;

const send = (method: string, path: string, secret: string | undefined, body?: string) =>
  call(env.app, method, path, { raw: body, headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(body ? { "content-type": "application/json" } : {}) } });

describe.each(ROUTES)("%s %s", (method, path, area, write, body) => {
  const cases: [string, () => string | undefined, number][] = [
    ["no token", () => undefined, 401],
    ["a bad token", () => "rdc_notatoken", 401],
    ["a user's login token", () => login, 401],
    ["a token of another area", () => other(area), 403],
    ["an enrolment-only token", () => enrolOnly, 403],
    ["a revoked token", () => revoked, 401],
    ["an expired token", () => expired, 401],
    ...(write ? [["a read-only token of the area", () => tokens[area].r, 403] as [string, () => string, number]] : []),
  ];
  test.each(cases)("%s → %d {error}", async (_name, secret, status) => {
    const r = await send(method, path, secret(), body);
    expect([r.status, Object.keys(r.json() as object)]).toEqual([status, ["error"]]);
  });

  const pass: [string, () => string][] = [
    ["the area's token", () => tokens[area][write ? "rw" : "r"]],
    ["an admin token", () => admin],
  ];
  test.each(pass)("%s passes the guard", async (_name, secret) => {
    const r = await send(method, path, secret(), body);
    expect([401, 403]).not.toContain(r.status);
    if (method === "GET" && !path.includes(G)) expect(r.status).toBe(200);
  });
});
