// One strategy: its options in the catalogue editor, whom it is assigned to (devices, users, device groups) and
// where it has landed (applied, pending, offline, device by device).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { Button, ErrorText, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { changeStrategy, setDefault, showStrategy } from "../lib/strategies.ts";
import { Assignments } from "./strategy-assign.tsx";
import { StrategyEditor } from "./strategy-editor.tsx";
import { Rollout } from "./strategy-rollout.tsx";
import type { PageProps } from "./types.ts";

/** The router decodes with decodeURI, which leaves %2F, %3F, %23 … as they are; a name may hold any of them. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function StrategyPage({ params }: PageProps) {
  const t = useT();
  const name = decoded(params.name ?? "");
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["strategy", name], queryFn: () => showStrategy(name) });
  const [error, setError] = useState<unknown>(null);
  const run = (fn: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
    await Promise.all([qc.invalidateQueries({ queryKey: ["strategy"] }), qc.invalidateQueries({ queryKey: ["strategies"] })]);
  };
  const s = q.data;
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <p className="text-sm">
        <Link href="/strategies" className="text-blue-700 underline dark:text-blue-300">
          {t("strategies.title")}
        </Link>
      </p>
      <PageTitle>{t("strategy.title", { name })}</PageTitle>
      <ErrorText error={q.error ?? error} />
      {s && (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="mr-2">
              {s.enabled ? t("strategies.on") : t("strategies.off")}
              {s.default && ` · ${t("strategies.default")}`}
            </span>
            <Button variant="secondary" onClick={run(() => changeStrategy(name, { enabled: !s.enabled }))}>
              {s.enabled ? t("strategies.disable") : t("strategies.enable")}
            </Button>
            <Button variant="secondary" onClick={run(() => setDefault(s.default ? null : name))}>
              {s.default ? t("strategies.clearDefault") : t("strategies.makeDefault")}
            </Button>
          </div>
          <Assignments name={name} assigned={s.assigned} />
          <Rollout name={name} />
          <StrategyEditor strategy={s} />
        </>
      )}
    </div>
  );
}
