import { readFile } from 'node:fs/promises';
import { defineEd25519VectorSuite } from './suites/ed25519-vectors';

defineEd25519VectorSuite(() => readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url)));
