// The mdoc issuer checks in real Chromium, where the app runs them: reading certificates, the
// chain to the trust list's IACA roots, and mdocs through the verify pipeline (the same suites as
// tests/unit/credentials/x509/*.spec.ts and verify-mdoc.spec.ts in Node), the pipeline once with
// @noble/curves and once with the app's crypto worker (ES384 for the P-384 IACA's signatures).
import { afterAll } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import { x509CertificateSpecs } from '../../unit/credentials/x509/certificate.spec';
import { x509ChainSpecs } from '../../unit/credentials/x509/chain.spec';
import { verifyMdocSpecs } from '../../unit/credentials/verify-mdoc.spec';

x509CertificateSpecs();
x509ChainSpecs();
verifyMdocSpecs();
verifyMdocSpecs('the app\'s crypto worker', workerSignatureVerifier());

afterAll(() => stopCryptoWorker());
