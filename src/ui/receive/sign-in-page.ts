/**
 * Opening a department's sign-in page (OpenID4VCI 1.0 §5: the authorization request, which the
 * wallet pushed first, RFC 9126). Same tab: the sign-in service sends the browser back to
 * /authorised, which the installed app opens. `signInPage` is an object so that a test can see
 * where the browser would go without leaving its page.
 */
import { ReceiveError } from '../../wallet/receive';

export const signInPage = {
  open(url: string): void {
    location.assign(url);
  },
};

/**
 * Sends the browser to the sign-in page the wallet made. Only a web address: a `javascript:` or
 * `data:` address (from a department's broken or hostile metadata) is refused as a server error.
 */
export function openSignInPage(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new ReceiveError('server-error', 'the sign-in page is not a web address');
  signInPage.open(url);
}
