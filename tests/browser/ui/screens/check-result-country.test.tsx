/**
 * The checker's result names a country-code claim (ISO/IEC 18013-5 §7.2.1 issuing_country,
 * ISO 3166-1 alpha-2) by the country's name in the checker's language, as the credential screen
 * does; another claim holding two letters stays as shared.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { CheckResultView } from '../../../../src/ui/share/CheckResultView';
import type { CheckResult } from '../../../../src/wallet/check';
import { nameOfClaim } from '../../../../src/wallet/shared/display-name';

const host = document.body.appendChild(document.createElement('div'));
const NS = 'org.iso.18013.5.1';

const result: CheckResult = {
  ok: true,
  verdict: 'pass',
  reasons: [{ code: 'signature', ok: true }],
  claims: [
    { path: [NS, 'issuing_country'], label: nameOfClaim([NS, 'issuing_country']), value: 'GB' },
    { path: [NS, 'family_name'], label: nameOfClaim([NS, 'family_name']), value: 'GB' },
  ],
  unrequested: [],
  elapsedMs: 5,
};

function values(): string[] {
  return [...host.querySelectorAll('[data-testid="disclosed-claims"] dd')].map((dd) => dd.textContent ?? '');
}

describe('CheckResultView: country codes', () => {
  afterEach(() => render(null, host));

  it('shows issuing_country as the country name in English and Welsh; other two-letter values as shared', async () => {
    await act(() => render(<I18nProvider initial="en"><CheckResultView result={result} /></I18nProvider>, host));
    expect(values()).toEqual(['United Kingdom', 'GB']);
    render(null, host);
    await act(() => render(<I18nProvider initial="cy"><CheckResultView result={result} /></I18nProvider>, host));
    expect(values()).toEqual(['Y Deyrnas Unedig', 'GB']);
  });
});
