// A time shown relative to now ("3 minutes ago"), with the absolute time on hover and for screen readers.
import { useI18n } from "../lib/i18n.tsx";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

export function relative(date: Date, now: Date, lang: string): string {
  const secs = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(secs) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat(lang, { numeric: "auto" }).format(Math.round(secs / size), unit);
}

export function Time({ value }: { value: string | number | null | undefined }) {
  const { lang, t } = useI18n();
  if (value === null || value === undefined || value === "") return <span>{t("common.none")}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{String(value)}</span>;
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString(lang)}>
      {relative(date, new Date(), lang)}
    </time>
  );
}
