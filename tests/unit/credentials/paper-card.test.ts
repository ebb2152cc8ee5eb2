// The paper card suite in Node; the same spec runs in Chromium (tests/browser/credentials/paper-card.test.ts).
import { paperCardSpecs } from '../../shared/credentials/paper-card.spec';

paperCardSpecs();
