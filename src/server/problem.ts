/**
 * Errors as the API answers them: `application/problem+json` (RFC 9457) with a `detail`
 * sentence the user can act on, shown as is by the web app. Use-case errors are mapped
 * here to a status and a sentence worded for the browser (the CLI words its own).
 */
import type { FastifyError, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  DuplicateTrackingLink,
  DuplicateUserEmail,
  InvalidRecord,
  RecordNotFound,
  RunClosed,
  RunNotUndoable,
  StaleRowVersion,
} from '../crm/index.js';
import { MailboxFolderNotFound, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox/mailbox-errors.js';
import {
  ForeignFolder,
  ItemNotFound,
  MailboxAddressMismatch,
  ParentNotFound,
  RunChangedSince,
  RunNotResumable,
  TooManyContacts,
  UnknownChoice,
} from '../tracking/index.js';

export interface Problem {
  status: number;
  /** A short slug: the problem type is `https://liaison.dev/problems/<slug>`. */
  slug: string;
  title: string;
  detail: string;
  extra?: Record<string, unknown>;
}

/** An error a route throws on purpose, with its problem. */
export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export const problem = (status: number, slug: string, title: string, detail: string, extra?: Record<string, unknown>): HttpProblem =>
  new HttpProblem({ status, slug, title, detail, ...(extra ? { extra } : {}) });

export const notFound = (what: string): HttpProblem => problem(404, 'not-found', 'Not found', `There is no ${what}.`);
export const forbidden = (what: string): HttpProblem => problem(403, 'forbidden', 'Forbidden', `${what} belongs to another user.`);

/** The problem for an error, or undefined for an unexpected one (a bug: 500). */
export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof HttpProblem) return error.problem;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'is not valid' }));
    const first = errors[0]!;
    return { status: 400, slug: 'invalid-request', title: 'Invalid request', detail: `The request is not valid: ${first.path} ${first.message}.`, extra: { errors } };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, slug: 'too-large', title: 'Too large', detail: 'The request is larger than this server accepts.' };
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.statusCode === 400) {
    return { status: 400, slug: 'invalid-request', title: 'Invalid request', detail: `The request is not valid: ${fastifyError.message ?? 'unreadable body'}.` };
  }
  if (fastifyError.statusCode === 429) {
    return { status: 429, slug: 'too-many-requests', title: 'Too many requests', detail: fastifyError.message ?? 'Too many requests; wait a minute and try again.' };
  }
  if (error instanceof RecordNotFound) return { status: 404, slug: 'not-found', title: 'Not found', detail: `There is no ${error.kind} ${typeof error.key === 'number' ? `#${error.key}` : `"${error.key}"`}.` };
  if (error instanceof TooManyContacts) {
    return {
      status: 422,
      slug: 'too-many-contacts',
      title: 'Too many contacts',
      detail: `${error.count} contacts at once is more than ${error.limit}: select at most ${error.limit}, or use the Add Contacts wizard to add many contacts by company, domain or category.`,
    };
  }
  if (error instanceof MailboxAddressMismatch) {
    return {
      status: 422,
      slug: 'mailbox-address-mismatch',
      title: 'Not your mailbox address',
      detail: `The mailbox address ${error.mailboxAddress} is not ${error.userEmail}, your primary e-mail: only the user whose address it is may track from a mailbox. Ask an administrator to correct the mailbox's owner address.`,
    };
  }
  if (error instanceof ForeignFolder) {
    return {
      status: 422,
      slug: 'foreign-folder',
      title: "Another person's folder",
      detail: `The folder "${error.folder}" belongs to ${error.folderOwner}, not to this mailbox (${error.mailboxAddress}): a delegate's or shared folder cannot be a source. Uncheck it.`,
    };
  }
  if (error instanceof UnknownChoice) {
    const hint = error.suggestions.length > 0 ? ` Did you mean ${error.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    return { status: 400, slug: 'unknown-choice', title: 'Unknown choice', detail: `There is no ${error.what} ${JSON.stringify(error.value)} in this plan.${hint}` };
  }
  if (error instanceof ItemNotFound) {
    return { status: 404, slug: 'item-not-found', title: 'No such contact', detail: `The mailbox has no contact with the id ${error.itemIds.map((id) => `"${id}"`).join(', ')}; reload the list.` };
  }
  if (error instanceof ParentNotFound) {
    return { status: 422, slug: 'parent-not-found', title: 'No such parent', detail: `There is no ${error.kind} #${error.id}${error.group ? ` (set for the group "${error.group}")` : ''}; pick another one.` };
  }
  if (error instanceof RunChangedSince) {
    return {
      status: 409,
      slug: 'run-changed-since',
      title: 'Run not undone',
      detail: `Run #${error.runId} was not undone, because ${error.changed.length} of the records it wrote changed since. Nothing was changed.`,
      extra: { changed: error.changed },
    };
  }
  if (error instanceof RunNotUndoable) return { status: 409, slug: 'run-not-undoable', title: 'Cannot undo', detail: `Run #${error.runId} cannot be undone: ${error.reason}.` };
  if (error instanceof RunNotResumable) return { status: 409, slug: 'run-not-resumable', title: 'Cannot resume', detail: `Run #${error.runId} cannot be resumed: ${error.reason}.` };
  if (error instanceof RunClosed) return { status: 409, slug: 'run-closed', title: 'Run closed', detail: `Run #${error.runId} is ${error.status}; start a new one.` };
  if (error instanceof DuplicateUserEmail) return { status: 409, slug: 'duplicate-user', title: 'User exists', detail: `A user with the e-mail ${error.email} already exists.` };
  if (error instanceof DuplicateTrackingLink) return { status: 409, slug: 'already-tracked', title: 'Already tracked', detail: `This mailbox already tracks ${error.clash} ${error.value}; untrack it first.` };
  if (error instanceof StaleRowVersion) return { status: 409, slug: 'stale', title: 'Changed meanwhile', detail: `Contact #${error.contactId} was changed by someone else meanwhile; reload it and try again.` };
  if (error instanceof InvalidRecord) return { status: 400, slug: 'invalid-record', title: 'Invalid value', detail: `Invalid ${error.field}: ${error.reason}.` };
  if (error instanceof MailboxFolderNotFound) return { status: 404, slug: 'folder-not-found', title: 'No such folder', detail: `The mailbox has no folder "${error.folder}"; its folders are: ${error.known.join(', ')}.` };
  if (error instanceof MailboxSourceUnreadable) return { status: 502, slug: 'mailbox-unreadable', title: 'Mailbox unreadable', detail: `The server cannot read the mailbox at ${error.path}: ${error.reason}.` };
  if (error instanceof MailboxFormatUnknown) return { status: 422, slug: 'not-a-mailbox', title: 'Not a mailbox file', detail: `${error.path} is not a mailbox file Liaison can read: ${error.reason}.` };
  return undefined;
}

export function sendProblem(reply: FastifyReply, found: Problem): FastifyReply {
  return reply
    .code(found.status)
    .type('application/problem+json')
    .send({ type: `https://liaison.dev/problems/${found.slug}`, title: found.title, status: found.status, detail: found.detail, ...found.extra });
}
