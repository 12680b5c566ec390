// GET /api/admin/devices/{id}/info: MeshCentral-style sections for a device that posted its sysinfo, with its
// owner, groups, strategy, presence and live sessions; the token matrix; an unknown device → 404.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { setDevice } from "../../src/devices/service.ts";
import { addUserToGroup, createGroup } from "../../src/groups/service.ts";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const ro = createToken(env.ctx, { name: "viewer", scopes: { devices: "r" } }).secret;
const rw = createToken(env.ctx, { name: "ops", scopes: { devices: "rw" } }).secret;
const other = createToken(env.ctx, { name: "people", scopes: { users: "rw", groups: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { devices: "rw" } }).secret;
revokeToken(env.ctx, "gone");
const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: { "content-type": "application/json" } });
const info = async (id: string, secret = ro) => {
  const r = await call(env.app, "GET", `/api/admin/devices/${id}/info`, { headers: { authorization: `Bearer ${secret}` } });
  return [r.status, r.json()] as const;
};

const SYSINFO = {
  cpu: "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz, 1.8GHz, 8/4 cores",
  hostname: "PC-ONE",
  id: "123456789",
  memory: "15.5GB",
  os: "windows / Windows 11 Pro - 10.0.22631",
  username: "alice",
  uuid: UUID,
  version: "1.4.2",
};

beforeAll(async () => {
  expect((await post("/api/sysinfo", JSON.stringify(SYSINFO))).text).toBe("SYSINFO_UPDATED");
  expect((await post("/api/sysinfo", JSON.stringify({ id: "222222222", uuid: UUID }))).text).toBe("SYSINFO_UPDATED");
  createGroup(env.ctx, { name: "Staff" });
  addUserToGroup(env.ctx, "Staff", "bob");
  setDevice(env.ctx, "123456789", { owner: "bob", group: "Kiosks", alias: "Front desk", note: "by the door" });
  assignStrategy(env.ctx, "Locked", { devices: ["123456789"] });
  env.advance(5_000);
  expect((await post("/api/audit/conn", JSON.stringify({ conn_id: 4, id: "123456789", nonce: "n1", peer: ["987654321", "Bob"], session_id: 9, type: 4, uuid: UUID }))).status).toBe(200);
  await post("/api/heartbeat", JSON.stringify({ conns: [4], id: "123456789", modified_at: 0, uuid: UUID, ver: 1004020 }));
});

describe("the token matrix", () => {
  tokenMatrix(env.app, [["GET", "/api/admin/devices/123456789/info"]], areaCallers({ other, gone, ro }, "devices:r", "a token of other areas"));
  test("devices:rw passes too", async () => expect((await info("123456789", rw))[0]).toBe(200));
});

test("the six sections, in order, from the sysinfo, the database and the last heartbeat", async () => {
  const [s, body] = await info("123456789");
  expect(s).toBe(200);
  expect(body).toEqual({
    id: "123456789",
    sections: [
      {
        name: "General",
        fields: {
          name: "Front desk",
          id: "123456789",
          alias: "Front desk",
          host_name: "PC-ONE",
          owner: "bob",
          owner_group: "Staff",
          device_group: "Kiosks",
          note: "by the door",
          strategy: "Locked",
          strategy_state: "pending",
          status: "enabled",
          registered_at: "2026-11-22T12:00:00.000Z",
        },
      },
      { name: "Operating System", fields: { platform: "Windows", name: "windows", version: "Windows 11 Pro - 10.0.22631", os_user: "alice" } },
      { name: "RustDesk", fields: { client_version: "1.4.2", last_sysinfo: "2026-11-22T12:00:00.000Z", uuid: UUID, public_key: null } },
      { name: "Hardware", fields: { cpu: SYSINFO.cpu, memory: "15.5GB" } },
      { name: "Networking", fields: { online: true, last_seen: "2026-11-22T12:00:05.000Z", last_ip: null } },
      {
        name: "Sessions",
        fields: { live: 1, sessions: [{ id: "123456789:4", conn: 4, controller_id: "987654321", controller_name: "Bob", type: "terminal", since: "2026-11-22T12:00:05.000Z", ip: null, disconnect_queued: false }] },
      },
    ],
  });
});

test("a device with a bare sysinfo: unknowns are null, never made up", async () => {
  const [, body] = await info("222222222");
  const fields = Object.fromEntries((body as { sections: { name: string; fields: object }[] }).sections.map((x) => [x.name, x.fields]));
  expect(fields["General"]).toMatchObject({ name: "222222222", host_name: null, owner: null, owner_group: null, device_group: null, strategy: null, strategy_state: "none" });
  expect(fields["Operating System"]).toEqual({ platform: null, name: null, version: null, os_user: null });
  expect(fields["Hardware"]).toEqual({ cpu: null, memory: null });
  expect(fields["Sessions"]).toEqual({ live: 0, sessions: [] });
});

test("an unknown device → 404 with a code", async () => {
  expect(await info("404404404")).toEqual([404, { error: "device 404404404 not found", code: "NOT_FOUND" }]);
});
