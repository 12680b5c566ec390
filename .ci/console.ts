// Builds the web console (src/console) into a folder with Bun's bundler and the Tailwind plugin — the plugin only
// runs through Bun.build, not `bun build --compile` (STACK.md) — and checks the first-load budget.
// `bun .ci/console.ts [outdir]` builds and prints the sizes; .ci/build.ts embeds the result in the binary.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import tailwind from "bun-plugin-tailwind";

const root = join(import.meta.dir, "..");
/** First load = index.html + the scripts and styles it links, gzipped. */
export const FIRST_LOAD_BUDGET = 250 * 1024;

export type ConsoleBuild = { outdir: string; files: string[]; firstLoadGzip: number };

/** index.html, what it links, and every chunk those scripts import statically (lazy import() chunks are not counted). */
function firstLoad(outdir: string): Set<string> {
  const seen = new Set<string>(["index.html"]);
  const html = readFileSync(join(outdir, "index.html"), "utf8");
  const todo = [...html.matchAll(/(?:src|href)="\/console\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  for (let f = todo.pop(); f; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    if (!f.endsWith(".js")) continue;
    const js = readFileSync(join(outdir, f), "utf8");
    for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*"(?:\/console\/|\.\/)((?:assets\/)?[^"]+\.js)"/g)) todo.push(m[1]!.startsWith("assets/") ? m[1]! : `assets/${m[1]}`);
  }
  return seen;
}

export async function buildConsole(outdir = join(root, "dist", "console")): Promise<ConsoleBuild> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const r = await Bun.build({
    entrypoints: [join(root, "src/console/index.html")],
    outdir,
    publicPath: "/console/",
    naming: { entry: "[name].[ext]", chunk: "assets/[name]-[hash].[ext]", asset: "assets/[name]-[hash].[ext]" },
    minify: true,
    splitting: true,
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [tailwind],
  });
  if (!r.success) throw new AggregateError(r.logs, "console build failed");
  const files = r.outputs.map((o) => relative(outdir, o.path));
  // Precompressed copies: the server answers with them when the browser takes gzip.
  for (const f of files.filter((f) => /\.(html|js|css|svg)$/.test(f))) {
    writeFileSync(join(outdir, `${f}.gz`), gzipSync(readFileSync(join(outdir, f)), { level: 9 }));
    files.push(`${f}.gz`);
  }
  const firstLoadGzip = [...firstLoad(outdir)].reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f)), { level: 9 }).length, 0);
  if (firstLoadGzip > FIRST_LOAD_BUDGET) throw new Error(`console first load is ${(firstLoadGzip / 1024).toFixed(1)} KB gzipped, over the ${FIRST_LOAD_BUDGET / 1024} KB budget`);
  return { outdir, files, firstLoadGzip };
}

if (import.meta.main) {
  const b = await buildConsole(process.argv[2]);
  console.log(`console: ${b.files.length} files in ${relative(root, b.outdir)}, first load ${(b.firstLoadGzip / 1024).toFixed(1)} KB gzipped (budget ${FIRST_LOAD_BUDGET / 1024} KB)`);
}
