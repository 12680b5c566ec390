// The device's latest connections from the connection audit, newest first, with a link to its whole audit.
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { Time } from "./time.tsx";
import { Card, ErrorText } from "./ui.tsx";

type Entry = { guid: string; at: string; peer?: string; action: string };

export function DeviceAudit({ id }: { id: string }) {
  const t = useT();
  const q = encodeURIComponent(id);
  const log = useQuery({ queryKey: ["device", id, "audit"], queryFn: () => get<{ data: Entry[] }>(`/api/admin/audit/conn?device=${q}&order=newest&limit=10`) });
  return (
    <Card title={t("device.audit")}>
      <ErrorText error={log.error} />
      {log.data && log.data.data.length === 0 && <p className="text-sm">{t("device.noAudit")}</p>}
      <ul className="flex flex-col gap-1 text-sm">
        {log.data?.data.map((e) => (
          <li key={e.guid}>
            <Time value={e.at} /> · {e.action}
            {e.peer ? ` · ${e.peer}` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        <Link href={`/audit?log=conn&device=${q}`} className="text-blue-700 underline dark:text-blue-300">
          {t("device.allAudit")}
        </Link>
      </p>
    </Card>
  );
}
