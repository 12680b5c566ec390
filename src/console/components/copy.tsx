// Copy a secret or a config string with one click; says so when done (for screen readers too).
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { useT } from "../lib/i18n.tsx";

export function CopyText({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <div className="flex items-start gap-2">
      <code aria-label={label} className="min-w-0 flex-1 rounded-md bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-900">
        {text}
      </code>
      <button type="button" onClick={copy} className="rounded-md border border-zinc-300 p-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600">
        {done ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
        <span className="sr-only">{done ? t("copy.done") : t("copy.copy", { what: label })}</span>
      </button>
      <span role="status" className="sr-only">
        {done ? t("copy.done") : ""}
      </span>
    </div>
  );
}
