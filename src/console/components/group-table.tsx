// The list of user groups or device groups: name (to its editor), note, a count, created.
import type { ReactNode } from "react";
import { Link } from "wouter";
import { useT } from "../lib/i18n.tsx";
import { Time } from "./time.tsx";
import { Empty } from "./ui.tsx";

type Row = { guid: string; name: string; note: string; created_at: string };
const link = "text-blue-700 underline dark:text-blue-300";

export function GroupTable<T extends Row>(props: { label: string; countHeader: string; rows: T[]; href: (name: string) => string; count: (g: T) => ReactNode; empty: string }) {
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-700">
      <table className="w-full text-left text-sm" aria-label={props.label}>
        <thead className="bg-zinc-100 dark:bg-zinc-800">
          <tr>
            {[t("groups.name"), t("device.note"), props.countHeader, t("user.created")].map((h) => <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((g) => (
            <tr key={g.guid} className="border-t border-zinc-200 dark:border-zinc-700">
              <td className="px-3 py-2"><Link href={props.href(g.name)} className={link}>{g.name}</Link></td>
              <td className="px-3 py-2">{g.note || t("common.none")}</td>
              <td className="px-3 py-2">{props.count(g)}</td>
              <td className="px-3 py-2"><Time value={g.created_at} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <Empty>{props.empty}</Empty>}
    </div>
  );
}
