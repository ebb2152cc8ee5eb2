// The ISO/IEC 18013-5 test holder against Annex D and @owf/mdoc, in Node. The same specs run in Chromium (tests/browser/protocols/iso-holder.test.ts).
import { isoHolderSpecs } from '../../shared/iso-holder/iso-holder.spec';

isoHolderSpecs();
