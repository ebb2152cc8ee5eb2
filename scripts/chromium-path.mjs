// Where the tests find a Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// Test tools' own browser downloads fail on our machines, so we never rely on them.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep headless Chromium from phoning home on a machine with no network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium() {
  if (!existsSync(chromiumPath)) {
    console.error(`No Chromium at ${chromiumPath}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) requireChromium();
