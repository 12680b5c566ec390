// The layer order of src/, written down once (the README's architecture map shows the same).
// A folder (or a top-level file) may import only its own level and the levels before it.
import { Glob } from "bun";
import { dirname, relative, resolve } from "node:path";

export const LAYERS: readonly (readonly string[])[] = [
  // kernel: knows no feature
  ["core", "config", "db", "http", "net", "crypto", "mail", "lifecycle"],
  // features, lowest first: each imports only the kernel and the features listed before it
  ["notify"],
  ["settings"],
  ["notifications"],
  ["bans"],
  ["users"],
  ["groups"],
  ["device-groups"],
  ["auth"],
  ["devices"],
  ["strategies"],
  ["addressbook"],
  ["tokens"],
  ["audit"],
  ["recordings"],
  ["sso"],
  ["docs"],
  ["enrolment"],
  ["system"],
  ["status"],
  ["dashboard"],
  ["events"],
  ["doctor"],
  ["backups"],
  ["metrics"],
  // cross-feature work
  ["provisioning", "jobs", "importers"],
  // the admin HTTP API: calls any feature's services, owns none
  ["admin"],
  // composition: the only place that knows every layer
  ["app", "deps", "server"],
];

/** Rooms outside the order: they import only themselves and nothing imports them (the web console talks HTTP only). */
export const ISOLATED: readonly string[] = ["console"];

export type Graph = Map<string, Set<string>>; // file → files it imports (paths relative to the repo)

const IMPORT = /(?:^|[;\s])(?:import|export)\s(?:[^;"']*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every relative import of every .ts file under src/ (type imports included: they tie code together too). */
export async function importGraph(root: string): Promise<Graph> {
  const graph: Graph = new Map();
  for (const file of new Glob("src/**/*.{ts,tsx}").scanSync({ cwd: root })) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const text = await Bun.file(resolve(root, file)).text();
    const deps = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith(".")) deps.add(relative(root, resolve(root, dirname(file), spec)));
    }
    graph.set(file, deps);
  }
  return graph;
}

/** The unit a path belongs to: its folder under src/, or the file's name for files at src/'s top. */
export function unitOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] !== "src") return `outside:${parts[0]}`;
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.tsx?$/, "");
}

export function levelOf(unit: string, layers = LAYERS): number {
  return layers.findIndex((level) => level.includes(unit));
}

/** Imports that go up the layer order, reach outside src/, or start from a folder the order does not name. */
export function violations(graph: Graph, layers = LAYERS, isolated = ISOLATED): string[] {
  const found: string[] = [];
  for (const [file, deps] of graph) {
    const from = unitOf(file);
    if (isolated.includes(from)) {
      for (const dep of deps) if (unitOf(dep) !== from) found.push(`${file} imports ${dep} (${from} talks HTTP only)`);
      continue;
    }
    const fromLevel = levelOf(from, layers);
    if (fromLevel < 0) {
      found.push(`${file}: folder "${from}" has no place in the layer order`);
      continue;
    }
    for (const dep of deps) {
      const to = unitOf(dep);
      if (to === from) continue;
      if (isolated.includes(to)) {
        found.push(`${file} imports ${dep} (nothing imports ${to})`);
        continue;
      }
      const toLevel = levelOf(to, layers);
      if (toLevel < 0 || toLevel > fromLevel) found.push(`${file} imports ${dep} (${from} → ${to}: upward or outside)`);
    }
  }
  return found;
}

/** Circles between files (Tarjan's strongly connected components of more than one file). */
export function fileCircles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!info.has(w)) {
        visit(w);
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
      } else if (info.get(w)!.onStack) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        info.get(w)!.onStack = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) circles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return circles;
}
