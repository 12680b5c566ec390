// The parse hook of routes that take JSON: the body read within the size limit, then parsed with
// bounded depth and width (json-body.ts).
import { rawBodyOf, readCapped } from "./body-limit.ts";
import { parseJsonText } from "./json-body.ts";

/**
 * The body's text: already read by the pipeline (a chunked body), or read now, with the cap when it
 * has no Content-Length (the gate checked a declared one).
 */
export const bodyText = async (request: Request, limit: Limit): Promise<string> =>
  rawBodyOf(request) ?? (request.headers.has("content-length") ? request.text() : readCapped(request, typeof limit === "function" ? limit() : limit));

/** A byte limit, or a function that reads it when a body is read (server.body_limit can change at runtime). */
export type Limit = number | (() => number);

/** A parse hook for routes that parse the text themselves (the audit posts). */
export const textBody =
  (limit: Limit) =>
  ({ request }: { request: Request }): Promise<string> =>
    bodyText(request, limit);

/**
 * An Elysia parse hook for routes that take JSON whatever the Content-Type says (what `parse: "json"`
 * did, bounded). A blank body is null. It always settles the body, so a parser after it never runs.
 */
export const jsonBody =
  (limit: Limit) =>
  async ({ request }: { request: Request }): Promise<unknown> => {
    const text = await bodyText(request, limit);
    return text.trim() === "" ? null : parseJsonText(text);
  };

/**
 * The `parse` option of a route that takes JSON. The "json" after the hook is never reached (the hook
 * settles every body); it is there for the API docs, which list a request body's content types from
 * the named parsers only.
 */
export const jsonParse = (limit: Limit) => {
  const hook = jsonBody(limit);
  return [hook, docsOnly(hook)];
};

// Elysia runs a named parser listed among hook functions (compose.ts), but its types allow either
// names or functions in the `parse` option, not both.
const docsOnly = <F>(_hook: F) => "json" as unknown as F;

/**
 * A parse hook that runs `check` before the body is read (for routes that need a token: parse
 * hooks run before validation and resolve), then parses a JSON body (bounded); a body of another
 * content type is its text. Like jsonBody it settles every body, and is followed by "json" for the docs.
 */
export const checkThenJson = (check: (request: Request) => Error | null, limit: Limit) => {
  const json = jsonBody(limit);
  const hook = (context: { request: Request }, contentType: string): Promise<unknown> => {
    const refused = check(context.request);
    if (refused) throw refused;
    return contentType === "" || contentType === "application/json" ? json(context) : bodyText(context.request, limit);
  };
  return [hook, docsOnly(hook)];
};

/** A parse hook for routes that ignore their body: it is never parsed, so it cannot fail them. */
export const ignoreBody = () => null;
