// `lockout list` and `lockout clear`: the CLI opens the data dir on its own connection while a
// server (its own connection, listening on loopback) counts failed logins; a clear counts at the
// server's next attempt, with no signal between them.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createApp } from "../../src/app.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { cliDataDir } from "../helpers/cli-env.ts";

let cli: ReturnType<typeof cliDataDir>["cli"];
let url: string;
let stop: () => void;

beforeEach(async () => {
  const env = cliDataDir(`[server]\ntrusted_proxies = ["127.0.0.1/32"]\n[lockout]\nip_failures = 3\naccount_failures = 3\nban_after = 0\n`);
  cli = env.cli;
  await cli(["user", "create", "alice", "--password-stdin"], { stdin: "alice-password" });
  const config = env.config();
  const { db, sqlite, close } = openDb(config.data.dir);
  const server = createApp({ config, db, sqlite, log: createLogger(config.log), now: Date.now }).listen({ hostname: "127.0.0.1", port: 0 });
  url = `http://127.0.0.1:${server.server!.port}`;
  stop = () => (server.stop(true), close());
});
afterEach(() => stop());

async function login(ip: string, user: string, password: string): Promise<number> {
  const r = await fetch(`${url}/api/login`, { method: "POST", body: passwordLoginBody(user, password), headers: { ...DART_JSON, "x-forwarded-for": ip } });
  await r.arrayBuffer();
  return r.status;
}

describe("lockout", () => {
  test("list is empty at first: no entries on stderr, [] with --json", async () => {
    expect(await cli(["lockout", "list"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
    expect(await cli(["lockout", "list", "--json"])).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });

  test("an IP lockout made by the server is listed, and clearing it lets the next login in at once", async () => {
    for (const user of ["u1", "u2", "u3"]) expect(await login("198.51.100.9", user, "guess")).toBe(401);
    expect(await login("198.51.100.9", "alice", "alice-password")).toBe(429);

    const listed = await cli(["lockout", "list", "--json"]);
    const entries = JSON.parse(listed.stdout) as Record<string, string>[];
    expect(entries).toEqual([{ kind: "ip", subject: "198.51.100.9", locked_at: expect.any(String), locked_until: expect.any(String) }]);
    expect(Date.parse(entries[0]!.locked_until!) - Date.parse(entries[0]!.locked_at!)).toBe(15 * 60_000);
    expect((await cli(["lockout", "list"])).stdout).toMatch(/^KIND\s+IP OR USER\s+SINCE \(UTC\)\s+UNTIL \(UTC\)\nip\s+198\.51\.100\.9\s+\S+\s+\S+\n$/);

    expect(await cli(["lockout", "clear", "198.51.100.9"])).toEqual({ code: 0, stdout: "lifted the lockout of IP 198.51.100.9\n", stderr: "" });
    expect(await login("198.51.100.9", "alice", "alice-password")).toBe(200);
    // The server forgot the key's failures too: one more wrong guess does not lock it again.
    expect(await login("198.51.100.9", "u4", "guess")).toBe(401);
    expect(await login("198.51.100.9", "alice", "alice-password")).toBe(200);

    const audit = (await cli(["audit", "tail", "--type", "console", "--json"])).stdout.trim().split("\n").map((l) => JSON.parse(l) as { action: string; details: Record<string, unknown> });
    expect(audit.find((e) => e.action === "lockout.clear")?.details).toMatchObject({ actor_type: "cli", target: "198.51.100.9", target_type: "ip" });
    expect(await cli(["lockout", "list"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  });

  test("an account lockout is cleared by user name, case-insensitively", async () => {
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect(await login(ip, "alice", "guess")).toBe(401);
    expect(await login("203.0.113.4", "alice", "alice-password")).toBe(429);
    expect(JSON.parse((await cli(["lockout", "list", "--json"])).stdout)).toEqual([expect.objectContaining({ kind: "account", subject: "alice" })]);
    expect((await cli(["lockout", "clear", "Alice"])).stdout).toBe("lifted the lockout of user alice\n");
    expect(await login("203.0.113.4", "alice", "alice-password")).toBe(200);
  });

  test("user list and show flag the locked account; user unlock lifts it (the account's only)", async () => {
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect(await login(ip, "alice", "guess")).toBe(401);
    const [listed] = JSON.parse((await cli(["user", "list", "--json"])).stdout) as { locked: boolean; locked_until: string }[];
    const until = listed!.locked_until;
    expect([listed!.locked, Date.parse(until) > Date.now()]).toEqual([true, true]);
    expect((await cli(["user", "list"])).stdout).toMatch(/^NAME\s+ADMIN\s+STATUS\s+2FA\s+LOCKED\s+.*\nalice\s+normal\s+off\s+yes\s*\n$/);
    expect((await cli(["user", "show", "alice"])).stdout).toContain(`locked        until ${until} (user unlock)\n`);
    expect(await cli(["user", "unlock", "ALICE"])).toEqual({ code: 0, stdout: "user alice unlocked\n", stderr: "" });
    expect(await login("203.0.113.4", "alice", "alice-password")).toBe(200);
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout)).toMatchObject({ locked: false, locked_until: null });
    expect(await cli(["user", "unlock", "alice"])).toEqual({ code: 1, stdout: "", stderr: "error: user alice is not locked out\n" });
    expect((await cli(["user", "unlock", "nobody"])).code).toBe(1);
  });

  test("clearing what is not locked says so, exit 1", async () => {
    expect(await cli(["lockout", "clear", "192.0.2.1"])).toEqual({ code: 1, stdout: "", stderr: 'error: no lockout in force for "192.0.2.1" (see rdconsole lockout list)\n' });
  });
});
