// `bun run dev`: the console's HTML imported as a Bun HTML bundle, so Bun's dev server rebuilds it on each change
// and hot-reloads the page, on the API's origin. The path is a variable so the compiled binary never bundles it.
export async function loadConsoleDev(): Promise<Bun.HTMLBundle> {
  const spec = "../console/index.html";
  return ((await import(spec)) as { default: Bun.HTMLBundle }).default;
}
