/**
 * The app, started by boot.ts once the app shell is painted: the vault, the use cases the UI is
 * given, and the first render.
 */
import { render } from 'preact';
import { lazyAppReceiver } from '../wallet/app';
import { lazyAppShareServices } from '../wallet/app';
import { lazyAppPeople } from '../wallet/app';
import { warmSignatureChecking } from '../wallet/app';
import { createVault, prefetchVaultOperations } from '../wallet/vault';
import { linkIconAndManifest } from '../sw/page-links';
import { App } from './App';

/** Renders the app into index.html's #app (once). */
export function startApp(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  const vault = createVault();
  const receiver = lazyAppReceiver(vault);
  // The database starts opening before the first render: the first screen waits on this read.
  void vault.state().catch(() => undefined);
  // The crypto worker starts in idle time once the first screen is shown and the page has loaded, and
  // again on unlock (issue 18): never among the first screen's own requests, which it had delayed.
  // The rest of the vault (setting up, unlocking) is fetched then too, before a tap needs it, and
  // the page's icon and manifest are linked (page-links.ts).
  const afterFirstScreen = () => {
    warmSignatureChecking(vault);
    prefetchVaultOperations();
    linkIconAndManifest();
  };
  render(<App vault={vault} receiver={receiver} share={lazyAppShareServices(vault, receiver)} people={lazyAppPeople(vault, receiver)} afterFirstScreen={afterFirstScreen} />, root);
}
