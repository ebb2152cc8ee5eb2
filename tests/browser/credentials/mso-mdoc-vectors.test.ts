// The mdoc vector suite (tests/unit/credentials/mso-mdoc/vectors.spec.ts) in real Chromium: the
// same Annex D, auth0 and @owf/mdoc-issued mdocs, the same tampered copies, the same results.
import { mdocVectorSpecs } from '../../unit/credentials/mso-mdoc/vectors.spec';

mdocVectorSpecs();
