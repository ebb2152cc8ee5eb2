/**
 * Checking a printed card (issue 17, "Nobody left out"): the part of Checker.checkPaperCard
 * (check.ts) that reads the card's QR code and verifies it, offline. Loaded by dynamic import, so
 * the check screen's first load carries neither the Base45/zlib decoder nor this code.
 *
 *   the QR text  `SC1:` + Base45(zlib(COSE_Sign1)) (RFC 9285, RFC 1950; as the EU DCC's `HC1:`),
 *                decoded by src/protocols/paper/card-code.ts → the card's stored form
 *   verify       verifyCredential, like any credential (not a presentation: a card has no holder
 *                key, so there is no key binding): ES256 signature (RFC 9052 §4.4) with the key the
 *                trust list gives the issuer for the kid, issuer trusted for the type, validity
 *                (CWT iat/exp, RFC 8392 §3.1.4, §3.1.6), status from the cached lists only
 *                (draft-ietf-oauth-status-list, CWT claim 65535)
 *   result       the credential's reasons, then always `paper:not-bound`: nothing ties the card
 *                to the person holding it, so the checker must compare the name and photo
 */
import { verifyCredential, type SignatureVerifier, type TrustList } from '../../credentials/index';
import { base64urlEncode } from '../../lib/base64url';
import { decodeCardCode, isCardCode } from '../../protocols/paper/card-code';
import type { ClaimPath, Localised } from '../shared';
import { CheckError, type CheckReason, type CheckResult } from './check-api';
import { credentialCheck, singleCredentialResult } from './check-credential';

/** Always on a paper card's result, passed: a warning to compare the card with the person, not a failure. */
export const PAPER_NOT_BOUND: CheckReason = { code: 'paper:not-bound', ok: true };

/** Satchel's own in-person codes (request `SVQ1.`, answer `SR1.`, quick show `SQ1.`) and an ISO/IEC 18013-5 engagement (`mdoc:`). */
const OTHER_CHECK_CODE = /^\s*(SVQ1\.|SR1\.|SQ1\.|mdoc:)/i;

export interface PaperCheckContext {
  trustList: TrustList;
  verifier: SignatureVerifier;
  now: Date;
  /** The cached Status List Token for a uri (rejects when there is none: the status is then unknown). */
  fetchStatusList: (uri: string) => Promise<string>;
  claimLabel?: (type: string, path: ClaimPath) => Localised | undefined;
}

/** The code's text as the card's stored form (base64url of the COSE_Sign1 bytes); CheckError 'not-a-card' or 'card-damaged'. */
async function readCardCode(codeText: string): Promise<string> {
  const text = codeText.trim();
  if (!isCardCode(text)) {
    throw new CheckError('not-a-card', OTHER_CHECK_CODE.test(text)
      ? 'This is a code shown on a phone, not a printed card: check it with Check someone or Check a driving licence'
      : 'This QR code is not a Satchel card');
  }
  try {
    return base64urlEncode(await decodeCardCode(text));
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new CheckError('card-damaged', `Could not read this card's code${detail}. Ask for another copy, or try a clearer picture`);
  }
}

/**
 * Reads and verifies a card's QR text. Throws CheckError 'not-a-card' (another code) or
 * 'card-damaged' (Base45, zlib or CBOR fails, or what it holds is not a card); a card that fails a
 * check (unknown issuer, bad signature, expired, revoked) is a failed result, not a throw.
 */
export async function checkPaperCardCode(codeText: string, context: PaperCheckContext): Promise<CheckResult> {
  const card = await readCardCode(codeText);
  const report = await verifyCredential(card, { trustList: context.trustList, verifier: context.verifier, now: context.now, fetchStatusList: context.fetchStatusList });
  // The code decoded but does not hold a card (another CBOR, a card cut short): as damaged as a bad Base45.
  const format = report.checks.find((c) => c.name === 'format');
  if (String(report.format) !== 'paper-card' || !format?.ok) {
    throw new CheckError('card-damaged', `Could not read this card's code: ${format?.message ?? 'it does not hold a card'}`);
  }
  const credential = credentialCheck(report, {
    queryId: 'paper-card',
    asked: false,
    trustList: context.trustList,
    ...(context.claimLabel ? { claimLabel: context.claimLabel } : {}),
  });
  return singleCredentialResult(credential, [{ ...PAPER_NOT_BOUND }]);
}
