// An ISO/IEC 18013-5 proximity presentation (device MAC and device signature over the session's
// transcript) and the DC API handover, through verifyPresentation in real Chromium, where the
// checker runs them: the MAC's ECDH, HKDF and HMAC with Chromium's WebCrypto, the signatures once
// with @noble/curves and once with the app's crypto worker (tests/unit/credentials/mdoc-proximity.spec.ts).
import { afterAll } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import { mdocProximitySpecs } from '../../unit/credentials/mdoc-proximity.spec';

mdocProximitySpecs();
mdocProximitySpecs('the app\'s crypto worker', workerSignatureVerifier());

afterAll(() => stopCryptoWorker());
