import { useEffect } from 'preact/hooks';

/**
 * Keeps the screen awake while the calling component is shown (W3C Screen Wake Lock API): a code
 * on a dimmed or locked screen cannot be scanned, and a loop of codes takes a while. The browser
 * releases every screen lock when the page is hidden (§ "Handling document loss of visibility"),
 * so the lock is requested again when the page is visible again; it is released on unmount. Where
 * the API is missing or the request is refused (power saving, no permission) the screen simply
 * follows the phone's own setting.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = typeof navigator !== 'undefined' ? navigator.wakeLock : undefined;
    if (!wakeLock) return;
    let sentinel: WakeLockSentinel | undefined;
    let active = true;
    const acquire = () => {
      if (!active || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      wakeLock.request('screen').then(
        (granted) => {
          // Granted after the code went away: let it go at once.
          if (!active) void granted.release();
          else sentinel = granted;
        },
        () => {},
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', acquire);
      if (sentinel && !sentinel.released) void sentinel.release();
    };
  }, []);
}
