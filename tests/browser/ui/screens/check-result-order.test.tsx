/**
 * The checker's result puts what was shared (the photo to compare with the person, the name, over
 * 18) straight under the verdict, before the checks that back it: on a 360×740 phone a door
 * supervisor sees the photo without scrolling past seven reasons.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { CheckResultView } from '../../../../src/ui/share/CheckResultView';
import type { CheckResult } from '../../../../src/wallet/check';
import { nameOfClaim } from '../../../../src/wallet/shared/display-name';

const host = document.body.appendChild(document.createElement('div'));

const result: CheckResult = {
  ok: true,
  verdict: 'pass',
  reasons: [{ code: 'signature', ok: true }, { code: 'issuer-trusted', ok: true }, { code: 'validity', ok: true }],
  claims: [{ path: ['given_name'], label: nameOfClaim(['given_name']), value: 'Ffion' }],
  unrequested: [['nationality']],
  status: { state: 'valid', checkedAt: new Date().toISOString() },
  elapsedMs: 5,
};

/** Whether `first` comes before `second` in the document. */
const before = (first: Element, second: Element) => Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('CheckResultView: order', () => {
  afterEach(() => render(null, host));

  it('shows the shared details (and the warning about what was not asked for) before the reasons', async () => {
    await act(() => render(<I18nProvider initial="en"><CheckResultView result={result} /></I18nProvider>, host));
    const claims = host.querySelector('[data-testid="disclosed-claims"]')!;
    const reasons = host.querySelector('[data-testid="check-reasons"]')!;
    const unrequested = host.querySelector('[data-testid="unrequested"]')!;
    expect(claims.textContent).toContain('Ffion');
    expect(before(claims, reasons)).toBe(true);
    expect(before(unrequested, claims)).toBe(true);
  });
});
