/**
 * Whether this browser has Web Bluetooth (a central that can connect to the holder's phone,
 * ISO/IEC 18013-5 §8.3.3 "mdoc peripheral server mode"): Chromium on Android, Windows, macOS,
 * ChromeOS and Linux; not Safari or any browser on iPhone, not Firefox. Detection only, so the
 * screen can say so before anything is scanned; whether Bluetooth is switched on and allowed is
 * only known when connecting (CheckError 'bluetooth-unavailable').
 */
export function hasWebBluetooth(nav: Navigator = navigator): boolean {
  const bluetooth = (nav as { bluetooth?: { requestDevice?: unknown } }).bluetooth;
  return typeof bluetooth?.requestDevice === 'function';
}
