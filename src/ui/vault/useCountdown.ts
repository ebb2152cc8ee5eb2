import { useEffect, useState } from 'preact/hooks';
import { secondsUntil } from './vault-error-message';

/** Seconds left until `retryAt`, ticking once a second, 0 when past or unset. */
export function useCountdown(retryAt: number | undefined): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(retryAt));
  useEffect(() => {
    setSeconds(secondsUntil(retryAt));
    if (!retryAt) return;
    const timer = setInterval(() => {
      const left = secondsUntil(retryAt);
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return seconds;
}
