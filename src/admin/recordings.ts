// rdconsole's own recording routes (/api/admin/recordings…): what `rdconsole recording list|get|delete` do, over
// the same services. A recording is named by its guid, or by its file name when only one recording has it.
// Area audit: audit:r to list and download, audit:rw to delete.
import { Elysia, t } from "elysia";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { deleteRecording, findRecording, listRecordings, recordingFile, recordingView } from "../recordings/service.ts";
import { RecordingStore } from "../recordings/store.ts";
import { adminAuth } from "./token-auth.ts";
import { recordingJson as json } from "../recordings/json.ts";

const READ = { area: "audit" as const, write: false };
const WRITE = { area: "audit" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const RecordingOut = t.Object({
  guid: t.String(),
  device: t.String({ description: "RustDesk ID" }),
  file: t.String(),
  size: t.Integer({ description: "bytes accepted so far" }),
  complete: t.Boolean({ description: "false while the device is still uploading" }),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
const RefParam = t.Object({ id: t.String({ minLength: 1, maxLength: 200, description: "the recording's guid, or its file name if only one recording has it" }) });

export function adminRecordingRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  const store = new RecordingStore(deps.config.data.dir);
  return new Elysia({ name: "rdconsole/admin-recordings", detail: { tags: ["admin: audit"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/recordings",
      ({ request, actor, query }) => {
        const data = listRecordings(ctxOf(request, actor), { device: query.device }).map(json);
        return { total: data.length, bytes: data.reduce((n, r) => n + r.size, 0), data };
      },
      {
        apiToken: READ,
        query: t.Object({ device: t.Optional(t.String({ minLength: 1, maxLength: 100, description: "only this device's (RustDesk ID)" })) }),
        response: { 200: t.Object({ total: t.Integer(), bytes: t.Integer({ description: "their sizes added up" }), data: t.Array(RecordingOut) }), ...errors },
        detail: { summary: "Session recordings, oldest first (recording list); needs audit:r" },
      },
    )
    .get("/api/admin/recordings/:id", ({ request, actor, params }) => json(recordingView(findRecording(ctxOf(request, actor), params.id))), {
      apiToken: READ,
      params: RefParam,
      response: { 200: RecordingOut, ...errors },
      detail: { summary: "One recording's metadata; needs audit:r" },
    })
    .get(
      "/api/admin/recordings/:id/download",
      ({ request, actor, params }) => {
        const { row, path } = recordingFile(ctxOf(request, actor), store, params.id);
        // Only the bytes the server accepted: Content-Length is the recording's size, not the file's.
        return new Response(Bun.file(path).slice(0, row.size), {
          headers: {
            "content-type": row.file.endsWith(".webm") ? "video/webm" : "application/octet-stream",
            "content-length": String(row.size),
            "content-disposition": `attachment; filename="${row.file}"`,
            "cache-control": "no-store",
          },
        });
      },
      {
        apiToken: READ,
        params: RefParam,
        detail: { summary: "The recording's bytes, as a file download (recording get); 404 when its file is missing; needs audit:r" },
      },
    )
    .delete("/api/admin/recordings/:id", ({ request, actor, params }) => json(deleteRecording(ctxOf(request, actor), store, params.id)), {
      apiToken: WRITE,
      params: RefParam,
      response: { 200: RecordingOut, ...errors },
      detail: { summary: "Delete a recording and its file (recording delete); answers what was deleted; needs audit:rw" },
    });
}
