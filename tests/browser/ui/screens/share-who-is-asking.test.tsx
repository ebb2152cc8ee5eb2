/**
 * The consent screen says who is asking (docs/sharing.md, "Who is asking"), in English and Welsh:
 * a registered verifier by the register's name with a "Registered verifier" tag, its registration
 * and where the answer goes; the claims it asks beyond its registration each marked, with a
 * warning above them; an unregistered one with a warning; and a request whose signer Satchel could
 * not confirm on a page of its own, saying why and what to do. The share use case is a stub
 * returning each state (the real one is tested in tests/browser/wallet/share/who-is-asking.test.ts).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import type { Language } from '../../../../src/ui/i18n/translate';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { ShareError, type ShareRequest, type Sharer, type VerifierProblem } from '../../../../src/wallet/share/share-api';
import { WHO_IS_ASKING_WORDS, whoIsAskingWords } from '../../../../src/ui/share/who-is-asking-words';
import { LANGUAGES } from '../../../../src/ui/i18n/translate';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';

const host = document.body.appendChild(document.createElement('div'));
const EXPIRES = '2099-01-01T00:00:00Z';

const claim = (name: string, beyond = false) => ({ path: [name], label: nameOfClaim([name]), ...(beyond ? { beyondRegistration: true as const } : {}) });

const jobs: ShareRequest = {
  requestId: 'r-jobs',
  mode: 'online',
  verifierName: 'Totally Official Jobs',
  verifier: { kind: 'registered', registerId: 'GB-REG-0001', name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' }, registration: { en: 'Registered to check the right to work', cy: 'Wedi cofrestru i wirio’r hawl i weithio' } },
  responseOrigin: 'https://jobs.example',
  expiresAt: EXPIRES,
  queryIds: ['work'],
  candidates: [{ queryId: 'work', credentialId: 'rtw', personId: 'self', typeName: nameOfType(CREDENTIAL_TYPES.rightToWork), requested: [claim('given_name'), claim('right_to_work')], notShared: [] }],
};
const shop: ShareRequest = {
  requestId: 'r-shop',
  mode: 'online',
  verifier: { kind: 'registered', registerId: 'GB-REG-0002', name: { en: 'Corner Shop', cy: 'Siop y Gornel' }, registration: { en: 'Registered to check age', cy: 'Wedi cofrestru i wirio oedran' } },
  responseOrigin: 'https://shop.example',
  expiresAt: EXPIRES,
  queryIds: ['age'],
  candidates: [{ queryId: 'age', credentialId: 'licence', personId: 'self', typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence), requested: [claim('age_over_18'), claim('given_name', true), claim('birth_date', true)], notShared: [] }],
};
const anyone: ShareRequest = { ...jobs, requestId: 'r-any', verifierName: 'Acme Hiring', verifier: { kind: 'unregistered' }, responseOrigin: 'https://acme.example' };
const inPerson: ShareRequest = { ...jobs, requestId: 'r-person', mode: 'in-person', verifierName: 'The Red Lion', verifier: { kind: 'unregistered' } };
delete (inPerson as Partial<ShareRequest>).responseOrigin;

function stubSharer(answer: ShareRequest | ShareError): Sharer {
  return {
    readRequest: async () => {
      if (answer instanceof ShareError) throw answer;
      return answer;
    },
    decline: async () => ({ verifierTold: true }),
  } as unknown as Sharer;
}

async function open(answer: ShareRequest | ShareError, language: Language = 'en'): Promise<void> {
  const services: ShareServices = { sharer: stubSharer(answer), checker: {} as Checker, activity: {} as ActivityLog };
  render(<I18nProvider initial={language}><ShareProvider services={services}><ShareScreen /></ShareProvider></I18nProvider>, host);
  await act(async () => {
    const input = host.querySelector<HTMLInputElement>('#request-text')!;
    input.value = 'openid4vp://?client_id=x&request_uri=https://x.example/r';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    host.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  });
  await expect.poll(() => host.querySelector('h1')?.textContent !== (language === 'en' ? 'Share a credential' : undefined)).toBe(true);
  await expect.poll(() => host.querySelector('[data-testid="requester"], [data-testid="refused"]') !== null).toBe(true);
}

const text = (testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
/** The hint under each claim's checkbox, by the claim's label. */
const hints = () => [...host.querySelectorAll('.govuk-checkboxes__item')].map((item) => [item.querySelector('label')!.textContent, [...item.querySelectorAll('.govuk-hint')].map((h) => h.textContent).join(' | ')]);

beforeEach(() => render(null, host));
afterEach(() => render(null, host));

describe('a registered verifier', () => {
  it('English: the register\'s name (not the name in the request), a green Registered verifier tag, the registration and where the answer goes', async () => {
    await open(jobs);
    expect(text('requester')).toBe('Example Jobs Ltd is asking.');
    expect(host.textContent).not.toContain('Totally Official Jobs');
    const tag = host.querySelector('[data-testid="registered"] .govuk-tag')!;
    expect(tag.textContent).toBe('Registered verifier');
    expect(tag.classList.contains('govuk-tag--green')).toBe(true);
    // The register's words made a sentence, whether or not they end with a full stop.
    expect(text('registered')).toContain('Registered to check the right to work. Your answer goes to https://jobs.example.');
    expect(text('response-origin')).toContain('https://jobs.example');
    expect(host.querySelector('[data-testid="unregistered"]')).toBeNull();
    expect(host.querySelector('[data-testid="beyond-registration"]')).toBeNull();
    expect(hints().every(([, hint]) => hint === '')).toBe(true);
  });

  it('after "Do not share", the registered verifier told is named by its registered name', async () => {
    await open(jobs);
    await act(() => host.querySelector<HTMLButtonElement>('#decline')!.click());
    await expect.poll(() => text('declined') ?? '').toBe('We told Example Jobs Ltd that you chose not to share, so their page will not keep waiting.');
  });

  it('Welsh: the register\'s Welsh name and registration', async () => {
    await open(jobs, 'cy');
    expect(text('requester')).toContain('Swyddi Enghreifftiol Cyf');
    expect(text('registered')).toContain('Wedi cofrestru i wirio’r hawl i weithio');
    expect(host.querySelector('[data-testid="registered"] .govuk-tag')!.textContent).toBe('Gwiriwr cofrestredig');
  });

  it('over-asking: a warning above the claims, and each claim beyond the registration marked; still answerable', async () => {
    await open(shop);
    expect(text('beyond-registration')).toContain('Corner Shop is asking for more than it is registered for');
    expect(hints()).toEqual([
      ['Aged 18 or over', ''],
      ['Given name', 'Not covered by their registration'],
      ['Date of birth', 'Not covered by their registration'],
    ]);
    // Each marked claim's hint is read with its checkbox.
    const input = host.querySelectorAll<HTMLInputElement>('.govuk-checkboxes__input')[1]!;
    expect(host.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent).toBe('Not covered by their registration');
    expect(host.querySelector<HTMLButtonElement>('#share')!.disabled).toBe(false);
  });

  it('over-asking, in Welsh', async () => {
    await open(shop, 'cy');
    expect(text('beyond-registration')).toContain('Siop y Gornel');
    expect(hints()[1]![1]).not.toBe('');
    expect(hints()[1]![1]).not.toContain('registration');
  });
});

describe('an unregistered verifier', () => {
  it('online: a warning that Satchel could not confirm who this is, the name they gave marked as theirs, and where the answer goes', async () => {
    await open(anyone);
    expect(text('requester')).toBe('Acme Hiring is asking.');
    expect(text('unregistered')).toContain('Satchel could not confirm who this is. Only share if you trust them.');
    expect(host.querySelector('[data-testid="unregistered"]')!.classList.contains('govuk-warning-text')).toBe(true);
    expect(text('response-origin')).toContain('https://acme.example');
    expect(text('response-origin')).toContain('not the name they gave');
    expect(host.querySelector('[data-testid="registered"]')).toBeNull();
  });

  it('in person: the same warning, right under the name they gave; no address', async () => {
    await open(inPerson);
    expect(text('requester')).toBe('The Red Lion is asking.');
    expect(host.querySelector('[data-testid="requester"]')!.nextElementSibling?.getAttribute('data-testid')).toBe('unregistered');
    expect(text('unregistered')).toContain('Satchel could not confirm who this is');
    expect(host.querySelector('[data-testid="response-origin"]')).toBeNull();
  });

  it('in Welsh', async () => {
    await open(anyone, 'cy');
    expect(text('unregistered')).toMatch(/Satchel/);
    expect(text('unregistered')).not.toContain('could not confirm');
  });
});

describe('a request whose signer Satchel could not confirm', () => {
  const problems: [VerifierProblem, RegExp, RegExp][] = [
    ['bad-signature', /signature does not match/, /llofnod/],
    ['certificate-expired', /certificate has expired/, /dystysgrif wedi dod i ben/],
    ['certificate-unlisted', /not on the register/, /gofrestr/],
    ['certificate-invalid', /certificate .* cannot accept/, /dystysgrif/],
    ['client-id-mismatch', /says it is from jobs\.example, but its certificate is for a different service/, /jobs\.example/],
    ['response-uri-mismatch', /address its certificate does not cover/, /gyfeiriad/],
  ];

  it.each(problems)('%s: its own page, saying why in plain words, that nothing was sent, and what to do', async (problem, english) => {
    await open(new ShareError('verifier-untrusted', 'English detail for developers', { verifierProblem: problem, claimedHost: 'jobs.example' }));
    expect(host.querySelector('h1')!.textContent).toBe('Satchel stopped this request');
    expect(text('refused-reason')).toMatch(english);
    expect(text('refused')).toContain('Nothing has been shared');
    expect(text('refused')).toContain('What you can do');
    expect(host.querySelector('#share')).toBeNull();
  });

  it.each(problems)('%s, in Welsh', async (problem, _english, welsh) => {
    await open(new ShareError('verifier-untrusted', 'English detail for developers', { verifierProblem: problem, claimedHost: 'jobs.example' }), 'cy');
    expect(text('refused-reason')).toMatch(welsh);
    expect(text('refused')).not.toContain('Nothing has been shared');
  });

  it('without a host named in the request, the mismatch is still said plainly', async () => {
    await open(new ShareError('verifier-untrusted', 'detail', { verifierProblem: 'client-id-mismatch' }));
    expect(text('refused-reason')).toMatch(/names a different certificate/);
  });
});

describe('the words of who is asking (kept beside the share screens, out of the first screen\'s catalogue)', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('every language has every key, none empty, with the same placeholders as the English', () => {
    const { en } = WHO_IS_ASKING_WORDS;
    for (const language of LANGUAGES) {
      const words = WHO_IS_ASKING_WORDS[language];
      expect(Object.keys(words).sort(), language).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(words[key].trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(words[key]), `${language} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('fills placeholders as plain text and leaves unknown ones visible', () => {
    expect(whoIsAskingWords('en')('refused.claimed', { host: '<b>x</b>' })).toBe('This request says it is from <b>x</b>.');
    expect(whoIsAskingWords('cy')('refused.claimed')).toContain('{host}');
  });
});
