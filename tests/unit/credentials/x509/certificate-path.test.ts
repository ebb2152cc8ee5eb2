/**
 * RFC 5280 §6 path validation of a verifier's x5c to a register CA (certificate-path.ts): the
 * accepted shapes (leaf alone, leaf + intermediate, the anchor repeated at the end), every refusal
 * with its problem code, and the signatures returned as batch items (checked here with
 * @noble/curves), never checked inside.
 */
import { describe, expect, it } from 'vitest';
import { CertificatePathError, MAX_PATH_CERTIFICATES, validateCertificatePath } from '../../../../src/credentials/x509/certificate-path';
import { runBatch } from '../../../../src/credentials/batch';
import { parseCertificate } from '../../../../src/credentials/x509/certificate';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { makeIntermediateCa, makeRegisterCa, makeVerifierCertificate, makeVerifierPki, x509 } from '../../../shared/credentials/verifier-pki';

const NOW_S = Math.floor(Date.now() / 1000);
const LEAF = { organizationIdentifier: 'GB-REG-0001', organizationName: 'Example Jobs Ltd', dnsNames: ['jobs.example', 'www.jobs.example'] };

function refusal(run: () => unknown): CertificatePathError {
  try {
    run();
  } catch (e) {
    if (e instanceof CertificatePathError) return e;
    throw e;
  }
  throw new Error('the path was accepted');
}

async function allSignaturesGood(items: readonly { item: import('../../../../src/lib/signature-verifier').VerifyItem }[]): Promise<boolean[]> {
  return runBatch(nobleVerifier, items.map((i) => i.item));
}

describe('validateCertificatePath', () => {
  it('accepts a leaf issued by a listed anchor and returns the leaf, the anchor and the leaf signature as a batch item', async () => {
    const { ca, leaf, x5c } = await makeVerifierPki(LEAF);
    const other = await makeRegisterCa({ name: 'CN=Another Register CA, C=GB' });
    const path = validateCertificatePath(x5c, [other.der, ca.der], NOW_S);
    expect(path.leaf.organizationIdentifier).toBe('GB-REG-0001');
    expect(path.leaf.dnsNames).toEqual(['jobs.example', 'www.jobs.example']);
    expect(path.leaf.subject).toContain('O=Example Jobs Ltd');
    expect(path.leaf.publicKey.alg).toBe('ES256');
    expect(path.anchor).toBe(ca.der);
    expect(path.items).toHaveLength(1);
    expect(await allSignaturesGood(path.items)).toEqual([true]);
    void leaf;
  });

  it('accepts the anchor repeated at the end of x5c, and a path through an intermediate', async () => {
    const ca = await makeRegisterCa({ pathLength: 1 });
    const intermediate = await makeIntermediateCa(ca, { pathLength: 0 });
    const leaf = await makeVerifierCertificate(intermediate, LEAF);
    const withAnchor = validateCertificatePath([leaf.der, intermediate.der, ca.der], [ca.der], NOW_S);
    expect(withAnchor.items).toHaveLength(2);
    expect(await allSignaturesGood(withAnchor.items)).toEqual([true, true]);
    const withoutAnchor = validateCertificatePath([leaf.der, intermediate.der], [ca.der], NOW_S);
    expect(withoutAnchor.anchor).toBe(ca.der);
    expect(await allSignaturesGood(withoutAnchor.items)).toEqual([true, true]);
  });

  it('returns a forged certificate signature as a failing item (never checked inside)', async () => {
    const { ca, leaf } = await makeVerifierPki(LEAF);
    // The last byte of a certificate is the last byte of its ECDSA signature's s: still DER, no longer the CA's signature.
    const forged = leaf.der.slice();
    forged[forged.length - 1]! ^= 0x01;
    const path = validateCertificatePath([forged], [ca.der], NOW_S);
    expect(await allSignaturesGood(path.items)).toEqual([false]);
    // A CA with the same name but another key: its key identifier does not match the leaf's authority key identifier.
    const impostor = await makeRegisterCa();
    expect(refusal(() => validateCertificatePath([leaf.der], [impostor.der], NOW_S)).problem).toBe('certificate-unlisted');
  });

  it('refuses a chain to no listed anchor, or with no anchors at all: certificate-unlisted', async () => {
    const { x5c } = await makeVerifierPki(LEAF);
    const stranger = await makeRegisterCa({ name: 'CN=Some Other CA, C=GB' });
    expect(refusal(() => validateCertificatePath(x5c, [stranger.der], NOW_S))).toMatchObject({ problem: 'certificate-unlisted', message: expect.stringMatching(/Test Register of Verifiers CA.*not a register/) });
    expect(refusal(() => validateCertificatePath(x5c, [], NOW_S)).problem).toBe('certificate-unlisted');
  });

  it('refuses an expired leaf, an expired anchor and a leaf not yet valid: certificate-expired', async () => {
    const past = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') };
    const { ca, x5c } = await makeVerifierPki({ ...LEAF, ...past });
    expect(refusal(() => validateCertificatePath(x5c, [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-expired', message: expect.stringMatching(/expired on 1 January 2025/) });
    const oldCa = await makeVerifierPki({ ...LEAF, registerCa: past });
    expect(refusal(() => validateCertificatePath(oldCa.x5c, [oldCa.ca.der], NOW_S))).toMatchObject({ problem: 'certificate-expired', message: expect.stringMatching(/register CA/) });
    const future = await makeVerifierPki({ ...LEAF, notBefore: new Date(Date.now() + 30 * 86_400_000) });
    expect(refusal(() => validateCertificatePath(future.x5c, [future.ca.der], NOW_S))).toMatchObject({ problem: 'certificate-expired', message: expect.stringMatching(/not valid until/) });
  });

  it(`refuses more than ${MAX_PATH_CERTIFICATES} certificates, a loop and a self-issued leaf: certificate-invalid`, async () => {
    const { ca, leaf } = await makeVerifierPki(LEAF);
    const tooLong = Array.from({ length: MAX_PATH_CERTIFICATES + 1 }, () => leaf.der);
    expect(refusal(() => validateCertificatePath(tooLong, [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/5 certificates.*at most 4/) });
    expect(refusal(() => validateCertificatePath([leaf.der, leaf.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/loops/) });
    const intermediate = await makeIntermediateCa(ca);
    expect(refusal(() => validateCertificatePath([leaf.der, intermediate.der, leaf.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/loops/) });
    // The anchor itself presented as the leaf: self-issued, so it names no verifier.
    expect(refusal(() => validateCertificatePath([ca.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/names itself as its issuer/) });
    expect(refusal(() => validateCertificatePath([], [ca.der], NOW_S)).problem).toBe('certificate-invalid');
    expect(refusal(() => validateCertificatePath([Uint8Array.of(1, 2, 3)], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/^The signing certificate/) });
  });

  it('refuses an issuer that is not a CA, a CA without keyCertSign, and an anchor that is not a CA', async () => {
    const ca = await makeRegisterCa();
    const notCa = await makeIntermediateCa(ca, { ca: false });
    const leafOfNotCa = await makeVerifierCertificate(notCa, LEAF);
    expect(refusal(() => validateCertificatePath([leafOfNotCa.der, notCa.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/not a certificate authority/) });
    const noCertSign = await makeIntermediateCa(ca, { keyUsage: x509.KeyUsageFlags.digitalSignature });
    const leafOfNoCertSign = await makeVerifierCertificate(noCertSign, LEAF);
    expect(refusal(() => validateCertificatePath([leafOfNoCertSign.der, noCertSign.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/keyCertSign/) });
    const anchorNotCa = await makeVerifierPki({ ...LEAF, registerCa: { ca: false } });
    expect(refusal(() => validateCertificatePath(anchorNotCa.x5c, [anchorNotCa.ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/register CA.*not a certificate authority/) });
    const leafThatIsCa = await makeVerifierCertificate(ca, { ...LEAF, ca: true });
    expect(refusal(() => validateCertificatePath([leafThatIsCa.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/is a CA certificate/) });
  });

  it('refuses a path longer than a CA\'s pathLenConstraint allows', async () => {
    const ca = await makeRegisterCa({ pathLength: 0 });
    const intermediate = await makeIntermediateCa(ca);
    const leaf = await makeVerifierCertificate(intermediate, LEAF);
    expect(refusal(() => validateCertificatePath([leaf.der, intermediate.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/path length/) });
  });

  it('refuses an unknown critical extension anywhere in the path', async () => {
    const unknownCritical = new x509.Extension('1.3.6.1.4.1.99999.1', true, Uint8Array.of(0x05, 0x00));
    const onLeaf = await makeVerifierPki({ ...LEAF, extensions: [unknownCritical] });
    expect(refusal(() => validateCertificatePath(onLeaf.x5c, [onLeaf.ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/1\.3\.6\.1\.4\.1\.99999\.1/) });
    const onAnchor = await makeVerifierPki({ ...LEAF, registerCa: { extensions: [unknownCritical] } });
    expect(refusal(() => validateCertificatePath(onAnchor.x5c, [onAnchor.ca.der], NOW_S)).problem).toBe('certificate-invalid');
    // Not critical: ignored (RFC 5280 §4.2).
    const nonCritical = await makeVerifierPki({ ...LEAF, extensions: [new x509.Extension('1.3.6.1.4.1.99999.1', false, Uint8Array.of(0x05, 0x00))] });
    expect(validateCertificatePath(nonCritical.x5c, [nonCritical.ca.der], NOW_S).leaf.organizationIdentifier).toBe('GB-REG-0001');
  });

  it('reads subjectAltName dNSNames (lower-cased; critical or not) and one organizationIdentifier; refuses two different ones', async () => {
    const ca = await makeRegisterCa();
    const make = async (subject: string, critical: boolean) =>
      new Uint8Array(
        (
          await x509.X509CertificateGenerator.create({
            subject, issuer: ca.certificate.subject, publicKey: ca.keys.publicKey, signingKey: ca.keys.privateKey, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
            extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'Jobs.Example' }, { type: 'url', value: 'https://other.example/' }], critical)],
          })
        ).rawData,
      );
    const certificate = parseCertificate(await make('CN=Jobs, 2.5.4.97=GB-REG-0001', true), 'The test certificate');
    expect(certificate).toMatchObject({ dnsNames: ['jobs.example'], organizationIdentifier: 'GB-REG-0001', unknownCritical: [] });
    expect(certificate.subject).toBe('CN=Jobs, organizationIdentifier=GB-REG-0001');
    expect(parseCertificate(await make('CN=Jobs', false), 'The test certificate')).not.toHaveProperty('organizationIdentifier');
    const twoIds = await make('CN=Jobs, 2.5.4.97=GB-REG-0001, 2.5.4.97=GB-REG-0002', false);
    expect(() => parseCertificate(twoIds, 'The test certificate')).toThrow(/more than one organisation identifier/);
  });

  it('refuses a chain whose certificates do not follow each other (issuer name or key identifier)', async () => {
    const ca = await makeRegisterCa();
    const intermediate = await makeIntermediateCa(ca);
    const leafOfCa = await makeVerifierCertificate(ca, LEAF);
    // The leaf was issued by the CA, not by the intermediate sent after it.
    expect(refusal(() => validateCertificatePath([leafOfCa.der, intermediate.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/was not issued by/) });
    // Same name, another key: the authority key identifier tells them apart.
    const twin = await makeIntermediateCa(ca);
    const leafOfTwin = await makeVerifierCertificate(twin, LEAF);
    expect(refusal(() => validateCertificatePath([leafOfTwin.der, intermediate.der], [ca.der], NOW_S))).toMatchObject({ problem: 'certificate-invalid', message: expect.stringMatching(/key identifier/) });
  });
});
