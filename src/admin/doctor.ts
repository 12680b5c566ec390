// GET /api/admin/doctor: `rdconsole doctor` run by the server itself, for the console. Always 200 (the checks
// ran); ok false when one failed. The loopback heartbeat goes to the address this server listens on.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { loopbackUrl } from "../doctor/heartbeat.ts";
import { doctorPassed, runDoctor } from "../doctor/run.ts";
import { adminAuth } from "./token-auth.ts";

const Problem = t.Object({ error: t.String(), code: t.String() });
const Check = t.Object({
  name: t.String({ description: 'what was checked, e.g. "database integrity", "public url", "sso <provider>"' }),
  status: t.UnionEnum(["ok", "warn", "fail", "skip"]),
  detail: t.String(),
  fix: t.String({ description: "what to do; empty when nothing" }),
});

export function adminDoctorRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-doctor", detail: { tags: ["admin: system"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/doctor",
      async ({ server }) => {
        const loopback = server?.port ? loopbackUrl(server.hostname ?? "", server.port) : null;
        const checks = await runDoctor({ config: deps.config, loopback, serverUid: process.getuid?.() ?? null });
        return { ok: doctorPassed(checks), checks };
      },
      {
        apiToken: { area: "admin", write: false },
        response: { 200: t.Object({ ok: t.Boolean({ description: "no check failed (warnings do not count)" }), checks: t.Array(Check) }), 401: Problem, 403: Problem },
        detail: { summary: "Check the setup around the server: config, data dir, database, disk, clock, public URL, TLS, hbbs/hbbr, key, SMTP, SSO, a loopback heartbeat (rdconsole doctor); needs admin:r" },
      },
    );
}
