// device, device-group and group set commands, against a data dir an app also serves.
import { beforeEach, expect, test } from "bun:test";
import { cliWithApp, type CliInput } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";

let env: Awaited<ReturnType<typeof cliWithApp>>;
let app: typeof env.app;
let flush: () => number;
beforeEach(async () => {
  env = await cliWithApp();
  app = env.app;
  flush = () => env.devices.presence.flush();
  for (const id of ["111111111", "222222222"]) await post("/api/sysinfo", { hostname: `host-${id}`, id, os: "windows / Windows 11", username: "u", uuid: "dQ==", version: "1.4.9" });
});
const cli = (args: string[], input?: CliInput) => env.cli(args, input);
const json = (args: string[]) => env.json(args);
const post = async (path: string, body: unknown) => (await call(app, "POST", path, { body })).text;

test("list, show, set; device groups", async () => {
  expect((await cli(["device-group", "create", "Servers"])).stdout).toMatch(/^created device group Servers/);
  expect((await cli(["device", "set", "111111111", "--owner", "alice", "--group", "servers", "--note", "rack 4", "--alias", "db1"])).stdout).toBe("device 111111111 updated\n");
  expect(await json(["device", "show", "111111111"])).toMatchObject({ id: "111111111", status: 1, user_name: "alice", device_group_name: "Servers", note: "rack 4", alias: "db1", info: { device_name: "host-111111111", os: "windows / Windows 11" } });
  expect((await json(["device", "list", "--user", "alice"])).map((d: { id: string }) => d.id)).toEqual(["111111111"]);
  expect((await json(["device", "list", "--group", "Servers"])).map((d: { id: string }) => d.id)).toEqual(["111111111"]);
  expect((await json(["device", "list", "--search", "host-2"])).map((d: { id: string }) => d.id)).toEqual(["222222222"]);
  expect((await json(["device", "list", "--online"])).map((d: { id: string }) => d.id)).toEqual(["111111111", "222222222"]);
  expect((await cli(["device", "list"])).stdout.split("\n")[0]).toBe("ID         HOSTNAME        ONLINE  STATE    OWNER  GROUP    STRATEGY  OS       LAST SEEN (UTC)");
  expect(await json(["device-group", "list"])).toMatchObject([{ name: "Servers", device_count: 1 }]);
  await cli(["device-group", "rename", "Servers", "Prod"]);
  expect((await json(["device", "show", "111111111"])).device_group_name).toBe("Prod");
  await cli(["device-group", "delete", "Prod", "--yes"]);
  expect((await json(["device", "show", "111111111"])).device_group_name).toBe("");
  expect((await cli(["device", "set", "111111111", "--owner", "ghost"])).stderr).toBe('error: user "ghost" not found\n');
  expect((await cli(["device", "show", "999"])).stderr).toBe("error: device 999 not found\n");
});

test("sessions and disconnect go through the heartbeat; only reported ids can be cut", async () => {
  expect(await post("/api/heartbeat", { conns: [5, 6], id: "111111111", modified_at: 0, uuid: "dQ==", ver: 1004090 })).toBe("{}");
  flush();
  expect(await json(["device", "sessions", "111111111"])).toMatchObject({ conns: [5, 6], disconnect_queued: [] });
  expect((await cli(["device", "disconnect", "111111111", "7"])).stderr).toBe("error: device 111111111 does not report connection 7\n");
  expect((await cli(["device", "disconnect", "111111111"])).stderr).toBe("error: give one connection id, or --all\n");
  expect((await cli(["device", "disconnect", "111111111", "6"])).stdout).toBe("disconnect queued for 6\n");
  expect((await cli(["device", "sessions", "111111111"])).stdout).toBe("5\n6  (disconnect queued)\n");
  // The device's connection audit says who is on a connection.
  await post("/api/audit/conn", { action: "new", conn_id: 5, id: "111111111", ip: "203.0.113.7", nonce: "s1", session_id: 0, uuid: "dQ==" });
  await post("/api/audit/conn", { conn_id: 5, id: "111111111", nonce: "s2", peer: ["987654321", "Bob"], session_id: 9, type: 1, uuid: "dQ==" });
  expect((await cli(["device", "sessions", "111111111"])).stdout).toMatch(/^5 {2}987654321 \(Bob\) {2}file transfer {2}since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n6 {2}\(disconnect queued\)\n$/);
  expect((await json(["device", "sessions", "111111111"])).sessions).toMatchObject([{ conn: 5, peer: "987654321 (Bob)", conn_type: "file transfer" }, { conn: 6, peer: null, conn_type: null, since: null }]);
  expect(await post("/api/heartbeat", { conns: [5, 6], id: "111111111", modified_at: 0, uuid: "dQ==", ver: 1004090 })).toBe('{"disconnect":[6]}');
  expect((await cli(["device", "disconnect", "111111111", "--all"])).stdout).toBe("disconnect queued for 5, 6\n");
});

test("device live: every device's live sessions, with the admin API's filters, sorting and paging", async () => {
  await post("/api/heartbeat", { conns: [5, 6], id: "111111111", modified_at: 0, uuid: "dQ==", ver: 1004090 });
  await post("/api/heartbeat", { conns: [2], id: "222222222", modified_at: 0, uuid: "dQ==", ver: 1004090 });
  await post("/api/audit/conn", { conn_id: 5, id: "111111111", nonce: "l1", peer: ["987654321", "Bob"], session_id: 9, type: 0, uuid: "dQ==" });
  flush();
  const ids = async (...args: string[]) => (await json(["device", "live", ...args])).map((s: { id: string }) => s.id);
  expect(await ids()).toEqual(["111111111:5", "111111111:6", "222222222:2"]);
  expect(await ids("--filter", "conn==5,2", "--filter=device==222222222")).toEqual(["222222222:2"]);
  expect(await ids("--sort-by", "conn", "--reverse", "--limit", "2")).toEqual(["111111111:6", "111111111:5"]);
  expect(await ids("--start", "2")).toEqual(["222222222:2"]);
  const table = (await cli(["device", "live"])).stdout.split("\n");
  expect(table[0]).toMatch(/^SESSION\s+DEVICE\s+OWNER\s+CONTROLLER\s+TYPE\s+SINCE \(UTC\)\s+FROM\s+DISCONNECT$/);
  expect(table[1]).toMatch(/^111111111:5\s+host-111111111\s+987654321 \(Bob\)\s+remote\s+\d{4}-/);
  expect(await cli(["device", "live", "--filter", "owner==x"])).toMatchObject({ code: 1, stderr: expect.stringContaining('error: filter "owner==x": no field "owner"') });
  expect(await cli(["device", "live", "--limit", "0"])).toMatchObject({ code: 1, stderr: "error: --limit takes a whole number, 1 or more\n" });
});

test("disable, enable, rekey, approve, delete, prune", async () => {
  expect((await cli(["device", "disable", "111111111"])).stdout).toBe("device 111111111 disabled\n");
  expect((await json(["device", "show", "111111111"])).status).toBe(0);
  await cli(["device", "enable", "111111111"]);
  expect((await cli(["device", "rekey", "111111111"])).stdout).toBe("device 111111111 re-keyed: its next contact sets the new uuid\n");
  expect(await post("/api/sysinfo", { id: "111111111", uuid: "bmV3", hostname: "new" })).toBe("SYSINFO_UPDATED");
  expect((await cli(["device", "approve", "333333333"])).stdout).toBe("device 333333333 pre-registered: its first contact is trusted\n");
  expect((await cli(["device", "delete", "333333333"])).stderr).toBe("error: not confirmed: pass --yes to run this without a terminal\n");
  expect((await cli(["device", "delete", "333333333", "--yes"])).stdout).toBe("device 333333333 deleted\n");
  expect((await cli(["device", "prune", "--offline-days", "30", "--dry-run"])).stdout).toBe("would delete 0 device(s)\n");
  expect((await cli(["device", "prune", "--offline-days", "x"])).stderr).toBe("error: --offline-days takes a whole number\n");
});

test("group set: access lists replace, \"\" clears", async () => {
  await cli(["group", "create", "Red"]);
  await cli(["device-group", "create", "Lab"]);
  expect((await cli(["group", "set", "Red", "--can-access-group", "Default", "--can-access-device-group", "Lab"])).stdout).toBe("group Red: can access groups [Default], device groups [Lab]\n");
  expect((await cli(["group", "set", "Red", "--can-access-group", ""])).stdout).toBe("group Red: can access groups [], device groups [Lab]\n");
  expect((await cli(["group", "set", "Red", "--can-access-device-group", "Nope"])).stderr).toBe('error: device group "Nope" not found\n');
});

test("group set / device-group set --accessible-by-user: repeatable or comma-separated, replaces, \"\" clears, unknown user changes nothing", async () => {
  await cli(["user", "create", "dora", "--password-stdin"], { stdin: "dora-password" });
  await cli(["group", "create", "Red"]);
  await cli(["device-group", "create", "Lab"]);
  await cli(["group", "set", "Red", "--can-access-device-group", "Lab"]);
  expect((await cli(["group", "set", "Red", "--accessible-by-user", "alice", "--accessible-by-user", "Dora"])).stdout).toBe(
    "group Red: can access groups [], device groups [Lab]; accessible by users [alice, dora]\n",
  );
  expect(await cli(["group", "set", "Red", "--accessible-by-user", "alice,nobody", "--can-access-device-group", ""])).toMatchObject({ code: 1, stderr: 'error: user "nobody" not found\n' });
  expect((await cli(["group", "show", "Red"])).stdout).toContain("can access device groups: Lab\naccessible by groups: -\naccessible by users: alice, dora\n");
  expect((await cli(["group", "set", "Red", "--accessible-by-user", ""])).stdout).toBe("group Red: can access groups [], device groups [Lab]; accessible by users []\n");
  expect((await cli(["device-group", "set", "lab", "--accessible-by-user", "dora,alice"])).stdout).toBe("device group Lab: accessible by users [dora, alice]\n");
  expect(await cli(["device-group", "set", "Lab", "--accessible-by-user", "nobody"])).toMatchObject({ code: 1, stderr: 'error: user "nobody" not found\n' });
  expect(await cli(["device-group", "set", "Lab"])).toMatchObject({ code: 1, stderr: "error: nothing to change: pass --accessible-by-user\n" });
  expect((await cli(["device-group", "show", "Lab"])).stdout).toContain("accessible by users: dora, alice\n");
  // Deleting the user takes their rules with them.
  await cli(["user", "delete", "dora", "--yes"]);
  expect((await cli(["device-group", "show", "Lab"])).stdout).toContain("accessible by users: alice\n");
});

test("group show: members and both access lists; device-group show: devices and who may access them", async () => {
  await cli(["user", "create", "bob", "--admin", "--password-stdin"], { stdin: "bob-password" });
  await cli(["group", "create", "Support", "--note", "first line"]);
  await cli(["group", "create", "Ops"]);
  await cli(["device-group", "create", "Servers"]);
  await cli(["group", "add-user", "Support", "alice"]);
  await cli(["group", "add-user", "Support", "bob"]);
  await cli(["group", "set", "Support", "--can-access-group", "Default", "--can-access-device-group", "Servers"]);
  await cli(["group", "set", "Ops", "--can-access-group", "Support", "--can-access-device-group", "Servers"]);
  await cli(["device", "set", "111111111", "--group", "Servers", "--owner", "alice", "--alias", "db1"]);

  expect(await json(["group", "show", "support"])).toEqual({
    guid: expect.any(String),
    name: "Support",
    note: "first line",
    members: [
      { name: "alice", is_admin: false, status: 1 },
      { name: "bob", is_admin: true, status: 1 },
    ],
    can_access_groups: ["Default"],
    can_access_device_groups: ["Servers"],
    accessible_by_groups: ["Ops"],
    accessible_by_users: [],
    created_at: expect.any(String),
  });
  const text = await cli(["group", "show", "Support"]);
  expect(text.stdout).toMatch(/^group Support \([0-9a-f-]{36}\)\nnote: first line\nmembers \(2\): alice, bob \(admin\)\ncan access groups: Default\ncan access device groups: Servers\naccessible by groups: Ops\naccessible by users: -\n$/);
  expect((await cli(["group", "show", "Ops"])).stdout).toContain("members (0): -\n");
  expect(await cli(["group", "show", "Nope"])).toMatchObject({ code: 1, stderr: 'error: group "Nope" not found\n' });

  expect(await json(["device-group", "show", "servers"])).toEqual({
    guid: expect.any(String),
    name: "Servers",
    note: "",
    devices: [{ id: "111111111", hostname: "host-111111111", alias: "db1", owner: "alice", enabled: true }],
    accessible_by_groups: ["Ops", "Support"],
    accessible_by_users: [],
    created_at: expect.any(String),
  });
  expect((await cli(["device-group", "show", "Servers"])).stdout).toMatch(/^device group Servers \(\S+\)\naccessible by groups: Ops, Support\naccessible by users: -\ndevices \(1\):\nID\s+HOSTNAME\s+ALIAS\s+OWNER\s+STATE\n111111111\s+host-111111111\s+db1\s+alice\s+enabled\n$/);
  expect(await cli(["device-group", "show", "Nope"])).toMatchObject({ code: 1, stderr: 'error: device group "Nope" not found\n' });
});
