import type { Command } from 'commander';
import { databaseLocation, openCrmStore, type CrmStore } from '../crm/index.js';

export interface GlobalOptions {
  db?: string;
  debug?: boolean;
}

/** The database location a command was given: `--db`, else `LIAISON_DB`, else `./liaison.db`. */
export function locationOf(command: Command): string {
  return databaseLocation((command.optsWithGlobals() as GlobalOptions).db);
}

/** Opens the CRM store for a command, runs `work`, and always closes the store. */
export async function withStore<T>(
  command: Command,
  work: (store: CrmStore) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const store = await openCrmStore(locationOf(command), options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
