/**
 * Who is asking (docs/sharing.md, "Who is asking"): a validated request's signer matched to the
 * trust list's verifier register by its certificate's organizationIdentifier, and the claims a
 * registered verifier asks for beyond what it is registered for.
 */
import { describe, expect, it } from 'vitest';
import type { RegisteredVerifier, VerifierRegister } from '../../../../src/credentials/index';
import type { RequestSigner } from '../../../../src/protocols/openid4vp/request-object';
import { beyondRegistration, identifyVerifier } from '../../../../src/wallet/share/verifier-identity';
import { ShareError } from '../../../../src/wallet/share/share-api';

const ANCHOR = new Uint8Array([0x30, 0x03, 0x01, 0x02, 0x03]);
const OTHER_ANCHOR = new Uint8Array([0x30, 0x03, 0x09, 0x09, 0x09]);
const MDL = 'org.iso.18013.5.1.mDL';
const LICENCE = 'https://example.gov.uk/credentials/driving-licence';

const shop: RegisteredVerifier = {
  id: 'GB-REG-0002',
  name: { en: 'Corner Shop', cy: 'Siop y Gornel' },
  registration: { en: 'Registered to check age', cy: 'Wedi cofrestru i wirio oedran' },
  permitted: [
    { types: [LICENCE], claims: [['age_over_18']] },
    { types: [MDL], claims: [['org.iso.18013.5.1', 'age_over_18']] },
  ],
};
const jobs: RegisteredVerifier = { id: 'GB-REG-0001', name: { en: 'Example Jobs Ltd' }, registration: { en: 'Registered to check the right to work' }, permitted: [] };
const register: VerifierRegister = { anchors: [ANCHOR], verifiers: [jobs, shop] };

const signer = (o: Partial<RequestSigner> = {}): RequestSigner => ({
  prefix: 'x509_hash',
  subject: 'CN=Corner Shop, O=Corner Shop, 2.5.4.97=GB-REG-0002, C=GB',
  organizationIdentifier: 'GB-REG-0002',
  dnsNames: ['localhost'],
  anchor: ANCHOR.slice(),
  ...o,
});

function refusal(run: () => unknown): ShareError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ShareError);
    return error as ShareError;
  }
  throw new Error('expected a refusal');
}

describe('identifyVerifier', () => {
  it('an unsigned request (no signer) is from an unregistered verifier, register or not', () => {
    expect(identifyVerifier(undefined, register)).toEqual({ identity: { kind: 'unregistered' } });
    expect(identifyVerifier(undefined, undefined)).toEqual({ identity: { kind: 'unregistered' } });
  });

  it('a signer whose organizationIdentifier is a register entry is that registered verifier, named as the register names it', () => {
    const { identity, entry } = identifyVerifier(signer(), register);
    expect(identity).toEqual({ kind: 'registered', registerId: 'GB-REG-0002', name: { en: 'Corner Shop', cy: 'Siop y Gornel' }, registration: { en: 'Registered to check age', cy: 'Wedi cofrestru i wirio oedran' } });
    expect(entry).toBe(shop);
  });

  it('a signer with no organizationIdentifier, or one the register does not list, is refused as certificate-unlisted', () => {
    for (const s of [signer({ organizationIdentifier: undefined }), signer({ organizationIdentifier: 'GB-REG-9999' }), signer({ organizationIdentifier: '' })]) {
      const error = refusal(() => identifyVerifier(s, register));
      expect(error).toMatchObject({ code: 'verifier-untrusted', details: { verifierProblem: 'certificate-unlisted' } });
      expect(error.message).toMatch(/not on the register/);
    }
  });

  it('a chain that ended at a certificate that is not one of the register\'s anchors is refused (certificate-unlisted)', () => {
    const error = refusal(() => identifyVerifier(signer({ anchor: OTHER_ANCHOR }), register));
    expect(error).toMatchObject({ code: 'verifier-untrusted', details: { verifierProblem: 'certificate-unlisted' } });
  });

  it('a signed request when the trust list has no register is refused (certificate-unlisted), never shown as registered', () => {
    const error = refusal(() => identifyVerifier(signer(), undefined));
    expect(error).toMatchObject({ code: 'verifier-untrusted', details: { verifierProblem: 'certificate-unlisted' } });
    expect(error.message).toMatch(/no register of verifiers/);
  });
});

describe('beyondRegistration', () => {
  it('a claim of a permitted type and path is covered; another claim, or the same claim of another type, is not', () => {
    expect(beyondRegistration(shop, [LICENCE], ['age_over_18'])).toBe(false);
    expect(beyondRegistration(shop, [LICENCE], ['given_name'])).toBe(true);
    expect(beyondRegistration(shop, ['https://example.gov.uk/credentials/right-to-work'], ['age_over_18'])).toBe(true);
  });

  it('an mdoc path [namespace, element] is compared whole', () => {
    expect(beyondRegistration(shop, [MDL], ['org.iso.18013.5.1', 'age_over_18'])).toBe(false);
    expect(beyondRegistration(shop, [MDL], ['org.iso.18013.5.1', 'birth_date'])).toBe(true);
    expect(beyondRegistration(shop, [MDL], ['org.iso.18013.5.1.GB', 'age_over_18'])).toBe(true);
    expect(beyondRegistration(shop, [MDL], ['age_over_18'])).toBe(true);
  });

  it('a longer or shorter path than the permitted one is not covered (the register names what may be asked, exactly)', () => {
    expect(beyondRegistration(shop, [LICENCE], ['age_over_18', 0])).toBe(true);
    expect(beyondRegistration(shop, [MDL], ['org.iso.18013.5.1'])).toBe(true);
  });

  it('any of a credential\'s types may be the permitted one (a W3C VC has several)', () => {
    expect(beyondRegistration(shop, ['VerifiableCredential', LICENCE], ['age_over_18'])).toBe(false);
  });

  it('an entry with no permitted requests covers nothing', () => {
    expect(beyondRegistration(jobs, [LICENCE], ['age_over_18'])).toBe(true);
  });
});
