/** The page shown, from the URL's hash (#/wizard, #/accounts/3 …), so that links, Back and reloads work without server routes. */
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  id: number | null;
}

export function parseRoute(hash: string): Route {
  const [page = '', id] = hash.replace(/^#\/?/, '').split('/');
  const n = Number(id);
  return { page: page || 'wizard', id: id !== undefined && Number.isInteger(n) && n > 0 ? n : null };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
