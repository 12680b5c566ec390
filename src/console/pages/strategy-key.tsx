// One key of the catalogue as a control: a switch for Y/N keys, a select for enumerations, a checked input for
// numbers, lists and text. The description comes from the server (English); "" means the key is not set.
import { useT } from "../lib/i18n.tsx";
import type { Issue, KeyDef } from "../lib/strategies.ts";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";
const input = `w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 ${focus}`;
/** The value the client uses when the key is not set: enable-* keys are on unless N, allow-* keys off unless Y. */
const clientDefault = (def: KeyDef) => (def.kind === "enable" ? "Y" : "N");

function Control({ def, value, onChange, id, describedBy }: { def: KeyDef; value: string; onChange: (v: string) => void; id: string; describedBy: string }) {
  const t = useT();
  if (def.kind === "enable" || def.kind === "allow") {
    if (value === "")
      return (
        <button type="button" id={id} aria-describedby={describedBy} className={`w-full rounded-md border border-dashed border-zinc-400 px-2 py-1 text-left text-sm ${focus}`} onClick={() => onChange(clientDefault(def))}>
          {t("strategy.notSetClick", { value: clientDefault(def) === "Y" ? t("strategy.on") : t("strategy.off") })}
        </button>
      );
    const on = value === "Y";
    return (
      <span className="flex items-center gap-2">
        <button type="button" role="switch" aria-checked={on} id={id} aria-describedby={describedBy} onClick={() => onChange(on ? "N" : "Y")} className={`relative h-6 w-11 rounded-full ${on ? "bg-blue-700" : "bg-zinc-400 dark:bg-zinc-600"} ${focus}`}>
          <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white transition-all ${on ? "left-5" : "left-0.5"}`} />
        </button>
        <span className="text-sm">{on ? t("strategy.on") : t("strategy.off")}</span>
        <button type="button" className={`text-sm text-blue-700 underline dark:text-blue-300 ${focus}`} onClick={() => onChange("")} aria-label={t("strategy.unsetKey", { key: def.key })}>
          {t("strategy.unset")}
        </button>
      </span>
    );
  }
  if (def.kind === "enum")
    return (
      <select id={id} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value)} className={input}>
        <option value="">{t("strategy.notSet")}</option>
        {def.values?.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  if (def.kind === "number")
    return <input id={id} aria-describedby={describedBy} type="number" inputMode="numeric" min={def.min} max={def.max} step={1} value={value} placeholder={t("strategy.notSet")} onChange={(e) => onChange(e.target.value)} className={input} />;
  return <input id={id} aria-describedby={describedBy} type="text" maxLength={def.max_length ?? 4096} value={value} placeholder={t("strategy.notSet")} onChange={(e) => onChange(e.target.value)} className={`${input} font-mono`} spellCheck={false} />;
}

export function KeyRow({ def, value, issues, onChange }: { def: KeyDef; value: string; issues: Issue[]; onChange: (v: string) => void }) {
  const t = useT();
  const id = `key-${def.key}`;
  return (
    <li className="grid gap-2 border-t border-zinc-200 py-3 sm:grid-cols-[1fr_16rem] dark:border-zinc-700">
      <div className="min-w-0">
        <label htmlFor={id} className="font-mono text-sm font-semibold break-all">
          {def.key}
        </label>
        {value !== "" && <span className="ml-2 rounded bg-blue-100 px-1.5 text-xs text-blue-900 dark:bg-blue-900 dark:text-blue-100">{t("strategy.set")}</span>}
        <p id={`${id}-desc`} className="text-sm text-zinc-700 dark:text-zinc-300">
          {def.description}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {t("strategy.allowed")} {def.allowed}
          {def.requires_flag && <span className="ml-1 font-medium text-amber-800 dark:text-amber-300">· {t("strategy.repointsHint")}</span>}
        </p>
        {issues.map((i) => (
          <p key={i.message} role={i.level === "error" ? "alert" : undefined} data-issue={i.level} className={`mt-1 text-sm ${i.level === "error" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}>
            {i.level === "error" ? t("strategy.error") : t("strategy.warning")} {i.message}
          </p>
        ))}
      </div>
      <div>
        <Control def={def} value={value} onChange={onChange} id={id} describedBy={`${id}-desc`} />
      </div>
    </li>
  );
}
