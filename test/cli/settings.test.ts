// `settings get|set|unset`: the CLI writes the database on its own connection while an app serves it;
// the app's live config picks the change up at its next read (no signal), as a running server does.
import { afterAll, expect, test } from "bun:test";
import { call } from "../helpers/http.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { cliWithApp } from "../helpers/cli-env.ts";

const env = await cliWithApp("[lockout]\naccount_failures = 5\n");
afterAll(() => env.close());
const login = (password: string) => call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", password), headers: DART_JSON });

test("get: every setting in a table or as JSON; one key's bare value", async () => {
  const all = await env.cli(["settings", "get"]);
  expect(all.code).toBe(0);
  expect(all.stdout).toMatch(/^KEY\s+VALUE\s+SOURCE\s+CHANGES/);
  expect(all.stdout).toMatch(/lockout\.account_failures\s+5\s+file\s+at once/);
  expect(all.stdout).toMatch(/server\.port\s+21114\s+default\s+at restart/);
  expect(await env.cli(["settings", "get", "lockout.minutes"])).toEqual({ code: 0, stdout: "15\n", stderr: "" });
  expect((await env.json(["settings", "get", "lockout.minutes"])) as unknown).toMatchObject({ key: "lockout.minutes", value: 15, source: "default", runtime: true });
  const list = (await env.json(["settings", "get"])) as { key: string }[];
  expect(list.map((s) => s.key)).toContain("smtp.password");
});

test("set with a human value is in force on the running app at once; unset goes back to the file", async () => {
  expect(await env.cli(["settings", "set", "lockout.account_failures", "2"])).toEqual({ code: 0, stdout: "lockout.account_failures = 2 (in force at once on a running server)\n", stderr: "" });
  expect((await login("guess-1")).status).toBe(401);
  expect((await login("guess-2")).status).toBe(401);
  expect((await login("alice-password")).status).toBe(429);
  expect((await env.cli(["settings", "set", "lockout.minutes", "0.5 d"])).stdout).toBe("lockout.minutes = 720 (in force at once on a running server)\n");
  expect(await env.cli(["settings", "unset", "lockout.account_failures"])).toEqual({ code: 0, stdout: "lockout.account_failures = 5, from file (in force at once on a running server)\n", stderr: "" });
  expect((await env.cli(["settings", "unset", "lockout.account_failures"])).stdout).toBe("lockout.account_failures: unchanged\n");
  expect((await env.cli(["settings", "set", "server.port", "8080"])).stdout).toBe("server.port = 8080 (takes effect when the server restarts)\n");
  expect((await env.json(["settings", "get", "server.port"])) as unknown).toMatchObject({ value: 8080, source: "console", runtime: false });
  const tail = await env.cli(["audit", "tail", "--type", "console", "--json"]);
  const rows = tail.stdout.trim().split("\n").map((l) => JSON.parse(l) as { action: string });
  expect(rows.filter((r) => r.action === "setting.set").length).toBe(3);
  expect(rows.filter((r) => r.action === "setting.unset").length).toBe(1);
});

test("bad values and unknown keys: exit 1 with every problem; bad usage: exit 2", async () => {
  const bad = await env.cli(["settings", "set", "lockout.minutes", "soon"]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('lockout.minutes: expected a number of minutes or a duration such as "90m", "1.5 d", "2 w", got "soon"');
  expect((await env.cli(["settings", "set", "lockout.minute", "3"])).stderr).toContain('did you mean "lockout.minutes"?');
  expect((await env.cli(["settings", "get", "lockout.minute"])).code).toBe(1);
  expect((await env.cli(["settings", "set", "data.dir", "/tmp"])).stderr).toContain("config file");
  for (const argv of [["settings", "set", "lockout.minutes"], ["settings", "get", "a", "b"], ["settings", "unset"], ["settings", "set", "a", "b", "--bogus"], ["settings"]])
    expect((await env.cli(argv)).code).toBe(2);
});
