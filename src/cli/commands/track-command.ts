import { Command, InvalidArgumentError } from 'commander';
import type { ParentRef } from '../../crm/index.js';
import { trackContacts, TRACK_LIMIT, untrackContacts } from '../../tracking/index.js';
import { printJson, printResult } from '../output.js';
import { withStore } from '../with-store.js';
import { renderSummary, summaryToJson } from '../wizard/render-summary.js';

function parseParent(value: string): ParentRef {
  const ref = /^(account|contact):(\d+)$/.exec(value.trim());
  if (!ref) throw new InvalidArgumentError('write it as account:<id> or contact:<id>.');
  return { kind: ref[1] as ParentRef['kind'], id: Number(ref[2]) };
}

export function trackCommand(): Command {
  return new Command('track')
    .description(`Track up to ${TRACK_LIMIT} mailbox contacts: each is linked to the CRM contact with its e-mail, or added (PRODUCT.md T1). With --parent, all get that parent, tracked ones too (T2).`)
    .argument('<mailbox>', 'the name of one of your mailboxes')
    .argument('<item id...>', 'item ids, as "liaison mailbox contacts" shows them')
    .option('--parent <account:id|contact:id>', 'the parent every one of them gets', parseParent)
    .option('--user <email>', 'the user acting (default: the only user)')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `\nExamples:\n  liaison track "Address book" 5f0c1e2a-… 9b7d…\n  liaison track "Address book" 5f0c1e2a-… --parent account:12`)
    .action(async (mailbox: string, itemIds: string[], options: { parent?: ParentRef; user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const summary = await trackContacts(store, { mailbox, userEmail: options.user, itemIds, parent: options.parent });
        if (options.json) return printJson(summaryToJson(summary));
        printResult(renderSummary(summary, { skipped: true }));
      });
    });
}

export function untrackCommand(): Command {
  return new Command('untrack')
    .description(`Stop tracking up to ${TRACK_LIMIT} mailbox contacts (PRODUCT.md T3); their CRM copies stay unless --delete.`)
    .argument('<mailbox>', 'the name of one of your mailboxes')
    .argument('<item id...>', 'item ids, as "liaison mailbox contacts" shows them')
    .option('--delete', 'delete the CRM copies too (only those you own, or any as an admin)')
    .option('--user <email>', 'the user acting (default: the only user)')
    .option('--json', 'print {results} as JSON')
    .action(async (mailbox: string, itemIds: string[], options: { delete?: boolean; user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const results = await untrackContacts(store, { mailbox, userEmail: options.user, itemIds, deleteCopy: options.delete });
        if (options.json) return printJson({ results });
        const words = { untracked: 'untracked; its CRM copy stays', 'untracked-and-deleted': 'untracked, and its CRM copy deleted', 'not-tracked': 'was not tracked' };
        printResult(results.map((r) => `${r.id}: ${words[r.outcome]}${r.contactId !== null ? ` (CRM contact #${r.contactId})` : ''}${r.kept ? `; kept: ${r.kept}` : ''}`).join('\n'));
      });
    });
}
