/** Which page the route shows. */
import type { Route } from './components/use-route';
import { AccountDetail } from './crm/account-detail';
import { AccountsPage } from './crm/accounts-page';
import { ContactDetail } from './crm/contact-detail';
import { ContactsPage } from './crm/contacts-page';
import { RunPage } from './crm/run-page';
import { RunsPage } from './crm/runs-page';
import { TokensPage } from './crm/tokens-page';
import { MailboxView } from './mailbox/mailbox-view';
import { Wizard } from './wizard/wizard';

export const NAV_PAGES = ['wizard', 'mailbox', 'accounts', 'contacts', 'runs', 'settings'] as const;
type NavPage = (typeof NAV_PAGES)[number];

/** The navigation label of a page (the wizard's for an unknown one, which shows the wizard). */
export function navKey(page: string): `nav.${NavPage}` {
  return `nav.${(NAV_PAGES as readonly string[]).includes(page) ? (page as NavPage) : 'wizard'}`;
}

export function Pages({ route }: { route: Route }) {
  switch (route.page) {
    case 'mailbox':
      return <MailboxView />;
    case 'accounts':
      return route.id ? <AccountDetail id={route.id} /> : <AccountsPage />;
    case 'contacts':
      return route.id ? <ContactDetail id={route.id} /> : <ContactsPage />;
    case 'runs':
      return route.id ? <RunPage id={route.id} /> : <RunsPage />;
    case 'settings':
      return <TokensPage />;
    default:
      return <Wizard />;
  }
}
