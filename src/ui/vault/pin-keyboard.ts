import { useEffect, useState } from 'preact/hooks';

/**
 * Which on-screen keyboard PIN fields ask for: the number pad (`inputmode="numeric"`) unless the
 * person chose "Use a passphrase instead" — a PIN may be any characters. The choice is shared by
 * every PIN field on the page for as long as the app is open, and deliberately not stored: a stored
 * "text" would tell anyone holding the phone, without unlocking, that the PIN is not digits only,
 * which narrows a guessing attack on the vault (docs/vault.md).
 */
export type PinKeyboard = 'numeric' | 'text';

let chosen: PinKeyboard = 'numeric';
const listeners = new Set<(keyboard: PinKeyboard) => void>();

export function usePinKeyboard(): [PinKeyboard, (keyboard: PinKeyboard) => void] {
  const [keyboard, setKeyboard] = useState(chosen);
  useEffect(() => {
    listeners.add(setKeyboard);
    return () => void listeners.delete(setKeyboard);
  }, []);
  const choose = (next: PinKeyboard) => {
    chosen = next;
    setKeyboard(next); // this field at once, whether or not its effect has subscribed yet
    listeners.forEach((listener) => listener(next));
  };
  return [keyboard, choose];
}
