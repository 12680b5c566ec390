// GET /api/admin/events: live audit rows (and, with log=1, server log lines) as Server-Sent Events. Area audit
// read; the server log also needs admin read. Each event's id is a cursor (src/events/cursor.ts): send it back
// as Last-Event-ID (or ?last_event_id= where a client cannot set headers) to resume with no gap and no repeat.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { logRingOf } from "../core/log.ts";
import { EVENT_TYPES } from "../events/filter.ts";
import type { EventHub } from "../events/hub.ts";
import { openEvents } from "../events/stream.ts";
import { requestContext } from "../http/context.ts";
import { covers } from "../tokens/scopes.ts";
import { adminAuth } from "./token-auth.ts";

const Problem = t.Object({ error: t.String(), code: t.String() });

export function adminEventRoutes(deps: CoreDeps, hub: EventHub) {
  return new Elysia({ name: "rdconsole/admin-events", detail: { tags: ["admin: audit"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/events",
      ({ request, actor, token, query, server }) => {
        const lastEventId = request.headers.get("last-event-id") || query.last_event_id || undefined;
        // A signed-in administrator (no token) holds every area; the guard refused anyone else.
        const mayReadLog = token ? covers(token.scopes, { area: "admin", write: false }) : true;
        const stream = openEvents(requestContext(deps, request, actor), hub, logRingOf(deps.log), { caller: token?.guid ?? `user:${actor.guid}`, mayReadLog, query, lastEventId });
        server?.timeout(request, 0); // a stream may stay quiet longer than Bun's idle timeout (10 s): never idle it out
        return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" } });
      },
      {
        apiToken: { area: "audit", write: false },
        query: t.Object({
          type: t.Optional(t.String({ maxLength: 100, description: `only these, comma-separated: ${EVENT_TYPES.join(", ")} (log implies log=1)` })),
          device: t.Optional(t.String({ maxLength: 100, description: "audit rows of this device only (RustDesk ID)" })),
          user: t.Optional(t.String({ maxLength: 200, description: "console: actions by this user (or token:<name>); other logs: this user's devices" })),
          level: t.Optional(t.String({ maxLength: 10, description: "this level and above: debug, info, warn, error (alarms and refused logins are warn)" })),
          log: t.Optional(t.String({ maxLength: 5, description: "1: server log lines too (needs admin:r)" })),
          last_event_id: t.Optional(t.String({ maxLength: 200, description: "resume after this event id (the Last-Event-ID header wins)" })),
        }),
        // Documented as a string (the docs plugin says text/plain): the body is text/event-stream.
        response: { 200: t.String({ description: "text/event-stream: `id:`, `data:` (one JSON object), `event: reset`, `: ping`" }), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem },
        detail: {
          summary: "Live audit rows and server log lines (text/event-stream); needs audit:r (log=1: admin:r too)",
          description:
            "Each event: `id:` (a cursor), `data:` one JSON object (`type` conn|file|alarm|console|log). `event: reset` tells of log lines that could not be kept. A `: ping` comment after 15 s of silence. At most 5 open streams per token (429 past it).",
        },
      },
    );
}
