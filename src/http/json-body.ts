// JSON request bodies with bounded shape. JSON.parse itself is fast at any depth, but a deep value
// then costs the schema check time and memory quadratic in its depth (20,000 nested arrays: 11 s
// and 1.6 GB before the validation error came back). So the text is scanned first, in one linear
// pass, and refused past MAX_DEPTH levels or MAX_ITEMS members; only then parsed. The stock client's
// bodies are at most 3 levels deep (the login body, client: flutter/lib/common/hbbs/hbbs.dart:133-178
// (rustdesk@7423dced)) and the largest list it sends is a DELETE of peer IDs (at most 10,000,
// addressbook/model.ts IdList).
import { ServiceError } from "../core/errors.ts";

export const MAX_DEPTH = 32;
export const MAX_ITEMS = 20_000;

const MALFORMED = "malformed request body (expected JSON)";

/** Null when `text` is within the limits, else what is wrong; does not check the JSON syntax. */
export function jsonShapeProblem(text: string, maxDepth = MAX_DEPTH, maxItems = MAX_ITEMS): string | null {
  let depth = 0;
  let items = 0;
  let inString = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return `request body nested too deeply (limit ${maxDepth} levels)`;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && ++items >= maxItems) return `request body has too many members (limit ${maxItems})`;
  }
  return null;
}

/** JSON.parse after the shape check; a ServiceError (400) for a body that is too deep, too wide or not JSON. */
export function parseJsonText(text: string, reviver?: (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown): unknown {
  const problem = jsonShapeProblem(text);
  if (problem) throw new ServiceError("INVALID_INPUT", problem);
  try {
    return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]) as unknown;
  } catch {
    throw new ServiceError("INVALID_INPUT", MALFORMED);
  }
}

/** Like parseJsonText, but undefined instead of an error (for JSON carried inside a string field). */
export function tryParseJsonText(text: string): unknown {
  if (jsonShapeProblem(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
