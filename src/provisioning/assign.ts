// One assignment on one device, as RustDesk Server Pro's POST /api/devices/{guid}/assign takes it
// (pro-admin-api §5.4): {type, value}, the fields of `rustdesk --assign` one at a time. The owner, group,
// note, names and strategy go through the device and strategy services; `ab` adds the device to a shared
// address book the way an enrolment does (enrol.ts).
import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid } from "../core/errors.ts";
import { addressBooks } from "../db/schema.ts";
import { requireDeviceByGuid } from "../devices/pro-list.ts";
import { setDevice } from "../devices/service.ts";
import { assignStrategy } from "../strategies/assign.ts";
import { resolveName } from "../tokens/presets.ts";
import { addToBook } from "./enrol.ts";

export const ASSIGN_TYPES = ["ab", "strategy_name", "user_name", "device_group_name", "note", "device_username", "device_name"] as const;
export type AssignType = (typeof ASSIGN_TYPES)[number];

/** Applies one assignment to the device with this guid; returns its RustDesk ID. */
export function assignToDevice(ctx: ServiceContext, guid: string, type: string, value: string): string {
  return withTransaction(ctx, (tx) => {
    const d = requireDeviceByGuid(tx, guid);
    switch (type as AssignType) {
      case "user_name":
        setDevice(tx, d.rdId, { owner: value });
        break;
      case "device_group_name":
        setDevice(tx, d.rdId, { group: value });
        break;
      case "note":
        setDevice(tx, d.rdId, { note: value });
        break;
      case "device_name":
        setDevice(tx, d.rdId, { alias: value });
        break;
      case "device_username":
        setDevice(tx, d.rdId, { deviceUsername: value });
        break;
      case "strategy_name":
        assignStrategy(tx, value === "" ? null : value, { devices: [d.rdId] });
        break;
      case "ab": {
        // client: res/devices.py:147 (rustdesk@7423dced) documents ab=<book>[,<tag>[,<alias>[,<password>[,<note>]]]].
        const [bookName = "", tag, alias, password, note] = value.split(",");
        if (bookName.trim() === "") throw invalid("ab: name a shared address book: ab=<book>[,<tag>[,<alias>[,<password>[,<note>]]]]");
        const name = resolveName(tx, "address_book", bookName);
        const book = tx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${name}`).get()!;
        const parts = { address_book_tag: tag, address_book_alias: alias, address_book_password: password, address_book_note: note };
        addToBook(tx, book, d, Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined && v !== "")));
        break;
      }
      default:
        throw invalid(`type: one of ${ASSIGN_TYPES.join(", ")}`);
    }
    return d.rdId;
  });
}
