/**
 * The wizard's Add (PRODUCT.md W6–W11): adds the contacts of the checked groups, in
 * batches, each batch written with the run items that record it in one transaction, so
 * a run killed anywhere resumes where it stopped and nothing is written twice.
 *
 * For each contact of a checked group, once, in the plan's order:
 * - tracked from this mailbox already → `skipped`;
 * - an active CRM contact has one of its e-mails → `linked` to it (the oldest when
 *   several, with a warning), unless that CRM contact is already tracked from this
 *   mailbox as another item → `skipped`, saying which;
 * - else `added`, with as parent its company's account (W6, one account per distinct
 *   name per run, created when none exists), or what its group's W8 setting says.
 * A contact that cannot be written is `failed` with the reason, and the run goes on.
 */
import { DuplicateTrackingLink, type CrmStore, type NewTrackingLink, type ParentRef, type RunBatch } from '../crm/index.js';
import { accountNameKey } from '../domain/account-name.js';
import { displayName } from '../domain/contact.js';
import { emailKey } from '../domain/email-address.js';
import { mergedCompany } from '../domain/group-contacts.js';
import type { PlannedContact, WizardPlan } from './plan-wizard.js';
import { countsOf, readRunSummary, type RunSummary } from './run-summary.js';
import { checkChoices } from './check-choices.js';
import { settingsFor, type WizardChoices } from './wizard-choices.js';

export const WIZARD_RUN_KIND = 'wizard';
const BATCH_SIZE = 1_000;

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunOptions {
  /** Continue this run (an interrupted one) instead of starting a new one. */
  resumeRunId?: number;
  onProgress?: (progress: RunProgress) => void;
  batchSize?: number;
}

/** What a run stores as its options: the choices, and the source they apply to. */
export interface StoredWizardOptions {
  choices: WizardChoices;
}

interface Selected {
  contact: PlannedContact;
  groupKeys: string[];
}

export async function runWizard(store: CrmStore, plan: WizardPlan, choices: WizardChoices, options: RunOptions = {}): Promise<RunSummary> {
  await checkChoices(store, plan, choices);
  const selected = selectContacts(plan, choices);
  const run =
    options.resumeRunId !== undefined
      ? await store.runs.getOrThrow(options.resumeRunId)
      : await store.runs.start({ kind: WIZARD_RUN_KIND, userId: plan.userId, mailboxId: plan.mailbox.id, options: { choices } satisfies StoredWizardOptions });
  const done = new Set((await store.runs.items(run.id)).map((item) => item.itemKey));
  const writer = new BatchWriter(store, plan, choices, run.id);
  await writer.prepare();

  const total = selected.length + plan.report.unreadable.length;
  let progressed = 0;
  const report = () => options.onProgress?.({ done: progressed, total });
  report();
  for (const unreadable of plan.report.unreadable) {
    const key = `unreadable:${unreadable.file}:${unreadable.line}`;
    if (!done.has(key)) writer.fail(key, unreadable.folder, `${unreadable.file}, line ${unreadable.line}`, `it could not be read: ${unreadable.reason}`);
  }
  const size = options.batchSize ?? BATCH_SIZE;
  for (const item of selected) {
    progressed++;
    if (done.has(item.contact.id)) continue;
    await writer.decide(item);
    if (writer.pending >= size) {
      await writer.flush();
      report();
    }
  }
  await writer.flush();
  progressed = total;
  report();
  const summary: RunSummary = { ...(await readRunSummary(store, run.id)), status: 'finished' };
  await store.runs.finish(run.id, 'finished', countsOf(summary));
  return summary;
}

/** The contacts of the checked groups, each once, in the order of the group table, with the checked groups it is in. */
export function selectContacts(plan: WizardPlan, choices: WizardChoices): Selected[] {
  const unchecked = new Set(choices.unchecked ?? []);
  const byIndex = new Map<number, string[]>();
  for (const group of plan.groups) {
    if (unchecked.has(group.key)) continue;
    for (const index of group.members) {
      const keys = byIndex.get(index);
      if (keys) keys.push(group.key);
      else byIndex.set(index, [group.key]);
    }
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((index) => ({ contact: plan.contacts[index]!, groupKeys: byIndex.get(index)! }));
}

/** Decides what to do with each contact and writes the decisions a batch at a time. */
class BatchWriter {
  #batch: RunBatch = emptyBatch();
  /** CRM contacts tracked from this mailbox (their ids), to link each at most once. */
  #trackedContacts = new Set<number>();
  #trackedItems = new Map<string, number | null>();
  /** E-mail keys of the contacts this run added or linked → the CRM contact: a later contact of the same run with that e-mail is that person again. */
  #emails = new Map<string, number>();
  #pendingEmails = new Map<string, string>();
  #accounts = new Map<string, number>();
  readonly #mergeMap: Map<string, string>;

  constructor(
    readonly store: CrmStore,
    readonly plan: WizardPlan,
    readonly choices: WizardChoices,
    readonly runId: number,
  ) {
    this.#mergeMap = new Map(plan.merges.map((m) => [accountNameKey(m.from), m.to]));
  }

  get pending(): number {
    const b = this.#batch;
    return b.added.length + b.linked.length + b.recorded.length;
  }

  async prepare(): Promise<void> {
    this.#trackedItems = await this.store.links.trackedItems(this.plan.mailbox.id);
    for (const contactId of this.#trackedItems.values()) if (contactId !== null) this.#trackedContacts.add(contactId);
  }

  fail(itemKey: string, folder: string, name: string, reason: string): void {
    this.#batch.recorded.push({ itemKey, subjectKind: 'contact', outcome: 'failed', folder, reason, detail: { name } });
  }

  async decide({ contact, groupKeys }: Selected): Promise<void> {
    const { id, folder, name } = contact;
    const skip = (reason: string) => this.#batch.recorded.push({ itemKey: id, subjectKind: 'contact', outcome: 'skipped', folder, reason, detail: { name } });
    if (this.#trackedItems.has(id)) {
      const crmId = this.#trackedItems.get(id);
      return void skip(crmId === null ? 'it is tracked, but its CRM copy was deleted; untrack it to add it again' : `already tracked from this mailbox (CRM contact #${crmId})`);
    }
    const { account, communications } = settingsFor(this.choices, groupKeys);
    const link: NewTrackingLink = {
      mailboxId: this.plan.mailbox.id,
      sourceItemId: id,
      trackCommunications: communications,
      communicationsSince: communications ? (this.choices.communicationsSince ?? null) : null,
      snapshot: contact.fields,
      sourceVersion: contact.version,
    };
    const keys = contact.emails.map(emailKey);
    const sameRun = keys.map((k) => this.#emails.get(k) ?? this.#pendingEmails.get(k)).find((v) => v !== undefined);
    if (sameRun !== undefined) return void skip(`it has the e-mail of ${typeof sameRun === 'number' ? `CRM contact #${sameRun}` : `item ${sameRun}`}, which this run already added or linked`);
    const matches = contact.inCrm === 'matched' ? contact.crmContactIds : await this.#freshMatches(keys);
    if (matches.length > 0) {
      const free = matches.find((m) => !this.#trackedContacts.has(m));
      if (free === undefined) return void skip(`its e-mail belongs to CRM contact #${matches[0]}, already tracked from this mailbox as another item`);
      this.#trackedContacts.add(free);
      for (const k of keys) this.#emails.set(k, free);
      this.#batch.linked.push({ itemKey: id, folder, contactId: free, link });
      if (matches.length > 1) this.#warn(id, folder, name, `its e-mail is on ${matches.length} CRM contacts (#${matches.join(', #')}); it was linked to the oldest, #${free}`);
      return;
    }
    const parent = await this.#parent(account, contact);
    for (const k of keys) this.#pendingEmails.set(k, id);
    this.#batch.added.push({ itemKey: id, folder, contact: { ownerId: this.plan.userId, fields: contact.fields, parent }, link });
  }

  #warn(id: string, folder: string, name: string, message: string): void {
    this.#batch.recorded.push({ itemKey: `warning:${id}`, subjectKind: 'contact', outcome: 'warning', folder, reason: message, detail: { name, id } });
  }

  /** A contact the plan saw as new may have been added meanwhile (another run, another user): look again. */
  async #freshMatches(keys: string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const found = await this.store.contacts.findIdsByEmails(keys, { activeOnly: true });
    return [...new Set([...found.values()].flat())].sort((a, b) => a - b);
  }

  async #parent(setting: ReturnType<typeof settingsFor>['account'], contact: PlannedContact): Promise<ParentRef | null> {
    switch (setting.kind) {
      case 'none':
        return null;
      case 'account':
      case 'contact':
        return { kind: setting.kind, id: setting.id };
      case 'company': {
        const company = mergedCompany(contact.company ?? undefined, this.#mergeMap);
        if (company === undefined) return null;
        const key = accountNameKey(company);
        let accountId = this.#accounts.get(key);
        if (accountId === undefined) {
          const claimed = await this.store.runs.claimAccount(this.runId, company, this.plan.userId);
          accountId = claimed.account.id;
          this.#accounts.set(key, accountId);
          if (claimed.ambiguous.length > 1) {
            this.#batch.recorded.push({
              itemKey: `account:${key}`,
              subjectKind: 'account',
              outcome: 'matched',
              recordId: accountId,
              reason: `the company "${company}" matches ${claimed.ambiguous.length} accounts (#${claimed.ambiguous.map((a) => a.id).join(', #')}); contacts got #${accountId}, ${claimed.ambiguous.some((a) => a.ownerId === this.plan.userId) ? 'the one you own' : 'the oldest'}`,
              detail: { name: company },
            });
          }
        }
        return { kind: 'account', id: accountId };
      }
    }
  }

  async flush(): Promise<void> {
    const batch = this.#batch;
    this.#batch = emptyBatch();
    if (batch.added.length + batch.linked.length + batch.recorded.length === 0) return;
    try {
      await this.#commit(batch);
    } catch {
      // One contact spoiled the batch: write them one by one, and record the ones that fail.
      for (const single of splitBatch(batch)) {
        try {
          await this.#commit(single);
        } catch (singleError) {
          const item = single.added[0] ?? single.linked[0];
          if (!item) throw singleError;
          await this.store.runs.commitBatch(this.runId, {
            ...emptyBatch(),
            recorded: [{ itemKey: item.itemKey, subjectKind: 'contact', outcome: 'failed', folder: item.folder, reason: failureReason(singleError), detail: { name: nameOf(item) } }],
          });
        }
      }
    }
  }

  async #commit(batch: RunBatch): Promise<void> {
    const result = await this.store.runs.commitBatch(this.runId, batch);
    batch.added.forEach((item, i) => {
      const contactId = result.addedContactIds[i]!;
      this.#trackedContacts.add(contactId);
      for (const email of item.contact.fields.emails ?? []) {
        this.#emails.set(emailKey(email), contactId);
        this.#pendingEmails.delete(emailKey(email));
      }
    });
  }
}

function emptyBatch(): RunBatch {
  return { added: [], linked: [], parentSet: [], recorded: [] };
}

function* splitBatch(batch: RunBatch): Generator<RunBatch> {
  for (const added of batch.added) yield { ...emptyBatch(), added: [added] };
  for (const linked of batch.linked) yield { ...emptyBatch(), linked: [linked] };
  if (batch.recorded.length > 0) yield { ...emptyBatch(), recorded: batch.recorded };
}

function nameOf(item: RunBatch['added'][number] | RunBatch['linked'][number]): string {
  return 'contact' in item ? displayName(item.contact.fields) : item.itemKey;
}

function failureReason(error: unknown): string {
  if (error instanceof DuplicateTrackingLink) return 'it was tracked by another run at the same moment; run the wizard again to see it as tracked';
  return error instanceof Error ? error.message : String(error);
}
