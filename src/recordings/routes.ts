// The Elysia side of POST /api/record: served by a native route in production (route.ts); this one
// documents it and serves app.handle(), for bodies sent with a Content-Length.
import { Elysia } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import type { recordingUploads } from "./route.ts";

export function recordingRoutes(deps: CoreDeps, uploads: ReturnType<typeof recordingUploads>) {
  return new Elysia({ name: "rdconsole/recordings" }).post(
    "/api/record",
    ({ request, body }) =>
      uploads.respond(request, requestContext(deps, request).ip, async () => {
        if (body === null || body === undefined) return new Uint8Array(0);
        if (!(body instanceof ArrayBuffer)) throw invalid("send the recording with a Content-Length");
        return new Uint8Array(body);
      }),
    {
      parse: "arrayBuffer",
      detail: {
        tags: ["device"],
        summary: "Session recording upload",
        description:
          "Query type=new|part|tail|remove, file (plain name, e.g. incoming_<id>_<time>_display0_vp9.webm), offset, length; raw bytes. Accepted for the registered device named in the file, from the address of its latest heartbeat (or with id and uuid in the query). {} on success, {error} otherwise. Stock clients never upload (the uploader is switched off in their source).",
      },
    },
  );
}
