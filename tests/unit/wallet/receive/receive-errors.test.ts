/**
 * A failed report as the receive screen's code: an mdoc from a trusted department that is not
 * signed under a certificate the trust list names for it (its Document Signer chains to an IACA
 * the list does not hold, or breaks the ISO/IEC 18013-5 Annex B profile) is said to be that, not
 * "not from a recognised issuer" — the offer itself came from a recognised one.
 */
import { describe, expect, it } from 'vitest';
import type { CheckCode, VerificationReport } from '../../../../src/credentials/index';
import { reportError, toReceiveError } from '../../../../src/wallet/receive/receive-errors';
import { Oid4vciError } from '../../../../src/protocols/openid4vci/index';
import { ReceiveError } from '../../../../src/wallet/receive/receive-api';
import { receiveErrorMessage } from '../../../../src/ui/receive/receive-error-message';
import { translator } from '../../../../src/ui/i18n/translate';

function failedTrust(format: VerificationReport['format'], code: CheckCode): VerificationReport {
  return {
    valid: false,
    format,
    issuer: { id: '' },
    type: 'org.iso.18013.5.1.mDL',
    claims: {},
    checks: [
      { name: 'signature', ok: true, message: 'signed', code: 'ok' },
      { name: 'issuer-trusted', ok: false, message: 'library words', code },
    ],
  };
}

describe('reportError', () => {
  it('an mdoc under an IACA the trust list does not name, or under a certificate that breaks the profile: unrecognised-certificate', () => {
    for (const code of ['unknown-issuer', 'bad-certificate'] as const) {
      const error = reportError(failedTrust('mso_mdoc', code));
      expect(error.code, code).toBe('unrecognised-certificate');
      expect(error.details.reasons).toEqual(['library words']);
    }
  });

  it('an SD-JWT whose issuer is not on the list is still from an unrecognised issuer; a type not allowed stays so', () => {
    expect(reportError(failedTrust('dc+sd-jwt', 'unknown-issuer')).code).toBe('untrusted-issuer');
    expect(reportError(failedTrust('mso_mdoc', 'type-not-allowed')).code).toBe('type-not-allowed');
    expect(reportError(failedTrust('mso_mdoc', 'expired')).code).toBe('verification-failed');
  });
});

describe('toReceiveError for a sign-in redirect (RFC 6749 §4.1.2.1)', () => {
  const redirectError = (error: string) => toReceiveError(new Oid4vciError('oauth', error, { oauthError: error, authorizationResponse: true }));

  it('the person cancelling or the department refusing is sign-in-refused; the sign-in being broken or busy is server-error', () => {
    for (const error of ['access_denied', 'login_required', 'invalid_scope', 'invalid_request']) expect(redirectError(error).code, error).toBe('sign-in-refused');
    for (const error of ['server_error', 'temporarily_unavailable']) expect(redirectError(error).code, error).toBe('server-error');
  });

  it('the same errors from a token endpoint keep their old meanings', () => {
    expect(toReceiveError(new Oid4vciError('oauth', 'x', { oauthError: 'access_denied' })).code).toBe('server-error');
    expect(toReceiveError(new Oid4vciError('oauth', 'x', { oauthError: 'invalid_grant' })).code).toBe('expired-offer');
  });
});

describe('receiveErrorMessage', () => {
  it('words unrecognised-certificate plainly in English and Welsh', () => {
    const error = new ReceiveError('unrecognised-certificate', 'x');
    expect(receiveErrorMessage(translator('en'), error)).toBe('What the department sent is not signed by a certificate Satchel recognises for it, so Satchel did not keep it. Contact the department.');
    const cy = receiveErrorMessage(translator('cy'), error);
    expect(cy).not.toBe(receiveErrorMessage(translator('en'), error));
    expect(cy).toContain('Satchel');
  });
});
