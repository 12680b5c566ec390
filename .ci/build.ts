// Builds the single executable (STACK.md flags). `bun run build` → dist/rdconsole for this machine;
// `bun run build:all` → release binaries for every Linux target plus SHA256SUMS.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { BUN_HEADER_CEILING } from "../src/http/header-limit.ts";

const TARGETS = ["linux-x64", "linux-arm64", "linux-x64-musl", "linux-arm64-musl"] as const;
const root = join(import.meta.dir, "..");

const { values } = parseArgs({ options: { all: { type: "boolean" }, outfile: { type: "string" } } });

function build(outfile: string, target?: string) {
  mkdirSync(dirname(outfile), { recursive: true });
  const cmd = [
    "bun", "build", "--compile", "--production", "--sourcemap", "--bytecode", "--format=esm",
    "--no-compile-autoload-dotenv", "--no-compile-autoload-bunfig",
    // Bun's header limit above ours, so an oversized header gets our JSON 431 (src/http/header-limit.ts).
    `--compile-exec-argv=--max-http-header-size=${BUN_HEADER_CEILING}`,
    ...(target ? [`--target=bun-${target}`] : []),
    "cli/main.ts", "--outfile", outfile,
  ];
  const r = Bun.spawnSync(cmd, { cwd: root, stdout: "inherit", stderr: "inherit" });
  if (!r.success) process.exit(r.exitCode ?? 1);
}

if (values.all) {
  const sums: string[] = [];
  for (const target of TARGETS) {
    const out = join(root, "dist", `rdconsole-${target}`);
    build(out, target);
    sums.push(`${new Bun.CryptoHasher("sha256").update(readFileSync(out)).digest("hex")}  ${basename(out)}`);
  }
  writeFileSync(join(root, "dist", "SHA256SUMS"), `${sums.join("\n")}\n`);
  console.log(sums.join("\n"));
} else {
  build(values.outfile ?? join(root, "dist", "rdconsole"));
}
