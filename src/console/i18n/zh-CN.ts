// 简体中文, one file per area under zh-CN/: each has every key of its English file (the type checks it).
import type { Catalogue } from "./en.ts";
import { common } from "./zh-CN/common.ts";
import { signIn } from "./zh-CN/sign-in.ts";
import { dashboard } from "./zh-CN/dashboard.ts";
import { profile } from "./zh-CN/profile.ts";
import { table } from "./zh-CN/table.ts";
import { devices } from "./zh-CN/devices.ts";
import { enrolment } from "./zh-CN/enrolment.ts";
import { audit } from "./zh-CN/audit.ts";
import { bans } from "./zh-CN/bans.ts";
import { books } from "./zh-CN/books.ts";
import { groups } from "./zh-CN/groups.ts";
import { me } from "./zh-CN/me.ts";
import { ops } from "./zh-CN/ops.ts";
import { serverLog } from "./zh-CN/server-log.ts";
import { sessions } from "./zh-CN/sessions.ts";
import { settings } from "./zh-CN/settings.ts";
import { status } from "./zh-CN/status.ts";
import { strategies } from "./zh-CN/strategies.ts";
import { users } from "./zh-CN/users.ts";

export const zhCN: Catalogue = { ...common, ...signIn, ...dashboard, ...profile, ...table, ...devices, ...enrolment, ...audit, ...bans, ...books, ...groups, ...me, ...ops, ...serverLog, ...sessions, ...settings, ...status, ...strategies, ...users };
