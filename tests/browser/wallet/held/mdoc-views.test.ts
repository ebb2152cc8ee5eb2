/**
 * The held views of an ISO mdoc driving licence (format mso_mdoc), issued by the independent
 * @owf/mdoc under a P-384 IACA the trust list names for the mDL doctype: re-verified on read, its
 * elements as claim rows under the element names (the namespace left out, as labels go), the issuer's
 * labels from its metadata first (OpenID4VCI 1.0 Appendix A.2 paths [namespace, element]), the
 * portrait kept as its bytes, and the validity window the MSO signs (ISO/IEC 18013-5 §9.1.2.4).
 */
import { describe, expect, it } from 'vitest';
import { trustListFromIssuers, type TrustList, type TrustedIssuer } from '../../../../src/credentials/index';
import { CredentialViews } from '../../../../src/wallet/held';
import type { TrustCache } from '../../../../src/wallet/trust';
import type { CredentialDisplay, StoredCredential } from '../../../../src/wallet/vault';
import { words } from '../../../shared/words';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { issueMdocLicence, MDL_DOCTYPE, MDL_NAMESPACE, MDOC_DVLA, TINY_JPEG, type MdocLicence } from '../../support/mdoc-fixture';

const NOW = Date.parse('2026-06-01T12:00:00Z');

/** The trust list naming the licence's IACA for the mDL doctype (the common design's `iaca`). */
function trustListFor(licence: MdocLicence): TrustList {
  const list = trustListFromIssuers([{ id: MDOC_DVLA, name: licence.trustEntry.name, keys: [], types: [MDL_DOCTYPE] }]);
  return { ...list, issuers: list.issuers.map((issuer): TrustedIssuer => ({ ...issuer, iaca: licence.iaca })) };
}

function viewsOf(stored: StoredCredential, trustList: TrustList): CredentialViews {
  const vault = { listCredentials: async () => [stored], getCredential: async (id: string) => (id === stored.id ? stored : undefined), deleteCredential: async () => undefined };
  const trust = {
    cachedTrustList: async () => trustList,
    statusList: async () => Promise.reject(new Error('no status list in this test')),
    fetchedAt: async () => ({ statusLists: {} }),
  } as unknown as TrustCache;
  // Offline: nothing is fetched (a deleted credential's notification would be the only request).
  return new CredentialViews(vault, trust, nobleVerifier, () => NOW, () => false, { fetch: () => Promise.reject(new Error('offline in this test')) });
}

function stored(licence: MdocLicence, display?: CredentialDisplay): StoredCredential {
  return { id: 'mdl-1', raw: licence.raw, format: 'mso_mdoc', issuerName: MDOC_DVLA, type: MDL_DOCTYPE, receivedAt: new Date(NOW).toISOString(), ...(display ? { display } : {}) };
}

describe('held views of an mdoc driving licence', () => {
  it('verifies it and shows every element with its label, the portrait as bytes, the holder and the MSO validity', async () => {
    const licence = await issueMdocLicence({ signed: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') });
    const view = (await viewsOf(stored(licence), trustListFor(licence)).get('mdl-1'))!;
    expect(view.verified).toBe(true);
    expect(view.format).toBe('mso_mdoc');
    expect(view.selective).toBe(true);
    expect(view.holderName).toBe('Ava Jones');
    expect(view.validFrom).toBe('2026-01-01T00:00:00.000Z');
    expect(view.validUntil).toBe('2031-01-01T00:00:00.000Z');
    expect(view.copyValidity).toBe(true);
    expect(view.claims.map((c) => c.path)).toEqual([
      ['family_name'], ['given_name'], ['birth_date'], ['issue_date'], ['expiry_date'], ['issuing_country'], ['issuing_authority'],
      ['document_number'], ['portrait'], ['driving_privileges'], ['age_over_18'], ['age_over_21'],
    ]);
    const byName = Object.fromEntries(view.claims.map((c) => [c.path[0], c]));
    expect(words(byName.issue_date!.label)).toEqual({ en: 'Date of issue', cy: 'Dyddiad cyhoeddi' });
    expect(byName.birth_date!.value).toBe('1990-03-25');
    expect(byName.portrait!.value).toEqual(TINY_JPEG);
    expect(byName.portrait!.parts).toBeUndefined();
    expect(byName.driving_privileges!.value).toEqual([
      { vehicle_category_code: 'B', issue_date: '2008-06-01', expiry_date: '2034-09-01' },
      { vehicle_category_code: 'AM', issue_date: '2006-03-25', expiry_date: '2034-09-01', codes: [{ code: '78' }, { code: '01', sign: '=', value: '06' }] },
    ]);
  });

  it("puts the issuer's labels first, read from its metadata's [namespace, element] paths", async () => {
    const licence = await issueMdocLicence();
    const display: CredentialDisplay = {
      issuerId: MDOC_DVLA,
      configurationId: 'mobile_driving_licence',
      typeName: { en: 'Driving licence (mobile)' },
      claims: [
        { path: [MDL_NAMESPACE, 'document_number'], label: { en: 'Driver number', cy: 'Rhif gyrrwr' } },
        { path: [MDL_NAMESPACE, 'driving_privileges'], label: { en: 'Entitlements', cy: 'Hawliau' } },
        { path: [MDL_NAMESPACE, 'driving_privileges', null, 'vehicle_category_code'], label: { en: 'Vehicle category', cy: 'Categori cerbyd' } },
      ],
    };
    const view = (await viewsOf(stored(licence, display), trustListFor(licence)).get('mdl-1'))!;
    expect(view.claims.slice(0, 2).map((c) => [c.path, words(c.label)])).toEqual([
      [['document_number'], { en: 'Driver number', cy: 'Rhif gyrrwr' }],
      [['driving_privileges'], { en: 'Entitlements', cy: 'Hawliau' }],
    ]);
    expect(words(view.claims[1]!.parts!.vehicle_category_code!)).toEqual({ en: 'Vehicle category', cy: 'Categori cerbyd' });
    // Every other element follows once, under Satchel's label.
    expect(view.claims).toHaveLength(12);
  });

  it('shows no claims and no validity when the IACA is not listed for this issuer', async () => {
    const licence = await issueMdocLicence();
    const other = await issueMdocLicence();
    const view = (await viewsOf(stored(licence), trustListFor(other)).get('mdl-1'))!;
    expect(view.verified).toBe(false);
    expect(view.claims).toEqual([]);
    expect(view.validUntil).toBeUndefined();
  });
});
