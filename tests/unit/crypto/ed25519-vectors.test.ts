import { readFile } from 'node:fs/promises';
import { defineEd25519VectorSuite } from './suites/ed25519-vectors';
import { coreWasmUrl } from './core-wasm';

defineEd25519VectorSuite(() => readFile(coreWasmUrl));
