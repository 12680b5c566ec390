// `token create … --enrol --print-install OS` (the install lines with this server's settings and the new key, the
// presets as --assign flags) and `token enrolments` (what a key enrolled).
import { afterAll, expect, test } from "bun:test";
import { encodeConfigString } from "../../src/enrolment/config-string.ts";
import { installLines } from "../../src/enrolment/install.ts";
import { bearer, UUID } from "../helpers/client.ts";
import { cliDataDir, cliWithApp } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";

const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";
const SETTINGS = `[server]\npublic_url = "https://rd.example.com"\n[rustdesk]\nid_server = "rd.example.com"\nkey = "${KEY}"\n`;
const CONFIG_STRING = encodeConfigString({ idServer: "rd.example.com", relayServer: "", apiServer: "https://rd.example.com", key: KEY });

async function setUp(toml: string) {
  const env = cliDataDir(toml);
  expect((await env.cli(["user", "create", "alice", "--admin", "--password-stdin"], { stdin: "alice-password" })).code).toBe(0);
  await env.cli(["device-group", "create", "Kiosks"]);
  await env.cli(["ab", "create", "Ops team", "--owner", "alice"]);
  return env;
}

test("--print-install windows: the settings of client-config, the new key, the presets as flags (never the book password)", async () => {
  const env = await setUp(SETTINGS);
  const r = await env.cli(["token", "create", "frontdesk", "--enrol", "--user", "alice", "--device-group", "kiosks", "--address-book", "Ops team", "--ab-tag", "kiosk", "--ab-password", "s3cret", "--print-install", "windows"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const secret = /^(rdc_\w{43})$/m.exec(r.stdout)![1]!;
  // The names as the key stores them (kiosks → Kiosks).
  const expected = installLines("windows", { configString: CONFIG_STRING, token: secret, assignFlags: { user_name: "alice", device_group_name: "Kiosks", address_book_name: "Ops team", address_book_tag: "kiosk" } });
  expect(r.stdout).toEndWith(`\nInstall on windows (Paste into an elevated PowerShell (Run as administrator): installing and --config/--assign need it):\n${expected.lines.join("\n")}\n`);
  expect(r.stdout).toContain(`--assign --token ${secret} --user_name alice --device_group_name Kiosks --address_book_name "Ops team" --address_book_tag kiosk'`);
  expect(r.stdout).not.toContain("s3cret");

  const json = await env.json(["token", "create", "lab", "--enrol", "--device-note", "lab pc", "--print-install", "linux"]);
  expect(json.install).toEqual(installLines("linux", { configString: CONFIG_STRING, token: json.token, assignFlags: { note: "lab pc" } }));
  expect(json.install.lines.at(-1)).toBe(`sudo rustdesk --assign --token ${json.token} --note 'lab pc'`);
});

test("--print-install refuses before creating the key: no preset the client counts, no server key, no --enrol, unknown OS", async () => {
  const env = await setUp(SETTINGS);
  const cases: [string[], number, string][] = [
    [["token", "create", "a", "--enrol", "--print-install", "macos"], 2, "error: --print-install: rustdesk --assign needs at least one option, so the key needs a preset: --user, --device-group, --strategy, --address-book or --device-note\n"],
    [["token", "create", "a", "--scope", "enrol:rw", "--print-install", "macos"], 2, "error: --print-install is for enrolment keys: add --enrol\n"],
    [["token", "create", "a", "--enrol", "--user", "alice", "--print-install", "android"], 2, 'error: --print-install takes windows, macos, linux, not "android"\n'],
  ];
  for (const [args, code, err] of cases) expect([(await env.cli(args)).code, (await env.cli(args)).stderr]).toEqual([code, err]);
  const bare = await setUp(`[server]\npublic_url = "https://rd.example.com"\n[rustdesk]\nid_server = "rd.example.com"\nkey_file = "/nonexistent/id_ed25519.pub"\n`);
  const noKey = await bare.cli(["token", "create", "a", "--enrol", "--user", "alice", "--print-install", "linux"]);
  expect(noKey.code).toBe(2);
  expect(noKey.stderr).toStartWith("error: --print-install: ");
  expect(noKey.stderr).toEndWith("(the same settings as rdconsole client-config)\n");
  for (const e of [env, bare]) expect(await e.json(["token", "list"])).toEqual([]);
});

const served = await cliWithApp();
afterAll(() => served.close());

test("token enrolments: when, from where, what it set; a deleted device stays listed, marked", async () => {
  expect((await served.cli(["user", "create", "root", "--admin", "--password-stdin"], { stdin: "root-password-1" })).code).toBe(0);
  await served.cli(["device-group", "create", "Kiosks"]);
  const { token } = await served.json(["token", "create", "frontdesk", "--enrol", "--device-group", "Kiosks"]);
  const assign = (raw: string) => call(served.app, "POST", "/api/devices/cli", { raw, headers: { ...bearer(token), "x-forwarded-for": "203.0.113.9" } });
  expect((await assign(`{"device_name":"Desk 1","id":"111222333","uuid":"${UUID}"}`)).text).toBe("");
  expect((await assign(`{"id":"444555666","note":"second","uuid":"${UUID}"}`)).text).toBe("");
  expect((await served.cli(["device", "delete", "444555666", "--yes"])).code).toBe(0);
  const listed = await served.json(["token", "enrolments", "frontdesk"]);
  expect(listed.map((e: { device: string; kind: string; set: unknown; registered: boolean }) => [e.device, e.kind, e.set, e.registered])).toEqual([
    ["111222333", "assign", { device_group_name: "Kiosks", device_name: "Desk 1" }, true],
    ["444555666", "assign", { device_group_name: "Kiosks", note: "second" }, false],
  ]);
  const table = (await served.cli(["token", "enrolments", "frontdesk"])).stdout.split("\n");
  expect(table[0]).toMatch(/^DEVICE +KIND +AT +IP +SET$/);
  expect(table[1]).toMatch(/^111222333 +assign +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +\S+ +device_group_name=Kiosks device_name="Desk 1"$/);
  expect(table[2]).toMatch(/^444555666 \(deleted\) +assign /);
  const none = await served.cli(["token", "create", "idle", "--enrol", "--device-group", "Kiosks"]);
  expect(none.code).toBe(0);
  expect(await served.cli(["token", "enrolments", "idle"])).toMatchObject({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await served.cli(["token", "enrolments", "frontdsk"])).toMatchObject({ code: 1, stderr: 'error: token "frontdsk" not found (did you mean "frontdesk"?)\n' });
});
