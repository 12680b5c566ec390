// The console talks to the server only through its documented HTTP routes. Cookie-authenticated writes carry the
// CSRF header (a header a cross-site page cannot send); an API error is shown as the API words it.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const CSRF_HEADER = "x-rdconsole-csrf";
let onUnauthorized: () => void = () => {};
/** The app registers what a 401 means for it (back to sign-in, then back to the page). */
export const setUnauthorizedHandler = (fn: () => void) => void (onUnauthorized = fn);

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") headers[CSRF_HEADER] = "1";
  if (body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!r.ok) {
    const problem = (json ?? {}) as { error?: string; code?: string };
    if (r.status === 401 && !path.startsWith("/api/admin/login") && !path.startsWith("/api/admin/setup")) onUnauthorized();
    throw new ApiError(r.status, problem.error ?? `${r.status} ${r.statusText}`, problem.code);
  }
  return json as T;
}

export const get = <T,>(path: string) => api<T>("GET", path);
export const post = <T,>(path: string, body?: unknown) => api<T>("POST", path, body);
export const put = <T,>(path: string, body?: unknown) => api<T>("PUT", path, body);
export const patch = <T,>(path: string, body?: unknown) => api<T>("PATCH", path, body);
export const del = <T,>(path: string, body?: unknown) => api<T>("DELETE", path, body);
