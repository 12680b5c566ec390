// RustDesk Server Pro's strategy routes (pro-admin-api §7, route table #26-#29), as res/strategies.py
// drives them: the list is a bare array, status takes a bare true/false, assign takes guids.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { requestContext } from "../../http/context.ts";
import { assignStrategyByGuid } from "../../strategies/assign.ts";
import type { Strategy } from "../../strategies/model.ts";
import { listStrategies, requireStrategyByGuid, updateStrategy } from "../../strategies/service.ts";
import { toStrategy } from "../../strategies/model.ts";
import { adminAuth } from "../token-auth.ts";
import { naiveUtc } from "./list.ts";
import { epochSeconds, ok } from "./shared.ts";

const READ = { area: "strategies" as const, write: false };
const WRITE = { area: "strategies" as const, write: true };

const row = (s: Strategy) => ({ guid: s.guid, name: s.name, status: s.enabled, note: s.note, is_default: s.isDefault, created_at: naiveUtc(s.createdAt), modified_at: epochSeconds(s.updatedAt) });

export function proStrategyRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/pro-strategies", detail: { tags: ["admin: pro"] } })
    .use(adminAuth(deps))
    .get(
      "/api/strategies",
      // client: res/strategies.py:54-62 (rustdesk@7423dced) iterates the reply itself: a bare array, not {total, data}.
      ({ request, actor }) => listStrategies(requestContext(deps, request, actor)).map(row),
      { apiToken: READ, detail: { summary: "Strategies (Pro): a bare JSON array" } },
    )
    .get(
      "/api/strategies/:guid",
      ({ request, actor, params }) => {
        const s = toStrategy(requireStrategyByGuid(requestContext(deps, request, actor), params.guid));
        return { ...row(s), options: s.options, reapply_hours: s.reapplyHours };
      },
      { apiToken: READ, detail: { summary: "One strategy with its settings (Pro)" } },
    )
    .put(
      "/api/strategies/:guid/status",
      ({ request, actor, params, body }) => {
        const ctx = requestContext(deps, request, actor);
        updateStrategy(ctx, requireStrategyByGuid(ctx, params.guid).name, { enabled: body });
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/strategies.py:73 (rustdesk@7423dced) sends json=True: the body is the bare literal true (or false).
        body: t.Boolean({ error: "expected the bare JSON literal true or false" }),
        detail: { summary: "Enable (true) or disable (false) a strategy (Pro)" },
      },
    )
    .post(
      "/api/strategies/assign",
      ({ request, actor, body }) => {
        assignStrategyByGuid(requestContext(deps, request, actor), body.strategy ?? null, { devices: body.peers, users: body.users, deviceGroups: body.groups });
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/strategies.py:205-214 (rustdesk@7423dced) always sends the three arrays; no "strategy" key unassigns.
        body: t.Object({
          strategy: t.Optional(t.String({ maxLength: 64 })),
          peers: t.Array(t.String({ maxLength: 64 }), { maxItems: 10_000 }),
          users: t.Array(t.String({ maxLength: 64 }), { maxItems: 10_000 }),
          groups: t.Array(t.String({ maxLength: 64 }), { maxItems: 10_000 }),
        }),
        detail: { summary: "Assign a strategy to devices, users and device groups by guid, or without strategy unassign (Pro)" },
      },
    );
}
