// Adding a peer (its RustDesk ID and what people see: alias, tags, note) or changing one's alias, tags and note.
// Tags are typed comma-separated; a tag the book lacks is added to it.
import { useState, type FormEvent } from "react";
import type { Peer } from "../../lib/address-books.ts";
import { useT } from "../../lib/i18n.tsx";
import { TextArea } from "../controls.tsx";
import { Button, ErrorText, Field } from "../ui.tsx";

export function PeerForm({ peer, onSave, onCancel }: { peer?: Peer; onSave: (p: Peer) => Promise<unknown>; onCancel?: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const prefix = peer ? `edit-${peer.id}` : "new-peer";
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const tags = String(f.get("tags") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    setError(null);
    try {
      await onSave({ id: peer?.id ?? String(f.get("id")).trim(), alias: String(f.get("alias") ?? ""), note: String(f.get("note") ?? ""), tags });
      if (!peer) form.reset();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-4" aria-label={peer ? t("books.editPeerOf", { id: peer.id }) : t("books.addPeer")}>
      {!peer && <Field id={`${prefix}-id`} name="id" label={t("books.peerId")} required maxLength={100} />}
      <Field id={`${prefix}-alias`} name="alias" label={t("books.alias")} defaultValue={peer?.alias ?? ""} maxLength={200} />
      <Field id={`${prefix}-tags`} name="tags" label={t("books.peerTags")} hint={t("books.peerTagsHint")} defaultValue={(peer?.tags ?? []).join(", ")} />
      <TextArea name="note" label={t("books.note")} defaultValue={peer?.note ?? ""} maxLength={2000} />
      <div className="flex flex-wrap items-center gap-2 md:col-span-4">
        <Button type="submit">{peer ? t("books.save") : t("books.addPeer")}</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>{t("common.cancel")}</Button>}
      </div>
      <div className="md:col-span-4"><ErrorText error={error} /></div>
    </form>
  );
}
