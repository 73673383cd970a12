/**
 * Reads one .vcf file: each card becomes a contact, or an unreadable record with the
 * file, the line of its BEGIN:VCARD and the reason; the read goes on. Records come in
 * batches, one per chunk read, so the async machinery costs little per card.
 */
import { createReadStream } from 'node:fs';
import { contactVersion } from '../contact-version.js';
import type { FallbackIdAllocator } from '../fallback-item-id.js';
import type { MailboxRecord } from '../mailbox.js';
import { VCardSplitter, type SplitItem } from './split-vcards.js';
import { normalisedVCardBytes } from './vcard-bytes.js';
import { readCard } from './vcard-to-contact.js';

/** A card bigger than this (a huge photo, or a file that is not a vCard) is reported, not read. */
export const MAX_CARD_BYTES = 25 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

/** The ids handed out during one read of a mailbox, so each item id is given once. */
export interface ItemIds {
  fallback: FallbackIdAllocator;
  /** UID → where it was first seen, and how many cards had it. */
  seenUids: Map<string, { file: string; line: number; count: number }>;
}

function toRecord(item: SplitItem, file: string, folder: string, ids: ItemIds): MailboxRecord {
  const source = { file, line: item.line };
  if (item.kind === 'broken') return { kind: 'unreadable', folder, source, reason: item.reason };
  const card = readCard(item.text, item.latin1);
  if (!card.ok) return { kind: 'unreadable', folder, source, reason: card.reason };
  let itemId: string;
  if (card.uid !== null) {
    const seen = ids.seenUids.get(card.uid);
    if (seen === undefined) {
      // Not the UID itself, a slice of the card's text that would keep the whole card
      // alive in the map, but a copy: V8 flattens the concatenation into a new string.
      ids.seenUids.set(` ${card.uid}`.slice(1), { file, line: item.line, count: 1 });
      itemId = card.uid;
    } else {
      seen.count++;
      itemId = `${card.uid}#${seen.count}`;
      card.warnings.push(`another card (${seen.file}:${seen.line}) has the same UID; this one is item ${itemId}`);
    }
  } else {
    itemId = ids.fallback.next(card.fields);
  }
  return {
    kind: 'contact',
    itemId,
    version: contactVersion(card.fields, card.photo),
    folder,
    fields: card.fields,
    photo: card.photo,
    source,
    warnings: card.warnings,
  };
}

/** The records of one file, a batch per chunk read. */
export async function* readVCardFile(file: string, folder: string, ids: ItemIds): AsyncGenerator<MailboxRecord[]> {
  const splitter = new VCardSplitter(MAX_CARD_BYTES);
  const chunks = normalisedVCardBytes(createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>);
  for await (const chunk of chunks) {
    const items = splitter.push(chunk);
    if (items.length > 0) yield items.map((item) => toRecord(item, file, folder, ids));
  }
  const last = splitter.end().map((item) => toRecord(item, file, folder, ids));
  if (splitter.stats.sawContent && !splitter.stats.sawBegin) {
    last.push({ kind: 'unreadable', folder, source: { file, line: 1 }, reason: 'the file is not a vCard: it has no BEGIN:VCARD line' });
  }
  if (last.length > 0) yield last;
}
