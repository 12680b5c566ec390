// Body size limit with a JSON 413. Bun's own maxRequestBodySize answers a bare 413 before any
// handler runs, so it is only a high backstop: a declared Content-Length is checked on arrival,
// and a chunked body (no length) is counted while it is read.
import { ServiceError } from "../core/errors.ts";
import { errorResponse } from "./errors.ts";
import { parseJsonText } from "./json-body.ts";

export const BUN_BODY_CEILING = 128 * 1024 * 1024;

export function tooLarge(limit: number): Response {
  return errorResponse(413, `request body too large (limit ${limit} bytes)`, { connection: "close" });
}

export function declaredTooLarge(request: Request, limit: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > limit;
}

/** Reads a body that has no Content-Length, failing once it passes `limit` bytes. */
export async function readCapped(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBytes(request, limit));
}

/** The body's bytes, failing once they pass `limit` (a declared length is checked by the gate). */
export async function readCappedBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  if (request.headers.has("content-length")) {
    if (declaredTooLarge(request, limit)) throw new ServiceError("PAYLOAD_TOO_LARGE", `request body too large (limit ${limit} bytes)`);
    return new Uint8Array(await request.arrayBuffer());
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limit) throw new ServiceError("PAYLOAD_TOO_LARGE", `request body too large (limit ${limit} bytes)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Elysia parse hook: takes over for empty and chunked bodies; everything else uses the default
 * parser. An empty body is "no body" (null), not malformed JSON: the client sends bodiless POSTs
 * with Content-Type: application/json and Content-Length: 0 (client: flutter/lib/models/ab_model.dart:2029-2031 (rustdesk@7423dced)).
 */
export function chunkedParser(limit: () => number) {
  // Synchronous unless it has to read a chunked body: an async hook would slow every request.
  return ({ request, contentType }: { request: Request; contentType: string }) => {
    const length = request.headers.get("content-length");
    if (length === "0") return null;
    if (length !== null || !request.body) return;
    return readChunkedJson(request, contentType, limit());
  };
}

const rawBodies = new WeakMap<Request, string>();

/** The text of a body read here (chunked), for a route that parses it itself (the audit posts). */
export const rawBodyOf = (request: Request): string | undefined => rawBodies.get(request);

async function readChunkedJson(request: Request, contentType: string, limit: number): Promise<unknown> {
  const text = await readCapped(request, limit);
  rawBodies.set(request, text);
  if (!contentType.startsWith("application/json")) return text;
  if (text.trim() === "") return undefined;
  // Bounded (json-body.ts). A body that fails is left to the route's own parse hook, which reports
  // it after its token check (json-hook.ts); a route without one answers 400.
  try {
    return parseJsonText(text);
  } catch {
    return undefined;
  }
}
