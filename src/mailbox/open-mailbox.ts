/**
 * Opens the connector a stored mailbox names. The CRM store keeps a mailbox as a
 * connector kind and its settings; this is the one place that knows which class reads
 * which kind.
 */
import type { Mailbox } from './mailbox.js';
import { OutlookCsvMailbox } from './outlook-csv/outlook-csv-mailbox.js';
import { VCardMailbox } from './vcard/vcard-mailbox.js';

export const CONNECTOR_KINDS = ['vcard', 'outlook-csv'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export interface ConnectorSettings {
  /** The file or folder the mailbox is read from (absolute). */
  path: string;
  /** A CSV's code page when it has no BOM (default Windows-1252). */
  encoding?: string;
}

export function openMailbox(kind: string, settings: ConnectorSettings, ownerAddress: string): Mailbox {
  switch (kind) {
    case 'vcard':
      return new VCardMailbox({ path: settings.path, ownerAddress });
    case 'outlook-csv':
      return new OutlookCsvMailbox({ path: settings.path, ownerAddress, encoding: settings.encoding });
    default:
      throw new Error(`bug: no connector reads mailboxes of kind "${kind}"`);
  }
}
