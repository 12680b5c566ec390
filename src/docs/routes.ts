// API documentation at /openapi with Swagger UI served from inside the binary: the plugin's
// default UI loads from a CDN and renders blank without internet (STACK.md).
import { openapi } from "@elysiajs/openapi";
import { Elysia } from "elysia";
import swaggerCss from "swagger-ui-dist/swagger-ui.css" with { type: "file" };
import swaggerJs from "swagger-ui-dist/swagger-ui-bundle.js" with { type: "file" };
import { VERSION } from "../core/version.ts";

const ASSETS = "/openapi/assets";

const asset = (path: string, type: string) => () =>
  new Response(Bun.file(path), { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });

export function docsRoutes(enabled: boolean) {
  if (!enabled) return new Elysia({ name: "rdconsole/docs" });
  return new Elysia({ name: "rdconsole/docs" })
    .get(`${ASSETS}/swagger-ui.css`, asset(swaggerCss, "text/css; charset=utf-8"), { detail: { hide: true } })
    .get(`${ASSETS}/swagger-ui-bundle.js`, asset(swaggerJs, "text/javascript; charset=utf-8"), { detail: { hide: true } })
    .use(
      openapi({
        path: "/openapi",
        specPath: "/openapi.json",
        provider: "swagger-ui",
        swagger: { theme: `${ASSETS}/swagger-ui.css`, cdn: `${ASSETS}/swagger-ui-bundle.js`, autoDarkMode: false },
        documentation: {
          info: {
            title: "rdconsole",
            version: VERSION,
            description: "Console API server for RustDesk: the endpoints the stock RustDesk client calls, and rdconsole's own.",
          },
          // "Authorize" in the UI: a user's login token for the client's routes, an API token (rdc_…) for the admin ones;
          // the admin routes also take the web console's sign-in cookie (with X-Rdconsole-Csrf: 1 on writes).
          components: {
            securitySchemes: {
              bearer: { type: "http", scheme: "bearer", description: "A user's login token (client routes) or an API token rdc_… (admin routes; rdconsole token create)" },
              console: { type: "apiKey", in: "cookie", name: "rdc_console", description: "The web console's sign-in (POST /api/admin/login), for /api/admin routes; writes also need the header X-Rdconsole-Csrf: 1" },
            },
          },
          security: [{ bearer: [] }, { console: [] }],
        },
      }),
    );
}
