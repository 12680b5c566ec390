// The visibility matrix over two user groups and two device groups: admin, member, cross-access, none.
import { afterAll, expect, test } from "bun:test";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { setDevice } from "../../src/devices/service.ts";
import { addUserToGroup, createGroup, setGroupAccess } from "../../src/groups/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
// Users: admin; red1, red2 in Red; blue1 in Blue; loner (no group).
for (const [name, admin] of [["admin", true], ["red1", false], ["red2", false], ["blue1", false], ["loner", false]] as const) await createUser(env.ctx, { name, password: `${name}-password`, isAdmin: admin });
createGroup(env.ctx, { name: "Red" });
createGroup(env.ctx, { name: "Blue" });
for (const u of ["red1", "red2"]) addUserToGroup(env.ctx, "Red", u);
addUserToGroup(env.ctx, "Blue", "blue1");
const { removeUserFromGroup } = await import("../../src/groups/service.ts");
removeUserFromGroup(env.ctx, "Default", "loner");
createDeviceGroup(env.ctx, { name: "Lab" });
createDeviceGroup(env.ctx, { name: "Prod" });
// Devices: one per user, plus two unowned in Lab and Prod.
const post = (raw: string) => call(env.app, "POST", "/api/sysinfo", { raw, headers: { "content-type": "application/json" } });
for (const [id, owner, group] of [["d-red1", "red1", ""], ["d-red2", "red2", ""], ["d-blue1", "blue1", ""], ["d-loner", "loner", ""], ["d-lab", "", "Lab"], ["d-prod", "", "Prod"]]) {
  await post(JSON.stringify({ hostname: id, id, os: "linux / x", uuid: "dQ==" }));
  setDevice(env.ctx, id!, { owner: owner!, group: group! });
}
// Red may see Blue's users and the Lab device group.
setGroupAccess(env.ctx, "Red", { userGroups: ["Blue"], deviceGroups: ["Lab"] });

async function view(name: string) {
  const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(name, `${name}-password`), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const get = async (path: string) => ((await call(env.app, "GET", `${path}?current=1&pageSize=100&accessible=&status=1`, { headers: { authorization: `Bearer ${token}` } })).json() as { data: { name?: string; id?: string }[] }).data;
  return {
    users: (await get("/api/users")).map((u) => u.name).sort(),
    peers: (await get("/api/peers")).map((p) => p.id).sort(),
    groups: (await get("/api/device-group/accessible")).map((g) => g.name).sort(),
  };
}

test.each([
  ["admin", { users: ["admin", "blue1", "loner", "red1", "red2"], peers: ["d-blue1", "d-lab", "d-loner", "d-prod", "d-red1", "d-red2"], groups: ["Lab", "Prod"] }],
  ["red1", { users: ["blue1", "red1", "red2"], peers: ["d-blue1", "d-lab", "d-red1", "d-red2"], groups: ["Lab"] }],
  ["blue1", { users: ["blue1"], peers: ["d-blue1"], groups: [] }],
  ["loner", { users: ["loner"], peers: ["d-loner"], groups: [] }],
])("%s sees exactly", async (name, expected) => {
  expect(await view(name)).toEqual(expected);
});

test("status=1 leaves disabled users and devices out; without it they are listed", async () => {
  const { disableUser } = await import("../../src/users/service.ts");
  const { disableDevice } = await import("../../src/devices/service.ts");
  disableUser(env.ctx, "red2");
  disableDevice(env.ctx, "d-red1");
  const v = await view("red1");
  expect(v.users).toEqual(["blue1", "red1"]);
  expect(v.peers).toEqual(["d-blue1", "d-lab", "d-red2"]);
});

test("rules for a single user (Pro's type 2) widen only that user's view, also without a group of their own", async () => {
  const { updateDeviceGroup } = await import("../../src/device-groups/service.ts");
  setGroupAccess(env.ctx, "Blue", { accessibleByUsers: ["loner"] });
  updateDeviceGroup(env.ctx, "Prod", { accessibleByUsers: ["loner"] });
  expect(await view("loner")).toEqual({ users: ["blue1", "loner"], peers: ["d-blue1", "d-loner", "d-prod"], groups: ["Prod"] });
  expect(await view("blue1")).toEqual({ users: ["blue1"], peers: ["d-blue1"], groups: [] });
  setGroupAccess(env.ctx, "Blue", { accessibleByUsers: [] });
  updateDeviceGroup(env.ctx, "Prod", { accessibleByUsers: [] });
  expect(await view("loner")).toEqual({ users: ["loner"], peers: ["d-loner"], groups: [] });
});
