// rdconsole's admin API for backups — what `rdconsole backup` does: list the archives in the backup dir, take
// one now, download one (streamed from disk, never read whole). Area admin: admin:r lists and downloads (the
// archive holds every secret the server has: read access here is full access), admin:rw takes a backup.
import { Elysia, t } from "elysia";
import { createBackup } from "../backups/create.ts";
import { downloadBackup, listBackups } from "../backups/list.ts";
import { archiveName } from "../backups/manifest.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const BackupOut = t.Object({
  name: t.String({ description: `archive name, ${archiveName(Date.UTC(2026, 10, 27, 9, 15))} (UTC time)` }),
  size: t.Integer({ description: "bytes" }),
  created_at: t.String({ format: "date-time" }),
  rdconsole_version: t.Nullable(t.String()),
  schema_version: t.Nullable(t.Integer({ description: "migrations applied to the database in it" })),
  with_recordings: t.Nullable(t.Boolean()),
  problem: t.Nullable(t.String({ description: "why the archive's manifest cannot be read" })),
});
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "archive name as the list shows it" }) });

export function adminBackupRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  const shown = ({ file: _, ...rest }: Awaited<ReturnType<typeof listBackups>>[number]) => rest;
  return new Elysia({ name: "rdconsole/admin-backups", detail: { tags: ["admin: backups"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/backups",
      async ({ request, actor }) => {
        const data = (await listBackups(ctxOf(request, actor))).map(shown);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(BackupOut) }), ...errors }, detail: { summary: "The archives in backup.dir, newest first (backup list); needs admin:r" } },
    )
    .post(
      "/api/admin/backups",
      async ({ request, actor, body, set }) => {
        const ctx = ctxOf(request, actor);
        const made = await createBackup(ctx, { withRecordings: body?.with_recordings ?? false });
        const m = made.manifest;
        set.status = 201;
        return { name: made.file.split("/").at(-1)!, size: made.size, created_at: m.created_at, rdconsole_version: m.rdconsole_version, schema_version: m.schema.version, with_recordings: m.with_recordings, problem: null };
      },
      {
        apiToken: WRITE,
        body: t.Optional(t.Object({ with_recordings: t.Optional(t.Boolean({ description: "include the session recordings (default false)" })) }, { additionalProperties: false })),
        response: { 201: BackupOut, ...errors },
        detail: { summary: "Take a backup now into backup.dir (backup create); answers when it is written; 409 while another is being made; needs admin:rw" },
      },
    )
    .get(
      "/api/admin/backups/:name/download",
      ({ request, actor, params }) => {
        const { file, size } = downloadBackup(ctxOf(request, actor), params.name);
        return new Response(Bun.file(file), {
          headers: { "content-type": "application/gzip", "content-length": String(size), "content-disposition": `attachment; filename="${params.name}"`, "cache-control": "no-store" },
        });
      },
      { apiToken: READ, params: NameParam, response: { ...errors }, detail: { summary: "The archive's bytes (application/gzip, as an attachment); audited as backup.download; needs admin:r" } },
    );
}
