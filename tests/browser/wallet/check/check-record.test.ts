/**
 * Issue 11, item 2: a kept check record must be worth keeping — the result and which checks passed,
 * when, what was asked, what was seen and the issuer — and export as a plain, printable document
 * an employer could file, with every claim value as text (never markup).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { keptCheckText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { askedText, checkRecordsFile } from '../../../../src/ui/share/check-records-document';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createActivityLog } from '../../../../src/wallet/activity/activity';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import { addCredential, HOME_OFFICE, makeWorld, MemoryVault, NOW } from '../../support/share-fixtures';

afterEach(() => stopCryptoWorker());

const now = () => NOW.getTime();
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

async function keptRightToWorkCheck(credentialId = 'rtw', statusLists?: Record<string, string>) {
  const world = await makeWorld();
  if (credentialId === 'hostile') {
    await addCredential(world.vault, 'hostile', { key: world.homeOffice, iss: HOME_OFFICE, vct: CREDENTIAL_TYPES.rightToWork, sd: { given_name: HOSTILE, family_name: 'Lovelace & Co', right_to_work: 'Unlimited', work_restrictions: 'None' } });
  }
  const checkerVault = new MemoryVault();
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, statusLists ?? world.statusLists), vault: checkerVault, now });
  const sharer = createSharer({ vault: world.vault, now });
  const request = await checker.createRequest({ purpose: 'right-to-work', verifierName: 'Corner shop' });
  const read = await sharer.readRequest(request.qr.frames[0]!);
  const claims = await sharer.claimsForPurpose(credentialId, 'right-to-work');
  for (const f of (await sharer.respond(read.requestId, credentialId, claims)).frames) await checker.addFrame(request.requestId, f);
  const result = await checker.verify(request.requestId);
  await checker.keepRecord(request.requestId);
  return { result, activity: createActivityLog(checkerVault) };
}

describe('a kept check record (failed before the fix)', () => {
  it('holds the result and every check, what was asked, what was seen, the issuer and who checked; "With" is the person, not the checker', async () => {
    const { result, activity } = await keptRightToWorkCheck();
    expect(result.ok).toBe(true);
    const [entry] = await activity.list();
    expect(entry).toMatchObject({ kind: 'checked', at: NOW.toISOString(), counterparty: 'Ada Lovelace' });
    // Names are kept as codes; the UI catalogue words them (src/ui/i18n/names.ts).
    expect(words(entry!.credentialTypeName)).toMatchObject({ en: 'Right to work' });
    expect(entry!.check).toMatchObject({ verdict: 'pass', checkedBy: 'Corner shop', issuerName: { en: 'Home Office' } });
    expect(entry!.check!.asked.map((a) => askedText(a, 'en'))).toEqual(['Credential: Right to work', 'Given name', 'Family name', 'Right to work', 'Work restrictions']);
    expect(entry!.check!.seen.map((s) => [words(s.label).en, s.value]).sort()).toEqual([['Family name', 'Lovelace'], ['Given name', 'Ada'], ['Right to work', 'Unlimited'], ['Work restrictions', 'None']]);
    expect(entry!.check!.checks.length).toBeGreaterThan(4);
    expect(entry!.check!.checks.every((c) => c.ok)).toBe(true);
    // Kept as reason codes; worded by the UI catalogue when read (src/ui/i18n/reasons.ts).
    expect(entry!.check!.checks.map((c) => keptCheckText(c, translator('en'), 'en'))).toContain('The issuer’s signature is genuine');
  });

  it('exports as a printable HTML document, in English or Welsh, with every claim value escaped', async () => {
    const { activity } = await keptRightToWorkCheck('hostile');
    for (const language of ['en', 'cy'] as const) {
      const blob = await checkRecordsFile(activity, language);
      expect(blob.type).toBe('text/html;charset=utf-8');
      const html = await blob.text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(doc.querySelector('img, script')).toBeNull();
      expect(doc.documentElement.lang).toBe(language);
      const text = doc.body.textContent ?? '';
      expect(text).toContain(HOSTILE);
      expect(text).toContain('Lovelace & Co');
      expect(text).toContain('Corner shop');
      expect(text).toContain(language === 'en' ? 'Home Office' : 'Y Swyddfa Gartref');
      expect(text).toContain(language === 'en' ? 'Passed' : 'Wedi llwyddo');
      expect(text).toContain(language === 'en' ? 'What was asked' : 'Beth y gofynnwyd amdano');
    }
  });
});
