// install.sh into a temp root, with a real binary; download mode against a loopback "release" server.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";

const SCRIPT = join(import.meta.dir, "..", "..", "install.sh");

beforeAll(() => void binaryPath(), 60_000); // one build, outside any single test's timeout

// Async: the download tests' release server runs in this process and must keep answering.
// Each test runs sh and the binary several times: 30 s each, for a 2-core machine under load.
async function install(args: string[], env: Record<string, string> = {}) {
  const p = Bun.spawn(["sh", SCRIPT, ...args], { env: cleanEnv(env), stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, stdout, stderr };
}

const mode = (p: string) => statSync(p).mode & 0o777;

describe("install.sh --binary into a temp root", () => {
  const root = tempDir("rdc-root-");
  const bin = join(root, "usr/local/bin/rdconsole");
  const conf = join(root, "etc/rdconsole/rdconsole.toml");
  const unit = join(root, "etc/systemd/system/rdconsole.service");

  test("installs the binary, data dir 0700, a commented config and a hardened unit", async () => {
    const r = await install(["--binary", binaryPath(), "--root", root]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Bun.spawnSync([bin, "--version"]).stdout.toString()).toStartWith("rdconsole ");
    expect(mode(bin)).toBe(0o755);
    expect(mode(join(root, "var/lib/rdconsole"))).toBe(0o700);
    expect(mode(conf)).toBe(0o640);
    const config = readFileSync(conf, "utf8");
    expect(config).toContain('\ndir = "/var/lib/rdconsole"\n');
    expect(config).toContain("# port = 21114");
    const text = readFileSync(unit, "utf8");
    for (const line of [
      "ExecStart=/usr/local/bin/rdconsole serve --config /etc/rdconsole/rdconsole.toml",
      "User=rdconsole",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ReadWritePaths=/var/lib/rdconsole",
      "PrivateTmp=yes",
      "ProtectHome=yes",
      "CapabilityBoundingSet=",
    ])
      expect(text.split("\n")).toContain(line);
  }, 30_000);

  test("the unit passes systemd-analyze verify (when the tool exists)", async () => {
    if (!Bun.which("systemd-analyze")) return console.warn("systemd-analyze not installed: skipped");
    // Point ExecStart at the binary inside the temp root; everything else is verified as written.
    const copy = join(root, "rdconsole.service");
    writeFileSync(copy, readFileSync(unit, "utf8").replace("ExecStart=/usr/local/bin/rdconsole", `ExecStart=${bin}`));
    const r = Bun.spawnSync(["systemd-analyze", "verify", copy]);
    expect(r.stderr.toString()).toBe("");
    expect(r.exitCode).toBe(0);
  }, 30_000);

  test("re-running upgrades the binary and keeps an edited config", async () => {
    writeFileSync(conf, '[server]\nport = 8080\n[data]\ndir = "/var/lib/rdconsole"\n');
    const r = await install(["--binary", binaryPath(), "--root", root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kept the existing");
    expect(readFileSync(conf, "utf8")).toContain("port = 8080");
  }, 30_000);

  test("an invalid existing config makes the upgrade fail loudly", async () => {
    writeFileSync(conf, "[server]\nprot = 8080\n");
    const r = await install(["--binary", binaryPath(), "--root", root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean "server.port"');
    expect(r.stderr).toContain("is not valid for this version");
    writeFileSync(conf, "");
  }, 30_000);

  test("--uninstall keeps data and config; --purge removes them", async () => {
    writeFileSync(join(root, "var/lib/rdconsole/rdconsole.db"), "x");
    expect((await install(["--uninstall", "--root", root])).code).toBe(0);
    expect(existsSync(bin)).toBe(false);
    expect(existsSync(unit)).toBe(false);
    expect(existsSync(join(root, "var/lib/rdconsole/rdconsole.db"))).toBe(true);
    expect(existsSync(conf)).toBe(true);
    expect((await install(["--uninstall", "--purge", "--yes", "--root", root])).code).toBe(0);
    expect(existsSync(join(root, "var/lib/rdconsole"))).toBe(false);
    expect(existsSync(join(root, "etc/rdconsole"))).toBe(false);
  }, 30_000);

  test("--purge asks on a terminal, and without one refuses unless --yes", async () => {
    const data = join(root, "var/lib/rdconsole/rdconsole.db");
    const fresh = () => {
      mkdirSync(dirname(data), { recursive: true });
      writeFileSync(data, "x");
    };
    fresh();
    expect(await install(["--uninstall", "--purge", "--root", root])).toEqual({
      code: 1,
      stdout: "",
      stderr: `install.sh: error: --purge deletes ${root}/var/lib/rdconsole and ${root}/etc/rdconsole: pass --yes to do it without a terminal\n`,
    });
    expect(existsSync(data)).toBe(true);
    if (!Bun.which("script")) return console.warn("script(1) not installed: the terminal prompt is not tested");
    // script(1) gives the installer a terminal; the answer is typed into it.
    const onTerminal = async (answer: string) => {
      const p = Bun.spawn(["script", "-qec", `sh '${SCRIPT}' --uninstall --purge --root '${root}'`, "/dev/null"], { env: cleanEnv(), stdin: new TextEncoder().encode(answer), stdout: "pipe", stderr: "pipe" });
      const [out, code] = await Promise.all([new Response(p.stdout).text(), p.exited]);
      return { code, out };
    };
    const no = await onTerminal("n\n");
    expect(no.out).toContain("delete all rdconsole data");
    expect(no.out).toContain("cancelled: nothing removed");
    expect(no.code).toBe(1);
    expect(existsSync(data)).toBe(true);
    const yes = await onTerminal("y\n");
    expect(yes.out).toContain("removed rdconsole, its data");
    expect(yes.code).toBe(0);
    expect(existsSync(data)).toBe(false);
  }, 30_000);

  test("--help prints the usage text, no code", async () => {
    const r = await install(["--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toStartWith("Installs rdconsole as a systemd service.");
    expect(r.stdout).toContain("--uninstall [--purge [--yes]]");
    expect(r.stdout.split("\n").filter((l) => /^\s*(set -|[A-Z_]+=|#|.*\(\) \{)/.test(l))).toEqual([]);
  }, 30_000);

  test("bad usage is refused", async () => {
    expect(await install(["--frobnicate"])).toMatchObject({ code: 1, stderr: "install.sh: error: unknown option --frobnicate (see --help)\n" });
    expect(await install(["--binary"])).toMatchObject({ code: 1, stderr: "install.sh: error: --binary needs a value\n" });
    expect(await install(["--binary", "/nonexistent", "--root", tempDir()])).toMatchObject({ code: 1, stderr: "install.sh: error: no such binary: /nonexistent\n" });
  }, 30_000);
});

describe("install.sh --version downloads a release and checks SHA256SUMS", () => {
  const releases = tempDir("rdc-rel-");
  const arch = process.arch === "arm64" ? "arm64" : "x64";
  const name = `rdconsole-linux-${arch}`;
  // The "release" is a few bytes that run the real binary: what these tests check is the download and
  // its checksum, and pushing the 120 MB binary through HTTP, sha256sum and cp for each of them took
  // seconds on a loaded 2-core machine (past bun's 5 s test timeout). The --binary tests above install
  // the binary itself.
  const release = join(releases, name);
  let hash = "";
  beforeAll(() => {
    writeFileSync(release, `#!/bin/sh\nexec '${binaryPath()}' "$@"\n`);
    chmodSync(release, 0o755);
    hash = new Bun.CryptoHasher("sha256").update(readFileSync(release)).digest("hex");
  });
  let sums = "";
  let sumsStatus = 200;
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(req) {
      const path = new URL(req.url).pathname;
      if (path === `/v1.2.3/${name}`) return new Response(Bun.file(join(releases, name)));
      if (path === "/v1.2.3/SHA256SUMS" && sums) return new Response(sumsStatus === 200 ? sums : "oops", { status: sumsStatus });
      return new Response("not found", { status: 404 });
    },
  });
  afterAll(() => server.stop(true));
  const base = `http://127.0.0.1:${server.port}`;

  test("a matching checksum installs", async () => {
    sums = `${"0".repeat(64)}  rdconsole-linux-other\n${hash}  ${name}\n`;
    const root = tempDir("rdc-root-");
    const r = await install(["--version", "v1.2.3", "--base-url", base, "--root", root]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("checksum verified");
    expect(readFileSync(join(root, "usr/local/bin/rdconsole"))).toEqual(readFileSync(release));
    expect(r.stdout).toContain("installed rdconsole ");
    expect(r.code).toBe(0);
  }, 30_000);

  test("a mismatching checksum installs nothing", async () => {
    sums = `${"f".repeat(64)}  ${name}\n`;
    const root = tempDir("rdc-root-");
    const r = await install(["--version", "1.2.3", "--base-url", base, "--root", root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`checksum mismatch for ${name}: refusing to install it`);
    expect(existsSync(join(root, "usr/local/bin/rdconsole"))).toBe(false);
  }, 30_000);

  test("the base URL may come from RDCONSOLE_BASE_URL (which must not reach rdconsole's own config check)", async () => {
    sums = `${hash}  ${name}\n`;
    const root = tempDir("rdc-root-");
    const r = await install(["--version", "1.2.3", "--root", root], { RDCONSOLE_BASE_URL: base });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(root, "usr/local/bin/rdconsole"))).toBe(true);
  }, 30_000);

  test("no SHA256SUMS published (404): installs with a warning; any other failure: refuses", async () => {
    sumsStatus = 404;
    const ok = await install(["--version", "1.2.3", "--base-url", base, "--root", tempDir("rdc-root-")]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("warning: no SHA256SUMS published for v1.2.3; the download is not verified");
    sumsStatus = 500;
    const root = tempDir("rdc-root-");
    const refused = await install(["--version", "1.2.3", "--base-url", base, "--root", root]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("(HTTP 500): refusing to install an unverified binary");
    expect(existsSync(join(root, "usr/local/bin/rdconsole"))).toBe(false);
    sumsStatus = 200;
  }, 30_000);

  test("an unknown version fails clearly", async () => {
    const r = await install(["--version", "9.9.9", "--base-url", base, "--root", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`download failed: ${base}/v9.9.9/${name}`);
  }, 30_000);
});
