// A data dir for the Pro admin scripts' contract tests (res/*.py at rustdesk@7423dced, never copied here):
// tokenEnv's users, groups and strategy, three devices, an admin API token, and requests built the way
// Python's requests builds them (pro-admin-api §1.3).
import { devices } from "../../src/db/schema.ts";
import { addUserToGroup, createGroup } from "../../src/groups/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

export function proEnv() {
  const env = tokenEnv();
  createGroup(env.ctx, { name: "Ops" });
  addUserToGroup(env.ctx, "Ops", "bob");
  const now = env.ctx.now();
  for (const [rdId, hostname, username] of [["111111111", "Ops box", "joe"], ["222222222", "Desk", "ann"], ["333333333", "Lab", "joe"]] as const)
    env.db.insert(devices).values({ rdId, sysinfo: { hostname, username, os: "linux" }, createdAt: now, updatedAt: now }).run();
  const key = createToken(env.ctx, { name: "scripts", scopes: { admin: "rw" } }).secret;
  const auth = { authorization: `Bearer ${key}` };

  /** requests.get/post/delete(url, headers={Authorization}) without a body: Content-Length 0 on POST/DELETE, no Content-Type. */
  const bare = (method: string, path: string) => call(env.app, method, path, { headers: { ...auth, ...(method === "GET" ? {} : { "content-length": "0" }) } });
  /** The same with headers_with(token) (device-groups.py, strategies.py): Content-Type: application/json even with no body. */
  const jsonHeaders = (method: string, path: string) =>
    call(env.app, method, path, { headers: { ...auth, "content-type": "application/json", ...(method === "GET" ? {} : { "content-length": "0" }) } });
  /** requests(..., json=value): json.dumps with its default separators (", " and ": "). */
  const json = (method: string, path: string, raw: string) => call(env.app, method, path, { raw, headers: { ...auth, "content-type": "application/json", "content-length": String(Buffer.byteLength(raw)) } });
  const guidOf = async (path: string, key2: "id" | "name", value: string) => {
    const rows = ((await bare("GET", path)).json() as { data: Record<string, string>[] }).data;
    return rows.find((r) => r[key2] === value)!.guid!;
  };
  return { ...env, key, bare, jsonHeaders, json, guidOf };
}
