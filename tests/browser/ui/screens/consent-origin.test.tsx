/**
 * Issue 10, finding 1: for an online request, the consent screen names the origin the answer is
 * sent to (the response_uri's — what the redirect_uri: prefix authenticates, OpenID4VP 1.0
 * §5.9.3) beside the verifier's own, unverified name; an in-person request names none.
 * The app's ShareScreen with a real Sharer reading a by-value request link.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ShareServices } from '../../../../src/ui/share/ShareContext';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';

const host = document.body.appendChild(document.createElement('div'));
const RESPONSE_URI = 'https://jobs.example.co.uk/response';
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));

async function requestLink(): Promise<string> {
  const { publicJwk } = await generateRecipientKey();
  const payload = {
    response_type: 'vp_token',
    response_mode: 'direct_post.jwt',
    client_id: `redirect_uri:${RESPONSE_URI}`,
    response_uri: RESPONSE_URI,
    nonce: 'n-consent-origin',
    exp: Math.floor(NOW.getTime() / 1000) + 300,
    dcql_query: { credentials: [{ id: 'rtw', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['right_to_work'] }] }] },
    client_metadata: { client_name: 'The Crown pub', jwks: { keys: [{ ...publicJwk, kid: 'k', use: 'enc', alg: 'ECDH-ES' }] }, encrypted_response_enc_values_supported: ['A256GCM'] },
  };
  return `openid4vp://?client_id=${encodeURIComponent(payload.client_id)}&request=${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;
}

describe('consent screen', () => {
  let world: World;
  let services: ShareServices;

  beforeEach(async () => {
    world = await makeWorld();
    const sharer = createSharer({ vault: world.vault, now: () => NOW.getTime() });
    // The share screen uses the Sharer only.
    services = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
    render(null, host);
  });

  afterEach(() => render(null, host));

  it('names the origin an online answer goes to, beside the unverified name', async () => {
    render(<I18nProvider initial="en"><ShareProvider services={services}><ShareScreen /></ShareProvider></I18nProvider>, host);
    await act(async () => {
      const input = host.querySelector<HTMLInputElement>('#request-text')!;
      input.value = await requestLink();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Continue')!.click();
    });
    await expect.poll(() => host.querySelector('[data-testid="requester"]')?.textContent ?? '', { timeout: 60_000 }).toContain('The Crown pub');
    expect(host.querySelector('[data-testid="response-origin"]')?.textContent).toContain('https://jobs.example.co.uk');
  });
});
