// `rdconsole doctor` from the browser (GET /api/admin/doctor): each check's outcome and, when it is not ok, the fix.
import { useQuery } from "@tanstack/react-query";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { Button, Card, ErrorText } from "./ui.tsx";

type Check = { name: string; status: "ok" | "warn" | "fail" | "skip"; detail: string; fix: string };
const LOOK = { ok: "text-green-800 dark:text-green-300", warn: "text-amber-800 dark:text-amber-300", fail: "text-red-800 dark:text-red-300", skip: "text-zinc-600 dark:text-zinc-400" };

export function Doctor() {
  const t = useT();
  const run = useQuery({ queryKey: ["doctor"], queryFn: () => get<{ ok: boolean; checks: Check[] }>("/api/admin/doctor"), enabled: false, retry: false });
  return (
    <Card title={t("doctor.title")}>
      <p className="mb-3 text-sm">{t("doctor.intro")}</p>
      <Button variant="secondary" onClick={() => run.refetch()} disabled={run.isFetching}>
        {run.isFetching ? t("doctor.running") : t("doctor.run")}
      </Button>
      <ErrorText error={run.error} />
      {run.data && (
        <ul className="mt-3 flex flex-col gap-2 text-sm" aria-label={t("doctor.title")}>
          {run.data.checks.map((c) => (
            <li key={c.name}>
              <span className={`font-medium ${LOOK[c.status]}`}>{t(`doctor.${c.status}`)}</span> · {c.name}: {c.detail}
              {c.fix !== "" && c.status !== "ok" && <p className="text-zinc-600 dark:text-zinc-400">{c.fix}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
