// What the Users and Groups pages share: the look of a native select, and a user's status in words.
import type { Translate } from "../lib/i18n.tsx";
import type { User } from "../lib/users.ts";

export const selectClass = "h-9 rounded-md border border-zinc-300 bg-white px-3 dark:border-zinc-600 dark:bg-zinc-900";

export const statusText = (t: Translate, u: Pick<User, "status">) => (u.status === 1 ? t("users.active") : u.status === 0 ? t("users.disabled") : t("users.invited"));
