// What the test suite needs from Debian beyond Bun: Chromium for the web-console tests (playwright-core drives it;
// its own browser download does not work here) and CJK fonts so the Chinese pages render. Installs them once.
import { existsSync } from "node:fs";

const NEEDED: [check: string, pkg: string][] = [
  ["/usr/bin/chromium", "chromium"],
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk"],
];

const missing = NEEDED.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ["sudo", "-n"];
  console.log(`installing ${missing.join(", ")} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args: string[]) => Bun.spawnSync([...sudo, ...args], { stdout: "inherit", stderr: "inherit", env }).success;
  if (!run(["apt-get", "install", "-y", "--no-install-recommends", ...missing]) && !(run(["apt-get", "update"]) && run(["apt-get", "install", "-y", "--no-install-recommends", ...missing]))) {
    console.error(`could not install ${missing.join(", ")}: run as root, or install them with apt-get`);
    process.exit(1);
  }
}
