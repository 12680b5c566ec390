// Strategies on the compiled binary: created and assigned by the CLI (another process) while the
// server runs, carried by the device's next heartbeat, applied once the device echoes the stamp.
import { expect, test } from "bun:test";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";

test("strategy create/assign from the CLI → the next heartbeat carries it → status shows it applied", async () => {
  const bin = binaryPath();
  const cwd = tempDir("rdc-e2e-strategy-");
  const env = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null" });
  const server = Bun.spawn([bin, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env, stderr: "pipe", stdout: "ignore" });
  let log = "";
  const decoder = new TextDecoder();
  void (async () => {
    for await (const chunk of server.stderr) log += decoder.decode(chunk);
  })();
  try {
    for (let i = 0; i < 400 && !/listening on/.test(log); i++) await Bun.sleep(25);
    const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(log)![1]!;
    const post = (path: string, raw: string) => fetch(`${base}${path}`, { method: "POST", body: raw, headers: { "content-type": "application/json" } }).then((r) => r.text());
    const beat = (modifiedAt: number) => post("/api/heartbeat", `{"id":"424242424","modified_at":${modifiedAt},"uuid":"dQ==","ver":1004090}`);
    const cli = (...args: string[]) => {
      const r = Bun.spawnSync([bin, ...args], { cwd, env });
      return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
    };
    expect(await post("/api/sysinfo", '{"hostname":"pc","id":"424242424","os":"linux / x","uuid":"dQ==","version":"1.4.9"}')).toBe("SYSINFO_UPDATED");
    expect(await beat(0)).toBe("{}");

    expect(cli("strategy", "create", "Locked", "enable-file-transfer=N", "approve-mode=password")).toMatchObject({ code: 0, err: "" });
    expect(cli("strategy", "assign", "Locked", "--device", "424242424")).toMatchObject({ code: 0, out: "assigned strategy Locked to 1 target(s)\n" });
    const reply = JSON.parse(await beat(0));
    expect(reply.strategy).toEqual({ config_options: { "enable-file-transfer": "N", "approve-mode": "password" }, extra: {} });
    expect(Number.isSafeInteger(reply.modified_at) && reply.modified_at > 0).toBe(true);
    expect(JSON.parse(cli("strategy", "status", "Locked", "--json").out)).toMatchObject({ devices: 1, applied: 0 });

    expect(await beat(reply.modified_at)).toBe("{}");
    // Confirmations are written with presence, every devices.flush_ms (1 s by default).
    let status = JSON.parse(cli("strategy", "status", "Locked", "--json").out);
    for (let i = 0; i < 100 && status.applied !== 1; i++) {
      await Bun.sleep(100);
      status = JSON.parse(cli("strategy", "status", "Locked", "--json").out);
    }
    expect(status).toMatchObject({ devices: 1, applied: 1, list: [{ id: "424242424", state: "applied" }] });

    expect(cli("strategy", "unset", "Locked", "approve-mode").code).toBe(0);
    expect(JSON.parse(await beat(reply.modified_at)).strategy.config_options).toEqual({ "enable-file-transfer": "N", "approve-mode": "" });
  } finally {
    server.kill("SIGTERM");
    await server.exited;
  }
}, 60_000);
