import { emailKey } from '../../domain/email-address.js';
import type { Activity, ActivityKind, ActivityParty, ActivitySummary, NewActivity, Page, ParentRef } from '../crm-records.js';
import type { ActivitiesStore } from '../crm-store.js';
import { pageBounds, type StoreContext } from './store-context.js';

export class ActivitiesRepository implements ActivitiesStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async record(activity: NewActivity): Promise<{ activity: Activity; created: boolean }> {
    const now = this.#ctx.now();
    const created = await this.#ctx.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('activities')
        .values({
          kind: activity.kind,
          externalKey: activity.externalKey,
          subject: activity.subject ?? null,
          body: activity.body ?? null,
          startsAt: activity.startsAt ?? null,
          endsAt: activity.endsAt ?? null,
          dueAt: activity.dueAt ?? null,
          sentAt: activity.sentAt ?? null,
          ownerId: activity.ownerId,
          regardingAccountId: activity.regarding?.kind === 'account' ? activity.regarding.id : null,
          regardingContactId: activity.regarding?.kind === 'contact' ? activity.regarding.id : null,
          createdAt: now,
          modifiedAt: now,
        })
        .onConflict((oc) => oc.columns(['kind', 'externalKey']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      if (activity.parties.length > 0) {
        await trx
          .insertInto('activityParties')
          .values(
            activity.parties.map((party) => ({
              activityId: inserted.id,
              role: party.role,
              address: party.address.trim(),
              addressKey: emailKey(party.address),
              displayName: party.displayName ?? null,
              userId: party.resolved?.kind === 'user' ? party.resolved.id : null,
              contactId: party.resolved?.kind === 'contact' ? party.resolved.id : null,
              accountId: party.resolved?.kind === 'account' ? party.resolved.id : null,
            })),
          )
          .execute();
      }
      return true;
    });
    const stored = await this.findByExternalKey(activity.kind, activity.externalKey);
    if (!stored) throw new Error(`bug: activity ${activity.externalKey} was stored but cannot be read back`);
    return { activity: stored, created };
  }

  async findByExternalKey(kind: ActivityKind, externalKey: string): Promise<Activity | undefined> {
    const row = await this.#ctx.db
      .selectFrom('activities')
      .selectAll()
      .where('kind', '=', kind)
      .where('externalKey', '=', externalKey)
      .executeTakeFirst();
    if (!row) return undefined;
    const parties = await this.#ctx.db
      .selectFrom('activityParties')
      .selectAll()
      .where('activityId', '=', row.id)
      .orderBy('id')
      .execute();
    return {
      id: row.id,
      kind: row.kind,
      externalKey: row.externalKey,
      ownerId: row.ownerId,
      subject: row.subject,
      body: row.body,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      dueAt: row.dueAt,
      sentAt: row.sentAt,
      regarding:
        row.regardingAccountId !== null
          ? { kind: 'account', id: row.regardingAccountId }
          : row.regardingContactId !== null
            ? { kind: 'contact', id: row.regardingContactId }
            : null,
      parties: parties.map(
        (p): ActivityParty => ({
          role: p.role as ActivityParty['role'],
          address: p.address,
          displayName: p.displayName,
          resolved:
            p.userId !== null
              ? { kind: 'user', id: p.userId }
              : p.contactId !== null
                ? { kind: 'contact', id: p.contactId }
                : p.accountId !== null
                  ? { kind: 'account', id: p.accountId }
                  : null,
        }),
      ),
      createdAt: row.createdAt,
      modifiedAt: row.modifiedAt,
    };
  }

  async timeline(ref: ParentRef, page: Page = {}): Promise<ActivitySummary[]> {
    const { limit, offset } = pageBounds(page);
    const regarding = ref.kind === 'account' ? 'regardingAccountId' : 'regardingContactId';
    const party = ref.kind === 'account' ? 'accountId' : 'contactId';
    const rows = await this.#ctx.db
      .selectFrom('activities')
      .select(['id', 'kind', 'subject', 'sentAt', 'startsAt', 'dueAt', 'createdAt'])
      .where((eb) =>
        eb.or([eb(regarding, '=', ref.id), eb('id', 'in', eb.selectFrom('activityParties').select('activityId').where(party, '=', ref.id))]),
      )
      .execute();
    return rows
      .map((row) => ({ id: row.id, kind: row.kind, subject: row.subject, occurredAt: row.sentAt ?? row.startsAt ?? row.dueAt ?? row.createdAt }))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id)
      .slice(offset, offset + limit);
  }
}
