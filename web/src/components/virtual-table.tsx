/**
 * The rows of a long table, only those in view rendered: a real <table> (headers for
 * screen readers) in a scrolling box, with spacer rows above and below the visible ones.
 * Rows not loaded yet show "Loading…" and ask for their page.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PagedItems } from './use-paged-items';
import { useT } from '../i18n/use-t';

interface VirtualTableProps<T> {
  items: PagedItems<T>;
  columns: number;
  rowHeight: number;
  head: ReactNode;
  caption: string;
  renderRow(item: T, index: number): ReactNode;
  className?: string;
  /** When it changes (a new search), the table scrolls back to its first row. */
  scrollKey?: string;
}

export function VirtualTable<T>({ items, columns, rowHeight, head, caption, renderRow, className, scrollKey }: VirtualTableProps<T>) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const count = items.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  const { need } = items;
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [scrollKey]);
  useEffect(() => {
    if (count > 0) need(first, last);
  }, [first, last, count, need]);
  const top = rows[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
  return (
    <div className={`virtual-scroller ${className ?? ''}`} ref={scroller} tabIndex={0} role="region" aria-label={caption}>
      <table className="table" aria-rowcount={count + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>{head}</thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns} style={{ height: top }} />
            </tr>
          )}
          {rows.map((row) => {
            const item = items.itemAt(row.index);
            return item === undefined ? (
              <tr key={`loading-${row.index}`} style={{ height: rowHeight }} aria-rowindex={row.index + 2}>
                <td colSpan={columns} className="muted">
                  {t('common.loading')}
                </td>
              </tr>
            ) : (
              renderRow(item, row.index)
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
