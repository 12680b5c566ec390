// Notification targets beside the notify.* settings: the settings' own targets (read-only) and those saved here;
// add, switch on or off, delete, test one, or test every target at once. Results name each address.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmButton } from "../components/confirm.tsx";
import { Button, ErrorText, Field } from "../components/ui.tsx";
import { del, get, post, put } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { Outcome, Panel } from "./settings-tests.tsx";

type Target = { id: string; name: string; type: "webhook" | "email"; url: string | null; emails: string[]; kinds: string[]; secret: string; enabled: boolean; source: string };
type TestOne = { kind: string; ok: boolean; results: { to: string; ok: boolean; error?: string }[] };
type TestAll = { ok: boolean; results: { kind: string; type: string; target: string; ok: boolean; error?: string }[] };
const KINDS = ["alarm", "lockout", "device"] as const;
const KEY = ["notifications"];

function Results({ rows }: { rows: { label: string; ok: boolean; error?: string }[] }) {
  const t = useT();
  return (
    <ul className="flex flex-col gap-1">
      {rows.map((r, i) => (
        <li key={i} className="text-sm">
          <span className="font-mono text-xs break-all">{r.label}</span> <Outcome ok={r.ok} error={r.error} okText={t("tests.delivered")} />
        </li>
      ))}
    </ul>
  );
}

function TargetRow({ target: x }: { target: Target }) {
  const t = useT();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const test = useMutation({ mutationFn: () => post<TestOne>(`/api/admin/notifications/${encodeURIComponent(x.id)}/test`) });
  const toggle = useMutation({ mutationFn: () => put(`/api/admin/notifications/${encodeURIComponent(x.id)}`, { enabled: !x.enabled }), onSuccess: refresh });
  const mine = x.source === "console";
  return (
    <li className="flex flex-col gap-2 border-t border-zinc-200 pt-2 first:border-t-0 first:pt-0 dark:border-zinc-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {x.name} <span className="text-xs text-zinc-600 dark:text-zinc-400">({t(x.type === "webhook" ? "notify.webhook" : "notify.email")}, {x.kinds.join(", ")}{x.enabled ? "" : `, ${t("notify.off")}`})</span>
          </p>
          <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{x.url ?? x.emails.join(", ")}</p>
          {!mine && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("notify.fromSetting", { source: x.source })}</p>}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending} aria-label={t("notify.testOne", { name: x.name })}>
            {t("tests.run")}
          </Button>
          {mine && (
            <Button variant="secondary" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
              {t(x.enabled ? "notify.disable" : "notify.enable")}
            </Button>
          )}
          {mine && (
            <ConfirmButton label={t("notify.delete")} title={t("notify.deleteTitle")} confirm={t("notify.delete")} onConfirm={() => del(`/api/admin/notifications/${encodeURIComponent(x.id)}`).then(refresh)}>
              {x.name}
            </ConfirmButton>
          )}
        </div>
      </div>
      <ErrorText error={test.error ?? toggle.error} />
      {test.data && <Results rows={test.data.results.map((r) => ({ label: r.to, ok: r.ok, error: r.error }))} />}
    </li>
  );
}

function AddTarget() {
  const t = useT();
  const qc = useQueryClient();
  const [type, setType] = useState<"webhook" | "email">("webhook");
  const add = useMutation({ mutationFn: (body: unknown) => post<Target>("/api/admin/notifications", body), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    const target = type === "webhook" ? { url: String(f.get("url") ?? "").trim() } : { emails: String(f.get("emails") ?? "").split(/[\s,]+/).filter(Boolean) };
    const secret = String(f.get("secret") ?? "");
    add.mutate({ name: String(f.get("name") ?? "").trim(), type, ...target, ...(secret ? { secret } : {}), kinds: f.getAll("kinds").map(String) }, { onSuccess: () => form.reset() });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <h4 className="text-sm font-semibold">{t("notify.add")}</h4>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="target-name" name="name" label={t("notify.name")} required />
        <div className="flex flex-col gap-1">
          <label htmlFor="target-type" className="text-sm font-medium">
            {t("notify.type")}
          </label>
          <select id="target-type" value={type} onChange={(e) => setType(e.target.value as "webhook" | "email")} className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100">
            <option value="webhook">{t("notify.webhook")}</option>
            <option value="email">{t("notify.email")}</option>
          </select>
        </div>
        {type === "webhook" ? (
          <>
            <Field id="target-url" name="url" type="url" label={t("notify.url")} required />
            <Field id="target-secret" name="secret" type="password" autoComplete="off" label={t("notify.secret")} hint={t("notify.secretHint")} />
          </>
        ) : (
          <Field id="target-emails" name="emails" label={t("notify.emails")} hint={t("notify.emailsHint")} required />
        )}
      </div>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">{t("notify.kinds")}</legend>
        {KINDS.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="kinds" value={k} defaultChecked={k === "alarm"} className="size-4 focus-visible:outline-2 focus-visible:outline-blue-600" />
            {k}
          </label>
        ))}
      </fieldset>
      <ErrorText error={add.error} />
      <div>
        <Button type="submit" disabled={add.isPending}>
          {t("notify.save")}
        </Button>
      </div>
    </form>
  );
}

export function NotifyPanel() {
  const t = useT();
  const list = useQuery({ queryKey: KEY, queryFn: () => get<{ total: number; data: Target[] }>("/api/admin/notifications") });
  const all = useMutation({ mutationFn: () => post<TestAll>("/api/admin/notify/test", {}) });
  return (
    <Panel title={t("notify.title")}>
      <ErrorText error={list.error} />
      {list.data && list.data.data.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("notify.none")}</p>}
      <ul className="flex flex-col gap-2">
        {list.data?.data.map((x) => (
          <TargetRow key={x.id} target={x} />
        ))}
      </ul>
      <div className="flex flex-col gap-2">
        <div>
          <Button variant="secondary" onClick={() => all.mutate()} disabled={all.isPending}>
            {t("notify.testAll")}
          </Button>
        </div>
        <ErrorText error={all.error} />
        {all.data && <Results rows={all.data.results.map((r) => ({ label: `${r.kind} · ${r.target}`, ok: r.ok, error: r.error }))} />}
      </div>
      <AddTarget />
    </Panel>
  );
}
