/**
 * Claim values that are bytes (an mdoc's portrait, ISO/IEC 18013-5 §7.2.1: a bstr, read as a
 * Uint8Array) in what the vault keeps. Records are sealed as JSON (src/storage/record-crypto.ts),
 * where a Uint8Array would come back as an object of numbered keys, so nothing that keeps claims
 * stores bytes: a kept check notes a photo and never keeps it (docs/sharing.md), in the activity
 * log's record and in the kept result alike. Round trips through the real encrypted IndexedDB vault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActivityLog } from '../../../../src/wallet/activity/activity';
import { checkRecordOf, withoutBytes } from '../../../../src/wallet/check/check-record';
import type { CheckResult } from '../../../../src/wallet/check';
import { nameOfClaim } from '../../../../src/wallet/shared';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { TINY_JPEG } from '../../support/mdoc-fixture';

afterEach(() => cleanUpVaults());

const NS = 'org.iso.18013.5.1';
const PRIVILEGES = [{ vehicle_category_code: 'B', issue_date: '2008-06-01', expiry_date: '2034-09-01' }];

/** What the checker makes of an mdoc licence shown with its portrait. */
function mdocResult(): CheckResult {
  const claim = (element: string, value: unknown) => ({ path: [NS, element], label: nameOfClaim([element]), value });
  return {
    ok: true,
    verdict: 'pass',
    reasons: [{ code: 'signature', ok: true }],
    issuerName: { en: 'Driver and Vehicle Licensing Agency' },
    claims: [claim('given_name', 'Ava'), claim('portrait', TINY_JPEG), claim('driving_privileges', PRIVILEGES), claim('age_over_18', true)],
    unrequested: [],
    elapsedMs: 12,
  };
}

async function unlockedVault() {
  const vault = testVault(uniqueDbName('claim-bytes'));
  await vault.setUp(PIN);
  return vault;
}

describe('bytes in kept records', () => {
  it('the sealed record format does not keep a Uint8Array as one (why nothing below stores one)', async () => {
    const vault = await unlockedVault();
    await vault.putRecord('test-bytes', 'one', { portrait: Uint8Array.of(0xff, 0xd8, 0xff) });
    const back = await vault.getRecord<{ portrait: unknown }>('test-bytes', 'one');
    expect(back!.portrait).not.toBeInstanceOf(Uint8Array);
    expect(back!.portrait).toEqual({ 0: 0xff, 1: 0xd8, 2: 0xff });
  });

  it("a kept check in the activity log notes the portrait as a photo, keeps none of its bytes, and keeps the other values", async () => {
    const vault = await unlockedVault();
    await vault.recordActivity({ kind: 'checked', claims: [], check: checkRecordOf(mdocResult(), {}) });
    const [entry] = await createActivityLog(vault).list();
    expect(entry!.check!.seen.map(({ value, photo }) => ({ value, photo }))).toEqual([
      { value: 'Ava', photo: undefined },
      { value: '', photo: true },
      { value: JSON.stringify(PRIVILEGES), photo: undefined },
      { value: true, photo: undefined },
    ]);
  });

  it('the kept result leaves the bytes out on purpose, everything else as it was', async () => {
    const vault = await unlockedVault();
    const result = mdocResult();
    await vault.putRecord('check-record', 'r1', { result: withoutBytes(result) });
    const back = (await vault.getRecord<{ result: CheckResult }>('check-record', 'r1'))!.result;
    expect(back.claims.map((c) => [c.path, c.value])).toEqual([
      [[NS, 'given_name'], 'Ava'],
      [[NS, 'portrait'], undefined],
      [[NS, 'driving_privileges'], PRIVILEGES],
      [[NS, 'age_over_18'], true],
    ]);
    expect({ ...back, claims: [] }).toEqual({ ...result, claims: [] });
    // The result in hand is not changed by making its copy to keep.
    expect(result.claims[1]!.value).toBe(TINY_JPEG);
  });
});
