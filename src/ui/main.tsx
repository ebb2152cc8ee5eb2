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
render(<App vault={vault} receiver={receiver} share={lazyAppShareServices(vault, receiver)} people={lazyAppPeople(vault, receiver)} />, root);
// The crypto worker starts in idle time after the first screen and again on unlock (issue 18).
warmSignatureChecking(vault);
