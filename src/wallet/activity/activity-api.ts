/** The activity log as the UI sees it. Implemented in activity.ts. */
import type { CheckRecord } from '../check';
import type { Localised } from '../shared';

export interface ActivityLogEntry {
  id: string;
  at: string;
  kind: 'shared' | 'checked' | 'received';
  credentialTypeName?: Localised;
  counterparty?: string; // who it was shared with, as they named themselves; for a check, the person's name if it was shared
  /** For a credential received: the department's name in English and Welsh (the trust list's), shown in the person's language. */
  counterpartyName?: Localised;
  claims: Localised[];
  /** For a kept check: the record. */
  check?: CheckRecord;
}

export interface ActivityLog {
  list(filter?: { kind?: ActivityLogEntry['kind']; text?: string }): Promise<ActivityLogEntry[]>;
  remove(id: string): Promise<void>;
  /** A JSON file of the log (decrypted, for the person's own records). */
  export(): Promise<Blob>;
}
