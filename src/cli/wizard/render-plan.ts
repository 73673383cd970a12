/**
 * The wizard's plan as the CLI shows it: the JSON document of the README, and the text
 * the terminal reads (the preparation report, then the group table with coloured counts
 * and the colour's words, for terminals without colour and for screen readers).
 */
import { GROUP_COLOUR_WORDS, type GroupColour } from '../../domain/group-colour.js';
import type { WizardPlan } from '../../tracking/index.js';
import { renderTable } from '../render-table.js';

export function planToJson(plan: WizardPlan) {
  return {
    mailbox: plan.mailbox.name,
    folder: plan.folder,
    excludedSubfolders: plan.excludedSubfolders,
    groupBy: plan.groupBy,
    groups: plan.groups.map((g) => ({
      key: g.key,
      label: g.label,
      count: g.count,
      tracked: g.tracked,
      matched: g.matched,
      alreadyInCrm: g.alreadyInCrm,
      colour: g.colour,
      contacts: g.members.map((i) => {
        const c = plan.contacts[i]!;
        return { id: c.id, name: c.name, email: c.email, folder: c.folder };
      }),
    })),
    variants: plan.variants.map((v) => ({ canonical: v.canonical, reason: v.reason, names: v.names.map((n) => ({ name: n.name, count: n.count })) })),
    merges: plan.merges,
    report: plan.report,
  };
}

const ANSI: Record<GroupColour, string> = { green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', none: '' };
const RESET = '\u001b[0m';

/** Whether to colour text for this stream: a terminal, and NO_COLOR not set. */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

export function colourCount(alreadyInCrm: number, colour: GroupColour, coloured: boolean): string {
  const text = `${alreadyInCrm} (${GROUP_COLOUR_WORDS[colour]})`;
  return coloured && ANSI[colour] ? `${ANSI[colour]}${text}${RESET}` : text;
}

export function renderGroupTable(plan: WizardPlan, coloured: boolean, unchecked: ReadonlySet<string> = new Set()): string {
  return renderTable(
    plan.groups,
    [
      { header: 'ADD', value: (g) => (unchecked.has(g.key) ? '[ ]' : '[x]') },
      { header: 'KEY', value: (g) => g.key },
      { header: 'GROUP', value: (g) => g.label },
      { header: 'CONTACTS', value: (g) => String(g.count) },
      { header: 'ALREADY IN CRM', value: (g) => colourCount(g.alreadyInCrm, g.colour, coloured) },
    ],
    48,
  );
}

export function renderReport(plan: WizardPlan): string {
  const r = plan.report;
  const lines = [
    `Folder ${plan.folder}${plan.excludedSubfolders.length ? ` without ${plan.excludedSubfolders.join(', ')}` : ''}: ${plan.contacts.length} contacts in ${plan.groups.length} groups by ${plan.groupBy}.`,
    `Preparation: ${r.missingName.length} without a name, ${r.missingEmail.length} without an e-mail, ${r.missingCompany.length} without a company; ${r.unreadable.length} records could not be read.`,
  ];
  for (const u of r.unreadable.slice(0, 10)) lines.push(`  unreadable: ${u.file}, line ${u.line}: ${u.reason}`);
  if (r.unreadable.length > 10) lines.push(`  … and ${r.unreadable.length - 10} more (--json lists all)`);
  for (const v of plan.variants.slice(0, 20)) {
    lines.push(`  variants: ${v.names.map((n) => `"${n.name}" (${n.count})`).join(', ')} → merge into "${v.canonical}" with ${v.names.filter((n) => n.name !== v.canonical).map((n) => `--merge "${n.name}=${v.canonical}"`).join(' ')}`);
  }
  if (plan.variants.length > 20) lines.push(`  … and ${plan.variants.length - 20} more variant proposals (--json lists all)`);
  for (const n of r.nearAccounts.slice(0, 20)) lines.push(`  "${n.company}" almost matches the account ${n.accounts.map((a) => `"${a.name}" (#${a.id})`).join(', ')}`);
  if (r.nearAccounts.length > 20) lines.push(`  … and ${r.nearAccounts.length - 20} more near matches (--json lists all)`);
  return lines.join('\n');
}
