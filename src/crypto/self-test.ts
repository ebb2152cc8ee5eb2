/**
 * Known-answer self-test run when an engine starts: SHA-256("abc") (FIPS 180-4 example B.1),
 * the RFC 7515 Appendix A.3 ES256 signature (valid, and invalid with one bit flipped), and the
 * RFC 8032 §7.1 TEST 1 Ed25519 signature. An engine that fails is not used.
 */
import type { Verifier } from './checked-verifier';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!, (b) => parseInt(b, 16));
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const RFC7515_KEY = hex('047fcdce2770f6c45d4183cbee6fdb4b7b580733357be9ef13bacf6e3c7bd15445c7f144cd1bbd9b7e872cdfedb9eeb9f4b3695d6ea90b24ad8a4623288588e5ad');
const RFC7515_INPUT = ascii('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ');
const RFC7515_SIG = hex('0ed1215379636c483c2f7f155807d402a3b228033af97c7e17819ac3169ea665c50a07d38c3c70e5d8f12daf084a5480a66590c5f293509a8f3f7f8a83a354d5');
const RFC8032_KEY = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const RFC8032_SIG = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');

export function selfTest(v: Verifier): boolean {
  try {
    const digest = v.sha256(ascii('abc'));
    if (Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') !== SHA256_ABC) return false;
    if (!v.verifyP256(RFC7515_KEY, RFC7515_INPUT, RFC7515_SIG)) return false;
    const flipped = RFC7515_SIG.slice();
    flipped[63]! ^= 1;
    if (v.verifyP256(RFC7515_KEY, RFC7515_INPUT, flipped)) return false;
    return v.verifyEd25519(RFC8032_KEY, new Uint8Array(0), RFC8032_SIG);
  } catch {
    return false;
  }
}
