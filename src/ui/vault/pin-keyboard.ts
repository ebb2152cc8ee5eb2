import { useEffect, useState } from 'preact/hooks';

/**
 * Which on-screen keyboard PIN fields ask for: the number pad (`inputmode="numeric"`) unless the
 * person chose "Use a passphrase instead" — a PIN may be any characters, and someone whose PIN has
 * letters would otherwise have to switch keyboards at every unlock. The choice is shared by every
 * PIN field on the page and remembered on this phone (localStorage: only which keyboard, never
 * anything about the PIN itself beyond that).
 */
export type PinKeyboard = 'numeric' | 'text';

const STORAGE_KEY = 'satchel:pin-keyboard';
const listeners = new Set<(keyboard: PinKeyboard) => void>();

function stored(): PinKeyboard {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'text' ? 'text' : 'numeric';
  } catch {
    return 'numeric'; // storage blocked: the number pad, the usual case
  }
}

export function usePinKeyboard(): [PinKeyboard, (keyboard: PinKeyboard) => void] {
  const [keyboard, setKeyboard] = useState(stored);
  useEffect(() => {
    listeners.add(setKeyboard);
    return () => void listeners.delete(setKeyboard);
  }, []);
  const choose = (next: PinKeyboard) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; this page still follows the choice.
    }
    setKeyboard(next);
    listeners.forEach((listener) => listener(next));
  };
  return [keyboard, choose];
}
