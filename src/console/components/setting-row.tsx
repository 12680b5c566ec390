// One setting on the settings page: its key and description, where its value comes from, whether a change needs
// a restart, an input taking human values, reset to default, and the API's problems with it right beside it.
import type { MessageKey } from "../i18n/en.ts";
import { bytes } from "../lib/human.ts";
import { useI18n } from "../lib/i18n.tsx";
import { textOf, type Setting } from "../lib/settings.ts";
import { Button } from "./ui.tsx";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";
const input = `w-full rounded-md border border-zinc-300 aria-invalid:border-red-600 bg-white px-3 py-2 text-sm text-zinc-900 disabled:bg-zinc-100 disabled:text-zinc-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400 ${focus}`;
const UNIT: Record<string, MessageKey> = { seconds: "settings.unit.seconds", minutes: "settings.unit.minutes", hours: "settings.unit.hours", days: "settings.unit.days", milliseconds: "settings.unit.milliseconds" };
const SOURCE: Record<Setting["source"], MessageKey> = { default: "settings.source.default", file: "settings.source.file", console: "settings.source.console", env: "settings.source.env", flag: "settings.source.flag" };

function Badge({ children, tone = "plain" }: { children: string; tone?: "plain" | "blue" | "amber" }) {
  const look = { plain: "bg-zinc-100 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200", blue: "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200", amber: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200" }[tone];
  return <span className={`rounded px-1.5 py-0.5 text-xs ${look}`}>{children}</span>;
}

type Props = { setting: Setting; draft: string | null | undefined; problems?: string[]; onChange: (text: string | null | undefined) => void };

export function SettingRow({ setting: s, draft, problems, onChange }: Props) {
  const { t, lang } = useI18n();
  const id = `setting-${s.key}`;
  const text = draft === undefined ? textOf(s) : (draft ?? textOf(s, s.default));
  const hint =
    s.unit === "bytes"
      ? t("settings.hintBytes", { now: bytes(Number(s.value), lang) })
      : s.unit
        ? t("settings.hintDuration", { unit: UNIT[s.unit] ? t(UNIT[s.unit]!) : s.unit })
        : Array.isArray(s.default) && s.editable
          ? t("settings.hintList")
          : "";
  const shownDefault = Array.isArray(s.default) ? s.default.join(", ") || t("settings.empty") : s.default === "" ? t("settings.empty") : typeof s.default === "boolean" ? t(s.default ? "common.yes" : "common.no") : String(s.default);
  const described = [`${id}-about`, hint && `${id}-hint`, problems?.length && `${id}-problems`].filter(Boolean).join(" ");
  const common = { id, form: "settings-form", disabled: !s.editable, "aria-describedby": described, "aria-invalid": problems?.length ? true : undefined, className: input };
  return (
    <div data-setting={s.key} className="grid gap-2 border-t border-zinc-200 py-3 first:border-t-0 md:grid-cols-2 md:gap-6 dark:border-zinc-700">
      <div className="min-w-0">
        <label htmlFor={id} className="font-mono text-sm font-medium break-all">
          {s.key}
        </label>
        <div className="mt-1 flex flex-wrap gap-1">
          <Badge tone={s.source === "console" ? "blue" : "plain"}>{t(SOURCE[s.source])}</Badge>
          <Badge>{t(s.runtime ? "settings.runtime" : "settings.restart")}</Badge>
          {s.restart_pending && <Badge tone="amber">{t("settings.restartPending")}</Badge>}
          {!s.editable && <Badge tone="amber">{t("settings.readOnly")}</Badge>}
        </div>
        <p id={`${id}-about`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {s.description}
          {!s.editable && s.read_only_reason && <span className="block text-amber-800 dark:text-amber-300">{s.read_only_reason}</span>}
        </p>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        {typeof s.default === "boolean" ? (
          <select {...common} value={text} onChange={(e) => onChange(e.target.value === textOf(s) ? undefined : e.target.value)}>
            <option value="true">{t("common.yes")}</option>
            <option value="false">{t("common.no")}</option>
          </select>
        ) : Array.isArray(s.default) ? (
          <textarea {...common} rows={Math.min(s.editable ? 6 : 12, Math.max(2, text.split("\n").length))} value={text} onChange={(e) => onChange(e.target.value === textOf(s) ? undefined : e.target.value)} />
        ) : (
          <input
            {...common}
            type={s.secret ? "password" : "text"}
            autoComplete="off"
            placeholder={s.secret && s.value === "***" ? t("settings.secretKept") : undefined}
            value={text}
            onChange={(e) => onChange(e.target.value === textOf(s) ? undefined : e.target.value)}
          />
        )}
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
            {hint}
          </p>
        )}
        {problems && problems.length > 0 && (
          <ul id={`${id}-problems`} role="alert" className="text-sm text-red-800 dark:text-red-300">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          {!s.secret && <span>{t("settings.default", { value: shownDefault })}</span>}
          {draft === null && <Badge tone="blue">{t("settings.willReset")}</Badge>}
          {s.editable && s.source === "console" && draft !== null && (
            <Button variant="secondary" className="px-2! py-1! text-xs" onClick={() => onChange(null)}>
              {t("settings.reset")}
            </Button>
          )}
          {draft !== undefined && (
            <Button variant="secondary" className="px-2! py-1! text-xs" onClick={() => onChange(undefined)}>
              {t("settings.undo")}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
