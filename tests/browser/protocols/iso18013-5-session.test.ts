/**
 * The ISO/IEC 18013-5 reader session against Annex D in real Chromium, whose WebCrypto (ECDH,
 * HKDF, AES-GCM) the app uses: the same specs as tests/unit/protocols/iso18013-5/reader-session.test.ts.
 */
import { readerSessionSpecs } from '../../unit/protocols/iso18013-5/reader-session.spec';

readerSessionSpecs();
