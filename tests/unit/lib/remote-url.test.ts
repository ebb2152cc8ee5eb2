import { describe, expect, it } from 'vitest';
import { isAllowedRemoteUrl, PRODUCTION_POLICY, remoteUrlProblem } from '../../../src/lib/remote-url';

const demo = { allowLoopback: true };

describe('remote URL policy', () => {
  it('allows https everywhere', () => {
    expect(isAllowedRemoteUrl(new URL('https://dvla.example.gov.uk/credential'), PRODUCTION_POLICY)).toBe(true);
  });

  it.each(['http://localhost:5179/x', 'https://localhost/x', 'http://127.0.0.1:8080/', 'http://[::1]/', 'http://app.localhost/'])(
    'refuses the loopback address %s in production and allows it in demo and test builds',
    (address) => {
      expect(remoteUrlProblem(new URL(address), PRODUCTION_POLICY)).toMatch(/on this device/);
      expect(isAllowedRemoteUrl(new URL(address), demo)).toBe(true);
    },
  );

  it('refuses plain http to anywhere else, whatever the policy', () => {
    expect(remoteUrlProblem(new URL('http://verifier.example/cb'), demo)).toMatch(/does not use https/);
  });

  it('refuses other schemes and credentials in the URL', () => {
    expect(isAllowedRemoteUrl(new URL('javascript:alert(1)'), demo)).toBe(false);
    expect(isAllowedRemoteUrl(new URL('file:///etc/passwd'), demo)).toBe(false);
    expect(isAllowedRemoteUrl(new URL('https://user:pw@verifier.example/'), demo)).toBe(false);
  });
});
