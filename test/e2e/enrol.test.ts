// Enrolment on the compiled binary: `token create --enrol` from the CLI (another process) while the server runs →
// POST /api/devices/cli exactly as `rustdesk --assign` sends it → `device show` has the owner, group, strategy and
// book entry → `token enrolments` lists it.
import { expect, test } from "bun:test";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { UUID } from "../helpers/client.ts";
import { tempDir } from "../helpers/env.ts";

test("token create --enrol (CLI) → rustdesk --assign → device show → token enrolments", async () => {
  const bin = binaryPath();
  const cwd = tempDir("rdc-e2e-enrol-");
  const env = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DEVICES_REGISTRATION: "closed" });
  const server = Bun.spawn([bin, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env, stderr: "pipe", stdout: "ignore" });
  let log = "";
  const decoder = new TextDecoder();
  void (async () => {
    for await (const chunk of server.stderr) log += decoder.decode(chunk);
  })();
  const cli = (...args: string[]) => {
    const r = Bun.spawnSync([bin, ...args], { cwd, env });
    return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
  };
  try {
    for (let i = 0; i < 400 && !/listening on/.test(log); i++) await Bun.sleep(25);
    const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(log)![1]!;
    for (const args of [
      ["user", "create", "alice", "--admin", "--generate"],
      ["device-group", "create", "Kiosks"],
      ["strategy", "create", "Locked", "enable-file-transfer=N"],
      ["ab", "create", "Ops team", "--owner", "alice"],
    ])
      expect(cli(...args)).toMatchObject({ code: 0, err: "" });

    const created = cli("token", "create", "frontdesk", "--enrol", "--user", "alice", "--device-group", "Kiosks", "--strategy", "Locked", "--address-book", "Ops team", "--ab-tag", "kiosk", "--uses", "2", "--json");
    expect(created).toMatchObject({ code: 0, err: "" });
    const secret = JSON.parse(created.out).token as string;

    // As the client sends it: reqwest, Bearer + Content-Type, sorted keys (client: src/core_main.rs:570-628).
    const raw = `{"device_name":"Front desk","id":"123456789","uuid":"${UUID}"}`;
    const r = await fetch(`${base}/api/devices/cli`, { method: "POST", body: raw, headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" } });
    expect([r.status, await r.text()]).toEqual([200, ""]);

    const shown = JSON.parse(cli("device", "show", "123456789", "--json").out);
    expect(shown).toMatchObject({ id: "123456789", uuid: UUID, status: 1, pending_approval: false, user_name: "alice", device_group_name: "Kiosks", strategy_name: "Locked", alias: "Front desk" });
    expect(shown.address_books).toEqual([{ book: "Ops team", alias: "", tags: ["kiosk"] }]);
    const text = cli("device", "show", "123456789").out;
    expect(text).toMatch(/address books\s+Ops team \(tags: kiosk\)/);

    const listed = JSON.parse(cli("token", "enrolments", "frontdesk", "--json").out);
    expect(listed).toMatchObject([{ token: "frontdesk", device: "123456789", kind: "assign", ip: "127.0.0.1", registered: true }]);
    expect(listed[0].set).toEqual({ address_book_name: "Ops team", address_book_tag: "kiosk", device_group_name: "Kiosks", device_name: "Front desk", strategy_name: "Locked", user_name: "alice" });
    expect(cli("token", "enrolments", "frontdesk").out).toMatch(/^DEVICE\s+KIND\s+AT\s+IP\s+SET\n123456789\s+assign\s+\S+\s+127\.0\.0\.1\s+user_name=alice .*address_book_name="Ops team"/);

    // A wrong name from the command line: the line the admin reads, nothing enrolled.
    const wrong = await fetch(`${base}/api/devices/cli`, {
      method: "POST",
      body: `{"id":"987654321","user_name":"alcie","uuid":"${UUID}"}`,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    });
    expect([wrong.status, await wrong.text()]).toEqual([404, 'error: user "alcie" not found (did you mean "alice"?)']);
    expect(JSON.parse(cli("token", "show", "frontdesk", "--json").out)).toMatchObject({ uses: 1, max_uses: 2 });
  } finally {
    server.kill("SIGTERM");
    await server.exited;
  }
}, 60_000);
