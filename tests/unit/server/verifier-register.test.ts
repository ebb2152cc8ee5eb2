/**
 * The reference register of verifiers (src/server/reference/verifier-register.ts): a register CA
 * and a request-signing certificate for each registered reference verifier, made once and kept in
 * the data folder, as the trust list's `verifier_register` names them (docs/credentials.md).
 */
import '../../../src/server/reference/reflect-metadata-shim';
import * as x509 from '@peculiar/x509';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGISTERED_VERIFIERS } from '../../../src/server/reference/registered-verifiers';
import { loadOrCreateVerifierRegister, REGISTER_CA_NAME, VERIFIER_REGISTER_FILE } from '../../../src/server/reference/verifier-register';

const ORGANIZATION_IDENTIFIER = '2.5.4.97';
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'satchel-register-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the reference verifier register', () => {
  it('a P-256 register CA: self-signed, a CA (critical basicConstraints), keyCertSign', async () => {
    const register = await loadOrCreateVerifierRegister(dataDir);
    const ca = new x509.X509Certificate(register.caCertificate);
    expect(ca.subject).toContain(`CN=${REGISTER_CA_NAME}`);
    expect(ca.subject).toBe(ca.issuer);
    expect(await ca.verify({ signatureOnly: true })).toBe(true);
    expect(ca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    const basic = ca.getExtension(x509.BasicConstraintsExtension)!;
    expect(basic.ca).toBe(true);
    expect(basic.critical).toBe(true);
    const usage = ca.getExtension(x509.KeyUsagesExtension)!;
    expect(usage.usages & x509.KeyUsageFlags.keyCertSign).toBeTruthy();
    expect(usage.critical).toBe(true);
  });

  it('each registered verifier has a leaf the CA issued: O=name, organizationIdentifier=register id, SAN localhost, digitalSignature, P-256', async () => {
    const register = await loadOrCreateVerifierRegister(dataDir);
    const ca = new x509.X509Certificate(register.caCertificate);
    expect(Object.keys(register.signers).sort()).toEqual(REGISTERED_VERIFIERS.map((v) => v.id).sort());
    for (const entry of REGISTERED_VERIFIERS) {
      const signer = register.signers[entry.id]!;
      expect(signer.x5c).toHaveLength(2);
      expect(signer.x5c[1]).toEqual(register.caCertificate);
      const leaf = new x509.X509Certificate(signer.x5c[0]!);
      expect(leaf.issuer).toBe(ca.subject);
      expect(await leaf.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
      expect(leaf.subjectName.getField(ORGANIZATION_IDENTIFIER)).toEqual([entry.id]);
      expect(leaf.subjectName.getField('O')).toEqual([entry.name.en]);
      expect(leaf.getExtension(x509.SubjectAlternativeNameExtension)!.names.items.map((n) => [n.type, n.value])).toEqual([['dns', 'localhost']]);
      const usage = leaf.getExtension(x509.KeyUsagesExtension)!;
      expect(usage.usages).toBe(x509.KeyUsageFlags.digitalSignature);
      expect(leaf.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
      // The private key signs what the leaf's public key verifies (ES256), and cannot be exported.
      const data = new TextEncoder().encode('signing input');
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, data);
      expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await leaf.publicKey.export(), signature, data)).toBe(true);
      expect(signer.privateKey.extractable).toBe(false);
    }
  });

  it('is made once and kept in the data folder: a restart reads the same certificates', async () => {
    const first = await loadOrCreateVerifierRegister(dataDir);
    const second = await loadOrCreateVerifierRegister(dataDir);
    expect(second.caCertificate).toEqual(first.caCertificate);
    for (const id of Object.keys(first.signers)) expect(second.signers[id]!.x5c).toEqual(first.signers[id]!.x5c);
    expect(JSON.parse(readFileSync(join(dataDir, VERIFIER_REGISTER_FILE), 'utf8'))).toHaveProperty('ca');
  });

  it('a leaf about to expire, or not issued by the stored CA, is made again; the CA stays', async () => {
    const first = await loadOrCreateVerifierRegister(dataDir);
    const id = REGISTERED_VERIFIERS[0]!.id;
    const inElevenMonths = new Date(Date.now() + 340 * 86_400_000);
    const renewed = await loadOrCreateVerifierRegister(dataDir, inElevenMonths);
    expect(renewed.caCertificate).toEqual(first.caCertificate);
    expect(renewed.signers[id]!.x5c[0]).not.toEqual(first.signers[id]!.x5c[0]);
    // Another CA's leaf stored under this register (e.g. a folder from an older version): replaced.
    const stored = JSON.parse(readFileSync(join(dataDir, VERIFIER_REGISTER_FILE), 'utf8')) as { ca: unknown };
    const other = mkdtempSync(join(tmpdir(), 'satchel-register-other-'));
    try {
      await loadOrCreateVerifierRegister(other);
      const otherStored = JSON.parse(readFileSync(join(other, VERIFIER_REGISTER_FILE), 'utf8')) as { ca: unknown };
      writeFileSync(join(dataDir, VERIFIER_REGISTER_FILE), JSON.stringify({ ...otherStored, ca: stored.ca }));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    const repaired = await loadOrCreateVerifierRegister(dataDir);
    const ca = new x509.X509Certificate(repaired.caCertificate);
    for (const signer of Object.values(repaired.signers)) expect(await new x509.X509Certificate(signer.x5c[0]!).verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
  });
});
