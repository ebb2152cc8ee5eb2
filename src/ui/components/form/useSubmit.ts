import { useState } from 'preact/hooks';

/**
 * Runs a form's async action once at a time, and keeps the "busy" flag that disables its button
 * (Argon2id takes about a second on purpose, and a double tap must not start it twice).
 */
export function useSubmit<T>(action: () => Promise<T>): { busy: boolean; submit: (event?: Event) => Promise<T | undefined> } {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async submit(event) {
      event?.preventDefault();
      if (busy) return undefined;
      setBusy(true);
      try {
        return await action();
      } finally {
        setBusy(false);
      }
    },
  };
}
