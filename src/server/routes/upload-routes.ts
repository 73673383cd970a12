/**
 * Adding a mailbox by uploading its file (a .vcf or an Outlook CSV export) from the
 * browser. The file is kept in the server's upload folder, read once in full before
 * anything is stored, and refused (and deleted) when no contact can be read from it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MailboxFormatUnknown } from '../../mailbox/mailbox-errors.js';
import { CONNECTOR_KINDS, openMailbox } from '../../mailbox/open-mailbox.js';
import { addMailbox } from '../../tracking/index.js';
import { signedIn } from '../auth/request-auth.js';
import { problem, sendProblem } from '../problem.js';
import { typed, type ServerDeps } from '../server-deps.js';

/** The largest mailbox file accepted by default: about 250,000 plain contacts. */
export const UPLOAD_LIMIT = 100 * 1024 * 1024;

export interface UploadOptions {
  /** Where uploaded mailbox files are kept, a folder per user. */
  dir: string;
  /** Bytes. */
  limit: number;
}
const EXTENSIONS = { vcard: '.vcf', 'outlook-csv': '.csv' } as const;

export function uploadRoutes(app: FastifyInstance, { store }: ServerDeps, { dir: uploadDir, limit }: UploadOptions): void {
  const megabytes = `${Math.round((limit / 1024 / 1024) * 10) / 10} MB`;
  // Mailbox files arrive as they are: bytes, whatever their type says.
  app.addContentTypeParser(['application/octet-stream', 'text/vcard', 'text/x-vcard', 'text/csv'], { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));

  typed(app).post(
    '/api/mailboxes',
    {
      bodyLimit: limit,
      errorHandler: (error, request, reply) => {
        if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          return sendProblem(reply, problem(413, 'upload-too-large', 'File too large', `The file is larger than the ${megabytes} upload limit: split the address book, or add it from the command line (liaison mailbox add).`).problem);
        }
        throw error;
      },
      schema: {
        summary: `Add a mailbox by uploading its file (the body, as application/octet-stream, at most ${megabytes}): a vCard file or an Outlook CSV export. Its owner address is the signed-in user's e-mail (P1).`,
        tags: ['mailboxes'],
        querystring: z.object({ name: z.string().trim().min(1).max(200), format: z.enum(CONNECTOR_KINDS), encoding: z.string().max(40).optional() }),
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw problem(400, 'empty-upload', 'Empty upload', 'Send the mailbox file as the request body (application/octet-stream).');
      const { name, format, encoding } = request.query;
      if (await store.mailboxes.findByName(user.id, name)) throw problem(409, 'mailbox-name-taken', 'Name taken', `You already have a mailbox named "${name}": choose another name.`);
      const folder = join(uploadDir, String(user.id));
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `${randomUUID()}${EXTENSIONS[format]}`);
      writeFileSync(path, body);
      try {
        const settings = { path, ...(encoding ? { encoding } : {}) };
        let contacts = 0;
        let firstProblem: string | null = null;
        try {
          for await (const record of openMailbox(format, settings, user.email).contacts()) {
            if (record.kind === 'contact') contacts++;
            else if (record.kind === 'unreadable') firstProblem ??= `line ${record.source.line}: ${record.reason}`;
          }
        } catch (error) {
          // The reader names the file by its path on the server: the user knows it by its name.
          if (!(error instanceof MailboxFormatUnknown)) throw error;
          firstProblem = error.reason;
        }
        if (contacts === 0) {
          throw problem(422, 'not-a-mailbox', 'Not a mailbox file', `No contact could be read from this file as ${format === 'vcard' ? 'vCard' : 'an Outlook CSV export'}${firstProblem ? ` (${firstProblem})` : ''}: upload a .vcf file or a CSV exported from Outlook.`);
        }
        const mailbox = await addMailbox(store, { name, userEmail: user.email, ownerAddress: user.email, connector: format, path, ...(encoding ? { encoding } : {}) });
        return reply.code(201).send({ id: mailbox.id, name: mailbox.name, ownerAddress: mailbox.ownerAddress, connector: { kind: mailbox.connector.kind }, contacts });
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
    },
  );
}
