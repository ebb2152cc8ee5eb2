/** The admin page escapes every value it renders: a department or credential name with markup stays text. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminApp } from '../../../src/server/reference/admin-app';
import { DEPARTMENTS, type Department } from '../../../src/server/reference/departments';
import { ReferenceIssuer } from '../../../src/server/reference/issuer';
import { loadOrCreateKeys } from '../../../src/server/reference/keys';

const EVIL_NAME = '<script>alert(1)</script>';
const EVIL_CREDENTIAL = '"><img src=x onerror=alert(2)>';

describe('admin page escaping', () => {
  it('renders markup in names as text, on the offer page and in the issued table', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'satchel-admin-'));
    const keys = await loadOrCreateKeys(dataDir, ['dvla']);
    const base = DEPARTMENTS[0]!;
    const department: Department = { ...base, name: { en: EVIL_NAME, cy: EVIL_NAME }, credentials: [{ ...base.credentials[0]!, name: { en: EVIL_CREDENTIAL, cy: EVIL_CREDENTIAL } }] };
    const issuer = new ReferenceIssuer({ department, url: 'http://localhost:1', key: keys.dvla!, dataDir });
    const app = adminApp({ issuers: [issuer], walletUrl: 'http://localhost:5173' });
    const offer = issuer.createOffer({ personId: 'ada', configurationId: department.credentials[0]!.id });
    const offerPage = await (await app.request(`/offers/dvla/${offer.id}`)).text();
    const home = await (await app.request('/')).text();
    for (const page of [offerPage, home]) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
    }
    expect(offerPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(home).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    const response = await app.request('/');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('renders markup in names as text on the printable paper card', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'satchel-admin-card-'));
    const keys = await loadOrCreateKeys(dataDir, ['dvla']);
    const base = DEPARTMENTS[0]!;
    const department: Department = { ...base, name: { en: EVIL_NAME, cy: EVIL_NAME }, credentials: [{ ...base.credentials[0]!, name: { en: EVIL_CREDENTIAL, cy: EVIL_CREDENTIAL } }] };
    const issuer = new ReferenceIssuer({ department, url: 'http://localhost:1', key: keys.dvla!, dataDir });
    const app = adminApp({ issuers: [issuer], walletUrl: 'http://localhost:5173' });
    const record = issuer.issueCounterCard({ personId: 'ada', configurationId: department.credentials[0]!.id });
    const response = await app.request(`/cards/dvla/${record.idx}`);
    const page = await response.text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await (await app.request('/')).text()).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt; (paper card)');
  });
});
