// The device MAC suite (device-mac.spec.ts) in Node; the same runs in Chromium (tests/browser/credentials/mso-mdoc-present.test.ts).
import { deviceMacSpecs } from './device-mac.spec';

deviceMacSpecs();
