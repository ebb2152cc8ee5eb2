/**
 * The activity log (docs/sharing.md) as the UI reads it: every share, kept check and receipt, from the
 * vault's encrypted log (SatchelVault.recordActivity / listActivity / deleteActivity). Filter by
 * kind and by text (who, which credential, which claims, in any language kept); export as JSON. The
 * kept check records' printable document is written by the UI, in words (src/ui/share/check-records-document.ts).
 */
import { readCheckRecord } from '../check';
import { nameAsWords, nameWords, readDisplayName, readLocalised, SELF_PERSON, type DisplayName, type Localised, type PersonId } from '../shared';
import { everyoneNamed } from '../people';
import type { SatchelVault } from '../vault';
import type { ActivityFilter, ActivityLog, ActivityLogEntry, ShareVia } from './activity-api';

/** getRecord names the person in a person's export (the people document); without it only ids are known. */
export type ActivityVault = Pick<SatchelVault, 'listActivity' | 'deleteActivity'> & Partial<Pick<SatchelVault, 'getRecord'>>;

const KINDS: readonly ActivityLogEntry['kind'][] = ['shared', 'checked', 'received'];

/** Stored text in every language kept; a bare string is English. */
function localised(value: unknown): Localised | undefined {
  return typeof value === 'string' ? { en: value } : readLocalised(value);
}

/** A stored name: as kept now (a DisplayName), or words (an object of languages, or a bare English string). */
function name(value: unknown): DisplayName | undefined {
  return typeof value === 'string' ? nameAsWords({ en: value }) : readDisplayName(value);
}

/** A stored entry as an ActivityLogEntry; entries of unknown shape are skipped, never shown half-read. */
function toEntry(raw: Record<string, unknown> & { id: string; at: string }): ActivityLogEntry | undefined {
  const kind = raw.kind as ActivityLogEntry['kind'];
  if (!KINDS.includes(kind)) return undefined;
  const entry: ActivityLogEntry = {
    id: raw.id,
    at: raw.at,
    kind,
    claims: Array.isArray(raw.claims) ? raw.claims.map(name).filter((c): c is DisplayName => c !== undefined) : [],
  };
  const typeName = name(raw.credentialTypeName);
  if (typeName) entry.credentialTypeName = typeName;
  if (typeof raw.counterparty === 'string') entry.counterparty = raw.counterparty;
  const counterpartyName = localised(raw.counterpartyName);
  if (counterpartyName) entry.counterpartyName = counterpartyName;
  if (raw.via === 'quick-show') entry.via = raw.via;
  if (typeof raw.personId === 'string' && raw.personId !== '') entry.personId = raw.personId;
  const check = kind === 'checked' ? readCheckRecord(raw.check) : undefined;
  if (check) entry.check = check;
  return entry;
}

function matchesText(entry: ActivityLogEntry, text: string, words: (name: DisplayName) => string[], viaWords: (via: ShareVia) => string[]): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  const languages = (text: Localised | undefined) => (text ? Object.values(text) : []);
  const hay = [entry.counterparty, ...languages(entry.counterpartyName), ...(entry.via ? viaWords(entry.via) : []), ...(entry.credentialTypeName ? words(entry.credentialTypeName) : []), ...entry.claims.flatMap(words)];
  return hay.some((h) => typeof h === 'string' && h.toLowerCase().includes(needle));
}

class ActivityLogImpl implements ActivityLog {
  constructor(private readonly vault: ActivityVault) {}

  async list(filter: ActivityFilter = {}): Promise<ActivityLogEntry[]> {
    const raw = await this.vault.listActivity<Record<string, unknown>>();
    return raw
      .map(toEntry)
      .filter((e): e is ActivityLogEntry => e !== undefined)
      .filter((e) => (filter.kind === undefined || e.kind === filter.kind) && (filter.personId === undefined || (e.personId ?? SELF_PERSON) === filter.personId) && matchesText(e, filter.text ?? '', filter.words ?? nameWords, filter.viaWords ?? ((via) => [via])));
  }

  remove(id: string): Promise<void> {
    return this.vault.deleteActivity(id);
  }

  async export(options: { personId?: PersonId } = {}): Promise<Blob> {
    const { personId } = options;
    if (personId === undefined) {
      const entries = await this.list();
      const doc = { format: 'satchel-activity-log', version: 1, exportedAt: new Date().toISOString(), entries };
      return new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
    }
    if (typeof personId !== 'string' || personId === '') throw new TypeError('personId must be a non-empty string');
    const { getRecord } = this.vault;
    const named = getRecord ? await everyoneNamed({ getRecord: getRecord.bind(this.vault) }) : [];
    const person = named.find((p) => p.id === personId) ?? { id: personId };
    const entries = await this.list({ personId });
    const doc = { format: 'satchel-activity-log', version: 1, exportedAt: new Date().toISOString(), person, entries };
    return new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  }
}

export function createActivityLog(vault: ActivityVault): ActivityLog {
  return new ActivityLogImpl(vault);
}
