// Enrolment presets are names (of a user, a device group, a strategy, a shared address book): each is checked
// when the key is created, with a hint for a near miss, and stored as the row spells it.
import { asc, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { checkText } from "../core/validate.ts";
import { closest } from "../config/suggest.ts";
import { addressBooks, deviceGroups, strategies, users, type EnrolPresets } from "../db/schema.ts";

/** `user "alcie" not found (did you mean "alice"?)` — the shape the enrolment endpoint answers too. */
export function notFoundHint(kind: string, name: string, candidates: readonly string[]): string {
  const hit = closest(name, candidates);
  return `${kind} "${name}" not found${hit ? ` (did you mean "${hit}"?)` : ""}`;
}

type Lookup = { kind: string; names: (ctx: ServiceContext) => string[] };

export const LOOKUPS: Record<"user" | "device_group" | "strategy" | "address_book", Lookup> = {
  user: { kind: "user", names: (ctx) => ctx.db.select({ n: users.name }).from(users).orderBy(asc(users.id)).all().map((r) => r.n) },
  device_group: { kind: "device group", names: (ctx) => ctx.db.select({ n: deviceGroups.name }).from(deviceGroups).all().map((r) => r.n) },
  strategy: { kind: "strategy", names: (ctx) => ctx.db.select({ n: strategies.name }).from(strategies).all().map((r) => r.n) },
  address_book: {
    kind: "shared address book",
    names: (ctx) => ctx.db.select({ n: addressBooks.name }).from(addressBooks).where(sql`${addressBooks.personal} = 0`).all().map((r) => r.n),
  },
};

/** The stored spelling of `name` among `names` (names are unique regardless of case); NOT_FOUND with a hint. */
export function resolveName(ctx: ServiceContext, key: keyof typeof LOOKUPS, name: string): string {
  const { kind, names } = LOOKUPS[key];
  const all = names(ctx);
  const hit = all.find((n) => n.toLowerCase() === name.trim().toLowerCase());
  if (!hit) throw notFound(notFoundHint(kind, name, all));
  return hit;
}

/** Checks presets against the database; returns them with the names as stored and empty fields dropped. */
export function checkPresets(ctx: ServiceContext, input: EnrolPresets): EnrolPresets {
  const out: EnrolPresets = {};
  for (const key of ["user", "device_group", "strategy", "address_book"] as const) {
    const value = input[key];
    if (value !== undefined && value !== "") out[key] = resolveName(ctx, key, value);
  }
  const text = { ab_tag: 100, ab_alias: 100, ab_note: 2000, ab_password: 200, note: 2000 } as const;
  for (const [key, max] of Object.entries(text) as [keyof typeof text, number][]) {
    const value = input[key];
    if (value !== undefined && value !== "") out[key] = checkText(key === "note" || key === "ab_note" ? "note" : key.replace("_", " "), value, max);
  }
  if (!out.address_book && (out.ab_tag || out.ab_alias || out.ab_note || out.ab_password))
    throw invalid("the address-book tag, alias, note and password presets need an address book preset");
  return out;
}

export const hasPresets = (p: EnrolPresets) => Object.keys(p).length > 0;

/** Presets as they may be shown or audited: the book's connect password never. */
export const shownPresets = (p: EnrolPresets): EnrolPresets => (p.ab_password ? { ...p, ab_password: "***" } : p);
