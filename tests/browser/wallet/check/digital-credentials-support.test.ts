/**
 * Feature detection of the Digital Credentials API (digitalCredentialsAvailable), against scopes
 * shaped like the browsers Satchel meets, and against this Chromium itself.
 */
import { describe, expect, it } from 'vitest';
import { digitalCredentialsAvailable } from '../../../../src/wallet/check';
import { allowedProtocols } from '../../../../src/wallet/check/digital-credentials-support';

const get = async () => null;
class DigitalCredential {}

describe('digitalCredentialsAvailable', () => {
  it('is true where navigator.credentials.get and DigitalCredential exist in a secure context', () => {
    expect(digitalCredentialsAvailable({ navigator: { credentials: { get } }, DigitalCredential, isSecureContext: true })).toBe(true);
  });

  it.each([
    ['no navigator.credentials (an old browser)', { navigator: {}, DigitalCredential, isSecureContext: true }],
    ['no DigitalCredential (Firefox; Chromium without the API)', { navigator: { credentials: { get } }, isSecureContext: true }],
    ['not a secure context', { navigator: { credentials: { get } }, DigitalCredential, isSecureContext: false }],
  ])('is false with %s', (_name, scope) => {
    expect(digitalCredentialsAvailable(scope)).toBe(false);
  });

  it('asks DigitalCredential.userAgentAllowsProtocol where the browser has it', () => {
    const asked: string[] = [];
    class Allowing { static userAgentAllowsProtocol(p: string) { asked.push(p); return p === 'openid4vp-v1-unsigned'; } }
    class MdocOnly { static userAgentAllowsProtocol(p: string) { return p === 'org-iso-mdoc'; } }
    class Refusing { static userAgentAllowsProtocol() { return false; } }
    class Throwing { static userAgentAllowsProtocol(): boolean { throw new TypeError('no'); } }
    expect(digitalCredentialsAvailable({ navigator: { credentials: { get } }, DigitalCredential: Allowing })).toBe(true);
    expect(asked).toEqual(['openid4vp-v1-unsigned', 'org-iso-mdoc']);
    // Safari's API takes org-iso-mdoc only: still available, for that protocol.
    expect(digitalCredentialsAvailable({ navigator: { credentials: { get } }, DigitalCredential: MdocOnly })).toBe(true);
    expect(allowedProtocols(['openid4vp-v1-unsigned', 'org-iso-mdoc'], { DigitalCredential: MdocOnly })).toEqual(['org-iso-mdoc']);
    expect(digitalCredentialsAvailable({ navigator: { credentials: { get } }, DigitalCredential: Refusing })).toBe(false);
    expect(digitalCredentialsAvailable({ navigator: { credentials: { get } }, DigitalCredential: Throwing })).toBe(false);
  });

  it('reads this Chromium\'s own globals by default', () => {
    const DC = (globalThis as { DigitalCredential?: unknown }).DigitalCredential;
    const present = typeof navigator.credentials?.get === 'function' && typeof DC === 'function' && isSecureContext;
    expect(digitalCredentialsAvailable()).toBe(present && allowedProtocols(['openid4vp-v1-unsigned', 'org-iso-mdoc']).length > 0);
  });
});
