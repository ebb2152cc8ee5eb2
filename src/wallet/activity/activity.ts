/**
 * The activity log (issue 7) as the UI reads it: every share, kept check and receipt, from the
 * vault's encrypted log (SatchelVault.recordActivity / listActivity / deleteActivity). Filter by
 * kind and by text (who, which credential, which claims, in English or Welsh); export as JSON, and
 * the kept check records as a printable document an employer can file (check-record-document.ts).
 */
import { checkRecordsDocument, readCheckRecord } from '../check';
import type { Localised } from '../shared';
import type { SatchelVault } from '../vault';
import type { ActivityLog, ActivityLogEntry } from './activity-api';

export type ActivityVault = Pick<SatchelVault, 'listActivity' | 'deleteActivity'>;

const KINDS: readonly ActivityLogEntry['kind'][] = ['shared', 'checked', 'received'];

function localised(value: unknown): Localised | undefined {
  if (typeof value === 'string') return { en: value };
  if (typeof value !== 'object' || value === null) return undefined;
  const { en, cy } = value as { en?: unknown; cy?: unknown };
  if (typeof en !== 'string') return undefined;
  return typeof cy === 'string' ? { en, cy } : { en };
}

/** A stored entry as an ActivityLogEntry; entries of unknown shape are skipped, never shown half-read. */
function toEntry(raw: Record<string, unknown> & { id: string; at: string }): ActivityLogEntry | undefined {
  const kind = raw.kind as ActivityLogEntry['kind'];
  if (!KINDS.includes(kind)) return undefined;
  const entry: ActivityLogEntry = {
    id: raw.id,
    at: raw.at,
    kind,
    claims: Array.isArray(raw.claims) ? raw.claims.map(localised).filter((c): c is Localised => c !== undefined) : [],
  };
  const typeName = localised(raw.credentialTypeName);
  if (typeName) entry.credentialTypeName = typeName;
  if (typeof raw.counterparty === 'string') entry.counterparty = raw.counterparty;
  const counterpartyName = localised(raw.counterpartyName);
  if (counterpartyName) entry.counterpartyName = counterpartyName;
  const check = kind === 'checked' ? readCheckRecord(raw.check) : undefined;
  if (check) entry.check = check;
  return entry;
}

function matchesText(entry: ActivityLogEntry, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  const hay = [entry.counterparty, entry.counterpartyName?.en, entry.counterpartyName?.cy, entry.credentialTypeName?.en, entry.credentialTypeName?.cy, ...entry.claims.flatMap((c) => [c.en, c.cy])];
  return hay.some((h) => typeof h === 'string' && h.toLowerCase().includes(needle));
}

class ActivityLogImpl implements ActivityLog {
  constructor(private readonly vault: ActivityVault) {}

  async list(filter: { kind?: ActivityLogEntry['kind']; text?: string } = {}): Promise<ActivityLogEntry[]> {
    const raw = await this.vault.listActivity<Record<string, unknown>>();
    return raw
      .map(toEntry)
      .filter((e): e is ActivityLogEntry => e !== undefined)
      .filter((e) => (filter.kind === undefined || e.kind === filter.kind) && matchesText(e, filter.text ?? ''));
  }

  remove(id: string): Promise<void> {
    return this.vault.deleteActivity(id);
  }

  async export(): Promise<Blob> {
    const entries = await this.list();
    const doc = { format: 'satchel-activity-log', version: 1, exportedAt: new Date().toISOString(), entries };
    return new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  }

  async exportCheckRecords(options: { language: 'en' | 'cy'; ids?: string[] }): Promise<Blob> {
    const entries = (await this.list({ kind: 'checked' })).filter((e) => !options.ids || options.ids.includes(e.id));
    const html = checkRecordsDocument(entries, options.language === 'cy' ? 'cy' : 'en', new Date().toISOString());
    return new Blob([html], { type: 'text/html;charset=utf-8' });
  }
}

export function createActivityLog(vault: ActivityVault): ActivityLog {
  return new ActivityLogImpl(vault);
}
