// Who the CLI is in the console audit, and how the server tells an admin to run it.
import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliActor } from "../../src/core/context.ts";
import { cliInvocation } from "../../src/lifecycle/invocation.ts";
import { osUserName } from "../../src/core/os-user.ts";
import { cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";

const ROOT = join(import.meta.dir, "../..");
const MAIN = join(ROOT, "cli/main.ts");
const whoami = Bun.spawnSync(["id", "-un"]).stdout.toString().trim();

/** The environment of cron or a systemd unit: no $USER, $LOGNAME or $SUDO_USER. */
function bare(extra: Record<string, string> = {}) {
  const env = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", ...extra });
  for (const k of ["USER", "LOGNAME", "SUDO_USER"]) delete env[k];
  return env;
}

test("the OS user by uid: from the passwd file, else id(1), else the uid", () => {
  const passwd = join(tempDir(), "passwd");
  writeFileSync(passwd, "root:x:0:0:root:/root:/bin/bash\nzoe:x:1234:1234::/home/zoe:/bin/sh\n");
  expect(osUserName(1234, passwd)).toBe("zoe");
  expect(osUserName(process.getuid!(), "/nonexistent/passwd")).toBe(whoami); // via id -un
  expect(osUserName(4_000_000_123, passwd)).toBe("uid 4000000123");
});

test("cliActor without $USER, $LOGNAME and $SUDO_USER names the OS user, not unknown", () => {
  const saved = { USER: process.env.USER, LOGNAME: process.env.LOGNAME, SUDO_USER: process.env.SUDO_USER };
  try {
    for (const k of Object.keys(saved)) delete process.env[k];
    expect(cliActor()).toEqual({ type: "cli", name: `cli:${whoami}` });
    process.env.LOGNAME = "from-logname";
    expect(cliActor().name).toBe("cli:from-logname");
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

test("a CLI run from cron (no $USER) is audited as cli:<OS user>", () => {
  const dir = tempDir();
  const run = (...args: string[]) => Bun.spawnSync(["bun", MAIN, ...args, "--data-dir", join(dir, "data")], { cwd: dir, env: bare() });
  expect(run("user", "create", "alice", "--generate").exitCode).toBe(0);
  const tail = run("audit", "tail", "--type", "console", "--json");
  expect(JSON.parse(tail.stdout.toString().trim().split("\n")[0]!)).toMatchObject({ action: "user.create", details: { actor: `cli:${whoami}` } });
}, 30_000);

test("the first-start hint names the command the way the server was started", async () => {
  expect(cliInvocation("/usr/local/bin/rdconsole", "/$bunfs/root/rdconsole", "/var/lib/rdconsole")).toBe("rdconsole");
  expect(cliInvocation("/opt/rdconsole/dist/rdconsole", "serve", "/tmp")).toBe("rdconsole");
  expect(cliInvocation("/root/.bun/bin/bun", "/src/rdconsole/cli/main.ts", "/src/rdconsole")).toBe("bun cli/main.ts");
  expect(cliInvocation("/usr/bin/bun", "/src/rdconsole/cli/main.ts", "/tmp/elsewhere")).toBe("bun /src/rdconsole/cli/main.ts");

  // The real thing, from the checkout: `bun cli/main.ts serve`.
  const data = tempDir();
  const server = Bun.spawn(["bun", "cli/main.ts", "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", data], { cwd: ROOT, env: bare(), stdout: "ignore", stderr: "pipe" });
  try {
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of server.stderr) {
      text += decoder.decode(chunk);
      if (text.includes("no admin user yet")) break;
    }
    expect(text).toContain("no admin user yet; create one with: bun cli/main.ts user create admin --admin");
  } finally {
    server.kill("SIGKILL");
  }
}, 30_000);
