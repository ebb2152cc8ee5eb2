// The certificate-reading suite (./certificate.spec.ts) in Node; the same suite runs in Chromium (tests/browser/credentials/x509.test.ts).
import { x509CertificateSpecs } from './certificate.spec';

x509CertificateSpecs();
