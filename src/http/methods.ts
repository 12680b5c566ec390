// Which methods a path answers to, so a wrong method gets 405 (with Allow) instead of Elysia's 404.
interface Route {
  method: string;
  path: string;
}

export interface MethodIndex {
  allowed(path: string): string[];
}

const toRegex = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((seg) => (seg === "*" ? ".*" : seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}/?$`,
  );

/** `routes` is read lazily: the app registers its routes after the error handler. */
export function methodIndex(routes: () => readonly Route[]): MethodIndex {
  let compiled: { method: string; re: RegExp }[] | undefined;
  return {
    allowed(path) {
      compiled ??= routes().map((r) => ({ method: r.method, re: toRegex(r.path) }));
      const set = new Set(compiled.filter((r) => r.re.test(path)).map((r) => r.method));
      if (set.has("GET")) set.add("HEAD");
      return [...set].filter((m) => m !== "ALL").sort();
    },
  };
}
