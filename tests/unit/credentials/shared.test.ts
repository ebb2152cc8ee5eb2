// The shared credential suites, run in Node. The same specs run in Chromium (tests/browser/credentials).
import { vectorSpecs } from '../../shared/credentials/vectors.spec';

vectorSpecs();
