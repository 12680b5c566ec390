// The strategy verbs against a data dir an app serves: the lint refuses with the key named, a change
// reaches the heartbeat, explain/status/device show follow it, and every change is in the console audit.
import { beforeEach, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stampOf } from "../../src/strategies/stamp.ts";
import { runCli } from "../helpers/cli.ts";
import { cliWithApp } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";

let env: Awaited<ReturnType<typeof cliWithApp>>;
const beat = async (modifiedAt = 0) =>
  (await call(env.app, "POST", "/api/heartbeat", { raw: `{"id":"111111111","modified_at":${modifiedAt},"uuid":"dQ==","ver":1004090}`, headers: { "content-type": "application/json" } })).text;

beforeEach(async () => {
  env = await cliWithApp();
  await call(env.app, "POST", "/api/sysinfo", { body: { hostname: "host-1", id: "111111111", uuid: "dQ==" } });
});

test("the lint refuses with exit 1 and names each key; warnings go to stderr", async () => {
  const bad = await env.cli(["strategy", "create", "Bad", "enable-keyboard=yes", "enable-keybaord=N", "api-server=http://x", "stop-service=Y", "allow-ask-for-note=Y", "approve-mode="]);
  expect(bad.code).toBe(1);
  const lines = bad.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(6);
  expect(lines.every((l) => l.startsWith("error: "))).toBe(true);
  for (const key of ["enable-keyboard", "enable-keybaord", "api-server", "stop-service", "allow-ask-for-note", "approve-mode"]) expect(lines.some((l) => l.includes(key))).toBe(true);
  expect(lines[1]).toContain('did you mean "enable-keyboard"?');
  expect((await env.cli(["strategy", "list"])).stderr).toBe("no entries\n"); // nothing was created
  expect(await env.cli(["strategy", "create", "Newer", "enable-shiny-thing=Y", "--force"])).toMatchObject({ code: 0, stderr: expect.stringContaining("warning: unknown key") });
  expect((await env.cli(["strategy", "create", "Move", "api-server=http://10.0.0.2:21114", "--allow-repoint"])).code).toBe(0);
  const hide = await env.cli(["strategy", "create", "Hide", "allow-hide-cm=Y"]);
  expect(hide).toMatchObject({ code: 0, stderr: expect.stringMatching(/^warning: allow-hide-cm=Y has no effect unless approve-mode=password/) });
});

test("create, assign, heartbeat, explain, status, device show; unassign clears the keys", async () => {
  expect((await env.cli(["strategy", "create", "Locked", "enable-file-transfer=N", "approve-mode=password", "--note", "desk"])).stdout).toMatch(/^created strategy Locked \(.{36}\) with 2 option\(s\)\n$/);
  expect((await env.cli(["strategy", "assign", "Locked", "--device", "111111111"])).stdout).toBe("assigned strategy Locked to 1 target(s)\n");
  const options = { "enable-file-transfer": "N", "approve-mode": "password" };
  const stamp = stampOf(options);
  expect(await beat()).toBe(`{"strategy":{"config_options":${JSON.stringify(options)},"extra":{}},"modified_at":${stamp}}`);
  expect((await env.json(["strategy", "status", "Locked"])).pending).toBe(1);
  expect(await beat(stamp)).toBe("{}");
  env.devices.presence.flush();
  env.devices.strategies.flush(); // what the server does every devices.flush_ms
  expect(await env.json(["strategy", "status", "Locked"])).toMatchObject({ devices: 1, applied: 1, pending: 0, offline: 0 });
  expect((await env.cli(["strategy", "explain", "111111111"])).stdout).toMatch(/^device 111111111: strategy Locked \(assigned to the device\)\nshould have \(2\):\n {2}approve-mode = password\n {2}enable-file-transfer = N\nstate: applied \(online\)/);
  expect(await env.json(["device", "show", "111111111"])).toMatchObject({ strategy_name: "Locked", strategy_state: "applied" });
  expect((await env.cli(["device", "show", "111111111"])).stdout).toContain("strategy                   Locked (applied)");
  expect((await env.cli(["strategy", "unassign", "--device", "111111111"])).code).toBe(0);
  expect(JSON.parse(await beat(stamp)).strategy.config_options).toEqual({ "enable-file-transfer": "", "approve-mode": "" });
  const audit = (await env.cli(["audit", "tail", "--type", "console", "--json"])).stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(audit.filter((a) => a.action.startsWith("strategy.")).map((a) => [a.action, a.details.target ?? null])).toEqual([
    ["strategy.create", "Locked"],
    ["strategy.assign", "Locked"],
    ["strategy.unassign", null],
  ]);
});

test("set, unset, rename, disable, enable, default, delete — each a console-audit row", async () => {
  await env.cli(["strategy", "create", "A", "enable-audio=N"]);
  expect((await env.cli(["strategy", "set", "A", "enable-camera=N", "--reapply-hours", "12"])).code).toBe(0);
  expect((await env.cli(["strategy", "unset", "A", "enable-audio"])).code).toBe(0);
  expect(await env.cli(["strategy", "unset", "A", "enable-audio"])).toMatchObject({ code: 1, stderr: 'error: strategy "A" does not set enable-audio\n' });
  expect((await env.cli(["strategy", "rename", "A", "B"])).stdout).toBe("strategy A renamed to B\n");
  expect((await env.cli(["strategy", "disable", "B"])).stdout).toBe("strategy B disabled\n");
  expect((await env.cli(["strategy", "enable", "B"])).stdout).toBe("strategy B enabled\n");
  expect((await env.cli(["strategy", "default", "B"])).stdout).toBe("default strategy: B\n");
  expect(await env.json(["strategy", "show", "B"])).toMatchObject({ name: "B", default: true, options: { "enable-camera": "N" }, reapply_hours: 12 });
  expect((await env.cli(["strategy", "default", "--none"])).stdout).toBe("no default strategy\n");
  expect((await env.cli(["strategy", "delete", "B", "--yes"])).stdout).toBe("deleted strategy B\n");
  const actions = (await env.cli(["audit", "tail", "--type", "console", "--json"])).stdout.trim().split("\n").map((l) => JSON.parse(l).action);
  for (const a of ["strategy.create", "strategy.update", "strategy.rename", "strategy.disable", "strategy.enable", "strategy.default", "strategy.delete"]) expect(actions).toContain(a);
});

test("keys, export and apply from a file", async () => {
  const keys = JSON.parse((await runCli(["strategy", "keys", "--json"])).stdout); // reads no config
  expect(JSON.stringify(keys)).toContain("enable-keyboard");
  await env.cli(["strategy", "create", "Locked", "enable-keyboard=N"]);
  const file = join(env.dir, "s.toml");
  writeFileSync(file, (await env.cli(["strategy", "export"])).stdout.replace('enable-keyboard = "N"', 'enable-keyboard = "N"\nenable-clipboard = "N"'));
  expect((await env.cli(["strategy", "apply", "-f", file, "--dry-run"])).stdout).toBe('~ Locked: enable-clipboard = "N"\ndry run: 1 change(s) not applied\n');
  expect((await env.cli(["strategy", "apply", "-f", file])).stdout).toBe('~ Locked: enable-clipboard = "N"\napplied 1 change(s)\n');
  expect((await env.cli(["strategy", "apply", "-f", file])).stdout).toBe("nothing to change\n");
  writeFileSync(file, '[[strategy]]\nname = "Locked"\noptions = { "enable-clipboard" = "maybe" }\n');
  expect(await env.cli(["strategy", "apply", "-f", file])).toMatchObject({ code: 1, stderr: expect.stringContaining('error: Locked: enable-clipboard: "maybe" is not allowed') });
});
