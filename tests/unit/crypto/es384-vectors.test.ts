import { readFile } from 'node:fs/promises';
import { defineEs384VectorSuite } from './suites/es384-vectors';

defineEs384VectorSuite(() => readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url)));
