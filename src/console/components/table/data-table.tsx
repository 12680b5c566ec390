// The console's big tables: the server pages, sorts and filters (fast at 100,000 rows); TanStack Table renders
// the page and keeps the row selection for bulk actions.
import { rowSelectionFeature, tableFeatures, useTable, type ColumnDef, type RowData, type RowSelectionState } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useT } from "../../lib/i18n.tsx";
import type { ListState } from "../../lib/url-state.ts";
import { Empty } from "../ui.tsx";

export const tableFeaturesWithSelection = tableFeatures({ rowSelectionFeature });
export type Column<T extends RowData> = ColumnDef<typeof tableFeaturesWithSelection, T>;

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export function DataTable<T extends RowData>(props: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  total: number;
  rowId: (row: T) => string;
  list: ListState;
  onList: (change: Partial<ListState>) => void;
  empty: ReactNode;
  sortable?: string[];
  /** Bulk actions for the selected rows; the table offers checkboxes when given. */
  bulk?: (selected: T[], clear: () => void) => ReactNode;
}) {
  const t = useT();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const table = useTable({
    features: tableFeaturesWithSelection,
    columns: props.columns,
    data: props.rows,
    getRowId: props.rowId,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: !!props.bulk,
  });
  const selected = table.getSelectedRowModel().rows.map((r) => r.original);
  const pages = Math.max(1, Math.ceil(props.total / props.list.size));
  const sortBy = (id: string) => props.onList({ sort: id, desc: props.list.sort === id ? !props.list.desc : false });
  return (
    <div className="flex flex-col gap-2">
      {props.bulk && selected.length > 0 && <div className="flex flex-wrap items-center gap-2">{props.bulk(selected, () => setRowSelection({}))}</div>}
      {/* Focusable, so the keyboard can scroll a table wider than a phone even when its rows hold no link. */}
      <div tabIndex={0} role="region" aria-label={props.label} className="overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700">
        <table className="w-full text-left text-sm" aria-label={props.label}>
          <thead className="bg-zinc-100 dark:bg-zinc-800">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {props.bulk && (
                  <th className="w-8 px-3 py-2">
                    <input type="checkbox" aria-label={t("table.selectAll")} checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} className={focus} />
                  </th>
                )}
                {hg.headers.map((h) => {
                  const sortable = props.sortable?.includes(h.column.id);
                  const dir = props.list.sort === h.column.id ? (props.list.desc ? "descending" : "ascending") : undefined;
                  return (
                    <th key={h.id} scope="col" aria-sort={dir} className="px-3 py-2 font-medium whitespace-nowrap">
                      {sortable ? (
                        <button type="button" onClick={() => sortBy(h.column.id)} className={`hover:underline ${focus}`}>
                          <table.FlexRender header={h} />
                          {dir === "ascending" ? " ↑" : dir === "descending" ? " ↓" : ""}
                        </button>
                      ) : (
                        <table.FlexRender header={h} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-zinc-200 dark:border-zinc-700">
                {props.bulk && (
                  <td className="px-3 py-2 align-top">
                    <input type="checkbox" aria-label={t("table.select", { name: row.id })} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} className={focus} />
                  </td>
                )}
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {props.rows.length === 0 && <Empty>{props.empty}</Empty>}
      </div>
      <div className="flex items-center justify-between gap-2 text-sm">
        <span>{t("table.total", { n: props.total.toLocaleString() })}</span>
        <div className="flex items-center gap-2">
          <button type="button" disabled={props.list.page <= 1} onClick={() => props.onList({ page: props.list.page - 1 })} className={`rounded p-1 disabled:opacity-40 ${focus}`}>
            <ChevronLeft aria-hidden size={18} />
            <span className="sr-only">{t("table.previous")}</span>
          </button>
          <span>{t("table.page", { page: props.list.page, pages })}</span>
          <button type="button" disabled={props.list.page >= pages} onClick={() => props.onList({ page: props.list.page + 1 })} className={`rounded p-1 disabled:opacity-40 ${focus}`}>
            <ChevronRight aria-hidden size={18} />
            <span className="sr-only">{t("table.next")}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
