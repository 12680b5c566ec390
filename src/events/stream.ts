// GET /api/admin/events as a stream: Server-Sent Events from the reader's cursor on. Pull-driven — a reader
// that stops reading stops the database reads — in batches; when nothing is left it waits for the hub's
// wake-up, and after pingMs of silence sends a `: ping` comment (keeps proxies and the reader's timeout quiet).
import type { ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import type { LogRing } from "../core/log-ring.ts";
import { readLog } from "../audit/read.ts";
import { decodeCursor, headCursor } from "./cursor.ts";
import { auditTypesOf, filterOf, wantsLog, type EventQuery } from "./filter.ts";
import { createFollower } from "./follow.ts";
import type { EventHub } from "./hub.ts";

const BATCH = 200;
/** How long a disconnected EventSource waits before reconnecting (sent once, as `retry:`). */
const RETRY_MS = 2000;

export interface OpenEvents {
  /** Who the stream counts against (the API token). */
  caller: string;
  /** The server log is for those who may read it (the admin area); audit rows need only the audit area. */
  mayReadLog: boolean;
  query: EventQuery;
  /** Last-Event-ID (header, else ?last_event_id=): resume after it; absent: from now on. */
  lastEventId?: string;
}

/** Checks the request and admits it (INVALID_INPUT, FORBIDDEN, NOT_FOUND, TOO_MANY_REQUESTS), then returns the stream. */
export function openEvents(ctx: ServiceContext, hub: EventHub, ring: LogRing, input: OpenEvents): ReadableStream<Uint8Array> {
  const filter = filterOf(input.query);
  if (wantsLog(filter) && !input.mayReadLog) throw new ServiceError("FORBIDDEN", "the server log needs a token with admin:r (the audit rows alone need audit:r)");
  const cursor = input.lastEventId ? decodeCursor(input.lastEventId) : headCursor(ctx, ring);
  // An unknown user is a 404 now rather than an error in the middle of the stream.
  for (const type of auditTypesOf(filter)) readLog(ctx, { type, device: filter.device, user: filter.user, limit: 1 });
  const follower = createFollower(ctx, ring, filter, cursor, hub.versionOf);
  const release = hub.admit(input.caller);
  const encoder = new TextEncoder();
  let closed = false;
  let lastSent = Date.now();
  let unregister = () => {};
  const finish = () => {
    closed = true;
    unregister();
    release();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        unregister = hub.onClose(() => {
          if (closed) return;
          finish();
          controller.close();
        });
        controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n: connected\n\n`));
      },
      async pull(controller) {
        try {
          for (;;) {
            if (closed) return;
            const gen = hub.generation;
            const batch = follower.next(BATCH);
            if (batch.text) {
              lastSent = Date.now();
              return controller.enqueue(encoder.encode(batch.text));
            }
            if (batch.moved) continue;
            const woke = await hub.wait(gen, lastSent + hub.pingMs - Date.now());
            if (closed) return;
            if (!woke) {
              lastSent = Date.now();
              return controller.enqueue(encoder.encode(": ping\n\n"));
            }
          }
        } catch (e) {
          if (closed) return;
          ctx.log.warn("event stream ended by an error", e);
          finish();
          controller.error(e);
        }
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  );
}
