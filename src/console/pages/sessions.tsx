// Remote sessions live right now, refreshed every 10 s; filters, paging and sorting in the URL and done by the
// server. Disconnect asks first; the server can only reach a device in a heartbeat's reply, so it says when.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { control, Select } from "../components/controls.tsx";
import { DataTable, type Column } from "../components/table/data-table.tsx";
import { Time } from "../components/time.tsx";
import { Button, ErrorText, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { disconnectSession, getSessions, sessionQuery, SESSION_TYPES, type LiveSession } from "../lib/sessions.ts";
import { useListState } from "../lib/url-state.ts";

const SORTS = ["device", "user", "controller_name", "type", "since"];
const REFRESH_MS = 10_000;

export function SessionsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [list, setList] = useListState(50);
  const query = sessionQuery(list);
  const sessions = useQuery({ queryKey: ["sessions", query], queryFn: () => getSessions(query), refetchInterval: REFRESH_MS, placeholderData: (prev) => prev });
  const [queued, setQueued] = useState<LiveSession | null>(null);
  const cut = async (s: LiveSession) => {
    const reply = await disconnectSession(s.id);
    setQueued(reply.session);
    await qc.invalidateQueries({ queryKey: ["sessions"] });
  };
  const who = (s: LiveSession) => [s.controller_name, s.controller_id].filter(Boolean).join(" · ") || t("sessions.unknown");
  const columns: Column<LiveSession>[] = [
    { id: "device", header: t("sessions.device"), cell: ({ row }) => <Link href={`/devices/${encodeURIComponent(row.original.device)}`} className="text-blue-700 underline dark:text-blue-300"><span className="font-mono">{row.original.device}</span> {row.original.device_name}</Link> },
    { id: "user", header: t("sessions.owner"), accessorFn: (s) => s.user ?? t("common.none") },
    { id: "controller_name", header: t("sessions.controller"), cell: ({ row }) => who(row.original) },
    { id: "type", header: t("sessions.type"), accessorFn: (s) => (s.type ? t(`sessions.kind.${s.type}` as "sessions.kind.remote") : t("common.none")) },
    { id: "since", header: t("sessions.since"), cell: ({ row }) => <Time value={row.original.since} /> },
    { id: "ip", header: t("sessions.ip"), accessorFn: (s) => s.ip ?? t("common.none") },
    {
      id: "action",
      // relative: an sr-only header of a scrolled table must not widen the page at phone width
      header: () => <span className="relative"><span className="sr-only">{t("sessions.disconnect")}</span></span>,
      cell: ({ row }) =>
        row.original.disconnect_queued ? (
          <span className="text-sm text-amber-700 dark:text-amber-400">{t("sessions.queuedShort")}</span>
        ) : (
          <ConfirmButton label={t("sessions.disconnect")} title={t("sessions.disconnectTitle", { who: who(row.original), device: row.original.device_name || row.original.device })} confirm={t("sessions.disconnect")} onConfirm={() => cut(row.original)}>
            {t("sessions.disconnectText")}
          </ConfirmButton>
        ),
    },
  ];
  const filtered = Object.keys(list.filters).length > 0;
  return (
    <div>
      <PageTitle>{t("sessions.title")}</PageTitle>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("sessions.intro")}</p>
      <form
        className="mb-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setList({ filters: { device: String(f.get("device") ?? "").trim(), user: String(f.get("user") ?? "").trim(), type: String(f.get("type") ?? "") } });
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("sessions.deviceId")}
          <input name="device" defaultValue={list.filters.device ?? ""} className={`${control} font-normal`} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("sessions.owner")}
          <input name="user" defaultValue={list.filters.user ?? ""} className={`${control} font-normal`} />
        </label>
        <Select label={t("sessions.type")} name="type" defaultValue={list.filters.type ?? ""}>
          <option value="">{t("sessions.allTypes")}</option>
          {SESSION_TYPES.map((k) => <option key={k} value={k}>{t(`sessions.kind.${k}`)}</option>)}
        </Select>
        <Button type="submit">{t("sessions.apply")}</Button>
      </form>
      {queued && (
        <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {t("sessions.queued", { device: queued.device_name || queued.device, conn: queued.conn })}
        </p>
      )}
      <ErrorText error={sessions.error} />
      {sessions.data && (
        <DataTable label={t("sessions.title")} columns={columns} rows={sessions.data.data} total={sessions.data.total} rowId={(s) => s.id} list={list} onList={setList} sortable={SORTS} empty={filtered ? t("sessions.noMatch") : t("sessions.empty")} />
      )}
    </div>
  );
}
