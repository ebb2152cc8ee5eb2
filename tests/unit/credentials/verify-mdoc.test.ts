// Verifying mdocs by their certificate chain (./verify-mdoc.spec.ts) in Node; the same suite runs in Chromium (tests/browser/credentials/x509.test.ts).
import { verifyMdocSpecs } from './verify-mdoc.spec';

verifyMdocSpecs();
