// The shared credential suites, run in real Chromium. The same specs run in Node (tests/unit/credentials).
import { vectorSpecs } from '../../shared/credentials/vectors.spec';
import { badInputSpecs } from '../../shared/credentials/bad-input.spec';
import { statusSpecs } from '../../shared/credentials/status.spec';
import { trustListSpecs } from '../../shared/credentials/trust-list.spec';
import { presentationSpecs } from '../../shared/credentials/presentation.spec';
import { jwtVcSpecs } from '../../shared/credentials/jwt-vc.spec';
import { batchSpecs } from '../../shared/credentials/batch.spec';
import { wycheproofJoseSpecs } from '../../shared/credentials/wycheproof-jose.spec';
import { issuanceSpecs } from '../../shared/credentials/issuance.spec';

vectorSpecs();
badInputSpecs();
statusSpecs();
trustListSpecs();
presentationSpecs();
jwtVcSpecs();
batchSpecs();
wycheproofJoseSpecs();
issuanceSpecs();
