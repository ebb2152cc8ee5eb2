/** The activity log as the UI sees it. Implemented in activity.ts. */
import type { CheckRecord } from '../check';
import type { DisplayName, Localised, PersonId } from '../shared';

/** How something was shared when no verifier named itself: a quick show (the UI words it). */
export type ShareVia = 'quick-show';

export interface ActivityLogEntry {
  id: string;
  at: string;
  kind: 'shared' | 'checked' | 'received';
  /** Whose credential it was about (docs/carers.md): absent for entries kept before people and for checks of someone else (read as SELF_PERSON for shared/received). */
  personId?: PersonId;
  /** Names as codes (worded by the UI); entries kept before names were codes hold words. */
  credentialTypeName?: DisplayName;
  counterparty?: string; // who it was shared with, as they named themselves; for a check, the person's name if it was shared
  /** For a credential received: the department's name in English and Welsh (the trust list's), shown in the person's language. */
  counterpartyName?: Localised;
  /** Shared by quick show: there was no verifier to name (entries kept before hold the English words as `counterparty`). */
  via?: ShareVia;
  claims: DisplayName[];
  /** For a kept check: the record. */
  check?: CheckRecord;
}

/**
 * `text` keeps entries whose who, type or claims contain it. A name is matched in the words `words`
 * gives for it (the UI's, in every language), and how it was shared in the words `viaWords` gives;
 * without them, in the issuer's text, the words kept, the name made from its key, and the code.
 */
export interface ActivityFilter {
  kind?: ActivityLogEntry['kind'];
  /** Only entries in this person's space (an entry without one is the holder's own: SELF_PERSON). */
  personId?: PersonId;
  text?: string;
  words?: (name: DisplayName) => string[];
  viaWords?: (via: ShareVia) => string[];
}

export interface ActivityLog {
  /** The log, newest first, filtered (ActivityFilter). */
  list(filter?: ActivityFilter): Promise<ActivityLogEntry[]>;
  remove(id: string): Promise<void>;
  /**
   * A JSON file of the log (decrypted, for the person's own records). With `personId`: that
   * person's entries only, with their name and marker ("Download Mum's activity": the carer can
   * give it to her); a removed person's too.
   */
  export(options?: { personId?: PersonId }): Promise<Blob>;
}
