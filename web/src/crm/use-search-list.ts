/** A list read 50 at a time with "Load more", filtered by a search (accounts, contacts, runs). */
import { useCallback, useEffect, useState } from 'react';

const PAGE = 50;

export function useSearchList<T>(load: (params: { search?: string; offset: number; limit: number }, signal?: AbortSignal) => Promise<T[]>, search: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setItems(null);
    load({ search: search || undefined, offset: 0, limit: PAGE }, controller.signal)
      .then((page) => {
        setItems(page);
        setMore(page.length === PAGE);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [load, search, generation]);
  const loadMore = useCallback(() => {
    const offset = items?.length ?? 0;
    load({ search: search || undefined, offset, limit: PAGE })
      .then((page) => {
        setItems((shown) => [...(shown ?? []), ...page]);
        setMore(page.length === PAGE);
      })
      .catch(setError);
  }, [items, load, search]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, more, error, loadMore, reload };
}
