// Strategies: each with whether it is on and the default, whom it is assigned to and how far it has rolled out;
// create, enable/disable, make default, delete (the confirmation names what it is assigned to).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { Button, Card, Empty, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { changeStrategy, createStrategy, deleteStrategy, listStrategies, setDefault, showStrategy, type Strategy } from "../lib/strategies.ts";

function CreateForm() {
  const t = useT();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "").trim();
    setError(null);
    try {
      const r = await createStrategy(name);
      navigate(`/strategies/${encodeURIComponent(r.strategy.name)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="grow">
        <Field id="strategy-name" name="name" label={t("strategies.name")} required maxLength={200} hint={t("strategies.nameHint")} />
      </div>
      {/* Level with the input (below its label, as tall as it), whatever the hint under it. */}
      <Button type="submit" className="sm:mt-6 sm:h-10.5 sm:self-start">
        {t("strategies.create")}
      </Button>
      <ErrorText error={error} />
    </form>
  );
}

function Row({ s, refresh }: { s: Strategy & { devices: number }; refresh: () => Promise<unknown> }) {
  const t = useT();
  const show = useQuery({ queryKey: ["strategy", s.name], queryFn: () => showStrategy(s.name), refetchInterval: 5_000 });
  const [error, setError] = useState<unknown>(null);
  const run = (fn: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
    await refresh();
  };
  const a = show.data?.assigned;
  const assigned = a ? t("strategies.assignedCounts", { devices: a.devices.length, users: a.users.length, groups: a.device_groups.length }) : "…";
  const d = show.data;
  // Below md the row is a stack of labelled lines: the page never scrolls sideways at 390 px.
  const cell = "block py-1 pr-3 md:table-cell md:py-2";
  const small = (label: string) => <span className="text-zinc-600 md:hidden dark:text-zinc-400">{label}: </span>;
  return (
    <tr className="block border-t border-zinc-200 py-2 align-top md:table-row md:py-0 md:align-middle dark:border-zinc-700">
      <td className={cell}>
        <Link href={`/strategies/${encodeURIComponent(s.name)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
          {s.name}
        </Link>
        {s.default && <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs text-blue-900 dark:bg-blue-900 dark:text-blue-100">{t("strategies.default")}</span>}
        <ErrorText error={error} />
      </td>
      <td className={cell}>
        {small(t("strategies.enabled"))}
        {s.enabled ? t("strategies.on") : t("strategies.off")}
      </td>
      <td className={cell}>
        {small(t("strategies.assigned"))}
        <span>{assigned}</span>
      </td>
      <td className={cell}>
        {small(t("strategies.rollout"))}
        <span>{d ? t("strategies.rolloutCounts", { applied: d.applied, pending: d.pending, offline: d.offline }) : "…"}</span>
      </td>
      <td className={cell}>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={run(() => changeStrategy(s.name, { enabled: !s.enabled }))}>
            {s.enabled ? t("strategies.disable") : t("strategies.enable")}
          </Button>
          <Button variant="secondary" onClick={run(() => setDefault(s.default ? null : s.name))}>
            {s.default ? t("strategies.clearDefault") : t("strategies.makeDefault")}
          </Button>
          <ConfirmButton label={t("strategies.delete")} title={t("strategies.deleteTitle", { name: s.name })} confirm={t("strategies.delete")} onConfirm={() => deleteStrategy(s.name).then(refresh)}>
            {t("strategies.deleteText", { name: s.name, assigned, devices: s.devices })}
          </ConfirmButton>
        </div>
      </td>
    </tr>
  );
}

export function StrategiesPage() {
  const t = useT();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ["strategies"], queryFn: listStrategies });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ["strategies"] }), qc.invalidateQueries({ queryKey: ["strategy"] })]);
  return (
    <div className="flex max-w-6xl flex-col gap-4">
      <PageTitle>{t("strategies.title")}</PageTitle>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("strategies.intro")}</p>
      <Card title={t("strategies.new")}>
        <CreateForm />
      </Card>
      <ErrorText error={list.error} />
      {list.data?.total === 0 && <Empty>{t("strategies.empty")}</Empty>}
      {!!list.data?.total && (
        <div className="overflow-x-auto">
          <table className="block w-full text-left text-sm md:table">
            <thead className="hidden md:table-header-group">
              <tr className="text-zinc-600 dark:text-zinc-400">
                <th className="py-2 pr-3 font-medium">{t("strategies.name")}</th>
                <th className="py-2 pr-3 font-medium">{t("strategies.enabled")}</th>
                <th className="py-2 pr-3 font-medium">{t("strategies.assigned")}</th>
                <th className="py-2 pr-3 font-medium">{t("strategies.rollout")}</th>
                <th className="py-2 font-medium">{t("strategies.actions")}</th>
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {list.data.data.map((s) => (
                <Row key={s.guid} s={s} refresh={refresh} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
