// The server's settings, grouped by the key's first part: value, default, source, runtime or restart, pinned ones
// read-only with the reason. Only the changed keys are sent (PUT, partial); every problem the API names is shown
// beside its key; keys in force only after a restart are listed once saved. Tests of SMTP, notifications and SSO
// sit with their group.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { SettingRow } from "../components/setting-row.tsx";
import { Button, Card, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { ApiError, get, put } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { groupOf, problemsByKey, wireValue, type SaveReply, type SettingsReply } from "../lib/settings.ts";
import { NotifyPanel } from "./settings-notify.tsx";
import { SmtpTest, SsoPanel } from "./settings-tests.tsx";

/** The rows' inputs belong to the save bar's form (form="…"), so the test panels between them can have their own. */
export const SETTINGS_FORM = "settings-form";
const PANELS: Record<string, () => React.ReactNode> = { smtp: () => <SmtpTest />, notify: () => <NotifyPanel />, sso: () => <SsoPanel /> };

export function SettingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [location, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const q = search.get("q") ?? "";
  const list = useQuery({ queryKey: ["settings"], queryFn: () => get<SettingsReply>("/api/admin/settings") });
  const [draft, setDraft] = useState<Record<string, string | null>>({});
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<SaveReply | null>(null);
  const [busy, setBusy] = useState(false);
  const all = list.data?.data ?? [];
  const names = useMemo(() => [...new Set(all.map((s) => groupOf(s.key)))], [all]);
  const group = search.get("group") ?? names[0] ?? "";
  // One group at a time (its own URL); a search looks through all of them.
  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const hits = all.filter((s) => (needle ? s.key.includes(needle) || s.description.toLowerCase().includes(needle) : groupOf(s.key) === group));
    return [...Map.groupBy(hits, (s) => groupOf(s.key))];
  }, [all, q, group]);
  const changes = Object.keys(draft);

  const edit = (key: string, text: string | null | undefined) =>
    setDraft((d) => {
      const { [key]: _, ...rest } = d;
      return text === undefined ? rest : { ...rest, [key]: text };
    });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const byKey = new Map(all.map((s) => [s.key, s]));
    const body = Object.fromEntries(changes.map((k) => [k, draft[k] === null ? null : wireValue(byKey.get(k)!, draft[k]!)]));
    setBusy(true);
    setSaved(null);
    try {
      const reply = await put<SaveReply>("/api/admin/settings", body);
      setProblems({});
      setDraft({});
      setSaved(reply);
      await qc.invalidateQueries({ queryKey: ["settings"] });
    } catch (err) {
      setProblems(err instanceof ApiError && err.status < 500 ? problemsByKey(err.message, all.map((s) => s.key)) : { "": [String(err instanceof Error ? err.message : err)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <PageTitle>{t("settings.title")}</PageTitle>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("settings.intro")}</p>
      <div className="max-w-sm">
        <Field id="settings-q" type="search" label={t("settings.search")} value={q} onChange={(e) => navigate(e.target.value ? `${location}?q=${encodeURIComponent(e.target.value)}` : location, { replace: true })} />
      </div>
      <nav aria-label={t("settings.groups")}>
        <ul className="flex flex-wrap gap-2">
          {names.map((name) => {
            const edited = Object.keys(draft).some((k) => groupOf(k) === name);
            const wrong = Object.keys(problems).some((k) => k && groupOf(k) === name);
            const here = !q && name === group;
            return (
              <li key={name}>
                <Link
                  href={`/settings?group=${name}`}
                  aria-current={here ? "page" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${wrong ? "border-red-400 text-red-800 dark:text-red-300" : "border-zinc-300 dark:border-zinc-600"} ${here ? "bg-blue-50 font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200" : "bg-white dark:bg-zinc-800"}`}
                >
                  {name}
                  {(edited || wrong) && <span aria-label={t(wrong ? "settings.hasProblems" : "settings.hasChanges")}> •</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <ErrorText error={list.error} />
      {problems[""] && <ErrorText error={problems[""].join("; ")} />}
      {Object.keys(problems).some((k) => k) && !problems[""] && <ErrorText error={t("settings.problems", { keys: Object.keys(problems).join(", ") })} />}
      {saved && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          <p>{saved.changed.length ? t("settings.saved", { keys: saved.changed.join(", ") }) : t("settings.unchanged")}</p>
          {saved.restart_required.length > 0 && <p className="font-medium">{t("settings.restartRequired", { keys: saved.restart_required.join(", ") })}</p>}
        </div>
      )}
      {list.data && groups.length === 0 && <p className="text-sm">{t("settings.noMatch")}</p>}
      {groups.map(([group, rows]) => (
        <Card key={group} title={<span id={`group-${group}`}>{group}</span>}>
          {rows.map((s) => (
            <SettingRow key={s.key} setting={s} draft={draft[s.key]} problems={problems[s.key]} onChange={(text) => edit(s.key, text)} />
          ))}
          {PANELS[group]?.()}
        </Card>
      ))}
      {/* The rows' inputs name this form, so it exists always; it shows only while there is something to save. */}
      <form id={SETTINGS_FORM} onSubmit={save} hidden={changes.length === 0} className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-zinc-200 bg-zinc-50/95 py-3 dark:border-zinc-700 dark:bg-zinc-900/95">
        <Button type="submit" disabled={busy || changes.length === 0}>
          {t("settings.save", { n: changes.length })}
        </Button>
        {changes.length > 0 && (
          <Button variant="secondary" onClick={() => (setDraft({}), setProblems({}))}>
            {t("settings.discard")}
          </Button>
        )}
      </form>
    </div>
  );
}
