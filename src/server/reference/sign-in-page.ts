/**
 * The reference sign-in service's pages, in English and Welsh (a link switches): the login form
 * (a demo person's email and the demo password, both shown on the page), its error summary, and the
 * page for a sign-in link that cannot be used. Plain server-rendered HTML after the GOV.UK Design
 * System's patterns (labels above inputs, an error summary linking to the field, a start button
 * and a secondary "Cancel"), no script. Hono's `html` escapes every interpolated value.
 */
import { html } from 'hono/html';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';
import type { Localised } from './departments';

export type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    service: 'Reference sign-in (a stand-in for GOV.UK One Login)',
    demo: 'Demo only: not a real service',
    title: 'Sign in',
    asking: (credential: string) => `Sign in to add your ${credential} to Satchel.`,
    issuedBy: 'Issued by',
    email: 'Email address',
    password: 'Password',
    signIn: 'Continue',
    cancel: 'Cancel',
    demoHint: 'For this demo, sign in as one of these people, with the password',
    problem: 'There is a problem',
    wrongDetails: 'Enter an email address and password that match',
    otherPerson: 'This offer was made out to someone else. Sign in as the person it is for',
    otherLang: 'Cymraeg',
    cannotTitle: 'You cannot sign in from this link',
    noPar: 'Sign-in must start in the app that asked for it. Go back to the app and try again.',
    expired: 'This sign-in link has expired or has already been used. Go back to the app and start again.',
    client: 'This sign-in link belongs to another app. Go back to the app and start again.',
  },
  cy: {
    service: 'Mewngofnodi enghreifftiol (yn lle GOV.UK One Login)',
    demo: 'Arddangosiad yn unig: nid gwasanaeth go iawn',
    title: 'Mewngofnodi',
    asking: (credential: string) => `Mewngofnodwch i ychwanegu eich ${credential} at Satchel.`,
    issuedBy: 'Wedi’i gyhoeddi gan',
    email: 'Cyfeiriad e-bost',
    password: 'Cyfrinair',
    signIn: 'Parhau',
    cancel: 'Canslo',
    demoHint: 'Ar gyfer yr arddangosiad hwn, mewngofnodwch fel un o’r bobl hyn, gyda’r cyfrinair',
    problem: 'Mae problem',
    wrongDetails: 'Rhowch gyfeiriad e-bost a chyfrinair sy’n cyfateb',
    otherPerson: 'Gwnaed y cynnig hwn i rywun arall. Mewngofnodwch fel y person y mae ar ei gyfer',
    otherLang: 'English',
    cannotTitle: 'Ni allwch fewngofnodi o’r ddolen hon',
    noPar: 'Rhaid i’r mewngofnodi ddechrau yn yr ap a ofynnodd amdano. Ewch yn ôl i’r ap a rhoi cynnig arall arni.',
    expired: 'Mae’r ddolen fewngofnodi hon wedi dod i ben neu wedi’i defnyddio’n barod. Ewch yn ôl i’r ap a dechrau eto.',
    client: 'Mae’r ddolen fewngofnodi hon yn perthyn i ap arall. Ewch yn ôl i’r ap a dechrau eto.',
  },
} as const;

export const SIGN_IN_CSS = `*{box-sizing:border-box}body{margin:0;font-family:Arial,sans-serif;font-size:1.1875rem;line-height:1.3;color:#0b0c0c;background:#fff}
header{background:#0b0c0c;color:#fff;padding:.6rem 1rem;font-weight:700}header p{margin:0}
.demo{background:#f3f2f1;border-left:5px solid #1d70b8;padding:.4rem 1rem;font-size:1rem}
main{max-width:38rem;padding:1rem}h1{font-size:2rem;margin:.5rem 0 1rem}
.lang{text-align:right;font-size:1rem;margin:0}a{color:#1d70b8}a:focus,button:focus,input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
label{display:block;font-weight:700;margin-bottom:.3rem}input{font:inherit;width:100%;padding:.3rem;border:2px solid #0b0c0c;margin-bottom:1.2rem}
.field-error input{border-color:#d4351c}.error-message{color:#d4351c;font-weight:700;display:block;margin-bottom:.3rem}
.error-summary{border:5px solid #d4351c;padding:1rem;margin-bottom:1.5rem}.error-summary h2{margin:0 0 .5rem;font-size:1.5rem}.error-summary a{color:#d4351c;font-weight:700}
button{font:inherit;border:0;padding:.5rem .8rem;margin:0 .6rem .8rem 0;cursor:pointer;box-shadow:0 2px 0 #002d18;background:#00703c;color:#fff}
button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.hint{color:#505a5f;background:#f3f2f1;padding:.6rem 1rem;margin-top:1.5rem}.hint code{font-size:1rem;color:#0b0c0c}`;

function layout(lang: Lang, title: string, otherLangHref: string, body: unknown) {
  const t = TEXT[lang];
  return html`<!doctype html>
<html lang="${lang === 'cy' ? 'cy' : 'en-GB'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${t.service}</title><link rel="stylesheet" href="/sign-in.css"></head>
<body><header><p>${t.service}</p></header><p class="demo">${t.demo}</p>
<main><p class="lang"><a href="${otherLangHref}" lang="${lang === 'cy' ? 'en-GB' : 'cy'}">${t.otherLang}</a></p>${body}</main></body></html>`;
}

export interface SignInPageInput {
  lang: Lang;
  clientId: string;
  requestUri: string;
  department: Localised;
  credential: Localised;
  problem?: 'wrong-details' | 'other-person';
  email?: string;
}

/** The login form. Both buttons post the pushed request's request_uri (the only thing it carries). */
export function signInPage(input: SignInPageInput) {
  const t = TEXT[input.lang];
  const other: Lang = input.lang === 'cy' ? 'en' : 'cy';
  const otherHref = `/authorize?${new URLSearchParams({ client_id: input.clientId, request_uri: input.requestUri, lang: other })}`;
  const problem = input.problem === 'other-person' ? t.otherPerson : input.problem === 'wrong-details' ? t.wrongDetails : undefined;
  return layout(
    input.lang,
    problem ? `${t.problem}: ${t.title}` : t.title,
    otherHref,
    html`${problem
  ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1"><h2 id="error-summary-title">${t.problem}</h2><ul><li><a href="#email">${problem}</a></li></ul></div>`
  : ''}
<h1>${t.title}</h1>
<p>${t.asking(input.credential[input.lang])}</p>
<p>${t.issuedBy}: <strong>${input.department[input.lang]}</strong></p>
<form method="post" action="/authorize" novalidate>
<input type="hidden" name="request_uri" value="${input.requestUri}"><input type="hidden" name="lang" value="${input.lang}">
<div class="${problem ? 'field-error' : ''}"><label for="email">${t.email}</label>${problem ? html`<span class="error-message" id="email-error">${problem}</span>` : ''}
<input id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="${input.email ?? ''}"${problem ? html` aria-describedby="email-error"` : ''}></div>
<div><label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password"></div>
<button type="submit" id="sign-in">${t.signIn}</button><button type="submit" class="secondary" id="cancel" formaction="/authorize/cancel">${t.cancel}</button>
</form>
<div class="hint"><p>${t.demoHint} <code>${DEMO_PASSWORD}</code>:</p><ul>${DEMO_PEOPLE.map((p) => html`<li>${p.givenName} ${p.familyName}: <code>${p.email}</code></li>`)}</ul></div>`,
  );
}

/** A sign-in link that cannot be used (RFC 9126 §4: no pushed request; expired; another client's). */
export function cannotSignInPage(lang: Lang, reason: 'no-par' | 'expired' | 'client', selfHref: string) {
  const t = TEXT[lang];
  const other = new URL(selfHref, 'http://x');
  other.searchParams.set('lang', lang === 'cy' ? 'en' : 'cy');
  return layout(lang, t.cannotTitle, `${other.pathname}${other.search}`, html`<h1>${t.cannotTitle}</h1><p>${reason === 'no-par' ? t.noPar : reason === 'client' ? t.client : t.expired}</p>`);
}
