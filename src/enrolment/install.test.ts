import { describe, expect, test } from "bun:test";
import { ServiceError } from "../core/errors.ts";
import { installLines } from "./install.ts";
import { psQuote, shQuote, winArg } from "./quote.ts";

const cfg = "0nI9cnQtF3VzNUUyF3RKRDNudHc3lUMDB3MZ";
const token = "rdc_Abc123-_x";
const URL = "https://github.com/rustdesk/rustdesk/releases/download/1.4.9";

describe("installLines", () => {
  test("windows: MSI with /qn, then --config and --assign through Start-Process", () => {
    const plan = installLines("windows", { configString: cfg, token, assignFlags: { device_group_name: "Front desk", user_name: "alice" } });
    expect(plan.shell).toBe("powershell");
    expect(plan.lines).toEqual([
      "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'",
      "$msi = Join-Path $env:TEMP 'rustdesk-1.4.9-x86_64.msi'",
      `Invoke-WebRequest -UseBasicParsing -Uri '${URL}/rustdesk-1.4.9-x86_64.msi' -OutFile $msi`,
      'Start-Process -Wait -FilePath msiexec.exe -ArgumentList "/i `"$msi`" /qn"',
      "$rustdesk = Join-Path $env:ProgramFiles 'RustDesk\\rustdesk.exe'",
      `Start-Process -Wait -NoNewWindow -FilePath $rustdesk -ArgumentList '--config ${cfg}'`,
      `Start-Process -Wait -NoNewWindow -FilePath $rustdesk -ArgumentList '--assign --token ${token} --user_name alice --device_group_name "Front desk"'`,
    ]);
    expect(plan.steps.map((s) => s.admin)).toEqual([false, false, false, true, false, true, true]);
  });

  test("macos: the disk image copied to /Applications, then the app's binary under sudo", () => {
    const plan = installLines("macos", { configString: cfg, token, assignFlags: { user_name: "alice", note: "it's #1" } });
    expect(plan.lines).toEqual([
      `curl -fL -o /tmp/rustdesk.dmg "${URL}/rustdesk-1.4.9-$(uname -m | sed s/arm64/aarch64/).dmg"`,
      "hdiutil attach -nobrowse -quiet -mountpoint /Volumes/RustDesk /tmp/rustdesk.dmg",
      "sudo cp -R /Volumes/RustDesk/RustDesk.app /Applications/",
      "hdiutil detach -quiet /Volumes/RustDesk",
      `sudo /Applications/RustDesk.app/Contents/MacOS/RustDesk --config ${cfg}`,
      `sudo /Applications/RustDesk.app/Contents/MacOS/RustDesk --assign --token ${token} --user_name alice --note 'it'\\''s #1'`,
    ]);
    expect(plan.steps.map((s) => s.admin)).toEqual([false, false, true, false, true, true]);
  });

  test("linux: the .deb through apt-get, then rustdesk under sudo; no token, no --assign", () => {
    const plan = installLines("linux", { configString: cfg });
    expect(plan.lines).toEqual([`curl -fL -o /tmp/rustdesk.deb "${URL}/rustdesk-1.4.9-$(uname -m).deb"`, "sudo apt-get install -y /tmp/rustdesk.deb", `sudo rustdesk --config ${cfg}`]);
    expect(plan.steps.map((s) => s.admin)).toEqual([false, true, true]);
  });

  test("refusals: unknown flag, no flag the client requires, book details without a book, option-like values, control characters", () => {
    const refuse = (assignFlags: Record<string, string>, t = token) => {
      expect(() => installLines("linux", { configString: cfg, token: t, assignFlags })).toThrow(ServiceError);
    };
    refuse({ owner: "alice" });
    refuse({});
    refuse({ address_book_tag: "kiosk" });
    refuse({ address_book_tag: "kiosk", user_name: "alice" });
    refuse({ user_name: "--token" });
    refuse({ user_name: "alice\nsudo rm -rf /" });
    refuse({ user_name: "alice" }, "rdc_x y");
    expect(() => installLines("linux", { configString: "abc'; rm -rf /" })).toThrow(ServiceError);
  });
});

// Each quoted value is read back by a parser of that shell's rules: it must come back whole, as one argument.
const HOSTILE = [`it's`, `a"b`, "$(reboot)", "`reboot`", "$env:USERNAME", "; rm -rf / #", "a b  c", "\\", 'back\\"slash\\', "‘smart’ ‚quotes‛", "%PATH%", "!!", "*", "-"];

function parseSh(word: string): string[] {
  const out: string[] = [];
  let cur = "";
  let i = 0;
  let inWord = false;
  while (i < word.length) {
    const c = word[i]!;
    if (c === "'") {
      const end = word.indexOf("'", i + 1);
      cur += word.slice(i + 1, end);
      i = end + 1;
      inWord = true;
    } else if (c === "\\") (cur += word[i + 1]), (i += 2), (inWord = true);
    else if (c === " ") (inWord && out.push(cur)), (cur = ""), (inWord = false), i++;
    else if (/[$`;|&<>()*?!#"]/.test(c)) throw new Error(`unquoted ${c}`);
    else (cur += c), i++, (inWord = true);
  }
  if (inWord) out.push(cur);
  return out;
}

function parsePsSingle(text: string): string {
  const quotes = /['\u2018\u2019\u201a\u201b]/;
  expect(quotes.test(text[0]!) && quotes.test(text.at(-1)!)).toBe(true);
  let out = "";
  for (let i = 1; i < text.length - 1; i++) {
    if (quotes.test(text[i]!)) {
      expect(quotes.test(text[i + 1]!)).toBe(true); // a lone quote would end the string
      i++;
    }
    out += text[i];
  }
  return out;
}

// MSVC / Rust std::env::args splitting of a Windows command line.
function parseWin(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let inArg = false;
  for (let i = 0; i < line.length; ) {
    let slashes = 0;
    while (line[i] === "\\") slashes++, i++;
    if (line[i] === '"') {
      cur += "\\".repeat(slashes >> 1);
      if (slashes % 2) cur += '"';
      else quoted = !quoted;
      inArg = true;
      i++;
      continue;
    }
    cur += "\\".repeat(slashes);
    if (slashes) inArg = true;
    if (i >= line.length) break;
    if (line[i] === " " && !quoted) {
      if (inArg) out.push(cur);
      cur = "";
      inArg = false;
    } else (cur += line[i]), (inArg = true);
    i++;
  }
  if (inArg) out.push(cur);
  return out;
}

test("hostile values stay one argument in sh, PowerShell and the Windows command line", () => {
  for (const v of HOSTILE) {
    expect(parseSh(`cmd ${shQuote(v)} end`)).toEqual(["cmd", v, "end"]);
    expect(parseWin(`--x ${winArg(v)} --y`)).toEqual(["--x", v, "--y"]);
    expect(parsePsSingle(psQuote(v))).toBe(v);
    expect(parseWin(parsePsSingle(psQuote(`--note ${winArg(v)}`)))).toEqual(["--note", v]);
  }
  const win = installLines("windows", { configString: cfg, token, assignFlags: { user_name: `x' ; Restart-Computer ; '`, note: 'a" --user_name "mallory' } }).lines.at(-1)!;
  const commandLine = parsePsSingle(win.slice(win.indexOf("-ArgumentList ") + "-ArgumentList ".length));
  expect(parseWin(commandLine)).toEqual(["--assign", "--token", token, "--user_name", `x' ; Restart-Computer ; '`, "--note", 'a" --user_name "mallory']);
  const mac = installLines("macos", { configString: cfg, token, assignFlags: { user_name: "$(id)'`id`" } }).lines.at(-1)!;
  expect(parseSh(mac.replace("sudo /Applications/RustDesk.app/Contents/MacOS/RustDesk ", ""))).toEqual(["--assign", "--token", token, "--user_name", "$(id)'`id`"]);
});
