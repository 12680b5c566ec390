// Ready-to-paste lines that install the stock RustDesk client silently, give it this server's settings and
// enrol it with a token. Pure: the caller prints them (`token create --print-install`, the web console).
import { invalid } from "../core/errors.ts";
import { checkPrintable, psQuote, shQuote, winArg } from "./quote.ts";

export const CLIENT_OSES = ["windows", "macos", "linux"] as const;
export type ClientOs = (typeof CLIENT_OSES)[number];

/** The client release the lines download (the version of the source the quirks below were checked against). */
// client: Cargo.toml:3 (rustdesk@7423dced) version = "1.4.9"
export const CLIENT_VERSION = "1.4.9";

// client: src/core_main.rs:559-569 (rustdesk@7423dced) the options `--assign` reads, each followed by its value
export const ASSIGN_FLAGS = ["user_name", "strategy_name", "device_group_name", "address_book_name", "address_book_tag", "address_book_alias", "address_book_password", "address_book_note", "note", "device_username", "device_name"] as const;
export type AssignFlag = (typeof ASSIGN_FLAGS)[number];
// client: src/core_main.rs:575-592 (rustdesk@7423dced) refuses `--assign` without one of these
const REQUIRED_ONE = ["user_name", "strategy_name", "address_book_name", "device_group_name", "note", "device_username", "device_name"];
// client: src/core_main.rs:600-614 (rustdesk@7423dced) sends the address_book_* details only with address_book_name
const BOOK_DETAILS = ["address_book_tag", "address_book_alias", "address_book_password", "address_book_note"];

export interface InstallInput {
  configString: string;
  token?: string;
  assignFlags?: Partial<Record<AssignFlag, string>>;
  clientVersion?: string;
}

export interface InstallStep {
  /** One line to paste. */
  line: string;
  /** Needs an elevated PowerShell (Windows) or root via sudo (macOS, Linux). */
  admin: boolean;
}

export interface InstallPlan {
  os: ClientOs;
  shell: "powershell" | "sh";
  steps: InstallStep[];
  /** The lines alone, in order. */
  lines: string[];
}

/** The client's own argv after the program: `--config S`, then `--assign --token T --flag value …`. Both need an
 * installed client run by root or an administrator. */
// client: src/core_main.rs:500-502 (rustdesk@7423dced) `--config` requires is_installed() && is_root()
// client: src/core_main.rs:544 (rustdesk@7423dced) so does `--assign`
function clientArgs(input: InstallInput): string[][] {
  const out = [["--config", input.configString]];
  if (input.token === undefined) return out;
  const flags = Object.entries(input.assignFlags ?? {}).filter(([, v]) => v !== undefined) as [string, string][];
  for (const [name, value] of flags) {
    if (!(ASSIGN_FLAGS as readonly string[]).includes(name)) throw invalid(`--${name} is not an option of rustdesk --assign`);
    checkPrintable(value, `--${name}`);
    if (value === "") throw invalid(`--${name}: empty value`);
    // The client finds each option by its first occurrence in argv: a value spelled like an option could stand in for it.
    // client: src/core_main.rs:546-557 (rustdesk@7423dced) looks options up by position in argv
    if (/^--/.test(value)) throw invalid(`--${name}: a value starting with "--" would be read by the client as an option`);
  }
  if (!flags.some(([n]) => REQUIRED_ONE.includes(n))) throw invalid(`rustdesk --assign needs at least one of ${REQUIRED_ONE.map((f) => `--${f}`).join(", ")}`);
  if (flags.some(([n]) => BOOK_DETAILS.includes(n)) && !flags.some(([n]) => n === "address_book_name")) throw invalid("--address_book_tag, _alias, _password and _note need --address_book_name");
  checkPrintable(input.token, "token");
  if (!/^[\x21-\x7e]+$/.test(input.token) || input.token.startsWith("--")) throw invalid("token: expected printable ASCII without spaces");
  const ordered = ASSIGN_FLAGS.filter((f) => flags.some(([n]) => n === f)).flatMap((f) => [`--${f}`, flags.find(([n]) => n === f)![1]]);
  // --token first: the client takes the first "--token" in argv.
  return [...out, ["--assign", "--token", input.token, ...ordered]];
}

const release = (version: string, file: string) => `https://github.com/rustdesk/rustdesk/releases/download/${version}/${file}`;

export function installLines(os: ClientOs, input: InstallInput): InstallPlan {
  const version = input.clientVersion ?? CLIENT_VERSION;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw invalid(`client version: expected x.y.z, got ${JSON.stringify(version)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(input.configString)) throw invalid("config string: expected base64url text");
  const calls = clientArgs(input);
  const steps: InstallStep[] =
    os === "windows"
      ? [
          { line: "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'", admin: false },
          { line: `$msi = Join-Path $env:TEMP 'rustdesk-${version}-x86_64.msi'`, admin: false },
          // client: .github/workflows/flutter-build.yml:389 (rustdesk@7423dced) names the release's MSI rustdesk-<version>-<arch>.msi
          { line: `Invoke-WebRequest -UseBasicParsing -Uri '${release(version, `rustdesk-${version}-x86_64.msi`)}' -OutFile $msi`, admin: false },
          // msiexec's /qn: no UI; the MSI installs to %ProgramFiles%\RustDesk and starts the service.
          { line: 'Start-Process -Wait -FilePath msiexec.exe -ArgumentList "/i `"$msi`" /qn"', admin: true },
          // client: src/platform/windows.rs:1391-1405 (rustdesk@7423dced) the default install folder is %ProgramFiles%\RustDesk
          { line: "$rustdesk = Join-Path $env:ProgramFiles 'RustDesk\\rustdesk.exe'", admin: false },
          // Start-Process takes the command line as one string (quoted here by the MSVC rules), the same in
          // Windows PowerShell 5.1 and PowerShell 7, which pass an argument array differently.
          // client: flutter/windows/runner/main.cpp:121 (rustdesk@7423dced) attaches to the caller's console, so -NoNewWindow shows its output
          ...calls.map((args) => ({ line: `Start-Process -Wait -NoNewWindow -FilePath $rustdesk -ArgumentList ${psQuote(args.map(winArg).join(" "))}`, admin: true })),
        ]
      : os === "macos"
        ? [
            // client: .github/workflows/flutter-build.yml:859 (rustdesk@7423dced) names the disk image rustdesk-<version>-<arch>.dmg (x86_64, aarch64)
            { line: `curl -fL -o /tmp/rustdesk.dmg "${release(version, `rustdesk-${version}-$(uname -m | sed s/arm64/aarch64/).dmg`)}"`, admin: false },
            { line: "hdiutil attach -nobrowse -quiet -mountpoint /Volumes/RustDesk /tmp/rustdesk.dmg", admin: false },
            // client: src/platform/macos.rs:912-919 (rustdesk@7423dced) counts as installed only when run from /Applications/RustDesk.app
            { line: "sudo cp -R /Volumes/RustDesk/RustDesk.app /Applications/", admin: true },
            { line: "hdiutil detach -quiet /Volumes/RustDesk", admin: false },
            ...calls.map((args) => ({ line: `sudo /Applications/RustDesk.app/Contents/MacOS/RustDesk ${args.map(shQuote).join(" ")}`, admin: true })),
          ]
        : [
            // client: .github/workflows/flutter-build.yml:1728 (rustdesk@7423dced) names the package rustdesk-<version>-<arch>.deb (x86_64, aarch64)
            { line: `curl -fL -o /tmp/rustdesk.deb "${release(version, `rustdesk-${version}-$(uname -m).deb`)}"`, admin: false },
            { line: "sudo apt-get install -y /tmp/rustdesk.deb", admin: true },
            // The .deb's postinst (res/DEBIAN/postinst line 8, at 7423dced) links /usr/bin/rustdesk.
            ...calls.map((args) => ({ line: `sudo rustdesk ${args.map(shQuote).join(" ")}`, admin: true })),
          ];
  return { os, shell: os === "windows" ? "powershell" : "sh", steps, lines: steps.map((s) => s.line) };
}
