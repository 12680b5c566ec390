// Narrowing the key catalogue: words in the key or its description, one group, or only the keys set.
import { type Translate, useT } from "../lib/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";

/** The catalogue's group names in the reader's language; a group this console does not know keeps its name. */
export function groupLabel(t: Translate, group: string): string {
  // An unknown key has no message (undefined at run time): fall back to the name.
  return t(`strategy.group.${group}` as MessageKey) || group;
}

export type Filter = { q: string; group: string; onlySet: boolean };
const input = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export function KeyFilter({ filter, setFilter, groups }: { filter: Filter; setFilter: (f: Filter) => void; groups: string[] }) {
  const t = useT();
  return (
    <div role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <label className="flex grow flex-col gap-1 text-sm font-medium">
        {t("strategy.search")}
        <input type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} placeholder={t("strategy.searchHint")} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("strategy.group")}
        <select value={filter.group} onChange={(e) => setFilter({ ...filter, group: e.target.value })} className={input}>
          <option value="">{t("strategy.allGroups")}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {groupLabel(t, g)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" checked={filter.onlySet} onChange={(e) => setFilter({ ...filter, onlySet: e.target.checked })} />
        {t("strategy.onlySet")}
      </label>
    </div>
  );
}
