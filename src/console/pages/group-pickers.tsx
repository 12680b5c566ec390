// Small pieces of the group editors: a multi-select over existing names (checkboxes: keyboard- and
// touch-friendly), and the create form both tabs use.
import { useState, type FormEvent } from "react";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";

export function NamePicker({ id, legend, names, chosen, onChange, empty }: { id: string; legend: string; names: string[]; chosen: string[]; onChange: (next: string[]) => void; empty: string }) {
  const set = new Set(chosen);
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {names.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>}
      <div className="flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto text-sm">
        {names.map((n) => (
          <label key={n} className="flex items-center gap-1">
            <input type="checkbox" name={id} value={n} checked={set.has(n)} onChange={(e) => onChange(e.target.checked ? [...chosen, n] : chosen.filter((c) => c !== n))} />
            {n}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CreateGroup({ id, title, create }: { id: string; title: string; create: (body: { name: string; note?: string }) => Promise<unknown> }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const note = String(f.get("note") ?? "").trim();
    setError(null);
    try {
      await create({ name: String(f.get("name") ?? "").trim(), ...(note ? { note } : {}) });
      form.reset();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={title}>
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id={`${id}-name`} name="name" label={t("groups.name")} required maxLength={200} />
        <Field id={`${id}-note`} name="note" label={t("device.note")} maxLength={2000} />
        <div>
          <Button type="submit">{t("groups.create")}</Button>
        </div>
      </form>
      <ErrorText error={error} />
    </Card>
  );
}
