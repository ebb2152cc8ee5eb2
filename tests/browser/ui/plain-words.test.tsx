/**
 * Issue 11: the main screens read as a person would write them, in English and in Welsh. The
 * credentials are the reference departments' (a driving licence with an address and driving
 * privileges, a right to work, a veteran card), labelled by the wallet's own rule (claim-rows.ts)
 * from the departments' published metadata (departments.ts). Each screen's rendered text is
 * scanned for raw claim keys (snake_case), ISO 8601 dates and, on Welsh screens, for English
 * words from the English catalogue that are not also Welsh.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { nameAsWords, nameOfType } from '../../../src/wallet/shared/display-name';
import { DEPARTMENTS, type DepartmentId } from '../../../src/server/reference/departments';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { cy, en } from '../../shared/catalogues';
import type { Language } from '../../../src/ui/i18n/translate';
import { ReceiverProvider } from '../../../src/ui/receive/ReceiverContext';
import { ActivityScreen } from '../../../src/ui/screens/ActivityScreen';
import { CredentialScreen } from '../../../src/ui/screens/CredentialScreen';
import { HomeScreen } from '../../../src/ui/screens/HomeScreen';
import { SettingsScreen } from '../../../src/ui/screens/SettingsScreen';
import { ShareProvider, type ShareServices } from '../../../src/ui/share/ShareContext';
import { VaultProvider } from '../../../src/ui/vault/VaultContext';
import { claimRows } from '../../../src/wallet/held/claim-rows';
import { localise } from '../../../src/wallet/shared/localise';
import type { Receiver } from '../../../src/wallet/receive/receive-api';
import type { CredentialView } from '../../../src/wallet/held';
import type { ActivityLogEntry } from '../../../src/wallet/activity';
import type { Vault } from '../../../src/wallet/vault/vault-api';

const host = document.body.appendChild(document.createElement('div'));
const NOW = Date.now();
const PORTRAIT = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 80"><rect width="60" height="80" fill="#1d70b8"/></svg>')}`;

/** What the departments would issue to the demo person Ada (src/server/reference/demo-people.ts), with fuller driving privileges. */
const SUBJECTS: Record<'dvla' | 'home-office' | 'veterans', Record<string, unknown>> = {
  dvla: {
    given_name: 'Ada',
    family_name: 'Jones',
    birth_date: '1984-03-09',
    address: { street_address: '12 Heol y Frenhines', locality: 'Cardiff', postal_code: 'CF10 2AA', country: 'GB' },
    driving_privileges: [
      { vehicle_category_code: 'AM', issue_date: '2010-03-01', expiry_date: '2034-03-08', codes: [{ code: '01' }, { code: '78' }] },
      { vehicle_category_code: 'B', issue_date: '2010-03-01', expiry_date: '2034-03-08' },
    ],
    age_over_18: true,
    age_over_21: true,
    document_number: 'JONES840309AJ9',
    portrait: PORTRAIT,
  },
  'home-office': { given_name: 'Ada', family_name: 'Jones', birth_date: '1984-03-09', right_to_work: 'Unlimited', work_restrictions: 'None', share_code: 'W1234' },
  veterans: { given_name: 'Ada', family_name: 'Jones', service: 'Royal Navy', service_number: 'D123456A', service_left: '2012-08-31' },
};
/** Values the departments wrote themselves (shown as given: the wallet cannot translate them). */
const DEPARTMENT_WORDS = ['Unlimited', 'None', 'Royal Navy', 'Heol y Frenhines', 'Cardiff'];

function credential(department: keyof typeof SUBJECTS, state: CredentialView['status']['state'] = 'valid'): CredentialView {
  const dept = DEPARTMENTS.find((d) => d.id === (department as DepartmentId))!;
  const config = dept.credentials[0]!;
  // As receive.ts stores them: each claim's display list (OpenID4VCI §12.2.4) localised.
  const display = (l: { en: string; cy: string }) => [{ name: l.en, locale: 'en-GB' }, { name: l.cy, locale: 'cy-GB' }];
  const described = config.claims.map((c) => ({ path: c.path, label: localise(display(c.label), c.path.join('.')) }));
  return {
    id: `${department}-${state}`,
    personId: 'self',
    format: config.format === 'jwt_vc_json' ? 'vc+jwt' : 'dc+sd-jwt',
    selective: config.format !== 'jwt_vc_json',
    requestOnly: false,
    issuerName: { ...dept.name },
    typeName: nameOfType(config.type, localise(display(config.name), config.id)),
    holderName: 'Ada Jones',
    verified: true,
    status: { state, checkedAt: new Date(NOW - 5 * 60_000).toISOString() },
    validFrom: '2026-11-30T11:49:00.000Z',
    validUntil: '2027-11-30T11:49:00.000Z',
    claims: claimRows(SUBJECTS[department], described, () => false),
  };
}

const CREDENTIALS = [credential('dvla'), credential('home-office'), credential('veterans'), credential('dvla', 'revoked')];

const receiver = {
  listCredentials: async () => CREDENTIALS,
  credential: async (id: string) => CREDENTIALS.find((c) => c.id === id),
  pendingOffers: async () => [],
  onPendingChange: () => () => undefined,
  refreshStatus: async () => undefined,
} as unknown as Receiver;

const vault = {
  state: async () => 'unlocked',
  onStateChange: () => () => undefined,
  storageStatus: async () => ({ persisted: true, usageBytes: 1_700_000, quotaBytes: 10_739_100_000 }),
  settings: async () => ({ autoLockMinutes: 5 }),
} as unknown as Vault;

const ACTIVITY: ActivityLogEntry[] = [
  {
    id: 'a1',
    at: new Date(NOW - 3_600_000).toISOString(),
    kind: 'received',
    credentialTypeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }),
    counterparty: 'Driver and Vehicle Licensing Agency',
    counterpartyName: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' },
    claims: [nameAsWords({ en: 'Given name', cy: 'Enw cyntaf' })],
  },
];
const share = { activity: { list: async () => ACTIVITY, remove: async () => undefined, export: async () => new Blob([]) } } as unknown as ShareServices;

async function screenText(language: Language, screen: preact.JSX.Element, ready: string): Promise<string> {
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}>
        <ReceiverProvider receiver={receiver}>
          <ShareProvider services={share}>{screen}</ShareProvider>
        </ReceiverProvider>
      </VaultProvider>
    </I18nProvider>,
    host,
  );
  await expect.poll(() => host.textContent ?? '', { timeout: 60_000 }).toContain(ready);
  // Text only, as a person reads it: department text without Welsh is marked lang="en" (WCAG 3.1.2) and left out of the Welsh scan.
  return host.innerText;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-zâêîôûŵŷáéíóúàèìòùäëïöüÿ’']+/g) ?? []);
const WELSH_WORDS = words(Object.values(cy).join(' '));
/** English words a Welsh screen must not show: every word of 4+ letters in the English catalogue that Welsh does not also use. */
const ENGLISH_ONLY = [...words(Object.values(en).join(' '))].filter((w) => w.length >= 4 && !WELSH_WORDS.has(w) && !['satchel', 'gov.uk'].includes(w));

function problems(text: string, language: Language, markedEnglish: string[]): string[] {
  const found: string[] = [];
  for (const key of text.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []) found.push(`raw claim key "${key}"`);
  for (const date of text.match(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g) ?? []) found.push(`unformatted date "${date}"`);
  if (language === 'cy') {
    let welsh = text;
    for (const given of [...DEPARTMENT_WORDS, ...markedEnglish]) welsh = welsh.split(given).join(' ');
    const seen = words(welsh);
    for (const word of ENGLISH_ONLY) if (seen.has(word)) found.push(`English word "${word}"`);
  }
  return found;
}

const markedEnglish = () => [...host.querySelectorAll('[lang="en"]')].map((e) => e.textContent ?? '').filter(Boolean);

afterEach(() => render(null, host));

describe.each(['en', 'cy'] as const)('screens in %s', (language) => {
  const t = language === 'en' ? en : cy;

  it('home: every card in the chosen language, dates written out, a cancelled card not "valid until"', async () => {
    const text = await screenText(language, <HomeScreen />, t['status.revoked']);
    expect(problems(text, language, markedEnglish())).toEqual([]);
    expect(text).toContain(language === 'en' ? 'Valid until 30 November 2027' : 'Yn ddilys tan 30 Tachwedd 2027');
    const cards = [...host.querySelectorAll('[data-testid="credential-card"]')].map((c) => (c as HTMLElement).innerText);
    const cancelled = cards.find((c) => c.includes(t['status.revoked']))!;
    expect(cancelled).not.toContain(t['card.validUntil'].replace(' {date}', ''));
    expect(text).toContain(language === 'en' ? '5 minutes ago' : '5 munud yn ôl');
  });

  it.each(CREDENTIALS.map((c) => c.id))('detail of %s: labelled claims, an address as lines, privileges as sentences, issue and expiry dates', async (id) => {
    const text = await screenText(language, <CredentialScreen id={id} />, t['credential.delete']);
    expect(problems(text, language, markedEnglish())).toEqual([]);
    expect(text).toContain(language === 'en' ? '30 November 2027' : '30 Tachwedd 2027');
    expect(text).toContain(t['credential.validUntil']);
    if (id.startsWith('dvla')) {
      expect(text).toContain(language === 'en' ? '9 March 1984' : '9 Mawrth 1984');
      const address = host.querySelector('[data-claim-shape="address"]') as HTMLElement;
      expect([...address.querySelectorAll('li')].map((l) => l.textContent)).toEqual(['12 Heol y Frenhines', 'Cardiff', 'CF10 2AA', language === 'en' ? 'United Kingdom' : 'Y Deyrnas Unedig']);
      const privileges = host.querySelector('[data-claim-shape="driving-privileges"]') as HTMLElement;
      expect([...privileges.querySelectorAll('li')].map((l) => l.textContent)).toEqual(language === 'en'
        ? ['Category AM, from 1 March 2010 to 8 March 2034, codes 01, 78', 'Category B, from 1 March 2010 to 8 March 2034']
        : ['Categori AM, o 1 Mawrth 2010 tan 8 Mawrth 2034, codau 01, 78', 'Categori B, o 1 Mawrth 2010 tan 8 Mawrth 2034']);
    }
    if (id.startsWith('veterans')) expect(text).toContain(language === 'en' ? '31 August 2012' : '31 Awst 2012');
    if (id.endsWith('revoked')) {
      const notice = (host.querySelector('[data-testid="cancelled-notice"]') as HTMLElement).innerText;
      expect(notice).toContain(t['credential.revokedTitle']);
      expect(notice).toContain(language === 'en' ? 'contact Driver and Vehicle Licensing Agency' : 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    } else {
      expect(host.querySelector('[data-testid="cancelled-notice"]')).toBeNull();
    }
  });

  it('activity: when, in GOV.UK style, and the department by its name in the chosen language', async () => {
    const text = await screenText(language, <ActivityScreen />, t['activity.delete']);
    expect(problems(text, language, markedEnglish())).toEqual([]);
    expect(text).toContain(language === 'en' ? 'Driver and Vehicle Licensing Agency' : 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    expect(text).toMatch(language === 'en' ? /\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d{2})?(am|pm)|at midday|at midnight/ : /\d{1,2} [A-Z][a-z]+ \d{4} am (\d{1,2}(:\d{2})?(yb|yh)|ganol)/);
  });

  it('settings: storage in sensible units', async () => {
    const text = await screenText(language, <SettingsScreen />, language === 'en' ? '1.7 MB of 10.7 GB' : '1.7 MB o 10.7 GB');
    expect(problems(text, language, markedEnglish())).toEqual([]);
  });
});
