/**
 * A link to the screen already shown starts that screen over ("Check someone" in the
 * menu while on a scan screen did nothing, because the route was the same).
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { Link, navigate, useScreenKey } from '../../../src/ui/router';

const host = document.body.appendChild(document.createElement('div'));
const startUrl = location.href;
afterEach(async () => {
  await act(() => render(null, host));
  history.replaceState(null, '', startUrl);
});

/** A screen with state of its own, like the check screen's steps. */
function Steps() {
  const [step, setStep] = useState('choose');
  return <button type="button" data-testid="step" onClick={() => setStep('scanning')}>{step}</button>;
}

function Shell() {
  const key = useScreenKey();
  return (
    <>
      <Link href="/check">Check someone</Link>
      <Steps key={key} />
    </>
  );
}

const step = () => host.querySelector<HTMLButtonElement>('[data-testid="step"]')!;
const link = () => host.querySelector('a')!;

it('following a link to the screen already shown starts it over', async () => {
  history.replaceState(null, '', '/check');
  await act(() => render(<Shell />, host));
  await act(() => step().click());
  expect(step().textContent).toBe('scanning');

  await act(() => link().click());
  expect(location.pathname).toBe('/check');
  expect(step().textContent).toBe('choose');
});

it('a screen that calls navigate() with its own path is not restarted', async () => {
  history.replaceState(null, '', '/check');
  await act(() => render(<Shell />, host));
  await act(() => step().click());
  await act(() => navigate('/check'));
  expect(step().textContent).toBe('scanning');
});
