// The mdoc issuer-chain suite (./chain.spec.ts) in Node; the same suite runs in Chromium (tests/browser/credentials/x509.test.ts).
import { x509ChainSpecs } from './chain.spec';

x509ChainSpecs();
