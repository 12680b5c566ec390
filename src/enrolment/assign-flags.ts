// An enrolment key's presets as `rustdesk --assign` flags, for the install lines. The server fills whatever the
// command line leaves out from the key anyway; the flags are there because the client refuses --assign without
// one of them, and so a reader of the line sees what it sets up.
import type { EnrolPresets } from "../db/schema.ts";
import type { AssignFlag } from "./install.ts";

const FLAG_OF: Record<Exclude<keyof EnrolPresets, "ab_password">, AssignFlag> = {
  user: "user_name",
  device_group: "device_group_name",
  strategy: "strategy_name",
  address_book: "address_book_name",
  ab_tag: "address_book_tag",
  ab_alias: "address_book_alias",
  ab_note: "address_book_note",
  note: "note",
};

/**
 * The flags for `presets`. The book's connect password is left out: the server applies it from the key, and a
 * password on a command line ends up in shell histories and process lists.
 */
export function assignFlagsOf(presets: EnrolPresets): Partial<Record<AssignFlag, string>> {
  const out: Partial<Record<AssignFlag, string>> = {};
  for (const [preset, flag] of Object.entries(FLAG_OF) as [keyof typeof FLAG_OF, AssignFlag][]) {
    const v = presets[preset];
    if (v !== undefined && v !== "") out[flag] = v;
  }
  return out;
}

/** The presets that give `rustdesk --assign` a flag it counts (client: src/core_main.rs:575-582 (rustdesk@7423dced)). */
export const ENOUGH_FOR_ASSIGN = "--user, --device-group, --strategy, --address-book or --device-note";
