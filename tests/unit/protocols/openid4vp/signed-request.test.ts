// Signed request objects (./signed-request.spec.ts) in Node, signatures checked with @noble/curves; the same suite runs in Chromium (tests/browser/protocols/signed-request.test.ts).
import { signedRequestSpecs } from './signed-request.spec';

signedRequestSpecs();
