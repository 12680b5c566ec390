// What connects a machine, for an admin (and the web console): the settings string the client imports,
// its QR code as SVG or PNG, and the install lines per OS — the same as `rdconsole client-config` and
// `token create … --print-install`. Reading them needs an API token with enrol (read) or admin.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { assignFlagsOf } from "../enrolment/assign-flags.ts";
import { encodeConfigString } from "../enrolment/config-string.ts";
import { ASSIGN_FLAGS, CLIENT_OSES, installLines, type AssignFlag } from "../enrolment/install.ts";
import { configQr } from "../enrolment/qr.ts";
import { resolveSettings } from "../enrolment/settings.ts";
import { requestContext } from "../http/context.ts";
import { getToken } from "../tokens/service.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "enrol" as const, write: false };

export function adminClientConfigRoutes(deps: CoreDeps) {
  const current = () => {
    const { settings, keyFrom } = resolveSettings(deps.config, {});
    return { settings, keyFrom, configString: encodeConfigString(settings) };
  };
  return new Elysia({ name: "rdconsole/admin-client-config", detail: { tags: ["admin: enrolment"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/client-config",
      () => {
        const { settings, keyFrom, configString } = current();
        return { config_string: configString, qr_text: configQr(configString).content, host: settings.idServer, relay: settings.relayServer, api: settings.apiServer, key: settings.key, key_from: keyFrom };
      },
      { apiToken: READ, detail: { summary: "The settings string a client imports (rustdesk --config, Import), and what it holds" } },
    )
    .get(
      "/api/admin/client-config/qr",
      ({ query }) => {
        const qr = configQr(current().configString);
        return query.format === "png" ? new Response(qr.png(), { headers: { "content-type": "image/png" } }) : new Response(qr.svg(), { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
      },
      {
        apiToken: READ,
        query: t.Object({ format: t.Optional(t.UnionEnum(["svg", "png"], { error: "format: svg or png" })) }),
        detail: { summary: "The QR code the mobile client scans (config=<string>): SVG, or PNG with format=png" },
      },
    )
    .post(
      "/api/admin/client-config/install",
      ({ request, body }) => {
        const flags: Partial<Record<AssignFlag, string>> = {};
        for (const [k, v] of Object.entries(body.assign ?? {})) {
          if (!(ASSIGN_FLAGS as readonly string[]).includes(k)) throw invalid(`assign: unknown flag "${k}" (one of ${ASSIGN_FLAGS.join(", ")})`);
          flags[k as AssignFlag] = v as string;
        }
        // A key given without flags brings its own presets (the client insists on at least one).
        const presets = body.token !== undefined && !body.assign ? getToken(requestContext(deps, request), body.token).presets : undefined;
        const plan = installLines(body.os, { configString: current().configString, token: body.token, assignFlags: presets ? assignFlagsOf(presets) : flags });
        return { os: plan.os, steps: plan.steps, lines: plan.lines };
      },
      {
        apiToken: READ,
        body: t.Object({
          os: t.UnionEnum(CLIENT_OSES, { error: `os: one of ${CLIENT_OSES.join(", ")}` }),
          token: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
          assign: t.Optional(t.Record(t.String(), t.String({ maxLength: 256 }))),
        }),
        detail: { summary: "Install lines for one OS: install the client silently, import the settings, and with a token run rustdesk --assign" },
      },
    );
}
