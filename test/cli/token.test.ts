// The token verbs: the secret printed once, lists and show without it, usage errors (exit 2) naming what is
// allowed, service refusals (exit 1), confirmation, and the console-audit rows.
import { beforeEach, expect, test } from "bun:test";
import { cliDataDir } from "../helpers/cli-env.ts";

let env: ReturnType<typeof cliDataDir>;
const SECRET = /^rdc_[0-9A-Za-z]{43}$/;

beforeEach(async () => {
  env = cliDataDir();
  expect((await env.cli(["user", "create", "alice", "--admin", "--password-stdin"], { stdin: "alice-password" })).code).toBe(0);
  await env.cli(["user", "create", "bob", "--password-stdin"], { stdin: "bob-password-1" });
  await env.cli(["device-group", "create", "Kiosks"]);
});

test("create prints the secret once with the warning; list and show never print it", async () => {
  const created = await env.cli(["token", "create", "ci", "--scope", "devices:rw", "--scope", "audit:r", "--expires", "90d", "--note", "CI runner"]);
  expect(created.code).toBe(0);
  const lines = created.stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^created API token ci \(rdc_[0-9A-Za-z]{8}…\) for alice: devices:rw audit:r; expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(lines[1]).toMatch(SECRET);
  expect(lines[2]).toBe("This token will not be shown again: store it now (rdconsole keeps only its hash).");
  const secret = lines[1]!;
  const list = await env.cli(["token", "list"]);
  expect(list.stdout.split("\n")[0]).toMatch(/^NAME +PREFIX +KIND +SCOPES +OWNER +CREATED +LAST USED +EXPIRES +USES +STATE$/);
  expect(list.stdout).toContain(`rdc_${secret.slice(4, 12)}`);
  const show = await env.cli(["token", "show", secret.slice(0, 12)]);
  expect(show.stdout).toStartWith(`API token ci (rdc_${secret.slice(4, 12)}…) — active\nowner: alice\nscopes: devices:rw audit:r\nnote: CI runner\n`);
  const [json] = await env.json(["token", "list"]);
  expect(json).toMatchObject({ name: "ci", kind: "api", prefix: `rdc_${secret.slice(4, 12)}`, scopes: { devices: "rw", audit: "r" }, owner: "alice", state: "active", last_used_at: null, uses: 0 });
  for (const out of [list.stdout, show.stdout, JSON.stringify(json), JSON.stringify(await env.json(["token", "show", "ci"]))]) expect(out).not.toContain(secret.slice(4, 20));
  const asJson = await env.json(["token", "create", "ci2", "--scope", "admin:rw"]);
  expect(asJson.token).toMatch(SECRET);
  expect(asJson).toMatchObject({ name: "ci2", scopes: { admin: "rw" }, expires_at: null });
});

test("usage errors exit 2 and say what is allowed; service refusals exit 1", async () => {
  const usage = [
    [["token", "create", "x", "--scope", "device:rw"], 'error: invalid scope "device:rw": use AREA:r or AREA:rw, AREA one of devices, users, groups, strategies, address_books, audit, enrol, admin\n'],
    [["token", "create", "x", "--scope", "devices:w"], 'error: invalid scope "devices:w": use AREA:r or AREA:rw, AREA one of devices, users, groups, strategies, address_books, audit, enrol, admin\n'],
    [["token", "create", "x", "--scope", "devices:r", "--scope", "devices:rw"], "error: the scope of devices is given twice\n"],
    [["token", "create", "x"], "error: name at least one --scope (AREA:r or AREA:rw, AREA one of devices, users, groups, strategies, address_books, audit, enrol, admin; admin:rw for everything)\n"],
    [["token", "create", "x", "--scope", "devices:r", "--uses", "3", "--lock"], "error: --uses, --lock are for enrolment keys: add --enrol\n"],
    [["token", "create", "x", "--enrol", "--scope", "devices:r"], "error: --scope does not go with --enrol: an enrolment key may only enrol (for more, create an API token with --scope enrol:rw)\n"],
    [["token", "create", "x", "--enrol", "--ab-tag", "t"], "error: --ab-tag needs --address-book\n"],
    [["token", "create", "x", "--enrol", "--uses", "0"], 'error: --uses takes a whole number of at least 1, not "0"\n'],
    [["token", "create", "x", "--scope", "admin:r", "--expires", "soon"], 'error: --expires takes a duration such as 30m, 12h, 7d, 2w or never, not "soon"\n'],
  ] as const;
  for (const [args, stderr] of usage) expect(await env.cli([...args])).toMatchObject({ code: 2, stderr });
  const refused = [
    [["token", "create", "x", "--scope", "admin:r", "--owner", "bob"], "error: bob is not an administrator; a token acts for its owner and can never do more, so its owner must be one\n"],
    [["token", "create", "x", "--enrol", "--device-group", "Kiosk"], 'error: device group "Kiosk" not found (did you mean "Kiosks"?)\n'],
    [["token", "show", "nope"], 'error: token "nope" not found\n'],
  ] as const;
  for (const [args, stderr] of refused) expect(await env.cli([...args])).toMatchObject({ code: 1, stderr });
  expect((await env.cli(["token", "list"])).stderr).toBe("no entries\n");
});

test("an enrolment key with presets; revoke and rotate ask, need --yes without a terminal, and are audited", async () => {
  const created = await env.cli(["token", "create", "frontdesk", "--enrol", "--user", "bob", "--device-group", "kiosks", "--uses", "50", "--expires", "7d", "--lock", "--device-note", "front desk"]);
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^created enrolment key frontdesk \(rdc_\w{8}…\) for alice: enrol:rw; expires \S+; uses 0\/50; locked\npresets:\n {2}user: bob\n {2}device group: Kiosks\n {2}device note: front desk\nrdc_\w{43}\nThis token will not be shown again/);
  expect(await env.json(["token", "show", "frontdesk"])).toMatchObject({ kind: "enrol", max_uses: 50, uses: 0, lock: true, presets: { user: "bob", device_group: "Kiosks", note: "front desk" } });

  expect(await env.cli(["token", "revoke", "frontdesk"])).toMatchObject({ code: 1, stderr: "error: not confirmed: pass --yes to run this without a terminal\n" });
  expect(await env.cli(["token", "revoke", "frontdesk"], { tty: ["n"] })).toMatchObject({ code: 1, stderr: expect.stringContaining("error: cancelled") });
  expect((await env.json(["token", "show", "frontdesk"])).state).toBe("active");
  const rotated = await env.cli(["token", "rotate", "frontdesk"], { tty: ["y"] });
  expect(rotated.code).toBe(0);
  expect(rotated.stdout).toMatch(/^rotated enrolment key frontdesk: new prefix rdc_\w{8}\nrdc_\w{43}\nThis token will not be shown again/);
  expect(await env.cli(["token", "revoke", "frontdesk", "--yes"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^revoked enrolment key frontdesk \(rdc_\w{8}…\)\n$/) });
  expect(await env.cli(["token", "revoke", "frontdesk", "--yes"])).toMatchObject({ code: 1, stderr: expect.stringContaining('error: enrolment key "frontdesk" is already revoked') });
  expect(await env.cli(["token", "rotate", "frontdesk", "--yes"])).toMatchObject({ code: 1, stderr: 'error: enrolment key "frontdesk" is revoked; create a new one instead\n' });
  expect((await env.cli(["token", "list"])).stdout).toMatch(/frontdesk +rdc_\w{8} +enrol +enrol:rw +alice .* 0\/50 +revoked\n$/);
  const audit = (await env.cli(["audit", "tail", "--type", "console", "--json"])).stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(audit.filter((a) => a.action.startsWith("token.")).map((a) => a.action)).toEqual(["token.create", "token.rotate", "token.revoke"]);
});
