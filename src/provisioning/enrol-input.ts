// What one `rustdesk --assign` asks for, merged with its key's presets: the presets fill what the command line
// left out; with lock the presets win and a command line asking for something else is refused.
import type { ServiceContext } from "../core/context.ts";
import { conflict, invalid } from "../core/errors.ts";
import { checkText } from "../core/validate.ts";
import type { EnrolPresets } from "../db/schema.ts";
import { checkDeviceId, checkUuid } from "../devices/registry.ts";
import { kindLabel, type TokenRow } from "../tokens/model.ts";

// client: src/core_main.rs:570-626 (rustdesk@7423dced) sends {id, uuid} plus each option given, under its own name
// (the address_book_* details only with address_book_name); the preset each one falls back to:
export const FIELDS = {
  user_name: "user",
  strategy_name: "strategy",
  device_group_name: "device_group",
  address_book_name: "address_book",
  address_book_tag: "ab_tag",
  address_book_alias: "ab_alias",
  address_book_password: "ab_password",
  address_book_note: "ab_note",
  note: "note",
  device_username: null,
  device_name: null,
} as const satisfies Record<string, keyof EnrolPresets | null>;

export type Field = keyof typeof FIELDS;
export type Asked = Partial<Record<Field, string>>;

const NAMES: readonly Field[] = ["user_name", "strategy_name", "device_group_name", "address_book_name"];
const BOOK_DETAILS: readonly Field[] = ["address_book_tag", "address_book_alias", "address_book_password", "address_book_note"];
const MAX: Record<Field, number> = {
  user_name: 200,
  strategy_name: 200,
  device_group_name: 200,
  address_book_name: 200,
  address_book_tag: 100,
  address_book_alias: 200,
  address_book_password: 200,
  address_book_note: 2000,
  note: 2000,
  device_username: 200,
  device_name: 200,
};

export interface EnrolRequest {
  id: string;
  uuid: string;
  asked: Asked;
}

/** The body as the client sends it; other keys are ignored, an empty value counts as not given. */
export function checkEnrolBody(body: unknown): EnrolRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid("expected a JSON object with id and uuid (as rustdesk --assign sends it)");
  const b = body as Record<string, unknown>;
  const id = checkDeviceId(b.id);
  const uuid = checkUuid(b.uuid);
  const asked: Asked = {};
  for (const f of Object.keys(FIELDS) as Field[]) {
    const v = b[f];
    if (v === undefined || v === null || v === "") continue;
    if (typeof v !== "string") throw invalid(`${f} must be a string`);
    asked[f] = checkText(f === "note" || f === "address_book_note" ? "note" : f, v, MAX[f]);
  }
  const details = BOOK_DETAILS.filter((f) => asked[f] !== undefined);
  if (details.length && asked.address_book_name === undefined) throw invalid(`${details.join(", ")} need${details.length > 1 ? "" : "s"} address_book_name`);
  return { id, uuid, asked };
}

const same = (f: Field, a: string, b: string) => ((NAMES as readonly string[]).includes(f) ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b);

/** What the enrolment sets: the command line and the key's presets together. */
export function mergePresets(key: Pick<TokenRow, "kind" | "name" | "presets" | "lock">, asked: Asked): Asked {
  const out: Asked = {};
  const presets = key.presets;
  // The book details preset go with the preset book: a command line naming another book does not get them.
  const otherBook = asked.address_book_name !== undefined && presets.address_book !== undefined && !same("address_book_name", asked.address_book_name, presets.address_book);
  for (const f of Object.keys(FIELDS) as Field[]) {
    const p = FIELDS[f];
    const preset = p === null ? undefined : presets[p];
    const given = asked[f];
    if (key.lock && preset !== undefined && given !== undefined && !same(f, given, preset)) {
      const shown = f === "address_book_password" ? "" : ` "${given}" differs from its preset "${preset}"`;
      throw conflict(`${kindLabel(key)} "${key.name}" is locked to its presets: ${f}${shown || " differs from its preset"}; leave --${f} out or use another key`);
    }
    const fromPreset = preset !== undefined && (given === undefined || key.lock);
    if (fromPreset && !key.lock && otherBook && (BOOK_DETAILS as readonly string[]).includes(f)) continue;
    const value = fromPreset ? preset : given;
    if (value !== undefined) out[f] = value;
  }
  return out;
}

/** `set` as recorded and audited: the book's password never. */
export const shownSet = (set: Asked): Asked => (set.address_book_password ? { ...set, address_book_password: "***" } : set);

export type { ServiceContext };
