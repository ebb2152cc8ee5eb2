// The ISO/IEC 18013-5 test holder against Annex D and @owf/mdoc, in Chromium. The same specs run in Node (tests/unit/interop/iso-holder.test.ts).
import { isoHolderSpecs } from '../../shared/iso-holder/iso-holder.spec';

isoHolderSpecs();
