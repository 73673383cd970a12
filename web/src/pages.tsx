/** Which page the route shows. */
import type { Route } from './components/use-route';
import { Wizard } from './wizard/wizard';

export const NAV_PAGES = ['wizard'] as const;

export function Pages({ route }: { route: Route }) {
  switch (route.page) {
    default:
      return <Wizard />;
  }
}
