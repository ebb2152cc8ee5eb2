/**
 * held-credentials.ts with every built-in format registered (SD-JWT VC, JWT VC, ISO mdoc): a claim
 * path's label path drops only the steps that lead to the subject in the format the path is from
 * (a W3C VC's credentialSubject, an mdoc's namespace), never a step of another format's path.
 */
import { describe, expect, it } from 'vitest';
import { labelPath, notAskedFor } from '../../../../src/wallet/held/held-credentials';

const NS = 'org.iso.18013.5.1';

describe('labelPath', () => {
  it('keeps an SD-JWT VC path as it is, top-level or nested', () => {
    expect(labelPath(['given_name'])).toEqual(['given_name']);
    expect(labelPath(['address', 'postal_code'])).toEqual(['address', 'postal_code']);
    expect(labelPath(['driving_privileges', null, 'codes'])).toEqual(['driving_privileges', null, 'codes']);
  });

  it("drops a W3C VC's credentialSubject and an mdoc's namespace (OpenID4VP 1.0 B.1.2, B.2.4)", () => {
    expect(labelPath(['credentialSubject', 'service'])).toEqual(['service']);
    expect(labelPath([NS, 'age_over_18'])).toEqual(['age_over_18']);
    expect(labelPath([NS, 'driving_privileges', null, 'vehicle_category_code'])).toEqual(['driving_privileges', null, 'vehicle_category_code']);
  });
});

describe('notAskedFor', () => {
  it('names only the claims nobody asked for, for SD-JWT paths as for mdoc ones', () => {
    expect(notAskedFor([{ path: ['given_name'], value: 'Ada' }, { path: ['family_name'], value: 'Jones' }], [['given_name']])).toEqual([['family_name']]);
    expect(notAskedFor([{ path: [NS, 'age_over_18'], value: true }, { path: [NS, 'portrait'], value: new Uint8Array(1) }], [[NS, 'age_over_18']])).toEqual([[NS, 'portrait']]);
  });
});
