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
/**
 * Contacts are written a batch at a time, each batch in one transaction with its run
 * items. Batches start small (progress shows soon, a kill loses little) and double up
 * to a size where the cost of a commit (on SQLite, every index page the batch touched
 * is written again) is spread over many contacts.
 */
const FIRST_BATCH = 1_000;
const LAST_BATCH = 16_000;

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunOptions {
  /** Continue this run (an interrupted one) instead of starting a new one. */
  resumeRunId?: number;
  onProgress?: (progress: RunProgress) => void;
  /** Told the run's id once the choices are checked and the run is recorded, before any contact is written. */
  onStart?: (runId: number) => void;
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
  options.onStart?.(run.id);
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
  let size = options.batchSize ?? FIRST_BATCH;
  for (let at = 0; at < selected.length; ) {
    const end = Math.min(selected.length, at + size);
    const chunk = selected.slice(at, end).filter((item) => !done.has(item.contact.id));
    await writer.lookUpAgain(chunk);
    for (const item of chunk) await writer.decide(item);
    await writer.flush();
    progressed = at = end;
    report();
    // Between batches, let the process answer others (a server: progress, other users' requests).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.batchSize === undefined) size = Math.min(size * 2, LAST_BATCH);
  }
  await writer.flush(); // the unreadable records, when no contact was selected
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
  /** Contacts of the batch waiting for the account of their company name. */
  #unclaimed: { company: string; added: RunBatch['added'][number] }[] = [];
  /** E-mail key → active CRM contacts, as looked up again for the current batch. */
  #fresh = new Map<string, number[]>();
  readonly #mergeMap: Map<string, string>;

  constructor(
    readonly store: CrmStore,
    readonly plan: WizardPlan,
    readonly choices: WizardChoices,
    readonly runId: number,
  ) {
    this.#mergeMap = new Map(plan.merges.map((m) => [accountNameKey(m.from), m.to]));
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
    const matches = contact.inCrm === 'matched' ? contact.crmContactIds : this.#freshMatches(keys);
    if (matches.length > 0) {
      const free = matches.find((m) => !this.#trackedContacts.has(m));
      if (free === undefined) return void skip(`its e-mail belongs to CRM contact #${matches[0]}, already tracked from this mailbox as another item`);
      this.#trackedContacts.add(free);
      for (const k of keys) this.#emails.set(k, free);
      this.#batch.linked.push({ itemKey: id, folder, contactId: free, link });
      if (matches.length > 1) this.#warn(id, folder, name, `its e-mail is on ${matches.length} CRM contacts (#${matches.join(', #')}); it was linked to the oldest, #${free}`);
      return;
    }
    for (const k of keys) this.#pendingEmails.set(k, id);
    const added = { itemKey: id, folder, contact: { ownerId: this.plan.userId, fields: contact.fields, parent: null as ParentRef | null }, link };
    this.#parent(account, contact, added);
    this.#batch.added.push(added);
  }

  #warn(id: string, folder: string, name: string, message: string): void {
    this.#batch.recorded.push({ itemKey: `warning:${id}`, subjectKind: 'contact', outcome: 'warning', folder, reason: message, detail: { name, id } });
  }

  /**
   * A contact the plan saw as new may have been added to the CRM since (by another run,
   * another user): its e-mails are looked up again, a batch of contacts in one query.
   */
  async lookUpAgain(chunk: readonly Selected[]): Promise<void> {
    // Contacts tracked now are skipped, and matched ones were looked up by the plan.
    const keys = chunk.flatMap(({ contact }) => (contact.inCrm === 'matched' || this.#trackedItems.has(contact.id) ? [] : contact.emails.map(emailKey)));
    this.#fresh = keys.length === 0 ? new Map() : await this.store.contacts.findIdsByEmails(keys, { activeOnly: true });
  }

  #freshMatches(keys: readonly string[]): number[] {
    const ids = new Set<number>();
    for (const key of keys) for (const id of this.#fresh.get(key) ?? []) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }

  /**
   * The parent of a contact to add. With the company option it is the account of its
   * (merged) company name: known already, or claimed when the batch is written, with the
   * other names of the batch (`#claimAccounts`).
   */
  #parent(setting: ReturnType<typeof settingsFor>['account'], contact: PlannedContact, added: RunBatch['added'][number]): void {
    if (setting.kind === 'account' || setting.kind === 'contact') {
      added.contact.parent = { kind: setting.kind, id: setting.id };
      return;
    }
    const company = setting.kind === 'company' ? mergedCompany(contact.company ?? undefined, this.#mergeMap) : undefined;
    if (company === undefined) return;
    const accountId = this.#accounts.get(accountNameKey(company));
    if (accountId !== undefined) added.contact.parent = { kind: 'account', id: accountId };
    else this.#unclaimed.push({ company, added });
  }

  /** Claims the accounts of the company names the batch needs (W6), in one call, and gives the contacts their parent. */
  async #claimAccounts(): Promise<void> {
    const waiting = this.#unclaimed;
    this.#unclaimed = [];
    if (waiting.length === 0) return;
    const names = [...new Map(waiting.map(({ company }) => [accountNameKey(company), company])).values()];
    const claims = await this.store.runs.claimAccounts(this.runId, names, this.plan.userId);
    names.forEach((company, i) => {
      const claimed = claims[i]!;
      const key = accountNameKey(company);
      this.#accounts.set(key, claimed.account.id);
      if (claimed.ambiguous.length > 1) {
        const mine = claimed.ambiguous.some((a) => a.ownerId === this.plan.userId);
        this.#batch.recorded.push({
          itemKey: `account:${key}`,
          subjectKind: 'account',
          outcome: 'matched',
          recordId: claimed.account.id,
          reason: `the company "${company}" matches ${claimed.ambiguous.length} accounts (#${claimed.ambiguous.map((a) => a.id).join(', #')}); contacts got #${claimed.account.id}, ${mine ? 'the one you own' : 'the oldest'}`,
          detail: { name: company },
        });
      }
    });
    for (const { company, added } of waiting) added.contact.parent = { kind: 'account', id: this.#accounts.get(accountNameKey(company))! };
  }

  async flush(): Promise<void> {
    await this.#claimAccounts();
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
          // A contact that could not be added does not make later ones with its e-mail "the same person again".
          for (const email of single.added[0]?.contact.fields.emails ?? []) this.#pendingEmails.delete(emailKey(email));
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
