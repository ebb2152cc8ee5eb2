import { describe, expect, it } from 'vitest';
import { LOW_SPACE_FRACTION, requestPersistence, storageReport } from '../../../src/storage/storage-status';

describe('storage status', () => {
  it('reports persistence and usage from the real StorageManager', async () => {
    const report = await storageReport();
    expect(typeof report.persisted).toBe('boolean');
    expect(report.quotaBytes).toBeGreaterThan(0);
    expect(report.usageBytes).toBeGreaterThanOrEqual(0);
    expect(typeof (await requestPersistence())).toBe('boolean');
  });

  it('flags low space below LOW_SPACE_FRACTION of the quota', async () => {
    const manager = (usage: number, quota: number) => ({
      persisted: async () => false,
      estimate: async () => ({ usage, quota }),
      persist: async () => false,
    });
    expect((await storageReport(manager(100 - LOW_SPACE_FRACTION * 100 + 1, 100))).lowSpace).toBe(true);
    expect((await storageReport(manager(50, 100))).lowSpace).toBe(false);
  });

  it('says "unsupported" where the StorageManager is missing', async () => {
    expect(await storageReport({})).toEqual({ persisted: 'unsupported', lowSpace: false });
    expect(await requestPersistence({})).toBe(false);
  });
});
