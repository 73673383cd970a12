/** The browser tab's title: the page's name, then the app's. */
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Liaison`;
  }, [title]);
}
