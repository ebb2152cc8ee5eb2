// The paper card suite in real Chromium (its WebCrypto, DecompressionStream and TextDecoder); the same spec runs in Node (tests/unit/credentials/paper-card.test.ts).
import { paperCardSpecs } from '../../shared/credentials/paper-card.spec';

paperCardSpecs();
