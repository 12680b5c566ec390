// The one JSON content type and the one way to build a JSON reply (errors use errorResponse in errors.ts).
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers } });
