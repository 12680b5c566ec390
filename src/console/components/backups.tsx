// The server's backups (GET/POST /api/admin/backups): the archives in backup.dir, one taken on demand, each
// downloadable (the download is a plain link: the browser sends the session cookie with a same-site GET).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../lib/api.ts";
import { bytes } from "../lib/human.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Time } from "./time.tsx";
import { Button, Card, ErrorText } from "./ui.tsx";

type Backup = { name: string; size: number; created_at: string; rdconsole_version: string | null; with_recordings: boolean | null; problem: string | null };

export function Backups() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ["backups"], queryFn: () => get<{ total: number; data: Backup[] }>("/api/admin/backups") });
  const take = useMutation({ mutationFn: () => post<Backup>("/api/admin/backups", {}), onSuccess: () => qc.invalidateQueries({ queryKey: ["backups"] }) });
  return (
    <Card title={t("backups.title")}>
      <ErrorText error={list.error ?? take.error} />
      <div className="mb-3">
        <Button onClick={() => take.mutate()} disabled={take.isPending}>
          {take.isPending ? t("backups.taking") : t("backups.take")}
        </Button>
      </div>
      {list.data?.total === 0 && <p className="text-sm">{t("backups.none")}</p>}
      <ul className="flex flex-col gap-1 text-sm">
        {list.data?.data.map((b) => (
          <li key={b.name} className="flex flex-wrap items-center gap-x-2">
            <a href={`/api/admin/backups/${encodeURIComponent(b.name)}/download`} download className="font-mono text-blue-700 underline dark:text-blue-300">
              {b.name}
            </a>
            <span>
              {bytes(b.size, lang)} · <Time value={b.created_at} />
              {b.with_recordings ? ` · ${t("backups.withRecordings")}` : ""}
            </span>
            {b.problem && <span className="text-red-800 dark:text-red-300">{b.problem}</span>}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t("backups.restore")}</p>
    </Card>
  );
}
