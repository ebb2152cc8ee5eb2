// An ISO/IEC 18013-5 proximity presentation and the DC API handover through verifyPresentation (./mdoc-proximity.spec.ts) in Node.
import { mdocProximitySpecs } from './mdoc-proximity.spec';

mdocProximitySpecs();
