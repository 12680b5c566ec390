// CORS for /api/*: the RustDesk web client makes every Dart call from a browser
// (preflight, methods GET/POST/PUT/DELETE, headers Authorization + Content-Type): client: flutter/lib/utils/http_service.dart:9-32 (rustdesk@7423dced).

import { errorResponse } from "./errors.ts";

const METHODS = "GET, POST, PUT, PATCH, DELETE";
const HEADERS = "Authorization, Content-Type";


/** Returns the preflight response, or adds the CORS headers to `headers` and returns undefined. */
export function corsPolicy(origins: readonly string[]) {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  return (request: Request, headers: Record<string, string | number>): Response | undefined => {
    const origin = request.headers.get("origin");
    if (!origin || !new URL(request.url).pathname.startsWith("/api/")) return;
    const value = any ? "*" : allowed.has(origin) ? origin : null;
    if (request.method === "OPTIONS") {
      if (!value) return errorResponse(403, `origin ${origin} is not allowed (server.cors_origins)`);
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": value,
          "access-control-allow-methods": METHODS,
          "access-control-allow-headers": HEADERS,
          "access-control-max-age": "600",
          vary: "Origin",
        },
      });
    }
    if (value) {
      headers["access-control-allow-origin"] = value;
      headers.vary = "Origin";
    }
  };
}
