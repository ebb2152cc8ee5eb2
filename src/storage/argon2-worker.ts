/**
 * A one-shot worker that runs Argon2id (RFC 9106, hash-wasm) off the main thread, so the page keeps
 * painting during the ~1 s derivation, and calibrates the parameters where they will run. It gets
 * one request, answers once (the tag is transferred; the password bytes, transferred in, are wiped
 * here), and argon2.ts then terminates it, returning its 19–64 MiB at once. Checked against the
 * WebWorker lib, as every *-worker.ts entry is (tsconfig.worker.json).
 */
import { argon2id } from 'hash-wasm';
import { ARGON2_TAG_BYTES, chooseArgon2Params, type Argon2Params, type Calibration } from './argon2-params';

export type Argon2Request =
  | ({ kind: 'derive'; password: Uint8Array; salt: Uint8Array } & Argon2Params)
  | { kind: 'calibrate'; targetMs: number; maxMemoryKiB: number };
export type Argon2Response = { ok: true; tag?: Uint8Array; calibration?: Calibration } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Argon2Request>) => void) | null;
  postMessage(message: Argon2Response, transfer: Transferable[]): void;
};

/** RFC 9106 §3.1: Argon2id(P, S, p, T = 32, m, t), version 0x13. */
function derive(password: Uint8Array, salt: Uint8Array, p: Argon2Params): Promise<Uint8Array> {
  return argon2id({
    password,
    salt,
    parallelism: p.parallelism,
    iterations: p.iterations,
    memorySize: p.memoryKiB,
    hashLength: ARGON2_TAG_BYTES,
    outputType: 'binary',
  });
}

async function handle(r: Argon2Request): Promise<{ response: Argon2Response; transfer: Transferable[] }> {
  if (r.kind === 'derive') {
    try {
      const tag = await derive(r.password, r.salt, r);
      return { response: { ok: true, tag }, transfer: [tag.buffer] };
    } finally {
      r.password.fill(0);
    }
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const password = new TextEncoder().encode('calibration');
  const calibration = await chooseArgon2Params(
    async (memoryKiB) => {
      const start = performance.now();
      (await derive(password, salt, { memoryKiB, iterations: 1, parallelism: 1 })).fill(0);
      return performance.now() - start;
    },
    r.targetMs,
    r.maxMemoryKiB,
  );
  return { response: { ok: true, calibration }, transfer: [] };
}

scope.onmessage = (event) => {
  handle(event.data).then(
    ({ response, transfer }) => scope.postMessage(response, transfer),
    (error: unknown) => scope.postMessage({ ok: false, message: String(error) }, []),
  );
};
