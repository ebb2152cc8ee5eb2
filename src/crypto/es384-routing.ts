/**
 * A batch for an engine without ES384 (the WASM core: P-256 + Ed25519): its ES384 items go to a
 * separate check (WebCrypto in the worker, webcrypto-p384.ts), the rest to the engine in one call,
 * and the answers come back in the items' order. The boundary rules are the shared ones
 * (checked-verifier.ts): a batch of the wrong shape throws a TypeError, an ES384 item of the wrong
 * lengths is false without reaching the check, and a check that throws counts as false.
 */
import type { VerifyItem } from '../lib/signature-verifier';
import type { Verifier } from './checked-verifier';
import { assertItems, lengthsFit } from './input';
import type { P384Check } from './webcrypto-p384';

export async function verifyBatchRoutingEs384(engine: Verifier, es384: P384Check, items: readonly VerifyItem[]): Promise<boolean[]> {
  assertItems(items, 'verifyBatch');
  const rest: number[] = [];
  const checks: Promise<boolean>[] = [];
  const checked: number[] = [];
  items.forEach((item, i) => {
    if (item.alg !== 'ES384') rest.push(i);
    else if (lengthsFit('ES384', item.publicKey, item.signature)) {
      checked.push(i);
      checks.push(checkSafely(es384, item));
    }
  });
  const out = new Array<boolean>(items.length).fill(false);
  // the ES384 checks are started first: WebCrypto works on its own thread while the engine runs
  const answers = rest.length > 0 ? engine.verifyBatch(rest.map((i) => items[i]!)) : [];
  rest.forEach((i, k) => { out[i] = answers[k]!; });
  const es384Answers = await Promise.all(checks);
  checked.forEach((i, k) => { out[i] = es384Answers[k]!; });
  return out;
}

/** The check's answer, a throw or rejection being false (the rule: verify never throws on bad data). */
async function checkSafely(es384: P384Check, item: VerifyItem): Promise<boolean> {
  try {
    return (await es384(item.publicKey, item.message, item.signature)) === true;
  } catch {
    return false;
  }
}
