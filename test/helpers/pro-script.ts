// Requests as RustDesk Server Pro's admin scripts (res/*.py, python-requests) put them on the wire
// (pro-admin-api §1.3): Bearer header, requests' default headers, form-encoded queries ("+" for a space,
// "%25" for "%"), json= bodies as json.dumps writes them (", " and ": "), body-less POST/DELETE with
// Content-Length: 0 and no Content-Type; the *-groups scripts add Content-Type: application/json to everything.
import { call, type Reply } from "./http.ts";

type App = { handle(r: Request): Promise<Response> };

const REQUESTS = { "user-agent": "python-requests/2.28.1", "accept-encoding": "gzip, deflate", accept: "*/*", connection: "keep-alive" };

/** Python's urlencode of a dict: quote_plus on each key and value. */
export function formQuery(params: Record<string, string | number>): string {
  const plus = (v: string) => encodeURIComponent(v).replace(/%20/g, "+").replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%7E/g, "~");
  return Object.entries(params)
    .map(([k, v]) => `${plus(k)}=${plus(String(v))}`)
    .join("&");
}

/** json.dumps with its default separators. */
export function pyJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJson).join(", ")}]`;
  if (v && typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(", ")}}`;
  return JSON.stringify(v);
}

export interface Script {
  get(path: string, params?: Record<string, string | number>): Promise<Reply>;
  /** A json= body (Content-Type: application/json). */
  send(method: string, path: string, body: unknown): Promise<Reply>;
  /** No body: Content-Length: 0 and, unless the script sets it on every call, no Content-Type. */
  bare(method: string, path: string): Promise<Reply>;
}

/** `jsonEverywhere`: user-groups.py, device-groups.py and strategies.py send Content-Type: application/json on every call. */
export function script(app: App, token: string, o: { jsonEverywhere?: boolean } = {}): Script {
  const base = { ...REQUESTS, authorization: `Bearer ${token}`, ...(o.jsonEverywhere ? { "content-type": "application/json" } : {}) };
  return {
    get: (path, params) => call(app, "GET", params ? `${path}?${formQuery(params)}` : path, { headers: base }),
    send: (method, path, body) => {
      const raw = pyJson(body);
      return call(app, method, path, { raw, headers: { ...base, "content-type": "application/json", "content-length": String(Buffer.byteLength(raw)) } });
    },
    bare: (method, path) => call(app, method, path, { raw: "", headers: { ...base, "content-length": "0" } }),
  };
}
