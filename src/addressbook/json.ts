// A book and a sharing rule as `ab list --json` / `ab rules --json` print them and the admin API returns them.
import type { BookView } from "./views.ts";
import { PERMISSION_NAME, type RuleView } from "./rules.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export const bookJson = (b: BookView) => ({
  guid: b.guid,
  name: b.name,
  personal: b.personal,
  owner: b.owner,
  note: b.note,
  has_password: b.hasPassword,
  peers: b.peers,
  created_at: iso(b.createdAt),
  updated_at: iso(b.updatedAt),
});

/** user and group null: the rule is everyone's. */
export const ruleJson = (r: RuleView) => ({ guid: r.guid, user: r.user, group: r.group, rule: r.rule, permission: PERMISSION_NAME[r.rule] });
