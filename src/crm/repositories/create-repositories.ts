/**
 * Builds the repositories both dialects share (everything but contacts and runs, whose
 * hot paths differ), over one store context.
 */
import { secretBoxFromEnvironment } from '../secret-key.js';
import type { SecretBox } from '../secret-box.js';
import { AccountsRepository } from './accounts-repository.js';
import { ApiTokensRepository } from './api-tokens-repository.js';
import { ActivitiesRepository } from './activities-repository.js';
import { ConflictsRepository } from './conflicts-repository.js';
import { LinksRepository } from './links-repository.js';
import { MailboxesRepository } from './mailboxes-repository.js';
import { SessionsRepository } from './sessions-repository.js';
import type { StoreContext } from './store-context.js';
import { UsersRepository } from './users-repository.js';

export interface OpenOptions {
  /** The key for mailbox secrets; by default from `LIAISON_SECRET` or the key file. */
  secretBox?: () => SecretBox;
  /** The time source, as ISO text (tests pin it). */
  clock?: () => string;
}

export function createRepositories(ctx: StoreContext, options: OpenOptions) {
  let box: SecretBox | undefined;
  const secretBox = options.secretBox ?? (() => (box ??= secretBoxFromEnvironment()));
  return {
    users: new UsersRepository(ctx),
    accounts: new AccountsRepository(ctx),
    activities: new ActivitiesRepository(ctx),
    mailboxes: new MailboxesRepository(ctx, secretBox),
    links: new LinksRepository(ctx),
    conflicts: new ConflictsRepository(ctx),
    sessions: new SessionsRepository(ctx),
    apiTokens: new ApiTokensRepository(ctx),
  };
}
