// The parse hook of routes that take JSON: the body read within the size limit, then parsed with
// bounded depth and width (json-body.ts).
import { rawBodyOf, readCapped } from "./body-limit.ts";
import { parseJsonText } from "./json-body.ts";

/**
 * The body's text: already read by the pipeline (a chunked body), or read now, with the cap when it
 * has no Content-Length (the gate checked a declared one).
 */
export const bodyText = async (request: Request, limit: number): Promise<string> =>
  rawBodyOf(request) ?? (request.headers.has("content-length") ? request.text() : readCapped(request, limit));

/** A parse hook for routes that parse the text themselves (the audit posts). */
export const textBody =
  (limit: number) =>
  ({ request }: { request: Request }): Promise<string> =>
    bodyText(request, limit);

/**
 * An Elysia parse hook for routes that take JSON whatever the Content-Type says (what `parse: "json"`
 * did, bounded). A blank body is "no body" (undefined).
 */
export const jsonBody =
  (limit: number) =>
  async ({ request }: { request: Request }): Promise<unknown> => {
    const text = await bodyText(request, limit);
    return text.trim() === "" ? undefined : parseJsonText(text);
  };

/**
 * A parse hook that runs `check` before the body is read (for routes that need a token: parse
 * hooks run before validation and resolve), then parses a JSON body; other content types are left
 * to the default parsers.
 */
export const checkThenJson = (check: (request: Request) => Error | null, limit: number) => {
  const json = jsonBody(limit);
  return (context: { request: Request }, contentType: string): Promise<unknown> | undefined => {
    const refused = check(context.request);
    if (refused) throw refused;
    if (contentType === "" || contentType === "application/json") return json(context);
  };
};

/** A parse hook for routes that ignore their body: it is never parsed, so it cannot fail them. */
export const ignoreBody = () => null;
