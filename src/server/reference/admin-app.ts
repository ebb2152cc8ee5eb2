/**
 * The issuer admin page (server-rendered HTML with Hono's `html` template, which escapes every
 * interpolated value): pick a demo person and a credential and get a credential offer
 * (OpenID4VCI 1.0 §4.1) as a QR code, a wallet link and `openid-credential-offer://` text, with
 * its transaction code (or, for a department that issues only after sign-in, who signs in); print
 * a paper card (print-card-page.ts: a new card with its own status entry); revoke, suspend or reinstate issued credentials (their status list bit).
 * Form posts are checked against cross-site request forgery (hono/csrf: Origin /
 * Sec-Fetch-Site must be this page's own).
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html, raw } from 'hono/html';
import qrcode from 'qrcode-generator';
import { DEMO_AUTHORITIES, DEMO_PASSWORD, DEMO_PEOPLE, findAuthority, findPerson, POWER_NAMES, type DemoAuthority } from './demo-people';
import type { ReferenceIssuer } from './issuer';
import { statusName, type StatusName } from './status-list';
import { cardCode } from './card-issuer';
import { portraitJpeg } from './mdl-elements';
import { PRINT_CARD_CSS, printCardPage } from './print-card-page';

const QR_CELL_PX = 4;
const ADMIN_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const CSS = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.4}
table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left}
.code{font-size:2rem;letter-spacing:.3rem;font-weight:bold}.qr svg{width:20rem;height:auto}
textarea{width:100%;font-family:monospace}form.inline{display:inline}`;

export interface AdminOptions {
  issuers: readonly ReferenceIssuer[];
  /** The wallet's origin, for "open in Satchel" links (…/offer?credential_offer_uri=…). */
  walletUrl: string;
}

/**
 * The ways a person can receive an offer: the QR code and pasteable text carry the offer by value
 * (§4.1.1 credential_offer: a phone scanning it offline can still show who is offering what), the
 * link for opening Satchel on this device carries it by reference (§4.1.3 credential_offer_uri).
 */
export function offerLinks(issuer: ReferenceIssuer, offerId: string, walletUrl: string): { uri: string; walletLink: string; schemeText: string; schemeByReference: string } {
  const offer = issuer.offer(offerId)!;
  const uri = issuer.offerUri(offer);
  const byReference = `credential_offer_uri=${encodeURIComponent(uri)}`;
  return {
    uri,
    walletLink: `${walletUrl}/offer?${byReference}`,
    schemeText: `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(issuer.offerJson(offer)))}`,
    schemeByReference: `openid-credential-offer://?${byReference}`,
  };
}

/** "attorney Ada Jones, for Margaret Jones, property and financial affairs": who may act, for whom, for what. */
export function authorityWords(authority: DemoAuthority): string {
  const name = (id: string) => {
    const p = findPerson(id)!;
    return `${p.givenName} ${p.familyName}`;
  };
  return `attorney ${name(authority.attorneyId)}, for ${name(authority.donorId)}, ${POWER_NAMES[authority.power].en}`;
}

/** A model's refusal (an unknown person, no record to issue from) as the clerk's 400. */
function refused(e: unknown): string {
  if (e instanceof RangeError) return e.message;
  throw e;
}

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Satchel reference issuers</title><link rel="stylesheet" href="/admin.css"></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  // Generated from our own data only: no title or alt text from input.
  return qr.createSvgTag({ cellSize: QR_CELL_PX, margin: 4, scalable: true });
}

export function adminApp(options: AdminOptions): Hono {
  const app = new Hono();
  const byId = new Map(options.issuers.map((i) => [i.department.id, i]));
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(ADMIN_HEADERS)) c.res.headers.set(k, v);
  });
  app.use('*', csrf());

  app.get('/admin.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/print-card.css', (c) => c.body(PRINT_CARD_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/', (c) => {
    // The OPG issues only from its register of authorities: its own buttons below, not this list.
    const choices = options.issuers.filter((i) => i.department.id !== 'opg').flatMap((i) => i.department.credentials.map((cred) => ({ value: `${i.department.id}:${cred.id}`, label: `${cred.name.en} — ${i.department.name.en}` })));
    const opg = byId.get('opg');
    const issued = options.issuers.flatMap((i) => i.issued().map((r) => ({ issuer: i, record: r })));
    return c.html(
      page(
        'Issue a credential',
        html`<form method="post" action="/offers">
  <p><label for="person">Demo person</label><br><select id="person" name="person">${DEMO_PEOPLE.map((p) => html`<option value="${p.id}">${p.givenName} ${p.familyName} (born ${p.birthDate})</option>`)}</select></p>
  <p><label for="credential">Credential</label><br><select id="credential" name="credential">${choices.map((ch) => html`<option value="${ch.value}">${ch.label}</option>`)}</select></p>
  <p><input type="checkbox" id="deferred" name="deferred" value="yes"> <label for="deferred">Deliver later (deferred issuance)</label></p>
  <p><button type="submit">Create offer</button> <button type="submit" formaction="/cards" id="print-card">Print a card</button></p>
  <p>Print a card makes a paper card for the person at once (its own entry below, revocable like any credential), with no phone and no offer.</p>
</form>
${opg
  ? html`<h2>${opg.department.name.en}</h2>
<p>A registered lasting power of attorney, issued to the attorney's phone and bound to its key. Revoke it below (for example when the donor asks) and checkers see it fail.</p>
${DEMO_AUTHORITIES.map((a) => html`<form method="post" action="/authorities"><input type="hidden" name="authority" value="${a.id}"><p><button type="submit" id="authority-${a.id}">Issue a lasting power of attorney: ${authorityWords(a)}</button></p></form>`)}`
  : ''}
<h2>Issued credentials</h2>
${issued.length === 0
  ? html`<p>None yet.</p>`
  : html`<table><thead><tr><th>Department</th><th>Credential</th><th>Person</th><th>Issued</th><th>Status</th><th>Wallet said</th><th>Change status</th></tr></thead><tbody>
${issued.map(({ issuer, record }) => {
  const status = statusName(issuer.status(record.idx) ?? -1);
  const person = findPerson(record.personId);
  const authority = record.authorityId === undefined ? undefined : findAuthority(record.authorityId);
  return html`<tr${authority ? html` data-authority="${authority.id}"` : ''}><td>${issuer.department.name.en}</td><td>${issuer.configurationName(record.configurationId)?.en ?? record.configurationId}${record.paperCard ? html` (<a href="/cards/${issuer.department.id}/${record.idx}">print again</a>)` : ''}${record.cardIssuedAt ? ' and its paper card (revoked with it)' : ''}</td><td>${authority ? authorityWords(authority) : person ? `${person.givenName} ${person.familyName}` : record.personId}</td><td>${new Date(record.issuedAt).toISOString()}</td><td data-status="${status}">${status}</td><td>${record.notification ?? ''}</td><td>${(['revoked', 'suspended', 'valid'] as const)
    .filter((s) => s !== status)
    .map((s) => html`<form class="inline" method="post" action="/status"><input type="hidden" name="department" value="${issuer.department.id}"><input type="hidden" name="idx" value="${record.idx}"><input type="hidden" name="status" value="${s}"><button type="submit">${s === 'valid' ? 'Reinstate' : s === 'revoked' ? 'Revoke' : 'Suspend'}</button></form> `)}</td></tr>`;
})}</tbody></table>`}`,
      ),
    );
  });

  app.post('/offers', async (c) => {
    const form = await c.req.parseBody();
    const [dept, configurationId] = String(form.credential ?? '').split(':');
    const issuer = byId.get(dept as never);
    const personId = String(form.person ?? '');
    if (!issuer || !configurationId || !issuer.configuration(configurationId) || !findPerson(personId)) return c.text('Unknown person or credential', 400);
    let offer;
    try {
      offer = issuer.createOffer({ personId, configurationId, deferred: form.deferred === 'yes' });
    } catch (e) {
      return c.text(refused(e), 400);
    }
    return c.redirect(`/offers/${issuer.department.id}/${offer.id}`, 303);
  });

  // The OPG: an offer of one registered authority to its attorney (pre-authorised code, like the DVLA's).
  app.post('/authorities', async (c) => {
    const form = await c.req.parseBody();
    const issuer = byId.get('opg');
    const authority = findAuthority(String(form.authority ?? ''));
    if (!issuer || !authority) return c.text('Unknown authority', 400);
    const offer = issuer.createOffer({ personId: authority.attorneyId, configurationId: issuer.department.credentials[0]!.id, authorityId: authority.id });
    return c.redirect(`/offers/${issuer.department.id}/${offer.id}`, 303);
  });

  app.get('/offers/:dept/:id', (c) => {
    const issuer = byId.get(c.req.param('dept') as never);
    const offer = issuer?.offer(c.req.param('id'));
    if (!issuer || !offer) return c.text('No such offer', 404);
    const links = offerLinks(issuer, offer.id, options.walletUrl);
    const person = findPerson(offer.personId)!;
    const authority = offer.authorityId === undefined ? undefined : findAuthority(offer.authorityId);
    return c.html(
      page(
        authority ? `Offer: ${issuer.configuration(offer.configurationId)!.name.en}, ${authorityWords(authority)}` : `Offer: ${issuer.configuration(offer.configurationId)!.name.en} for ${person.givenName} ${person.familyName}`,
        html`<p>From ${issuer.department.name.en}. Scan with Satchel, open the link on this device, or paste the text.</p>
<div class="qr" role="img" aria-label="QR code of the credential offer">${raw(qrSvg(links.schemeText))}</div>
<p><a id="wallet-link" href="${links.walletLink}">Open in Satchel</a></p>
<p><label for="offer-text">Offer text</label><br><textarea id="offer-text" rows="3" readonly>${links.schemeText}</textarea></p>
${offer.txCode ? html`<p>Transaction code (sent separately, e.g. by letter): <span class="code" id="tx-code">${offer.txCode}</span></p>` : ''}
${offer.issuerState ? html`<p id="sign-in">No code to type: ${person.givenName} signs in at the reference sign-in service as <code>${person.email}</code> with the password <code>${DEMO_PASSWORD}</code>. Only they can take this offer.</p>` : ''}
<p>The offer expires at ${new Date(offer.expiresAt).toISOString()}${offer.deferred ? ' and the credential is delivered later (deferred)' : ''}.</p>
<p><a href="/">Back to the admin page</a></p>`,
      ),
    );
  });

  // A paper card made at the counter: a credential of its own (status entry, issued list), then its printable page.
  app.post('/cards', async (c) => {
    const form = await c.req.parseBody();
    const [dept, configurationId] = String(form.credential ?? '').split(':');
    const issuer = byId.get(dept as never);
    const personId = String(form.person ?? '');
    const configuration = configurationId ? issuer?.configuration(configurationId) : undefined;
    if (!issuer || !configuration || !findPerson(personId)) return c.text('Unknown person or credential', 400);
    if (!configuration.card) return c.text(`${configuration.name.en} has no card of its own: print the ${issuer.department.credentials.find((x) => x.card)?.name.en ?? 'other'} card, which says the same`, 400);
    let record;
    try {
      record = issuer.issueCounterCard({ personId, configurationId: configuration.id });
    } catch (e) {
      return c.text(refused(e), 400);
    }
    return c.redirect(`/cards/${issuer.department.id}/${record.idx}`, 303);
  });

  app.get('/cards/:dept/:idx', (c) => {
    const issuer = byId.get(c.req.param('dept') as never);
    const card = issuer?.counterCard(Number(c.req.param('idx')));
    if (!issuer || !card) return c.text('No such card', 404);
    const person = findPerson(card.personId)!;
    const label = (name: string) => card.configuration.claims.find((claim) => claim.path[0] === name)?.label ?? { en: name, cy: name };
    return c.html(
      printCardPage({
        issuerName: issuer.department.name,
        credentialName: card.configuration.name,
        name: `${person.givenName} ${person.familyName}`,
        claims: Object.entries(card.claims).map(([name, value]) => ({ name, label: label(name), value })),
        issuedAt: card.issuedAt,
        expiresAt: card.expiresAt,
        code: cardCode(card.credential),
        portraitJpeg: portraitJpeg(person),
      }),
    );
  });

  app.post('/status', async (c) => {
    const form = await c.req.parseBody();
    const issuer = byId.get(String(form.department) as never);
    const status = String(form.status) as StatusName;
    const idx = Number(form.idx);
    if (!issuer || !['valid', 'revoked', 'suspended'].includes(status) || issuer.status(idx) === undefined) return c.text('Unknown credential or status', 400);
    issuer.setStatus(idx, status);
    return c.redirect('/', 303);
  });

  return app;
}
