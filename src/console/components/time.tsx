// A time shown relative to now ("3 minutes ago"), with the absolute time on hover and for screen readers.
import { useI18n } from "../lib/i18n.tsx";
import { relative } from "../lib/relative-time.ts";

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
