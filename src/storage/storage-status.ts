/**
 * Whether the browser may evict the vault, and how much room is left: StorageManager persist(),
 * persisted() and estimate() (WHATWG Storage Standard §4). Each is optional in older browsers.
 */

/** Warn when less than this fraction of the quota is left. */
export const LOW_SPACE_FRACTION = 0.1;

export interface StorageReport {
  persisted: boolean | 'unsupported';
  usageBytes?: number;
  quotaBytes?: number;
  lowSpace: boolean;
}

type Manager = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function manager(): Manager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as Manager | undefined);
}

export async function storageReport(storage: Manager | undefined = manager()): Promise<StorageReport> {
  let persisted: boolean | 'unsupported' = 'unsupported';
  if (typeof storage?.persisted === 'function') {
    try {
      persisted = await storage.persisted();
    } catch {
      persisted = 'unsupported';
    }
  }
  const report: StorageReport = { persisted, lowSpace: false };
  if (typeof storage?.estimate === 'function') {
    try {
      const { usage, quota } = await storage.estimate();
      if (typeof usage === 'number') report.usageBytes = usage;
      if (typeof quota === 'number') report.quotaBytes = quota;
      if (typeof usage === 'number' && typeof quota === 'number' && quota > 0)
        report.lowSpace = (quota - usage) / quota < LOW_SPACE_FRACTION;
    } catch {
      /* estimate refused: report what we have */
    }
  }
  return report;
}

/** Asks for persistent storage; false when refused or unsupported. */
export async function requestPersistence(storage: Manager | undefined = manager()): Promise<boolean> {
  if (typeof storage?.persist !== 'function') return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}
