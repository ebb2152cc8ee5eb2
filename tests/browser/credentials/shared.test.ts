// The shared credential suites, run in real Chromium. The same specs run in Node (tests/unit/credentials).
import { vectorSpecs } from '../../shared/credentials/vectors.spec';

vectorSpecs();
