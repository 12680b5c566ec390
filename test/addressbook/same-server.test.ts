// Address-book peers that are devices registered here come back with same_server: true and the
// server's username, hostname and platform — only for devices the user may see.
import { afterAll, expect, test } from "bun:test";
import { setDevice } from "../../src/devices/service.ts";
import { createUser } from "../../src/users/service.ts";
import { abRequest, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
await createUser(env.ctx, { name: "bob", password: "bob-password" });
await createUser(env.ctx, { name: "eve", password: "eve-password" });
const { removeUserFromGroup } = await import("../../src/groups/service.ts");
removeUserFromGroup(env.ctx, "Default", "eve"); // eve sees only herself and her own devices
const sysinfo = (id: string, os: string) =>
  call(env.app, "POST", "/api/sysinfo", { raw: JSON.stringify({ hostname: `host-${id}`, id, os, username: `user-${id}`, uuid: "dQ==", version: "1.4.9" }), headers: { "content-type": "application/json" } });
await sysinfo("111222333", "windows / Windows 11 Pro");
await sysinfo("444555666", "linux / Ubuntu 24.04");
setDevice(env.ctx, "111222333", { owner: "bob" });
setDevice(env.ctx, "444555666", { owner: "bob" });

async function pull(user: string) {
  const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(user, `${user}-password`), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const ab = (method: string, path: string, body?: unknown) => call(env.app, method, path, abRequest(token, body));
  const guid = ((await ab("POST", "/api/ab/personal")).json() as { guid: string }).guid;
  // As "Add to address book" sends it: the client's own idea of the peer, same_server included.
  await ab("POST", `/api/ab/peer/add/${guid}`, { id: "111222333", alias: "", username: "stale", hostname: "OLD-NAME", platform: "Windows", same_server: false, tags: [] });
  await ab("POST", `/api/ab/peer/add/${guid}`, { id: "444555666", alias: "", tags: [] });
  await ab("POST", `/api/ab/peer/add/${guid}`, { id: "777888999", alias: "", username: "kiosk", tags: [] });
  return (await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${guid}`)).text;
}

test("a user who can see the devices gets the server's data, marked same_server", async () => {
  expect(JSON.parse(await pull("bob"))).toEqual({
    total: 3,
    data: [
      { id: "111222333", hash: "", username: "user-111222333", hostname: "host-111222333", platform: "Windows", alias: "", tags: [], note: "", same_server: true },
      { id: "444555666", hash: "", username: "user-444555666", hostname: "host-444555666", platform: "Linux", alias: "", tags: [], note: "", same_server: true },
      { id: "777888999", hash: "", username: "kiosk", hostname: "", platform: "", alias: "", tags: [], note: "" },
    ],
  });
});

test("a user who cannot see them gets only what the address book holds", async () => {
  expect(JSON.parse(await pull("eve"))).toEqual({
    total: 3,
    data: [
      { id: "111222333", hash: "", username: "stale", hostname: "OLD-NAME", platform: "Windows", alias: "", tags: [], note: "" }, // same_server is the server's to say: not stored
      { id: "444555666", hash: "", username: "", hostname: "", platform: "", alias: "", tags: [], note: "" },
      { id: "777888999", hash: "", username: "kiosk", hostname: "", platform: "", alias: "", tags: [], note: "" },
    ],
  });
});

test("a disabled device is not vouched for", async () => {
  const { disableDevice, enableDevice } = await import("../../src/devices/service.ts");
  disableDevice(env.ctx, "444555666");
  const data = (JSON.parse(await pull("bob")) as { data: Record<string, unknown>[] }).data;
  expect(data.map((p) => [p.id, p.same_server ?? null])).toEqual([["111222333", true], ["444555666", null], ["777888999", null]]);
  enableDevice(env.ctx, "444555666");
});
