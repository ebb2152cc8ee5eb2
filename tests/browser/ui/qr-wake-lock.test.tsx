/**
 * A code being shown keeps the screen awake: the other phone may take a while to scan a
 * loop of codes, and a dimmed screen cannot be read. W3C Screen Wake Lock API: the lock is taken
 * while a code is on screen, taken again when the page becomes visible after the browser released
 * it (§ "Handling document loss of visibility"), and released when the code goes away.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrFramesView } from '../../../src/ui/components/qr/QrCode';
import { I18nProvider } from '../../../src/ui/i18n/context';

const host = document.body.appendChild(document.createElement('div'));
afterEach(async () => {
  await act(() => render(null, host));
  vi.restoreAllMocks();
});

/** A stand-in for the browser's WakeLockSentinel: released by release(), or by the browser. */
class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen';
  onrelease = null;
  release = vi.fn(async () => this.releasedByBrowser());
  releasedByBrowser(): void {
    if (this.released) return;
    this.released = true;
    this.dispatchEvent(new Event('release'));
  }
}

function fakeWakeLock(): FakeSentinel[] {
  const sentinels: FakeSentinel[] = [];
  vi.spyOn(navigator.wakeLock, 'request').mockImplementation(async () => {
    const sentinel = new FakeSentinel();
    sentinels.push(sentinel);
    return sentinel as unknown as WakeLockSentinel;
  });
  return sentinels;
}

const qr = { frames: ['SVQ1.a', 'SVQ1.b'], frameMs: 300 };
const showCode = () => act(() => render(<I18nProvider initial="en"><QrFramesView qr={qr} label="answer" testId="answer" /></I18nProvider>, host));

describe('QrFramesView keeps the screen awake', () => {
  it('takes a screen wake lock while a code is shown and releases it when the code goes away', async () => {
    const sentinels = fakeWakeLock();
    await showCode();
    await expect.poll(() => sentinels.length, { timeout: 60_000 }).toBe(1);
    expect(navigator.wakeLock.request).toHaveBeenCalledWith('screen');
    expect(sentinels[0]!.released).toBe(false);

    await act(() => render(null, host));
    expect(sentinels[0]!.release).toHaveBeenCalled();
    expect(sentinels[0]!.released).toBe(true);
  });

  it('takes it again when the page is visible again after the browser released it', async () => {
    const sentinels = fakeWakeLock();
    await showCode();
    await expect.poll(() => sentinels.length, { timeout: 60_000 }).toBe(1);
    // The browser releases every screen lock when the page is hidden (the phone locked, another app).
    sentinels[0]!.releasedByBrowser();
    expect(document.visibilityState).toBe('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await expect.poll(() => sentinels.length, { timeout: 60_000 }).toBe(2);
    expect(sentinels[1]!.released).toBe(false);
    await act(() => render(null, host));
    expect(sentinels[1]!.released).toBe(true);
  });

  it('releases a lock granted only after the code went away', async () => {
    let grant!: (sentinel: WakeLockSentinel) => void;
    vi.spyOn(navigator.wakeLock, 'request').mockImplementation(() => new Promise((resolve) => { grant = resolve; }));
    await showCode();
    await expect.poll(() => grant, { timeout: 60_000 }).toBeDefined();
    await act(() => render(null, host));
    const late = new FakeSentinel();
    grant(late as unknown as WakeLockSentinel);
    await expect.poll(() => late.released, { timeout: 60_000 }).toBe(true);
  });

  it('shows the code when the browser refuses the lock (power saving) or has none', async () => {
    vi.spyOn(navigator.wakeLock, 'request').mockRejectedValue(new DOMException('power saving', 'NotAllowedError'));
    await showCode();
    expect(host.querySelector('svg[role="img"]')).not.toBeNull();
  });
});
