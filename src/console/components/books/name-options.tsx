// Suggestions for a field that takes a user's or a user group's name (owner, rule subject); typing any name
// still works, and the API says when it does not exist.
import { useQuery } from "@tanstack/react-query";
import { get } from "../../lib/api.ts";

export function NameOptions({ id, of }: { id: string; of: "users" | "groups" }) {
  const names = useQuery({ queryKey: ["names", of], queryFn: () => get<{ data: { name: string }[] }>(`/api/admin/${of}`), staleTime: 60_000 });
  return (
    <datalist id={id}>
      {names.data?.data.map((n) => <option key={n.name} value={n.name} />)}
    </datalist>
  );
}
