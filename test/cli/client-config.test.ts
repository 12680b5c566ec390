import { expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { encodeConfigString } from "../../src/enrolment/config-string.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";

const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";

function configFile(text: string) {
  const dir = tempDir();
  const path = join(dir, "rdconsole.toml");
  writeFileSync(path, text);
  return { dir, path };
}

test("client-config: from [rustdesk] and server.public_url; prints the string, the QR, saves the PNG", async () => {
  const { dir, path } = configFile(`[server]\npublic_url = "https://rd.example.com/"\n[rustdesk]\nid_server = "rd.example.com"\nrelay_server = "rd.example.com:21117"\nkey = "${KEY}"\n`);
  const png = join(dir, "qr.png");
  const r = await runCli(["client-config", "--config", path, "--png", png]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const expected = encodeConfigString({ idServer: "rd.example.com", relayServer: "rd.example.com:21117", apiServer: "https://rd.example.com", key: KEY });
  expect(r.stdout).toContain(`\n${expected}\n`);
  expect(r.stdout).toContain(`Key         ${KEY} (from rustdesk.key)`);
  expect(r.stdout).not.toContain("\x1b"); // not a terminal: no colours
  expect(r.stdout).toContain("▀");
  const image = PNG.sync.read(readFileSync(png));
  expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(`config=${expected}`);
});

test("client-config: flags override the config; --key-file; --json", async () => {
  const { dir, path } = configFile(`[rustdesk]\nid_server = "old.example.com"\nkey = "${KEY}"\n`);
  const keyFile = join(dir, "id_ed25519.pub");
  const other = Buffer.alloc(32, 7).toString("base64");
  writeFileSync(keyFile, other); // hbbs writes no trailing newline; one would be trimmed
  const r = await runCli(["client-config", "--config", path, "--id-server", "new.example.com", "--api", "http://10.0.0.5:21114", "--key-file", keyFile, "--json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out).toEqual({ config_string: encodeConfigString({ idServer: "new.example.com", relayServer: "", apiServer: "http://10.0.0.5:21114", key: other }), qr_text: `config=${out.config_string}`, host: "new.example.com", relay: "", api: "http://10.0.0.5:21114", key: other, key_from: keyFile, png: null });
});

test("client-config: one line naming the flag and the config key for what is missing or wrong", async () => {
  const { path } = configFile("");
  const cases: [string[], string][] = [
    [["--api", "https://x.example", "--key", KEY], "error: no ID server: pass --id-server HOST or set rustdesk.id_server\n"],
    [["--id-server", "h", "--key", KEY], "error: no API URL: pass --api URL or set server.public_url\n"],
    [["--id-server", "h", "--api", "https://x.example", "--key", "c2hvcnQ="], "error: --key: not a server key (expected 32 bytes in base64, as hbbs writes to id_ed25519.pub)\n"],
    [["--id-server", "h", "--api", "ftp://x.example", "--key", KEY], 'error: --api: expected an http:// or https:// URL, got "ftp://x.example"\n'],
    [["--id-server", "h", "--api", "https://x.example", "--key", KEY, "--key-file", "/nonexistent"], "error: give --key or --key-file, not both\n"],
    [["--id-server", "h", "--api", "https://x.example", "--key-file", "/nonexistent/id_ed25519.pub"], "error: --key-file: cannot read /nonexistent/id_ed25519.pub (no such file)\n"],
  ];
  for (const [args, stderr] of cases) expect(await runCli(["client-config", "--config", path, ...args])).toEqual({ code: 1, stdout: "", stderr });
});

test("client-config: a bad [rustdesk] key in the file is a config error", async () => {
  const { path } = configFile('[rustdesk]\nkey = "nope"\nkey_file = "relative.pub"\n');
  const r = await runCli(["client-config", "--config", path]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("rustdesk.key in");
  expect(r.stderr).toContain("rustdesk.key_file in");
});
