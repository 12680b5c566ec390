// Where the web console's built files come from: embedded in the compiled binary (the build generates a module
// that calls embedConsole), else the folder `bun run build` / `bun .ci/console.ts` writes next to the source.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type ConsoleFiles = { get(path: string): Blob | undefined };

let embedded: Map<string, Blob> | undefined;

/** Called by the generated manifest in the compiled binary: console path ("index.html", "assets/x.js") → file. */
export function embedConsole(files: Record<string, string>): void {
  embedded = new Map(Object.entries(files).map(([path, file]) => [path, Bun.file(file)]));
}

const SOURCE_BUILD = join(import.meta.dir, "..", "..", "dist", "console");

/** The console's files, or undefined when this is a source checkout whose console was never built. */
export function consoleFiles(dir = SOURCE_BUILD): ConsoleFiles | undefined {
  if (embedded) return embedded;
  if (!existsSync(join(dir, "index.html"))) return undefined;
  return {
    get(path) {
      if (path.split("/").some((p) => p === ".." || p === "")) return undefined;
      const f = Bun.file(join(dir, path));
      return existsSync(join(dir, path)) ? f : undefined;
    },
  };
}
