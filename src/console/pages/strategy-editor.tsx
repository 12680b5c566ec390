// The options editor, built from the server's key catalogue: searchable and grouped as the catalogue groups keys.
// Every edit is linted by the server at once and each finding shown next to its key; saving waits for a clean
// lint, sends only the keys that changed, and asks first when a change points devices at other servers.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button, Card, ErrorText } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { changeStrategy, gatedChanges, lint, strategyKeys, type Issue, type KeyDef, type Strategy } from "../lib/strategies.ts";
import { groupLabel, KeyFilter, type Filter } from "./strategy-filter.tsx";
import { KeyRow } from "./strategy-key.tsx";
import { GateDialog } from "./strategy-gate.tsx";

/** What a save sends: changed or new keys in options, keys no longer set in unset. */
function diff(stored: Record<string, string>, draft: Record<string, string>) {
  const options = Object.fromEntries(Object.entries(draft).filter(([k, v]) => v !== "" && stored[k] !== v));
  const unset = Object.keys(stored).filter((k) => (draft[k] ?? "") === "");
  return { options, unset };
}

export function StrategyEditor({ strategy }: { strategy: Strategy }) {
  const t = useT();
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: ["strategy-keys"], queryFn: strategyKeys, staleTime: Infinity });
  const [draft, setDraft] = useState<Record<string, string>>(strategy.options);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [linting, setLinting] = useState(false);
  const [lintError, setLintError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>({ q: "", group: "", onlySet: false });
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [gate, setGate] = useState<ReturnType<typeof gatedChanges>>([]);
  const run = useRef(0);

  const set = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== ""));
  const change = diff(strategy.options, draft);
  const dirty = Object.keys(change.options).length + change.unset.length > 0;
  const errors = issues.filter((i) => i.level === "error");

  useEffect(() => {
    const mine = ++run.current;
    setLinting(true);
    const timer = setTimeout(() => {
      lint(set)
        .then((found) => mine === run.current && (setIssues(found), setLintError(null)))
        .catch((e) => mine === run.current && setLintError(e))
        .finally(() => mine === run.current && setLinting(false));
    }, 250);
    return () => clearTimeout(timer);
    // Keyed by content: `set` is a new object every render, the lint should run only when a value changes.
  }, [JSON.stringify(set)]);

  const defs = keys.data?.settable ?? [];
  const extra: KeyDef[] = Object.keys(draft)
    .filter((k) => !defs.some((d) => d.key === k))
    .map((k) => ({ key: k, kind: "text", group: "other", description: t("strategy.unknownKey"), allowed: "", requires_flag: null }));
  const all = [...defs, ...extra];
  const groups = [...new Set(all.map((d) => d.group))];
  const q = filter.q.trim().toLowerCase();
  const shown = all.filter((d) => (!filter.group || d.group === filter.group) && (!filter.onlySet || (draft[d.key] ?? "") !== "") && (!q || d.key.includes(q) || d.description.toLowerCase().includes(q)));
  const orphan = issues.filter((i) => !all.some((d) => d.key === i.key));

  const save = async (flags: { allow_repoint?: boolean; allow_stop?: boolean } = {}) => {
    setSaveError(null);
    try {
      const r = await changeStrategy(strategy.name, { ...change, ...flags });
      setSaved(r.warnings);
      setDraft(r.strategy.options);
      setGate([]);
      await qc.invalidateQueries({ queryKey: ["strategy", strategy.name] });
    } catch (e) {
      setSaveError(e);
      throw e;
    }
  };
  const trySave = () => {
    const gated = gatedChanges(defs, change.options);
    if (gated.length) setGate(gated);
    else void save().catch(() => {});
  };

  return (
    <Card title={t("strategy.options")}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("strategy.optionsIntro", { n: Object.keys(set).length })}</p>
      <KeyFilter filter={filter} setFilter={setFilter} groups={groups} />
      <ErrorText error={keys.error ?? lintError} />
      {orphan.map((i) => (
        <p key={i.message} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {i.message}
        </p>
      ))}
      {groups.map((g) => {
        const rows = shown.filter((d) => d.group === g);
        if (!rows.length) return null;
        return (
          <section key={g} aria-labelledby={`group-${g}`} className="mt-4">
            <h3 id={`group-${g}`} className="text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
              {groupLabel(t, g)}
            </h3>
            <ul>
              {rows.map((d) => (
                <KeyRow key={d.key} def={d} value={draft[d.key] ?? ""} issues={issues.filter((i) => i.key === d.key)} onChange={(v) => (setSaved(null), setDraft((o) => ({ ...o, [d.key]: v })))} />
              ))}
            </ul>
          </section>
        );
      })}
      {keys.data && shown.length === 0 && <p className="py-4 text-sm">{t("strategy.noKeys")}</p>}
      <div className="sticky bottom-0 mt-4 flex flex-wrap items-center gap-3 border-t border-zinc-200 bg-white py-3 dark:border-zinc-700 dark:bg-zinc-800">
        <Button onClick={trySave} disabled={!dirty || linting || errors.length > 0}>
          {t("strategy.save")}
        </Button>
        <Button variant="secondary" disabled={!dirty} onClick={() => (setDraft(strategy.options), setSaved(null))}>
          {t("strategy.discard")}
        </Button>
        <p role="status" className="text-sm">
          {errors.length > 0 ? t("strategy.lintErrors", { n: errors.length }) : linting ? t("strategy.linting") : saved ? t("strategy.saved") : dirty ? t("strategy.changes", { n: Object.keys(change.options).length + change.unset.length }) : ""}
        </p>
        {saved?.map((w) => (
          <p key={w} className="w-full text-sm text-amber-800 dark:text-amber-300">
            {w}
          </p>
        ))}
        <ErrorText error={saveError} />
      </div>
      <GateDialog gated={gate} issues={issues} onCancel={() => setGate([])} onConfirm={() => save(Object.fromEntries(gate.map((g) => [g.flag, true])))} />
    </Card>
  );
}
