/** The in-person request QR and quick-show nonces. */
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { decodeRequestQr, encodeRequestQr, isRequestQr, REQUEST_QR_PREFIX } from '../../../../src/protocols/in-person/request-qr';
import { quickShowNonce, quickShowNonceFresh } from '../../../../src/protocols/in-person/quick-show';

const NOW = new Date('2026-06-01T12:00:00Z');
const dcql = { credentials: [{ id: 'age', format: 'dc+sd-jwt', meta: { vct_values: ['https://satchel.example/credentials/driving-licence'] }, claims: [{ path: ['age_over_18'] }] }] };

async function request(expiresAt = new Date(NOW.getTime() + 300_000)) {
  const { publicJwk } = await generateRecipientKey();
  return encodeRequestQr({ clientId: 'satchel-in-person:abc', verifierName: 'The Red Lion', nonce: 'n-123456789012345678901', dcqlQuery: dcql, encryptionKey: { ...publicJwk, kid: 'k' }, issuedAt: NOW, expiresAt, purpose: 'over-18' });
}

describe('request QR', () => {
  it('round-trips into a validated request and fits one QR code', async () => {
    const text = await request();
    expect(isRequestQr(text)).toBe(true);
    expect(text.startsWith(REQUEST_QR_PREFIX)).toBe(true);
    expect(text.length).toBeLessThan(600);
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const r = await decodeRequestQr(text, NOW);
    expect(r).toMatchObject({ clientId: 'satchel-in-person:abc', nonce: 'n-123456789012345678901', verifierName: 'The Red Lion', responseMode: 'satchel_qr.jwt', purpose: 'over-18', expiresAt: '2026-06-01T12:05:00.000Z' });
    expect(r.encryptionKey).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'k' });
    // In person Satchel's checker takes A256GCM (HAIP), whatever the OpenID4VP default.
    expect(r.encryptionEnc).toBe('A256GCM');
    // In person the answer is compressed: it has to fit as few QR frames as possible, and Satchel's checker inflates it.
    expect(r.compressResponse).toBe(true);
    expect(r.dcql.credentials[0]!.claims![0]!.path).toEqual(['age_over_18']);
  });

  it('is only ever made with the in-person client id prefix', async () => {
    const { publicJwk } = await generateRecipientKey();
    const input = { verifierName: 'The Crown pub', nonce: 'n-1', dcqlQuery: dcql, encryptionKey: { ...publicJwk, kid: 'k' }, issuedAt: NOW, expiresAt: new Date(NOW.getTime() + 300_000) };
    await expect(encodeRequestQr({ ...input, clientId: 'redirect_uri:https://jobs.example.co.uk/response' })).rejects.toThrow(/satchel-in-person:/);
    await expect(encodeRequestQr({ ...input, clientId: 'satchel-in-person:abc' })).resolves.toMatch(/^SVQ1\./);
  });

  it('says expired after exp (with the clock skew)', async () => {
    const text = await request(new Date(NOW.getTime() - 600_000));
    await expect(decodeRequestQr(text, NOW)).rejects.toMatchObject({ code: 'expired' });
  });

  it('says malformed for damaged text', async () => {
    const text = await request();
    await expect(decodeRequestQr(text.slice(0, 40), NOW)).rejects.toMatchObject({ code: 'malformed' });
    await expect(decodeRequestQr(`${REQUEST_QR_PREFIX}!!!`, NOW)).rejects.toMatchObject({ code: 'malformed' });
    expect(isRequestQr('https://example.com')).toBe(false);
  });
});

describe('quick-show nonce', () => {
  it('is accepted for about two minutes and one step ahead, not longer', () => {
    const n = quickShowNonce(NOW);
    expect(n).toMatch(/^qs-\d+$/);
    expect(quickShowNonceFresh(n, NOW)).toBe(true);
    expect(quickShowNonceFresh(n, new Date(NOW.getTime() + 120_000))).toBe(true);
    expect(quickShowNonceFresh(n, new Date(NOW.getTime() + 180_000))).toBe(false);
    expect(quickShowNonceFresh(n, new Date(NOW.getTime() - 30_000))).toBe(true);
    expect(quickShowNonceFresh(n, new Date(NOW.getTime() - 90_000))).toBe(false);
    expect(quickShowNonceFresh('qs-abc', NOW)).toBe(false);
    expect(quickShowNonceFresh('n-123', NOW)).toBe(false);
  });
});
