// The enrolment endpoints the stock client calls with an enrolment key: `rustdesk --assign` (POST /api/devices/cli)
// and `rustdesk --deploy` (POST /api/devices/deploy). Each answers every failure itself, in the shape its client
// command shows a person, never with a 5xx (client: src/common.rs:1375-1380 (rustdesk@7423dced) retries a 5xx
// through hbbs first, up to 36 s).
import { Elysia } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { ServiceError } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { textBody } from "../http/json-hook.ts";
import { parseJsonText } from "../http/json-body.ts";
import { jsonResponse } from "../http/json.ts";
import { deployDevice } from "./deploy.ts";
import { enrolDevice } from "./enrol.ts";
import { enrolKeyOf } from "./enrol-key.ts";

const isBusy = (e: unknown) => e instanceof Error && /SQLITE_BUSY|database is locked/.test(`${(e as { code?: string }).code} ${e.message}`);

/** Status and one-line message for a failure; unexpected errors are logged and never become a 5xx. */
function failure(deps: CoreDeps, path: string, e: unknown): { status: number; message: string } {
  if (e instanceof ServiceError && e.status < 500) return { status: e.status, message: e.message.replace(/\s*\n\s*/g, "; ") };
  if (isBusy(e)) return { status: 409, message: "the server's database is busy: nothing was changed, run the command again" };
  deps.log.error(`POST ${path}: unhandled error`, e);
  return { status: 400, message: "the server failed to enrol the device (its log says why); nothing was changed" };
}

/** The body as JSON: the global parser has parsed a chunked JSON body already; else this route's hook gave the text. */
const jsonOf = (body: unknown): unknown => (typeof body === "string" ? parseJsonText(body) : body);

export function provisioningRoutes(deps: CoreDeps) {
  const body = textBody(() => deps.config.server.body_limit);
  return new Elysia({ name: "rdconsole/provisioning" })
    .post(
      "/api/devices/cli",
      ({ request, body: text }) => {
        const ctx = requestContext(deps, request);
        try {
          enrolDevice(ctx, enrolKeyOf(ctx, request), jsonOf(text));
          // client: src/core_main.rs:630-636 (rustdesk@7423dced) ignores the status and prints the body verbatim; an
          // empty body prints "Done!"
          return new Response(null, { status: 200 });
        } catch (e) {
          const { status, message } = failure(deps, "/api/devices/cli", e);
          return new Response(`error: ${message}`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
        }
      },
      {
        parse: body,
        detail: {
          tags: ["device"],
          summary: "Enrol a device (rustdesk --assign)",
          description:
            'Bearer: an enrolment key, or an API token with enrol:rw or admin:rw. Body {id, uuid, user_name?, strategy_name?, device_group_name?, address_book_name?, address_book_tag?, address_book_alias?, address_book_password?, address_book_note?, note?, device_username?, device_name?}. 200 with an empty body (the client prints "Done!"); a failure is one text/plain line "error: …" (the client prints it): 400 bad body, 401 no/unknown/revoked/expired key or a login token, 403 used-up key or missing scope, 404 unknown user/group/strategy/book (with a hint), 409 locked preset conflict, ID of another machine, device limit.',
        },
      },
    )
    .post(
      "/api/devices/deploy",
      ({ request, body: text }) => {
        const ctx = requestContext(deps, request);
        try {
          const key = enrolKeyOf(ctx, request);
          let parsed: unknown = null;
          try {
            parsed = jsonOf(text);
          } catch {
            parsed = null; // not JSON: INVALID_INPUT below
          }
          return jsonResponse(200, { result: deployDevice(ctx, key, parsed) });
        } catch (e) {
          // client: src/ui_interface.rs:1142-1147 (rustdesk@7423dced) prints a body without a known result as is (exit 1)
          return jsonResponse(200, { error: failure(deps, "/api/devices/deploy", e).message });
        }
      },
      {
        parse: body,
        detail: {
          tags: ["device"],
          summary: "Deploy a device (rustdesk --deploy)",
          description:
            'Bearer as for /api/devices/cli. Body {id, pk, uuid}. Always 200: {"result":"OK"} (public key recorded, device approved), "NOT_ENABLED" (devices.registration = open), "INVALID_INPUT" (bad id, uuid or pk), "ID_TAKEN" (the ID is another machine\'s); a refused key gets {"error":"…"}, which the client prints.',
        },
      },
    );
}
