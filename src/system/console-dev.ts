// `bun run dev`: the console's HTML imported as a Bun HTML bundle, so Bun's dev server rebuilds it on each change
// and hot-reloads the page, on the API's origin. The path is computed at run time so the compiled binary never
// bundles the console's sources (a constant specifier would be followed by the bundler).
import { join } from "node:path";

export async function loadConsoleDev(): Promise<Bun.HTMLBundle> {
  const file = join(import.meta.dir, "..", "console", "index.html");
  return ((await import(file)) as { default: Bun.HTMLBundle }).default;
}
