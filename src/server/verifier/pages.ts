/**
 * The reference verifier's pages: server-rendered with Hono's `html` template, which escapes every
 * interpolated value — claim values from a presentation are data, never markup. No scripts: the
 * waiting page refreshes itself every few seconds.
 */
import { html, raw } from 'hono/html';
import qrcode from 'qrcode-generator';
import type { OnBehalfOutcome } from '../../credentials/on-behalf';
import { notOnBehalf, onBehalfFailures, presentedOnBehalf } from './on-behalf-words';
import type { VerifierSite } from './sites';
import type { Transaction } from './transactions';

// Phone-sized first (the result page was 835 px wide on a 360 px phone): narrow margins
// under 40em, tables as wide as the page at most, long values (URLs, JSON) broken anywhere.
const CSS = `body{font-family:system-ui,sans-serif;margin:1rem;max-width:48rem;line-height:1.4;overflow-wrap:anywhere}
@media (min-width:40em){body{margin:2rem}}h1{margin-top:0}
.qr svg{display:block;width:min(18rem,100%);height:auto}.pass{background:#00703c;color:#fff;padding:1rem;font-size:1.5rem}
.fail{background:#d4351c;color:#fff;padding:1rem;font-size:1.5rem}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
button{font-size:1.1rem;padding:.5rem 1rem;margin-bottom:.5rem}code{word-break:break-all}
.on-behalf{border-left:.5rem solid #1d70b8;padding:.5rem 1rem;font-size:1.2rem;font-weight:bold}`;

function layout(title: string, body: ReturnType<typeof html>, refreshS?: number) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refreshS ? raw(`<meta http-equiv="refresh" content="${refreshS}">`) : ''}
<title>${title}</title><link rel="stylesheet" href="/style.css"></head>
<body><h1>${title}</h1>${body}</body></html>`;
}

export const STYLE = CSS;

/** A site's start page: its intro, and one button per purpose (sites.ts). */
export function homePage(site: Pick<VerifierSite, 'name' | 'home'>) {
  return layout(
    `${site.name}: ${site.home.title}`,
    html`<p>${site.home.intro}</p>
${site.home.choices.map(
  (choice) => html`${choice.before ? html`<p>${choice.before}</p>` : ''}<form method="post" action="/start"><input type="hidden" name="purpose" value="${choice.purpose}"><button>${choice.label}</button></form>
`,
)}`,
  );
}

function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}

export function waitingPage(tx: Transaction, links: { crossDevice: string; sameDevice: string }) {
  return layout(
    'Share from Satchel',
    html`<p>On another phone: open Satchel, choose “Share a credential”, and scan this QR code.</p>
<div class="qr">${raw(qrSvg(links.crossDevice))}</div>
<p>On this device: <a href="${links.sameDevice}">open Satchel to share</a>.</p>
<p>This page updates by itself when your answer arrives. The request expires at ${new Date(tx.expiresAt).toISOString()}.</p>
<details><summary>Request link</summary><code>${links.crossDevice}</code></details>`,
    3,
  );
}

/** A picture's type from its first bytes (JPEG: FF D8 FF; PNG: 89 50 4E 47), else undefined: other bytes are never shown as an image. */
function imageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return undefined;
}

function show(value: unknown) {
  // An mdoc's byte strings (ISO/IEC 18013-5 §7.2.1 portrait): a JPEG or PNG as a picture, other bytes by their length.
  if (value instanceof Uint8Array) {
    const type = imageType(value);
    return type ? html`<img alt="Photo sent" width="120" src="data:${type};base64,${btoa(Array.from(value, (byte) => String.fromCharCode(byte)).join(''))}">` : `(${value.length} bytes)`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `(${v.length} bytes)` : v));
}

/** The wallet said no (OpenID4VP 1.0 §8.5): access_denied is both "declined" and "does not hold it". */
function declinedPage(error: string) {
  return layout(
    'Nothing was shared',
    html`<p class="fail">${error === 'access_denied' ? 'You chose not to share, or your wallet does not hold what we asked for.' : `Your wallet could not answer (${error}).`}</p>
<p>We cannot go on without it. <a href="/">Start again</a></p>`,
  );
}

/**
 * Straight under the verdict, an answer given on someone's behalf: "Presented by … on behalf of …"
 * when the on-behalf check passed, else why it did not, each reason in plain words.
 */
function onBehalfSection(outcome: OnBehalfOutcome) {
  if (outcome.ok) return html`<p class="on-behalf" id="on-behalf">${presentedOnBehalf(outcome)}</p>`;
  return html`<div class="on-behalf" id="on-behalf"><p>${notOnBehalf(outcome)}:</p><ul>${onBehalfFailures(outcome).map((f) => html`<li>${f}</li>`)}</ul></div>`;
}

export function resultPage(tx: Transaction) {
  const o = tx.outcome!;
  if (o.declined !== undefined) return declinedPage(o.declined);
  // The credentials can verify and the answer still fail: the authority did not cover this person or this purpose.
  // An answer on someone's behalf holds two credentials (the person's and the authority), so says both.
  const verdict = o.ok ? (o.onBehalf ? 'Both credentials verified: the person’s own and the authority to act for them.' : 'The credential verified.') : o.onBehalf && !o.onBehalf.ok && !o.error ? 'Not accepted: the authority to act for this person did not check out.' : `The credential did not verify${o.error ? `: ${o.error}` : ''}.`;
  return layout(
    o.ok ? 'Verified' : 'Not verified',
    html`<p class="${o.ok ? 'pass' : 'fail'}">${verdict}</p>
${o.onBehalf ? onBehalfSection(o.onBehalf) : ''}
${o.issuer ? html`<p>Issuer: ${o.issuer}<br>Type: ${o.type ?? ''}</p>` : ''}
<h2>What we received</h2>
<table><tr><th>Claim</th><th>Value</th></tr>${Object.entries(o.claims).map(([k, v]) => html`<tr><td>${k}</td><td>${show(v)}</td></tr>`)}</table>
<h2>Checks</h2>
<table><tr><th>Check</th><th>Result</th><th>Detail</th></tr>${o.reasons.map((r) => html`<tr><td>${r.name}</td><td>${r.ok ? 'pass' : 'FAIL'}</td><td>${r.message}</td></tr>`)}</table>
<p><a href="/">Start again</a></p>`,
  );
}

export function expiredPage() {
  return layout('Request expired', html`<p>This request has expired or is unknown. <a href="/">Start again</a>.</p>`);
}
