// Checks beside their settings: send a test e-mail with [smtp], and fetch each SSO provider's discovery document.
// A failed check shows the other side's own words.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, ErrorText, Field } from "../components/ui.tsx";
import { get, post } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

export function Outcome({ ok, error, okText }: { ok: boolean; error?: string; okText: string }) {
  const t = useT();
  return ok ? (
    <p role="status" className="text-sm text-green-800 dark:text-green-300">
      {okText}
    </p>
  ) : (
    <p role="status" className="text-sm text-red-800 dark:text-red-300">
      {t("tests.failed", { error: error ?? "" })}
    </p>
  );
}

export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mt-3 flex flex-col gap-3 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-600">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </div>
  );
}

export function SmtpTest() {
  const t = useT();
  const [to, setTo] = useState("");
  const send = useMutation({ mutationFn: (address: string) => post<{ ok: boolean; to: string; error?: string }>("/api/admin/smtp/test", { to: address }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(to);
  };
  return (
    <Panel title={t("tests.smtp")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("tests.smtpIntro")}</p>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="smtp-test-to" type="email" label={t("tests.smtpTo")} value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <Button type="submit" variant="secondary" disabled={send.isPending}>
          {t("tests.smtpSend")}
        </Button>
      </form>
      <ErrorText error={send.error} />
      {send.data && <Outcome ok={send.data.ok} error={send.data.error} okText={t("tests.smtpSent", { to: send.data.to })} />}
    </Panel>
  );
}

type Provider = { name: string; kind: string; label: string; issuer: string; redirect_uri: string; discovery: string };
type SsoResult = { ok: boolean; error?: string; provider: string; authorization_endpoint?: string };

function ProviderRow({ p }: { p: Provider }) {
  const t = useT();
  const test = useMutation({ mutationFn: () => post<SsoResult>(`/api/admin/sso/${encodeURIComponent(p.name)}/test`) });
  return (
    <li className="flex flex-col gap-1 border-t border-zinc-200 pt-2 first:border-t-0 first:pt-0 dark:border-zinc-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {p.label} <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">({p.name}, {p.kind})</span>
        </span>
        <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending} aria-label={t("tests.ssoTestOne", { name: p.label })}>
          {t("tests.run")}
        </Button>
      </div>
      <p className="text-xs break-all text-zinc-600 dark:text-zinc-400">{t("tests.ssoRedirect", { uri: p.redirect_uri })}</p>
      <ErrorText error={test.error} />
      {test.data && <Outcome ok={test.data.ok} error={test.data.error} okText={t("tests.ssoOk", { url: test.data.authorization_endpoint ?? "" })} />}
    </li>
  );
}

export function SsoPanel() {
  const t = useT();
  const list = useQuery({ queryKey: ["sso"], queryFn: () => get<{ total: number; data: Provider[] }>("/api/admin/sso") });
  return (
    <Panel title={t("tests.sso")}>
      <ErrorText error={list.error} />
      {list.data && list.data.data.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("tests.ssoNone")}</p>}
      <ul className="flex flex-col gap-2">
        {list.data?.data.map((p) => (
          <ProviderRow key={p.name} p={p} />
        ))}
      </ul>
    </Panel>
  );
}
