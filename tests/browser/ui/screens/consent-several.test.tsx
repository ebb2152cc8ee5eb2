/**
 * Issue 10 (OpenID4VP 1.0 §6.4.2, §8.5) on the consent screen: a request needing two credentials
 * shows both on one screen (each with what it shares, a choice where two held credentials match)
 * and shares both at once; "Do not share" tells a waiting online verifier and says so; a request
 * the person cannot answer names what is missing and says the verifier was told.
 * The app's ShareScreen with a real Sharer; the verifier is a stand-in fetch.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { utf8Decode } from '../../../../src/lib/bytes';
import { decryptJwe, generateRecipientKey } from '../../../../src/lib/jwe';
import { encodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import { addCredential, DVLA, makeWorld, NOW, type World } from '../../support/share-fixtures';

const host = document.body.appendChild(document.createElement('div'));
const RESPONSE_URI = 'https://jobs.example.co.uk/response';
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));
const WORK_AND_LICENCE = {
  credentials: [
    { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['right_to_work'] }] },
    { id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }] },
  ],
  credential_sets: [{ options: [['work', 'licence']] }],
};

let world: World;
let key: Awaited<ReturnType<typeof generateRecipientKey>>;
let posts: URLSearchParams[];
let reply: () => Response;

function onlineLink(): string {
  const payload = {
    response_type: 'vp_token',
    response_mode: 'direct_post.jwt',
    client_id: `redirect_uri:${RESPONSE_URI}`,
    response_uri: RESPONSE_URI,
    nonce: 'n-several',
    state: 'st-1',
    exp: Math.floor(NOW.getTime() / 1000) + 300,
    dcql_query: WORK_AND_LICENCE,
    client_metadata: { client_name: 'Acme jobs', jwks: { keys: [{ ...key.publicJwk, kid: 'k', use: 'enc', alg: 'ECDH-ES' }] }, encrypted_response_enc_values_supported: ['A256GCM'] },
  };
  return `openid4vp://?client_id=${encodeURIComponent(payload.client_id)}&request=${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;
}

const verifierFetch: typeof fetch = async (input, init) => {
  if (String(input) === RESPONSE_URI && init?.method === 'POST') {
    posts.push(new URLSearchParams(String(init.body)));
    return reply();
  }
  return new Response('not found', { status: 404 });
};

async function open(text: string): Promise<void> {
  const sharer = createSharer({ vault: world.vault, fetch: verifierFetch, now: () => NOW.getTime() });
  const services: ShareServices = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
  render(<I18nProvider initial="en"><ShareProvider services={services}><ShareScreen /></ShareProvider></I18nProvider>, host);
  await act(async () => {
    const input = host.querySelector<HTMLInputElement>('#request-text')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => button('Continue').click());
}

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const text = () => host.textContent ?? '';

beforeEach(async () => {
  world = await makeWorld();
  key = await generateRecipientKey();
  posts = [];
  reply = () => Response.json({});
  render(null, host);
});
afterEach(() => render(null, host));

describe('consent for several credentials', () => {
  it('in person: both credentials on one screen, the person picks the licence, both are shared in one answer', async () => {
    await addCredential(world.vault, 'licence-2', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Ada', age_over_18: true } });
    const qr = await encodeRequestQr({ clientId: 'satchel-in-person:door', verifierName: 'The Red Lion', nonce: 'n-door', dcqlQuery: WORK_AND_LICENCE, encryptionKey: { ...key.publicJwk, kid: 'k' }, issuedAt: NOW, expiresAt: new Date(NOW.getTime() + 300_000) });
    await open(qr);
    await expect.poll(text, { timeout: 60_000 }).toContain('They ask for 2 credentials');
    expect(text()).toContain('Credential 1 of 2: Right to work');
    expect(text()).toContain('Credential 2 of 2: Driving licence');
    // Each credential has its own claim choice (unique ids) and its own "not shared" list.
    const boxes = [...host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    expect(new Set(boxes.map((b) => b.id)).size).toBe(2);
    expect(host.querySelector('[data-testid="not-shared-work"]')?.textContent).toContain('Share code');
    expect(host.querySelector('[data-testid="not-shared-licence"]')?.textContent).toContain('Date of birth');
    // Two licences answer the licence query: pick the second.
    const radios = [...host.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios).toHaveLength(2);
    await act(() => radios[1]!.click());
    await act(() => button('Share').click());
    await expect.poll(() => host.querySelector('[data-testid="response-qr"]') !== null, { timeout: 60_000 }).toBe(true);
    expect(world.vault.activity.map((a) => a.credentialId).sort()).toEqual(['licence-2', 'rtw']);
  });

  it('online: "Do not share" tells the verifier access_denied and the screen says it was told', async () => {
    await open(onlineLink());
    await expect.poll(text, { timeout: 60_000 }).toContain('Credential 2 of 2');
    await act(() => button('Do not share').click());
    await expect.poll(() => host.querySelector('h1')?.textContent ?? '', { timeout: 60_000 }).toBe('Nothing was shared');
    expect(text()).toContain('We told https://jobs.example.co.uk that you chose not to share');
    expect(posts.map((p) => Object.fromEntries(p))).toEqual([{ error: 'access_denied', state: 'st-1' }]);
  });

  it('online, one of the two not held: names what is missing and that the verifier was told', async () => {
    world.vault.credentials.splice(world.vault.credentials.findIndex((c) => c.id === 'licence'), 1);
    await open(onlineLink());
    await expect.poll(text, { timeout: 60_000 }).toContain('You do not have what this request asks for: Driving licence.');
    expect(text()).toContain('We told the service that you cannot share');
    expect(posts.map((p) => Object.fromEntries(p))).toEqual([{ error: 'access_denied', state: 'st-1' }]);
  });

  it('online, nothing held: the verifier\'s redirect_uri is offered as the way back (§8.2)', async () => {
    world.vault.credentials.splice(0, world.vault.credentials.length);
    reply = () => Response.json({ redirect_uri: 'https://jobs.example.co.uk/apply#declined' });
    await open(onlineLink());
    await expect.poll(() => host.querySelector<HTMLAnchorElement>('[data-testid="return-to"]')?.href ?? '', { timeout: 60_000 }).toBe('https://jobs.example.co.uk/apply#declined');
    expect(host.querySelector('[data-testid="return-to"]')?.textContent).toBe('Go back to https://jobs.example.co.uk');
  });

  it('online: sharing both posts one encrypted vp_token with both queries', async () => {
    await open(onlineLink());
    await expect.poll(text, { timeout: 60_000 }).toContain('Credential 2 of 2');
    await act(() => button('Share').click());
    await expect.poll(() => posts.length, { timeout: 60_000 }).toBe(1);
    const sent = JSON.parse(utf8Decode(await decryptJwe(posts[0]!.get('response')!, key.privateKey))!) as { vp_token: Record<string, string[]> };
    expect(Object.keys(sent.vp_token).sort()).toEqual(['licence', 'work']);
  });
});
