// The mdoc vector suite (./vectors.spec.ts) in Node; the same suite runs in Chromium (tests/browser/credentials/mso-mdoc-vectors.test.ts).
import { mdocVectorSpecs } from './vectors.spec';

mdocVectorSpecs();
