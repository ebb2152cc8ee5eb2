/** The same vector suites as tests/unit/crypto, in real Chromium (WebCrypto is BoringSSL here). */
import wasmUrl from '../../../wasm/build/satchel-core.wasm?url';
import { defineEs256VectorSuite } from '../../unit/crypto/suites/es256-vectors';
import { defineEd25519VectorSuite } from '../../unit/crypto/suites/ed25519-vectors';
import { defineEs384VectorSuite } from '../../unit/crypto/suites/es384-vectors';

const wasm = async () => WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
defineEs256VectorSuite(wasm);
defineEd25519VectorSuite(wasm);
defineEs384VectorSuite(wasm);
