/**
 * Replays that alter the signature bytes. ES256 signatures are malleable: if
 * (r, s) verifies, so does (r, n − s) (FIPS 186-5 ECDSA verification does not require low s), so a
 * photographed code re-shown with s flipped carries a different signature over the same signed
 * content. The checker must remember what was signed, not the signature.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createPresentation } from '../../../../src/credentials/index';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { encryptJwe } from '../../../../src/lib/jwe';
import { splitIntoFrames } from '../../../../src/protocols/in-person/frames';
import { packPresentation, unpackPresentation } from '../../../../src/protocols/in-person/quick-show-payload';
import { decodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { createChecker, QUICK_SHOW_REQUEST_ID } from '../../../../src/wallet/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { Checker } from '../../../../src/wallet/check';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';

/** The order of the P-256 group (SEC 2 §2.4.2). */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

const toBig = (bytes: Uint8Array) => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
const toBytes32 = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * (31 - i))) & 0xffn));

/** The same presentation with its KB-JWT signature (r, s) replaced by (r, n − s) (RFC 7518 §3.4: R ‖ S). */
function flipKeyBindingS(presentation: string): string {
  const cut = presentation.lastIndexOf('~') + 1;
  const [h, p, sig] = presentation.slice(cut).split('.');
  const bytes = base64urlDecode(sig!)!;
  expect(bytes.length).toBe(64);
  const flipped = new Uint8Array(64);
  flipped.set(bytes.subarray(0, 32), 0);
  flipped.set(toBytes32(P256_N - toBig(bytes.subarray(32))), 32);
  return `${presentation.slice(0, cut)}${h}.${p}.${base64urlEncode(flipped)}`;
}

let world: World;
let sharer: Sharer;
const now = () => NOW.getTime();
const newChecker = (): Checker => createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now });

beforeEach(async () => {
  world = await makeWorld();
  sharer = createSharer({ vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

async function feed(checker: Checker, requestId: string, frames: string[]): Promise<void> {
  for (const f of frames) await checker.addFrame(requestId, f);
}

describe('a replay with the signature altered', () => {
  it('quick show: a copy with s flipped to n − s still verifies, but the same checker refuses it as replayed', async () => {
    const shown = await sharer.quickShow('licence', [['age_over_18']]);
    const presentation = (await unpackPresentation(shown.frames.map((f) => f.split('.').slice(4).join('.')).join('')))!;
    expect(presentation).toContain('~');
    const copy = splitIntoFrames('quick-show', await packPresentation(flipKeyBindingS(presentation)));

    // The flipped copy is a valid presentation: a checker that has not seen the original accepts it.
    const elsewhere = newChecker();
    await elsewhere.acceptQuickShow();
    await feed(elsewhere, QUICK_SHOW_REQUEST_ID, copy);
    const there = await elsewhere.verify(QUICK_SHOW_REQUEST_ID);
    expect(there.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(there.ok).toBe(true);

    // The checker that saw the original refuses the copy.
    const checker = newChecker();
    await checker.acceptQuickShow();
    await feed(checker, QUICK_SHOW_REQUEST_ID, shown.frames);
    expect((await checker.verify(QUICK_SHOW_REQUEST_ID)).ok).toBe(true);
    await feed(checker, QUICK_SHOW_REQUEST_ID, copy);
    await expect(checker.verify(QUICK_SHOW_REQUEST_ID)).rejects.toMatchObject({ code: 'replayed' });
  });

  it('request and response: an answer with s flipped, re-encrypted to the same request, is refused as replayed', async () => {
    const checker = newChecker();
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
    const raw = world.vault.credentials.find((c) => c.id === 'licence')!.raw;
    const presentation = await createPresentation(raw, { disclose: [['age_over_18']], audience: decoded.clientId, nonce: decoded.nonce, holderKey: await world.vault.deviceSigningKey('licence'), now: NOW });
    const answer = async (p: string) => splitIntoFrames('response', await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: { over_18: [p] } })), decoded.encryptionKey!));
    await feed(checker, request.requestId, await answer(presentation));
    expect((await checker.verify(request.requestId)).ok).toBe(true);
    await feed(checker, request.requestId, await answer(flipKeyBindingS(presentation)));
    await expect(checker.verify(request.requestId)).rejects.toMatchObject({ code: 'replayed' });
  });
});
