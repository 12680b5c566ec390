// The server's settings (Drawpile's serverwide settings API, seed 004): every config key with its value,
// default, source and whether it changes at runtime; a partial PUT with human values ("90m", "1.5 d",
// "15 mb"). Saved values live in the database, over the config file and under env and flags. Area admin.
import { Elysia, t } from "elysia";
import type { LiveConfig } from "../config/live.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { getSetting, listSettings } from "../settings/list.ts";
import { updateSettings } from "../settings/update.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Value = t.Unknown({ description: "the value (secrets as \"***\")" });
const SettingOut = t.Object({
  key: t.String({ description: 'dotted key, e.g. "lockout.minutes"' }),
  value: Value,
  default: Value,
  source: t.Union([t.Literal("default"), t.Literal("file"), t.Literal("console"), t.Literal("env"), t.Literal("flag")]),
  runtime: t.Boolean({ description: "a change takes effect without a restart" }),
  restart_pending: t.Boolean({ description: "changed, in force after the next restart" }),
  secret: t.Boolean(),
  unit: t.Optional(t.String({ description: 'what a number counts: "seconds", "minutes", "hours", "days", "milliseconds" or "bytes"; such keys also take a human value ("90m", "15 mb")' })),
  editable: t.Boolean({ description: "false: pinned by the environment or a flag, or a config-file-only key" }),
  read_only_reason: t.Optional(t.String()),
  description: t.String(),
});
const Patch = t.Record(t.String({ maxLength: 100 }), t.Union([t.String({ maxLength: 10_000 }), t.Number(), t.Boolean(), t.Array(t.String({ maxLength: 2000 }), { maxItems: 1000 }), t.Null()]), {
  description: 'dotted key → new value; durations ("90m", "1.5 d", "2 w") for keys counted in a time unit, sizes ("15 mb", "1.5GiB") for byte sizes; null drops the saved value (back to the file or default)',
  maxProperties: 200,
});

export function adminSettingsRoutes(deps: CoreDeps, live: LiveConfig) {
  return new Elysia({ name: "rdconsole/admin-settings", detail: { tags: ["admin: settings"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/settings",
      () => {
        const data = listSettings(live);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(SettingOut) }), ...errors }, detail: { summary: "Every setting: value, default, source, runtime or restart (settings get); needs admin:r" } },
    )
    .get("/api/admin/settings/:key", ({ params }) => getSetting(live, params.key), {
      apiToken: READ,
      params: t.Object({ key: t.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: SettingOut, ...errors },
      detail: { summary: "One setting (settings get KEY); needs admin:r" },
    })
    .put(
      "/api/admin/settings",
      ({ request, actor, body }) => {
        const change = updateSettings(requestContext(deps, request, actor), live, body);
        const all = listSettings(live);
        return { ...change, settings: all.filter((s) => change.changed.includes(s.key)) };
      },
      {
        apiToken: WRITE,
        body: Patch,
        response: {
          200: t.Object({ changed: t.Array(t.String()), restart_required: t.Array(t.String(), { description: "changed keys in force after a restart" }), settings: t.Array(SettingOut) }),
          ...errors,
        },
        detail: { summary: "Change some settings (only the keys sent; null drops a saved value) (settings set/unset); needs admin:rw" },
      },
    );
}
