// Signed request objects in real Chromium, where the app reads them: certificate paths, the
// x509_san_dns:/x509_hash: checks, WebCrypto's SHA-256 and one signature batch (the same suite as
// tests/unit/protocols/openid4vp/signed-request.spec.ts in Node), once with @noble/curves and once
// with the app's crypto worker, as the share use case checks them.
import { afterAll } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import { signedRequestSpecs } from '../../unit/protocols/openid4vp/signed-request.spec';

signedRequestSpecs();
signedRequestSpecs(workerSignatureVerifier(), "the app's crypto worker");

afterAll(() => stopCryptoWorker());
