// English: the reference catalogue, one file per area under en/. Every other language has exactly these keys
// (the Catalogue type and test/console/i18n.test.ts check it).
import { common } from "./en/common.ts";
import { signIn } from "./en/sign-in.ts";
import { dashboard } from "./en/dashboard.ts";
import { profile } from "./en/profile.ts";
import { table } from "./en/table.ts";
import { devices } from "./en/devices.ts";
import { enrolment } from "./en/enrolment.ts";
import { audit } from "./en/audit.ts";
import { bans } from "./en/bans.ts";
import { books } from "./en/books.ts";
import { groups } from "./en/groups.ts";
import { me } from "./en/me.ts";
import { ops } from "./en/ops.ts";
import { serverLog } from "./en/server-log.ts";
import { sessions } from "./en/sessions.ts";
import { settings } from "./en/settings.ts";
import { status } from "./en/status.ts";
import { strategies } from "./en/strategies.ts";
import { users } from "./en/users.ts";

export const en = { ...common, ...signIn, ...dashboard, ...profile, ...table, ...devices, ...enrolment, ...audit, ...bans, ...books, ...groups, ...me, ...ops, ...serverLog, ...sessions, ...settings, ...status, ...strategies, ...users } as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
