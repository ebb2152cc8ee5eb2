/**
 * The community bank (src/server/verifier/sites.ts BANK_SITE): a reference verifier that asks for
 * someone's identity on their behalf — their licence and the attorney's authority in one answer
 * (OpenID4VP 1.0 §6.4.2 credential_sets), the same query as Satchel's identity-for-finance purpose,
 * registered for no more than it asks. Its result page says "Presented by … on behalf of …, under a
 * lasting power of attorney (…), valid until …" straight under the verdict, or why not in plain
 * words (a fake outcome for each failure; names with markup stay text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnBehalfFailure, OnBehalfOutcome } from '../../../src/credentials/on-behalf';
import { BANK_REGISTER_ID, REGISTERED_VERIFIERS } from '../../../src/server/reference/registered-verifiers';
import { resultPage } from '../../../src/server/verifier/pages';
import { BANK_SITE } from '../../../src/server/verifier/sites';
import type { Outcome, Transaction } from '../../../src/server/verifier/transactions';
import { dcqlFor } from '../../../src/wallet/shared/purposes';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import type { ReferenceVerifiers } from '../../../src/server/verifier/start-verifier';
import { startReferenceServersAndVerifiersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://wallet.example';

type Query = { id: string; meta: { vct_values?: string[]; doctype_value?: string }; claims: { path: (string | number | null)[] }[] };

const finance: OnBehalfOutcome = {
  ok: true,
  failures: [],
  attorney: { givenName: 'Ada', familyName: 'Jones' },
  donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
  power: 'property-and-financial-affairs',
  validUntil: '2027-12-01T09:30:00Z',
  reference: 'M-7321-4480-1123',
};

function page(outcome: Partial<Outcome>): string {
  const tx = { outcome: { ok: true, reasons: [], claims: {}, ...outcome } } as unknown as Transaction;
  return String(resultPage(tx));
}

/** The page's text, tags dropped and entities read: what a person reads. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the community bank asks on someone\'s behalf', () => {
  it('asks for the person\'s licence and the authority of the property and financial affairs power, both required: Satchel\'s identity-for-finance query', () => {
    const query = BANK_SITE.queries['identity-for-finance']!;
    expect(query).toEqual(dcqlFor({ purpose: 'identity-for-finance' }).query);
    expect(query.credential_sets).toEqual([{ options: [['identity']] }, { options: [['authority']] }]);
    const authority = (query.credentials as Query[]).find((q) => q.id === 'authority')!;
    expect(authority.claims).toContainEqual({ path: ['power'], values: ['property-and-financial-affairs'] });
  });

  it('asks only for what it is registered for', () => {
    const entry = REGISTERED_VERIFIERS.find((v) => v.id === BANK_REGISTER_ID)!;
    expect(entry.name).toEqual({ en: 'Cardiff Community Bank Ltd', cy: 'Banc Cymunedol Caerdydd Cyf' });
    for (const q of BANK_SITE.queries['identity-for-finance']!.credentials as Query[]) {
      const types = q.meta.vct_values ?? [q.meta.doctype_value!];
      for (const c of q.claims) {
        const permitted = entry.permitted.some((p) => types.every((t) => p.types.includes(t)) && p.claims.some((pc) => JSON.stringify(pc) === JSON.stringify(c.path)));
        expect(permitted, `${q.id} ${c.path.join('.')}`).toBe(true);
      }
    }
  });

  describe('over HTTP, as npm start runs it', () => {
    let servers: ReferenceServers | undefined;
    let verifiers: ReferenceVerifiers | undefined;
    let dataDir: string | undefined;
    beforeAll(async () => {
      ({ dataDir, servers, verifiers } = await startReferenceServersAndVerifiersInTempDir('satchel-bank-', { walletUrl: WALLET }));
    });
    afterAll(() => stopReferenceServers(servers, dataDir, verifiers));

    it('its start page offers to open an account for someone you act for; the button starts a signed request under x509_san_dns:localhost', async () => {
      const bank = verifiers!.bank;
      const home = await (await fetch(`${bank.url}/`)).text();
      expect(text(home)).toContain('Cardiff Community Bank: open an account for someone you act for');
      expect(home).toContain('Open an account for someone I act for');
      const started = await fetch(`${bank.url}/start`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: bank.url }, body: 'purpose=identity-for-finance' });
      expect(started.status).toBe(303);
      const waiting = await (await fetch(`${bank.url}${started.headers.get('location')}`)).text();
      const link = new URL(/href="(http:\/\/wallet\.example\/share\?[^"]+)"/.exec(waiting)![1]!.replace(/&amp;/g, '&'));
      expect(link.searchParams.get('client_id')).toBe('x509_san_dns:localhost');
      const jws = await (await fetch(link.searchParams.get('request_uri')!)).text();
      const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect(payload.dcql_query).toEqual(BANK_SITE.queries['identity-for-finance']);
      expect((payload.client_metadata as { client_name: string }).client_name).toBe('Cardiff Community Bank');
    });
  });
});

describe('the result page on someone\'s behalf', () => {
  it('says who presented it for whom, under what, until when, straight under the verdict', () => {
    const html = page({ ok: true, onBehalf: finance, claims: { given_name: 'Margaret' } });
    expect(text(html)).toContain('Both credentials verified: the person’s own and the authority to act for them. Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid until 1 December 2027 What we received');
  });

  it.each<[OnBehalfFailure, string]>([
    ['authority-missing', 'No authority to act for this person was shared.'],
    ['authority-invalid', 'The authority to act did not verify: its signature, issuer or type is not one we trust.'],
    ['authority-revoked', 'The authority to act has been revoked or suspended by the organisation that issued it.'],
    ['authority-expired', 'The authority to act has expired.'],
    ['authority-not-bound', 'The authority was not shared by the person it was issued to.'],
    ['person-claims-missing', 'The person’s credential did not show their name and date of birth, so we cannot tell whether the authority is for them.'],
    ['person-mismatch', 'The authority is for someone else, not the person whose credential was shared.'],
    ['power-not-covered', 'The authority does not cover what we asked for. It covers health and welfare only.'],
  ])('%s: not accepted, and why in plain words', (failure, words) => {
    const outcome: OnBehalfOutcome = { ...finance, ok: false, failures: [failure], ...(failure === 'power-not-covered' ? { power: 'health-and-welfare' as const } : {}) };
    const read = text(page({ ok: false, onBehalf: outcome }));
    expect(read).toContain(`Not verified Not accepted: the authority to act for this person did not check out. Not accepted as acting on behalf of Margaret Jones: ${words}`);
    expect(read).not.toContain('Presented by');
  });

  it('lists every failure found; without a donor named it says "someone"', () => {
    const read = text(page({ ok: false, onBehalf: { ok: false, failures: ['authority-missing', 'person-claims-missing'] } }));
    expect(read).toContain('Not accepted as acting on someone’s behalf: No authority to act for this person was shared. The person’s credential did not show');
  });

  it('renders names from credentials as text', () => {
    const html = page({ ok: true, onBehalf: { ...finance, attorney: { givenName: '<script>alert(1)</script>', familyName: 'Jones' } } });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
