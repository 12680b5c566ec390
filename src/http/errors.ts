// The one global error handler: every failure becomes {"error": "..."} with a 4xx for caller
// mistakes. Internals never reach the wire (a 5xx also makes the RustDesk client retry through
// hbbs for up to 36 s: client: src/common.rs:1375-1380 (rustdesk@7423dced), client: src/common.rs:1228 (rustdesk@7423dced)).
import { Elysia, ValidationError } from "elysia";
import { ServiceError } from "../core/errors.ts";
import type { Logger } from "../core/log.ts";
import { jsonResponse } from "./json.ts";
import type { MethodIndex } from "./methods.ts";

export interface ErrorBody {
  error: string;
  code?: string;
}

/** Every `{"error": …}` reply is built here (thrown errors reach it through toErrorResponse). */
export const errorResponse = (status: number, message: string, headers: Record<string, string> = {}, code?: string) =>
  jsonResponse(status, code ? { error: message, code } : { error: message }, headers);

function validationMessage(error: ValidationError): string {
  // A schema-level `error:` message is already written for people.
  if (!error.message.startsWith("{")) return error.message;
  const first = error.all[0] as { summary?: string; message?: string; path?: string; value?: unknown } | undefined;
  if (first?.path && "value" in first && first.value === undefined)
    return `invalid ${error.type}: missing property "${first.path.slice(1).replaceAll("/", ".")}"`;
  return `invalid ${error.type}: ${first?.summary ?? first?.message ?? "does not match the expected shape"}`;
}

/** Maps any thrown value to a response. `withCode` adds the machine code (admin API). */
export function toErrorResponse(code: string | number, error: unknown, request: Request, log: Logger, methods: MethodIndex, withCode = false): Response {
  const reply = (status: number, message: string, machine: string, headers?: Record<string, string>) =>
    errorResponse(status, message, headers, withCode ? machine : undefined);

  // Errors thrown while parsing (e.g. the chunked-body limit) arrive wrapped in Elysia's ParseError.
  if (code === "PARSE" && error instanceof Error && error.cause instanceof ServiceError) error = error.cause;
  if (error instanceof ServiceError) {
    if (error.status >= 500) log.error(`${request.method} ${new URL(request.url).pathname}: ${error.message}`, error.cause ?? "");
    return reply(error.status, error.message, error.code);
  }
  switch (code) {
    case "VALIDATION":
      return reply(400, validationMessage(error as ValidationError), "INVALID_INPUT");
    case "PARSE":
      return reply(400, "malformed request body (expected JSON)", "INVALID_INPUT");
    case "NOT_FOUND": {
      const path = new URL(request.url).pathname;
      const allowed = methods.allowed(path);
      if (allowed.length && !allowed.includes(request.method))
        return reply(405, `method ${request.method} not allowed on ${path}`, "METHOD_NOT_ALLOWED", { allow: allowed.join(", ") });
      return reply(404, `not found: ${request.method} ${path}`, "NOT_FOUND");
    }
    case "INVALID_COOKIE_SIGNATURE":
    case "INVALID_FILE_TYPE":
      return reply(400, "invalid request", "INVALID_INPUT");
  }
  const sqliteBusy = error instanceof Error && /SQLITE_BUSY|database is locked/.test(`${(error as { code?: string }).code} ${error.message}`);
  if (sqliteBusy) return reply(503, "the database is busy, try again", "UNAVAILABLE");
  log.error(`${request.method} ${new URL(request.url).pathname}: unhandled error`, error);
  return reply(500, "internal server error", "INTERNAL");
}

export const errorHandler = (log: Logger, methods: MethodIndex) =>
  new Elysia({ name: "rdconsole/errors" }).onError({ as: "global" }, ({ code, error, request, set }) => {
    // The admin API's errors carry a machine code as well ({"error", "code"}); the client's never do.
    const response = toErrorResponse(code, error, request, log, methods, new URL(request.url).pathname.startsWith("/api/admin/"));
    set.status = response.status; // read by the access log
    return response;
  });
