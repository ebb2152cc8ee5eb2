import { render } from 'preact';
import { lazyAppReceiver } from '../wallet/app';
import { lazyAppShareServices } from '../wallet/app';
import { lazyAppPeople } from '../wallet/app';
import { warmSignatureChecking } from '../wallet/app';
import { createVault } from '../wallet/vault';
import { App } from './App';
import { takeOfferLinkFromAddress } from './receive/offer-link';
import './styles/first-screen.scss';

// GOV.UK Frontend's "JavaScript is available" hooks, set here because the CSP forbids inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// An offer link's pre-authorised code leaves the address bar and history before anything renders.
takeOfferLinkFromAddress();

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const vault = createVault();
const receiver = lazyAppReceiver(vault);
// The database starts opening now, while the page renders its frame: the screen waits on this read.
void vault.state().catch(() => undefined);
// The crypto worker starts in idle time once the first screen is shown and the page has loaded, and
// again on unlock (issue 18): never among the first screen's own requests, which it had delayed.
render(<App vault={vault} receiver={receiver} share={lazyAppShareServices(vault, receiver)} people={lazyAppPeople(vault, receiver)} afterFirstScreen={() => warmSignatureChecking(vault)} />, root);
