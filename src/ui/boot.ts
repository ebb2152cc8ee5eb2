/**
 * The page's entry script (issue 18). It does what must come before the first paint, lets the
 * browser paint index.html's app shell (the service's name, styled by the first screen's
 * stylesheet imported here), and only then renders the app (main.tsx). On a slow phone the shell
 * is up as soon as the page and its stylesheet are; the app's first render, the longest task of
 * the first visit, follows in the next frame instead of holding back the first paint.
 */
import { afterNextPaint } from './after-next-paint';
import { startApp } from './main';
import { takeOfferLinkFromAddress } from './receive/offer-link';
import './styles/first-screen.scss';

// GOV.UK Frontend's "JavaScript is available" hooks, set here because the CSP forbids inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// An offer link's pre-authorised code leaves the address bar and history before anything paints.
takeOfferLinkFromAddress();

afterNextPaint(startApp);
