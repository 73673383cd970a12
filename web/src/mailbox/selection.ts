/** Tracking by hand acts on at most 20 contacts (T1); more is refused before asking the server. */
export const TRACK_LIMIT = 20;

export function toggleSelection(selected: ReadonlyMap<string, string>, id: string, name: string): Map<string, string> {
  const next = new Map(selected);
  if (next.has(id)) next.delete(id);
  else next.set(id, name);
  return next;
}
