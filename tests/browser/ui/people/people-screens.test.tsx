/**
 * The people screens (issue 16) with the real vault, the app's receiver and People, routed as in
 * the app: adding a person (and each refused name), receiving into Mum's space ("Whose is this?"),
 * the home screen's switcher never listing another person's credential (You and Mum each hold the
 * same licence), the credential screen's marker and "Mum's driving licence", removing Mum after a
 * warning naming her credentials (gone, with their keys; her activity kept), and the activity
 * screen's person filter and "Download Mum's activity" (only her entries). English and Welsh; axe clean.
 */
import axe from 'axe-core';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../../shared/catalogues';
import { PEOPLE_WORDS } from '../../../../src/ui/people/people-words';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import { render } from 'preact';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { PeopleProvider } from '../../../../src/ui/people/PeopleContext';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { ReviewOffer } from '../../../../src/ui/receive/ReviewOffer';
import { VaultProvider } from '../../../../src/ui/vault/VaultContext';
import type { OfferSummary } from '../../../../src/wallet/receive';
import { cleanUpVaults, PIN } from '../../support/vault-helpers';
import { carerApp, click, control, go, host, listedIds, receiveLicence, shows, text, typeInto, type CarerApp } from './support';

const EN = PEOPLE_WORDS.en;
const CY = PEOPLE_WORDS.cy;

async function axeClean(): Promise<void> {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

const errorSummary = () => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '';
const pressed = () => host.querySelector('[data-testid="person-switcher"] [aria-pressed="true"]')?.textContent ?? '';

describe('People screens', () => {
  let app: CarerApp;
  const startUrl = location.href;

  beforeEach(async () => {
    app = await carerApp('people-screens');
  });

  afterEach(async () => {
    app.close();
    history.replaceState(null, '', startUrl);
    await cleanUpVaults();
  });

  it('adds a person, refusing a missing, too long or taken name with the error summary', async () => {
    await app.show();
    await go('/people');
    await shows(EN.intro);
    // Only You so far, with no Remove.
    await expect.poll(() => host.querySelectorAll('[data-testid="person-row"]').length).toBe(1);
    expect(text()).not.toContain(EN.remove);
    await axeClean();

    await click(EN.add);
    await shows(EN['add.hint']);
    await click(EN['add.submit']);
    await expect.poll(errorSummary).toContain(EN['error.name-missing']);
    expect(host.querySelector('#person-name-error')?.textContent).toContain(EN['error.name-missing']);
    await axeClean();

    await typeInto('person-name', 'M'.repeat(41));
    await click(EN['add.submit']);
    await expect.poll(errorSummary).toContain('Name must be 40 characters or fewer');

    await typeInto('person-name', '  Mum ');
    await click(EN['add.submit']);
    await expect.poll(() => location.pathname).toBe('/people');
    await expect.poll(() => host.querySelectorAll('[data-testid="person-row"]').length).toBe(2);
    expect(text()).toContain('Mum');
    expect(text()).toContain(EN['count.other'].replace('{count}', '0'));
    await axeClean();

    await go('/people/add');
    await typeInto('person-name', 'mum');
    await click(EN['add.submit']);
    await expect.poll(errorSummary).toContain('You already have someone called mum: enter a different name');
    expect((await app.people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
  });

  it('receives into Mum\'s space, and the switcher never lists the other person\'s credential', async () => {
    const mum = await app.people.add('Mum');
    await app.show();
    const mine = await receiveLicence(app);
    // Home, You shown: choose Mum in the switcher; the offer's "Whose is this?" then starts at Mum.
    await go('/');
    await expect.poll(pressed).toContain(EN.you);
    await act(() => host.querySelector<HTMLButtonElement>(`[data-testid="person-switcher"] [data-person="${mum.id}"]`)!.closest('button')!.click());
    await expect.poll(pressed).toContain('Mum');
    await shows(EN['empty.other'].replaceAll('{name}', 'Mum'));

    await go('/add');
    await typeInto('offer-text', app.issuer.offer());
    await act(() => host.querySelector<HTMLFormElement>('#offer-text')!.form!.requestSubmit());
    await shows(EN['receive.legend']);
    expect(host.querySelector<HTMLInputElement>(`#whose-${mum.id}`)!.checked).toBe(true);
    expect(host.querySelector<HTMLInputElement>(`#whose-${SELF_PERSON}`)!.checked).toBe(false);
    await axeClean();
    await typeInto('tx-code', '24680');
    await act(() => host.querySelector<HTMLButtonElement>('#accept')!.click());
    await expect.poll(async () => (await app.receiver.listCredentials()).length, { timeout: 60_000 }).toBe(2);
    const hers = (await app.receiver.listCredentials()).find((c) => c.id !== mine)!;
    expect(hers.personId).toBe(mum.id);
    expect((await app.receiver.credential(mine))!.personId).toBe(SELF_PERSON);

    // The same licence type in both spaces: each person's list holds only their own.
    await go('/');
    await expect.poll(listedIds).toEqual([hers.id]);
    expect(text()).toContain("Mum's credentials");
    await axeClean();
    await act(() => host.querySelector<HTMLButtonElement>(`[data-testid="person-switcher"] [data-person="${SELF_PERSON}"]`)!.closest('button')!.click());
    await expect.poll(listedIds).toEqual([mine]);
    expect(text()).toContain(EN['credentials.self']);

    // Whom the home screen shows is kept in memory only, and goes back to You when Satchel locks.
    await act(() => host.querySelector<HTMLButtonElement>(`[data-testid="person-switcher"] [data-person="${mum.id}"]`)!.closest('button')!.click());
    await expect.poll(listedIds).toEqual([hers.id]);
    expect(JSON.stringify({ ...localStorage })).not.toContain(mum.id);
    await act(() => app.vault.lock());
    await expect.poll(() => host.querySelector('[data-testid="credential-card"]')).toBeNull();
    await app.vault.unlockWithPin(PIN);
    await expect.poll(listedIds).toEqual([mine]);
    expect(pressed()).toContain(EN.you);
  });

  it('the credential screen and the print screen say whose it is, in English and Welsh', async () => {
    const mum = await app.people.add('Mum');
    await app.show();
    const hers = await receiveLicence(app, mum.id);
    await go(`/credential/${encodeURIComponent(hers)}`);
    await expect.poll(() => host.querySelector('h1')?.textContent).toBe("Mum's driving licence");
    const marker = host.querySelector('[data-testid="person-marker"]')!;
    expect(marker.textContent).toBe('MMum');
    expect(marker.querySelector('[aria-hidden="true"]')?.textContent).toBe('M');
    await axeClean();

    app.close();
    await app.show('cy');
    await expect.poll(() => host.querySelector('h1')?.textContent).toBe('Trwydded yrru Mum');
    await go(`/credential/${encodeURIComponent(hers)}/card`);
    await expect.poll(() => host.querySelector('[data-testid="whose-card"]')?.textContent ?? '').toContain('Trwydded yrru Mum');
  });

  it('removes Mum after a warning naming her credentials: they go, with their keys; her activity stays', async () => {
    const mum = await app.people.add('Mum');
    await app.show();
    const hers = await receiveLicence(app, mum.id);
    const mine = await receiveLicence(app, SELF_PERSON);
    await expect.poll(async () => (await app.activity.list({ personId: mum.id })).length).toBe(1);

    await go('/people');
    await click(EN.remove);
    await expect.poll(() => location.pathname).toBe(`/people/${mum.id}/remove`);
    await expect.poll(() => host.querySelector('[data-testid="remove-warning"]')?.textContent ?? '')
      .toContain("This deletes Mum's credential from this phone: Driving licence.");
    expect(text()).toContain("What you did with Mum's credentials stays in your activity log");
    await axeClean();
    // Nothing is deleted before the warning's button is pressed.
    expect((await app.receiver.listCredentials()).map((c) => c.id).sort()).toEqual([hers, mine].sort());

    await click('Remove Mum and delete their credentials');
    await expect.poll(() => location.pathname).toBe('/people');
    await expect.poll(() => host.querySelectorAll('[data-testid="person-row"]').length).toBe(1);
    expect((await app.receiver.listCredentials()).map((c) => c.id)).toEqual([mine]);
    await expect(app.vault.signWithDeviceKey(hers, new Uint8Array(1))).rejects.toThrow();
    const kept = await app.activity.list({ personId: mum.id });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.kind).toBe('received');
  });

  it('the activity screen filters by person and downloads only Mum\'s activity', async () => {
    const mum = await app.people.add('Mum');
    await app.show();
    await receiveLicence(app, mum.id);
    await receiveLicence(app, SELF_PERSON);
    await go('/activity');
    await expect.poll(() => host.querySelectorAll('[data-testid="activity-table"] tbody tr').length).toBe(2);
    // With people, each entry says whose it is.
    expect(host.querySelectorAll('[data-testid="activity-table"] [data-testid="person-marker"]')).toHaveLength(2);
    const select = host.querySelector<HTMLSelectElement>('#activity-person')!;
    await act(() => {
      select.value = mum.id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => host.querySelectorAll('[data-testid="activity-table"] tbody tr').length).toBe(1);
    expect(host.querySelector('[data-testid="activity-table"] [data-testid="person-marker"]')?.textContent).toContain('Mum');
    await axeClean();

    await click("Export Mum's activity");
    await expect.poll(() => control("Download Mum's activity")).toBeDefined();
    const link = control("Download Mum's activity") as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe(`satchel-activity-${mum.id}.json`);
    const file = await (await fetch(link.href)).json() as { person: { name: string }; entries: { personId?: string; kind: string }[] };
    expect(file.person.name).toBe('Mum');
    expect(file.entries).toHaveLength(1);
    expect(file.entries.every((entry) => entry.personId === mum.id)).toBe(true);
    // Everything else stays as it was: the whole log's export is still there.
    expect(text()).toContain(en['activity.export']);
  });

  it('does not ask whose an authority is: it always goes into the holder\'s own space', async () => {
    await app.people.add('Mum');
    const offered = (id: string, holdersOwn: boolean): OfferSummary => ({
      offerId: id, issuer: { id: 'https://opg.example.gov.uk', name: { en: 'Office of the Public Guardian' } },
      credentials: [{ configurationId: id, name: { en: id }, claims: [], ...(holdersOwn ? { holdersOwn: true as const } : {}) }],
    });
    await act(() => render(
      <I18nProvider initial="en"><VaultProvider vault={app.vault}><ReceiverProvider receiver={app.receiver}><PeopleProvider people={app.people}>
        <div data-testid="licence"><ReviewOffer offer={offered('driving_licence', false)} onDone={() => undefined} /></div>
        <div data-testid="authority"><ReviewOffer offer={offered('lasting_power_of_attorney', true)} onDone={() => undefined} /></div>
      </PeopleProvider></ReceiverProvider></VaultProvider></I18nProvider>,
      host,
    ));
    // Once the people are read the licence's review asks; the authority's, read the same way, does not.
    await expect.poll(() => host.querySelector('[data-testid="licence"] [data-testid="whose-is-this"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="authority"] #accept')).not.toBeNull();
    expect(host.querySelector('[data-testid="authority"] [data-testid="whose-is-this"]')).toBeNull();
  });

  it('with no one added, the home screen is as before: no switcher, "Your credentials"', async () => {
    await app.show();
    await receiveLicence(app);
    await go('/');
    await shows(en['home.title']);
    await expect.poll(() => listedIds().length).toBe(1);
    expect(host.querySelector('[data-testid="person-switcher"]')).toBeNull();
    expect(host.querySelector('[data-testid="person-marker"]')).toBeNull();
    // Only a link to the people screen is new.
    expect(control(EN.link)).toBeDefined();
    app.close();
    await app.show('cy');
    await shows(CY.link);
  });
});
