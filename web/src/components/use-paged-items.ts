/**
 * A long list loaded page by page as it is scrolled: `itemAt(i)` gives the item or
 * undefined while its page loads; `need(first, last)` asks for the pages that cover those
 * rows. A change of `source` (a new search, a new plan) starts again from the first page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export type PageLoader<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedItems<T> {
  total: number | null;
  itemAt(index: number): T | undefined;
  need(first: number, last: number): void;
  error: unknown;
  reload(): void;
}

export function usePagedItems<T>(load: PageLoader<T>, pageSize: number, source: string, firstPage?: Page<T>): PagedItems<T> {
  const pages = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  const controller = useRef(new AbortController());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  // The rows last asked for, fetched again when the list starts afresh (a reload keeps the scroll position).
  const lastRange = useRef<[number, number]>([0, 0]);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const signal = controller.current.signal;
      loadRef
        .current(page * pageSize, pageSize, signal)
        .then((result) => {
          if (signal.aborted) return;
          pages.current.set(page, result.items);
          setTotal(result.total);
          setError(null);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (!signal.aborted) setError(e);
        })
        .finally(() => pending.current.delete(page));
    },
    [pageSize],
  );

  const lastSource = useRef(source);
  useEffect(() => {
    // A new source (another search or folder) starts at the top; a reload of the same one keeps its rows.
    if (lastSource.current !== source) lastRange.current = [0, 0];
    lastSource.current = source;
    controller.current.abort();
    controller.current = new AbortController();
    pages.current = new Map();
    pending.current = new Set();
    setError(null);
    if (firstPage && firstPage.offset === 0 && firstPage.items.length >= Math.min(pageSize, firstPage.total)) {
      pages.current.set(0, firstPage.items.slice(0, pageSize));
      setTotal(firstPage.total);
      setVersion((v) => v + 1);
    } else {
      fetchPage(0);
    }
    const [first, last] = lastRange.current;
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) fetchPage(page);
    return () => controller.current.abort();
    // firstPage only seeds a new source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, generation, fetchPage, pageSize]);

  const itemAt = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);
  const need = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) fetchPage(page);
    },
    [fetchPage, pageSize],
  );
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { total, itemAt, need, error, reload };
}
