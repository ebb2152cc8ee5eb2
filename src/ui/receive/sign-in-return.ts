/**
 * The address the sign-in service sends the browser back to: /authorised?code=…&state=…&iss=…
 * (OpenID4VCI 1.0 §5, RFC 6749 §4.1.2, RFC 9207), or ?error=…&state=… when the person cancelled
 * (§4.1.2.1). The app leaves it in the address bar while the vault is locked, so that unlocking
 * (even after a reload) still finishes; the screen that finishes takes it out (history.replaceState)
 * and keeps it only in memory, never in web storage. The code alone is of no use to anyone else:
 * redeeming it needs the PKCE verifier kept in the vault (RFC 7636 §1) and, with DPoP, the key.
 */
export const SIGN_IN_RETURN_PATH = '/authorised';

/** The whole return address, once, with its query taken out of the address bar; undefined when it has none. */
export function takeSignInReturn(): string | undefined {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return undefined;
  const address = location.href;
  history.replaceState(history.state, '', location.pathname);
  return address;
}
