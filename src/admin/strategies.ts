// rdconsole's own strategy routes (/api/admin/strategies…): everything `rdconsole strategy …` does, over the same
// services, with an API token of the strategies area (write for changes). Options pass the lint (check.ts) as on
// the CLI: errors refuse the change (400, every message), warnings come back in the reply.
import { Elysia, t } from "elysia";
import { type ServiceContext, withTransaction } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { rolloutByStrategy } from "../dashboard/rollout.ts";
import { requestContext } from "../http/context.ts";
import { applyStrategies, exportStrategies, parseStrategiesFile } from "../strategies/as-code.ts";
import { assignStrategy, type AssignTargets } from "../strategies/assign.ts";
import { directAssignments } from "../strategies/assigned.ts";
import { checkOptions } from "../strategies/check.ts";
import { explainDevice, strategyStatus } from "../strategies/explain.ts";
import { keysJson } from "../strategies/keys-format.ts";
import { type LintFlags, lintOptions } from "../strategies/lint.ts";
import type { Strategy } from "../strategies/model.ts";
import { LEVELS } from "../strategies/model.ts";
import type { DeviceStrategy } from "../strategies/rollout.ts";
import { createStrategy, deleteStrategy, listStrategies, requireStrategy, setDefaultStrategy, updateStrategy } from "../strategies/service.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "strategies" as const, write: false };
const WRITE = { area: "strategies" as const, write: true };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// ── shapes ────────────────────────────────────────────────────────────────
const Options = t.Record(t.String(), t.String(), { description: "Client options, KEY: VALUE (GET /api/admin/strategy-keys lists the keys)" });
const Nullable = <T extends Parameters<typeof t.Union>[0][number]>(s: T) => t.Union([s, t.Null()]);
const StrategyT = t.Object({
  guid: t.String(),
  name: t.String(),
  enabled: t.Boolean(),
  default: t.Boolean({ description: "The server's default strategy" }),
  note: t.String(),
  options: Options,
  reapply_hours: Nullable(t.Integer({ description: "Send the settings again every N hours; null: only on change" })),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
const Warnings = t.Array(t.String(), { description: "What the lint warns about (the change was made)" });
const Targets = {
  devices: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000, description: "RustDesk IDs" })),
  users: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000, description: "User names (their devices)" })),
  device_groups: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000, description: "Device group names" })),
};
const TargetsT = t.Object({ devices: t.Array(t.String()), users: t.Array(t.String()), device_groups: t.Array(t.String()) });
const LintFlagsT = {
  force: t.Optional(t.Boolean({ description: "Send keys this server does not know (for newer clients): their errors become warnings" })),
  allow_repoint: t.Optional(t.Boolean({ description: "Allow keys that point devices at other servers (custom-rendezvous-server, api-server, key, …)" })),
  allow_stop: t.Optional(t.Boolean({ description: "Allow stop-service=Y (the device stops, and can no longer be managed)" })),
};
const ReapplyT = t.Optional(Nullable(t.Integer({ minimum: 1, maximum: 8760, description: "1 to 8760 hours; null: only on change", error: "reapply_hours: a whole number from 1 to 8760, or null" })));
const Level = t.UnionEnum(LEVELS);
const DeviceStrategyT = t.Object({
  device: t.String({ description: "RustDesk ID" }),
  strategy: Nullable(t.String()),
  level: Nullable(Level),
  shadowed: t.Array(t.Object({ strategy: t.String(), level: Level, reason: t.UnionEnum(["disabled", "shadowed"]) })),
  options: t.Record(t.String(), t.String(), { description: 'What the device should have ("" for a key being removed)' }),
  state: t.UnionEnum(["applied", "pending", "offline", "clearing", "none"]),
  online: t.Boolean(),
  last_seen: Nullable(t.String({ format: "date-time" })),
  sent_options: Nullable(t.Record(t.String(), t.String())),
  sent_at: Nullable(t.String({ format: "date-time" })),
  confirmed_at: Nullable(t.String({ format: "date-time" })),
});
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200 }) });

const strategyJson = (s: Strategy) => ({
  guid: s.guid,
  name: s.name,
  enabled: s.enabled,
  default: s.isDefault,
  note: s.note,
  options: s.options,
  reapply_hours: s.reapplyHours,
  created_at: iso(s.createdAt)!,
  updated_at: iso(s.updatedAt)!,
});

const deviceJson = (d: DeviceStrategy) => ({
  device: d.device,
  strategy: d.strategy,
  level: d.level,
  shadowed: d.shadowed,
  options: d.options,
  state: d.state,
  online: d.online,
  last_seen: iso(d.lastSeenAt),
  sent_options: d.sentOptions,
  sent_at: iso(d.sentAt),
  confirmed_at: iso(d.confirmedAt),
});

const lintFlags = (b: { force?: boolean; allow_repoint?: boolean; allow_stop?: boolean }): LintFlags => ({ force: b.force, allowRepoint: b.allow_repoint, allowStop: b.allow_stop });
const targetsOf = (b: { devices?: string[]; users?: string[]; device_groups?: string[] }): AssignTargets => ({ devices: b.devices ?? [], users: b.users ?? [], deviceGroups: b.device_groups ?? [] });

/** Refuses targets that are not assigned `name` directly; nothing changes then. */
function requireAssigned(ctx: ServiceContext, name: string, targets: AssignTargets) {
  const row = requireStrategy(ctx, name);
  const has = directAssignments(ctx, row.id);
  const check = (given: readonly string[] | undefined, held: string[], what: string) => {
    for (const n of given ?? []) if (!held.some((h) => h.toLowerCase() === n.toLowerCase())) throw invalid(`${what} "${n}" is not assigned strategy "${row.name}" directly`);
  };
  check(targets.devices, has.devices, "device");
  check(targets.users, has.users, "user");
  check(targets.deviceGroups, has.deviceGroups, "device group");
}

export function adminStrategyRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Parameters<typeof requestContext>[2]) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-strategies", detail: { tags: ["admin: strategies"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/strategies",
      ({ request, actor }) => {
        const ctx = ctxOf(request, actor);
        // Counted in SQL (the dashboard's pass), not from 100,000 per-device answers built in JavaScript.
        const reach = rolloutByStrategy(ctx);
        const data = listStrategies(ctx).map((s) => {
          const r = reach.get(s.name);
          return { ...strategyJson(s), devices: r ? r.applied + r.pending + r.offline : 0, applied: r?.applied ?? 0 };
        });
        return { total: data.length, data };
      },
      {
        apiToken: READ,
        response: { 200: t.Object({ total: t.Integer(), data: t.Array(t.Composite([StrategyT, t.Object({ devices: t.Integer({ description: "Devices it applies to now" }), applied: t.Integer({ description: "Of those, confirmed" }) })])) }) },
        detail: { summary: "Strategies, by name, with how many devices each reaches and how many confirmed it (strategy list)" },
      },
    )
    .post(
      "/api/admin/strategies",
      ({ request, actor, body, set }) => {
        const { options, warnings } = checkOptions(body.options ?? {}, lintFlags(body));
        const s = createStrategy(ctxOf(request, actor), { name: body.name, options, note: body.note, reapplyHours: body.reapply_hours ?? null });
        set.status = 201;
        return { strategy: strategyJson(s), warnings };
      },
      {
        apiToken: WRITE,
        body: t.Object({ name: t.String({ maxLength: 200 }), options: t.Optional(Options), note: t.Optional(t.String({ maxLength: 2000 })), reapply_hours: ReapplyT, ...LintFlagsT }),
        response: { 201: t.Object({ strategy: StrategyT, warnings: Warnings }) },
        detail: { summary: "Create a strategy (strategy create); its options pass the lint: errors → 400 naming every key, warnings in the reply" },
      },
    )
    .get(
      "/api/admin/strategies/export",
      ({ request, actor, query }) => {
        const names = query.name === undefined ? [] : Array.isArray(query.name) ? query.name : [query.name];
        return new Response(exportStrategies(ctxOf(request, actor), names), { headers: { "content-type": "application/toml; charset=utf-8" } });
      },
      {
        apiToken: READ,
        query: t.Object({ name: t.Optional(t.Union([t.String(), t.Array(t.String())], { description: "Only these strategies (repeat name=); without: all, and the default" })) }),
        // A raw Response: the document's schema is given here (a `response` schema would be listed as text/plain).
        detail: {
          summary: "Strategies as TOML (strategy export)",
          responses: { 200: { description: "The strategies and their direct assignments as TOML, for POST /api/admin/strategies/apply", content: { "application/toml": { schema: { type: "string" } } } } },
        },
      },
    )
    .post(
      "/api/admin/strategies/apply",
      ({ request, actor, body }) => {
        const file = parseStrategiesFile(body.toml);
        const warnings: string[] = [];
        const errors: string[] = [];
        for (const s of file.strategy) {
          try {
            const checked = checkOptions(s.options, lintFlags(body));
            s.options = checked.options;
            warnings.push(...checked.warnings.map((w) => `${s.name}: ${w}`));
          } catch (e) {
            errors.push(...(e as Error).message.split("\n").map((m) => `${s.name}: ${m}`));
          }
        }
        if (errors.length) throw invalid(errors.join("\n"));
        const dryRun = body.dry_run ?? false;
        const plan = applyStrategies(ctxOf(request, actor), file, { dryRun, prune: body.prune ?? false });
        return { dry_run: dryRun, applied: !dryRun && plan.length > 0, plan, warnings };
      },
      {
        apiToken: WRITE,
        body: t.Object({
          toml: t.String({ maxLength: 1_000_000, description: "The file, as GET /api/admin/strategies/export writes it" }),
          dry_run: t.Optional(t.Boolean({ description: "Only return the plan" })),
          prune: t.Optional(t.Boolean({ description: "Also delete strategies and unassign targets the file does not list" })),
          ...LintFlagsT,
        }),
        response: {
          200: t.Object({
            dry_run: t.Boolean(),
            applied: t.Boolean({ description: "Whether anything changed" }),
            plan: t.Array(t.String(), { description: "One line a step: + create/assign, ~ change, - delete/unassign" }),
            warnings: Warnings,
          }),
        },
        detail: { summary: "Make the server's strategies match a TOML file (strategy apply), in one transaction; dry_run returns the plan only" },
      },
    )
    .post(
      "/api/admin/strategies/lint",
      ({ body }) => {
        if (!body.report) return checkOptions(body.options, lintFlags(body));
        // An editor shows each finding next to its key, errors included, so it needs them as data, not a refusal.
        const r = lintOptions(body.options, lintFlags(body));
        const issues = [...r.errors.map((i) => ({ ...i, level: "error" as const })), ...r.warnings.map((i) => ({ ...i, level: "warning" as const }))];
        return { options: r.options, warnings: r.warnings.map((w) => w.message), issues };
      },
      {
        apiToken: READ,
        body: t.Object({ options: Options, report: t.Optional(t.Boolean({ description: "Answer 200 with every finding in `issues` (errors too) instead of refusing" })), ...LintFlagsT }),
        response: {
          200: t.Object({
            options: t.Record(t.String(), t.String(), { description: "The options as they would be stored (trimmed)" }),
            warnings: Warnings,
            issues: t.Optional(t.Array(t.Object({ key: t.String(), level: t.UnionEnum(["error", "warning"]), message: t.String() }), { description: "With report: each finding, by key" })),
          }),
        },
        detail: { summary: "Check options without saving anything: errors → 400 with every message (report: true → 200 with each finding by key), warnings in the reply" },
      },
    )
    .put(
      "/api/admin/strategies/default",
      ({ request, actor, body }) => {
        const s = setDefaultStrategy(ctxOf(request, actor), body.name);
        return { default: s && strategyJson(s) };
      },
      {
        apiToken: WRITE,
        body: t.Object({ name: Nullable(t.String({ minLength: 1, maxLength: 200 })) }, { description: "name: null for no default" }),
        response: { 200: t.Object({ default: Nullable(StrategyT) }) },
        detail: { summary: "The strategy of every device with none of its own, its owner's or its group's (strategy default); name null: none" },
      },
    )
    .get(
      "/api/admin/strategies/:name",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const status = strategyStatus(ctx, params.name);
        const assigned = directAssignments(ctx, requireStrategy(ctx, params.name).id);
        return {
          ...strategyJson(status.strategy),
          assigned: { devices: assigned.devices, users: assigned.users, device_groups: assigned.deviceGroups },
          devices: status.targeted,
          ...status.counts,
        };
      },
      {
        apiToken: READ,
        params: NameParam,
        response: {
          200: t.Composite([
            StrategyT,
            t.Object({ assigned: TargetsT, devices: t.Integer({ description: "Devices it applies to now" }), applied: t.Integer(), pending: t.Integer(), offline: t.Integer() }),
          ]),
        },
        detail: { summary: "One strategy: options, whom it is assigned to directly and where it has landed (strategy show)" },
      },
    )
    .patch(
      "/api/admin/strategies/:name",
      ({ request, actor, params, body }) => {
        const checked = body.options ? checkOptions(body.options, lintFlags(body)) : { options: undefined, warnings: [] };
        const s = updateStrategy(ctxOf(request, actor), params.name, {
          set: checked.options,
          unset: body.unset,
          name: body.name,
          note: body.note,
          enabled: body.enabled,
          reapplyHours: body.reapply_hours,
        });
        return { strategy: strategyJson(s), warnings: checked.warnings };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object({
          options: t.Optional(t.Record(t.String(), t.String(), { description: "Keys to set (linted); keys not named keep their values (strategy set)" })),
          unset: t.Optional(t.Array(t.String({ maxLength: 200 }), { maxItems: 1000, description: "Keys to stop managing (strategy unset)" })),
          name: t.Optional(t.String({ maxLength: 200, description: "A new name (strategy rename)" })),
          note: t.Optional(t.String({ maxLength: 2000 })),
          enabled: t.Optional(t.Boolean({ description: "strategy enable / disable" })),
          reapply_hours: ReapplyT,
          ...LintFlagsT,
        }),
        response: { 200: t.Object({ strategy: StrategyT, warnings: Warnings }) },
        detail: { summary: "Change a strategy in one step: set and unset options, rename, note, enable/disable, re-apply period" },
      },
    )
    .delete(
      "/api/admin/strategies/:name",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const name = requireStrategy(ctx, params.name).name;
        deleteStrategy(ctx, name);
        return { deleted: name };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        response: { 200: t.Object({ deleted: t.String() }) },
        detail: { summary: "Delete a strategy: its devices fall through, and the keys it set are unset at their next beat (strategy delete)" },
      },
    )
    .post(
      "/api/admin/strategies/:name/assign",
      ({ request, actor, params, body }) => {
        const ctx = ctxOf(request, actor);
        const count = assignStrategy(ctx, params.name, targetsOf(body));
        return { strategy: requireStrategy(ctx, params.name).name, assigned: count };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(Targets, { description: "At least one target; every one must exist, or nothing changes" }),
        response: { 200: t.Object({ strategy: t.String(), assigned: t.Integer({ description: "How many targets" }) }) },
        detail: { summary: "Assign a strategy to devices, users (their devices) or device groups (strategy assign)" },
      },
    )
    .post(
      "/api/admin/strategies/:name/unassign",
      ({ request, actor, params, body }) => {
        const targets = targetsOf(body);
        // The check and the change in one transaction: nothing can assign another strategy in between.
        return withTransaction(ctxOf(request, actor), (tx) => {
          requireAssigned(tx, params.name, targets);
          return { strategy: requireStrategy(tx, params.name).name, unassigned: assignStrategy(tx, null, targets) };
        });
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(Targets, { description: "At least one target, each assigned this strategy directly, or nothing changes" }),
        response: { 200: t.Object({ strategy: t.String(), unassigned: t.Integer({ description: "How many targets" }) }) },
        detail: { summary: "Clear this strategy from devices, users or device groups it is assigned to directly (strategy unassign)" },
      },
    )
    .get(
      "/api/admin/strategies/:name/status",
      ({ request, actor, params, query }) => {
        const st = strategyStatus(ctxOf(request, actor), params.name);
        const devices = query.limit === undefined ? st.devices : st.devices.slice(0, query.limit);
        return { strategy: st.strategy.name, enabled: st.strategy.enabled, counts: st.counts, total: st.targeted, data: devices.map(deviceJson) };
      },
      {
        apiToken: READ,
        params: NameParam,
        // The console's rollout page asks for a screenful: under a fleet-wide default the whole list is 100,000 rows.
        query: t.Object({ limit: t.Optional(t.Integer({ minimum: 1, maximum: 100_000, error: "limit: a whole number from 1", description: "list only the first N devices, oldest first (default all); counts and total still cover every device" })) }),
        response: {
          200: t.Object({
            strategy: t.String(),
            enabled: t.Boolean(),
            counts: t.Object({ applied: t.Integer(), pending: t.Integer(), offline: t.Integer() }),
            total: t.Integer({ description: "Devices it applies to now" }),
            data: t.Array(DeviceStrategyT),
          }),
        },
        detail: { summary: "Where a strategy has landed: its devices, applied (confirmed), pending (online) or offline (strategy status)" },
      },
    )
    .get(
      "/api/admin/devices/:id/strategy",
      ({ request, actor, params }) => deviceJson(explainDevice(ctxOf(request, actor), params.id)),
      {
        apiToken: READ,
        params: t.Object({ id: t.String({ minLength: 1, maxLength: 100, description: "RustDesk ID" }) }),
        response: { 200: DeviceStrategyT },
        detail: { summary: "Which strategy applies to a device and why, what it should have, what was sent, whether it confirmed (strategy explain)" },
      },
    )
    .get("/api/admin/strategy-keys", () => keysJson(), {
      apiToken: READ,
      response: {
        200: t.Object({
          settable: t.Array(
            t.Object({
              key: t.String(),
              kind: t.String(),
              group: t.String(),
              description: t.String(),
              allowed: t.String(),
              values: t.Optional(t.Array(t.String())),
              min: t.Optional(t.Number()),
              max: t.Optional(t.Number()),
              unit: t.Optional(t.String()),
              max_length: t.Optional(t.Integer()),
              format: t.Optional(t.String()),
              requires_flag: Nullable(t.String({ description: "--allow-repoint: allow_repoint; --allow-stop: allow_stop" })),
            }),
          ),
          refused: t.Array(t.Object({ key: t.String(), reason: t.String(), why: t.String() })),
        }),
      },
      detail: { summary: "The keys a strategy may set, and the ones it may not with why (strategy keys --json)" },
    });
}
