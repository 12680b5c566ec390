// The types of the device audit posts' fields, as the client builds them with serde_json
// (client: src/server/connection.rs:1353-1499 (rustdesk@7423dced)):
// a field that is present with another type is refused (400), not silently dropped. Fields the
// client does not send stay optional; unknown fields are ignored. `session_id` (u64, also as
// decimal text) is checked by sessionIdOf.
import { invalid } from "../core/errors.ts";

type Kind = "string" | "int" | "i32" | "bool" | "peer";

const I32 = 2 ** 31;

const ok: Record<Kind, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  int: (v) => Number.isInteger(v),
  i32: (v) => Number.isInteger(v) && (v as number) >= -I32 && (v as number) < I32,
  bool: (v) => typeof v === "boolean",
  // [controller_id, controller_name]
  peer: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string"),
};

const what: Record<Kind, string> = {
  string: "a string",
  int: "an integer",
  i32: "a 32-bit integer",
  bool: "true or false",
  peer: "a list of two strings",
};

const common = { id: "string", uuid: "string", conn_id: "i32", nonce: "string" } as const;

export const CONN_FIELDS = { ...common, action: "string", ip: "string", conn_audit_ref: "string", peer: "peer", type: "int", primary_auth: "int", two_factor: "int", note: "string" } as const;
export const FILE_FIELDS = { ...common, peer_id: "string", type: "int", path: "string", is_file: "bool", info: "string" } as const;
export const ALARM_FIELDS = { ...common, typ: "int", info: "string", conn_audit_ref: "string" } as const;

/** 400 for the first field present with the wrong type. */
export function checkFieldTypes(body: Record<string, unknown>, fields: Readonly<Record<string, Kind>>): void {
  for (const [key, kind] of Object.entries(fields)) {
    const v = body[key];
    if (v !== undefined && !ok[kind](v)) throw invalid(`"${key}" must be ${what[kind]}`);
  }
}
