// API tokens and enrolment keys: create (with presets), the secret shown once with a copy button, revoke, the
// devices a key enrolled; and Connect a device (config string, QR, install lines).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmButton } from "../components/confirm.tsx";
import { CopyText } from "../components/copy.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, Empty, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { AREAS, createToken, listTokens, PRESETS, revokeToken, tokenEnrolments, type Token } from "../lib/tokens.ts";
import { ConnectDevice } from "./connect.tsx";

const input = "rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900";

function CreateForm({ onCreated }: { onCreated: (t: Token & { token: string }) => void }) {
  const t = useT();
  const [kind, setKind] = useState<"api" | "enrol">("enrol");
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const body: Record<string, unknown> = { name: text("name"), kind };
    if (text("expires")) body.expires = text("expires");
    if (text("note")) body.note = text("note");
    if (kind === "api") body.scopes = Object.fromEntries(AREAS.flatMap((a) => (f.get(`scope-${a}`) ? [[a, f.get(`scope-${a}`)]] : [])));
    else {
      const presets = Object.fromEntries(PRESETS.flatMap((p) => (text(`preset-${p}`) ? [[p, text(`preset-${p}`)]] : [])));
      if (Object.keys(presets).length) body.presets = presets;
      if (text("max_uses")) body.max_uses = Number(text("max_uses"));
    }
    setError(null);
    try {
      onCreated(await createToken(body));
      e.currentTarget?.reset();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">{t("tokens.kind")}</legend>
        {(["enrol", "api"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(k === "api" ? "tokens.kindApi" : "tokens.kindEnrol")}
          </label>
        ))}
      </fieldset>
      <Field id="token-name" name="name" label={t("tokens.name")} required maxLength={64} pattern="[A-Za-z0-9._@\-]+" hint={t("tokens.nameHint")} />
      {kind === "api" ? (
        <fieldset className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <legend className="mb-1 font-medium">{t("tokens.scopes")}</legend>
          {AREAS.map((a) => (
            <label key={a} className="flex flex-col">
              {a}
              <select name={`scope-${a}`} defaultValue="" className={input}>
                <option value="">{t("tokens.none")}</option>
                <option value="r">{t("tokens.read")}</option>
                <option value="rw">{t("tokens.readWrite")}</option>
              </select>
            </label>
          ))}
        </fieldset>
      ) : (
        <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium">{t("tokens.presets")}</legend>
          {PRESETS.map((p) => (
            <Field key={p} id={`preset-${p}`} name={`preset-${p}`} label={t(`tokens.preset.${p}`)} maxLength={200} />
          ))}
          <Field id="max_uses" name="max_uses" type="number" min={1} label={t("tokens.maxUses")} />
        </fieldset>
      )}
      <Field id="expires" name="expires" label={t("tokens.expires")} hint={t("tokens.expiresHint")} maxLength={20} />
      <ErrorText error={error} />
      <div>
        <Button type="submit">{t("tokens.create")}</Button>
      </div>
    </form>
  );
}

function Enrolled({ name }: { name: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ["enrolments", name], queryFn: () => tokenEnrolments(name) });
  if (q.error) return <ErrorText error={q.error} />;
  if (!q.data) return null;
  if (q.data.total === 0) return <p className="text-sm">{t("tokens.noEnrolments")}</p>;
  return (
    <ul className="text-sm">
      {q.data.data.map((e) => (
        <li key={`${e.device}-${e.at}`}>
          <span className="font-mono">{e.device}</span> · {e.kind} · <Time value={e.at} />
        </li>
      ))}
    </ul>
  );
}

export function EnrolmentPage() {
  const t = useT();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: listTokens });
  const [created, setCreated] = useState<(Token & { token: string }) | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["tokens"] });
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <PageTitle>{t("tokens.title")}</PageTitle>
      <ConnectDevice key={created?.token ?? ""} secret={created?.kind === "enrol" ? created.token : ""} />
      <Card title={t("tokens.new")}>
        <CreateForm
          onCreated={(tok) => {
            setCreated(tok);
            void refresh();
          }}
        />
        {created && (
          <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
            <p className="mb-2 text-sm font-medium">{t("tokens.shownOnce", { name: created.name })}</p>
            <CopyText text={created.token} label={t("tokens.secret")} />
          </div>
        )}
      </Card>
      <Card title={t("tokens.list")}>
        <ErrorText error={tokens.error} />
        {tokens.data?.total === 0 && <Empty>{t("tokens.empty")}</Empty>}
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-700">
          {tokens.data?.data.map((tok) => (
            <li key={tok.guid} className="flex flex-col gap-2 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <p className="font-medium">
                    {tok.name} <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({t(tok.kind === "api" ? "tokens.kindApi" : "tokens.kindEnrol")}, {t(`tokens.state.${tok.state}`)})</span>
                  </p>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {tok.prefix}… · {tok.kind === "api" ? Object.entries(tok.scopes).map(([a, r]) => `${a}:${r}`).join(" ") : Object.entries(tok.presets).map(([k, v]) => `${k}=${v}`).join(" ") || t("tokens.noPresets")} ·{" "}
                    {t("tokens.used", { n: tok.uses })} · <Time value={tok.created_at} />
                  </p>
                </div>
                <div className="flex gap-2">
                  {tok.kind === "enrol" && (
                    <Button variant="secondary" aria-expanded={open === tok.name} onClick={() => setOpen(open === tok.name ? null : tok.name)}>
                      {t("tokens.enrolled")}
                    </Button>
                  )}
                  {tok.state === "active" && (
                    <ConfirmButton label={t("tokens.revoke")} title={t("tokens.revokeTitle", { name: tok.name })} confirm={t("tokens.revoke")} onConfirm={() => revokeToken(tok.name).then(refresh)}>
                      {t("tokens.revokeText")}
                    </ConfirmButton>
                  )}
                </div>
              </div>
              {open === tok.name && <Enrolled name={tok.name} />}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
