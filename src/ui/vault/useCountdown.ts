import { useEffect, useState } from 'preact/hooks';
import { secondsUntil } from './vault-error-message';

/** Time as the countdown sees it; tests pass a clock they move by hand. */
export interface Clock {
  now(): number;
  /** Calls `run` every `ms` milliseconds until the returned function is called. */
  every(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, run) {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

/** Seconds left until `retryAt`, ticking once a second, 0 when past or unset. */
export function useCountdown(retryAt: number | undefined, clock: Clock = systemClock): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(retryAt, clock.now()));
  useEffect(() => {
    setSeconds(secondsUntil(retryAt, clock.now()));
    if (!retryAt) return;
    const stop = clock.every(1000, () => {
      const left = secondsUntil(retryAt, clock.now());
      setSeconds(left);
      if (left === 0) stop();
    });
    return stop;
  }, [retryAt, clock]);
  return seconds;
}
