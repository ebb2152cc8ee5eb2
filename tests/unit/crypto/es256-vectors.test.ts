import { readFile } from 'node:fs/promises';
import { defineEs256VectorSuite } from './suites/es256-vectors';

defineEs256VectorSuite(() => readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url)));
