// What the CLI prints: no raw control or bidi characters from client data, no colour codes into a pipe,
// and a reader that goes away (`… | head`) ends the command quietly.
import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { escapeCell, escapeText } from "../../cli/_escape.ts";
import { cleanEnv } from "../helpers/binary.ts";
import { cliDataDir, cliWithApp } from "../helpers/cli-env.ts";
import { tempDir } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const MAIN = join(import.meta.dir, "../../cli/main.ts");
const RLO = "\u202e";
// Any control, DEL, C1, bidi mark/embedding/override/isolate, invisible separator.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

test("the escape helper: controls and bidi characters as \\uXXXX, text otherwise untouched", () => {
  expect(escapeText(`a${RLO}b\u2066c\u200fd\u0085e\u001b[31mf\ng\th\ri`)).toBe("a\\u202eb\\u2066c\\u200fd\\u0085e\\u001b[31mf\ng\th\\ri");
  expect(escapeCell("two\nlines\tx")).toBe("two\\nlines\\tx");
  expect(escapeText("Zoë 東京 👩‍💻 ☃")).toBe("Zoë 東京 👩‍💻 ☃");
  // Inside JSON strings the escape is lossless.
  const json = JSON.stringify({ name: `${RLO}x\u0085` });
  expect(JSON.parse(escapeText(json))).toEqual({ name: `${RLO}x\u0085` });
});

test("a user and a device whose names hold U+202E print escaped in every list and show", async () => {
  const { cli, app, close } = await cliWithApp();
  const evil = `evil${RLO}gpj.exe`;
  expect((await cli(["user", "create", "mallory", "--display-name", evil, "--note", `line1\nline2${RLO}`, "--generate"])).code).toBe(0);
  expect((await call(app, "POST", "/api/sysinfo", { body: { hostname: evil, id: "111111111", os: `linux${RLO}`, uuid: "dQ==", version: "1.4.9" } })).status).toBe(200);
  close();

  for (const args of [["user", "list"], ["user", "show", "mallory"], ["device", "list"], ["device", "show", "111111111"]]) {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout).toContain("evil\\u202egpj.exe");
  }
  expect((await cli(["user", "show", "mallory"])).stdout).toContain("line1\nline2\\u202e");
  // JSON: the same text after parsing, but no raw bidi character on the wire.
  const json = await cli(["device", "list", "--json"]);
  expect(json.stdout).not.toMatch(UNSAFE);
  expect(JSON.parse(json.stdout)[0].info.device_name).toBe(evil);
  const users = await cli(["user", "list", "--json"]);
  expect(JSON.parse(users.stdout).find((u: { name: string }) => u.name === "mallory")).toMatchObject({ display_name: evil, note: `line1\nline2${RLO}` });
  // Error lines quote what was typed, escaped too.
  expect(await cli(["user", "show", `x${RLO}`])).toMatchObject({ code: 1, stderr: expect.not.stringMatching(UNSAFE) });
});

/** Runs a shell pipeline; the environment has no NO_COLOR unless given. */
function sh(script: string, env: Record<string, string> = {}) {
  const base = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", TERM: "xterm-256color", ...env });
  if (!("NO_COLOR" in env)) delete base.NO_COLOR;
  for (const k of ["CI", "TEST", "FORCE_COLOR"]) delete base[k];
  const r = Bun.spawnSync(["bash", "-c", script], { env: base, cwd: tempDir() });
  return { code: r.exitCode, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

test("help and errors carry no colour codes into a pipe (NO_COLOR unset), nor on a terminal with NO_COLOR", () => {
  const piped = sh(`bun '${MAIN}' user create --help | cat; bun '${MAIN}' user list --jsn 2>&1 | cat; bun '${MAIN}' user 2>&1 | cat`);
  expect(piped.stdout).toContain("USAGE rdconsole user create");
  expect(piped.stdout).toContain("error: unknown option --jsn");
  expect(piped.stdout).not.toContain("\x1b");
  if (!Bun.which("script")) return console.warn("script(1) not installed: the terminal case is not tested");
  const tty = (env: Record<string, string>) => sh(`script -qec "bun '${MAIN}' user create --help" /dev/null`, env).stdout;
  expect(tty({ NO_COLOR: "1" })).not.toContain("\x1b");
  expect(tty({})).toContain("\x1b["); // a terminal without NO_COLOR keeps them
}, 60_000);

test("a closed stdout (`… | head`, `… | true`) ends the command with status 0 and no trace", async () => {
  const { dir, file, cli } = cliDataDir();
  await cli(["user", "create", "alice", "--generate"]);
  await cli(["ab", "create", "Team", "--owner", "alice"]);
  // 3000 peers: the book's listings are far bigger than a pipe holds, so `head` closes it mid-write.
  const csv = join(dir, "peers.csv");
  writeFileSync(csv, `id,alias,tags,note\n${Array.from({ length: 3000 }, (_, i) => `${100000000 + i},host ${i},a;b,note ${"x".repeat(40)}`).join("\n")}\n`);
  expect(await cli(["ab", "import", "Team", csv])).toMatchObject({ code: 0 });
  const main = `bun '${MAIN}'`;
  const cfg = `--config '${file}'`;
  for (const cmd of [`ab peers Team ${cfg}`, `ab export Team ${cfg}`, `ab export Team --json ${cfg}`, `audit export --type console ${cfg}`, `audit tail --type console ${cfg}`, `user list ${cfg}`, "config template"]) {
    const r = sh(`cd '${dir}' && ${main} ${cmd} | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2; ${main} ${cmd} | true; echo "status \${PIPESTATUS[0]}" >&2`);
    expect({ cmd, stderr: r.stderr }).toEqual({ cmd, stderr: "status 0\nstatus 0\n" });
  }
}, 120_000);
