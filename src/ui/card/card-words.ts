/**
 * Words of the print-a-card screen (issue 17), kept beside it rather than in the catalogues that
 * load with the first screen (screen-words.ts). `CARD_SCREEN_WORDS` is the screen's own words in
 * the person's language; `CARD_LABELS` are the labels printed on the card itself, in English and
 * Welsh together (a card is printed once and shown anywhere), the same as the issuers' counter
 * prints (src/server/reference/print-card-page.ts).
 */
import type { Language } from '../i18n/translate';
/** A label printed in both languages. */
type BothLanguages = { en: string; cy: string };

type CardScreenKey =
  | 'link'
  | 'title'
  | 'intro'
  | 'print'
  | 'back'
  | 'missing.not-offered'
  | 'missing.offline'
  | 'missing.failed'
  | 'missing.unknown'
  | 'notValid'
  | 'cancelled'
  | 'preview';

export const CARD_SCREEN_WORDS: Record<Language, Record<CardScreenKey, string>> = {
  en: {
    link: 'Print a card',
    title: 'Print a card',
    intro: 'Print this page on A4 paper; black and white is fine. Cut out the card at the foot of the page and carry it. Anyone using Satchel can check it, with no signal, by scanning its code.',
    print: 'Print',
    back: 'Back',
    'missing.not-offered': '{issuer} did not give a printable card with this credential.',
    'missing.offline': 'Satchel was offline when this credential was added, so it has no printable card for it.',
    'missing.failed': '{issuer} did not give a printable card that Satchel could check when this credential was added.',
    'missing.unknown': 'This credential was added before Satchel kept printable cards, so it has none for it.',
    notValid: 'This card no longer checks out (it may have expired). A checker scanning it will see that it fails.',
    cancelled: '{issuer} has cancelled this credential, so the card is cancelled too. A checker scanning it will see that it fails.',
    preview: 'The card as it will print',
  },
  cy: {
    link: 'Argraffu cerdyn',
    title: 'Argraffu cerdyn',
    intro: "Argraffwch y dudalen hon ar bapur A4; mae du a gwyn yn iawn. Torrwch y cerdyn ar waelod y dudalen a'i gario. Gall unrhyw un sy'n defnyddio Satchel ei wirio, heb signal, drwy sganio ei god.",
    print: 'Argraffu',
    back: 'Yn ôl',
    'missing.not-offered': "Ni roddodd {issuer} gerdyn y gellir ei argraffu gyda'r tystlythyr hwn.",
    'missing.offline': "Roedd Satchel all-lein pan ychwanegwyd y tystlythyr hwn, felly nid oes ganddo gerdyn y gellir ei argraffu ar ei gyfer.",
    'missing.failed': "Ni roddodd {issuer} gerdyn y gellir ei argraffu y gallai Satchel ei wirio pan ychwanegwyd y tystlythyr hwn.",
    'missing.unknown': "Ychwanegwyd y tystlythyr hwn cyn i Satchel gadw cardiau y gellir eu hargraffu, felly nid oes ganddo un ar ei gyfer.",
    notValid: "Nid yw'r cerdyn hwn yn pasio'r gwiriadau mwyach (efallai ei fod wedi dod i ben). Bydd rhywun sy'n ei sganio yn gweld ei fod yn methu.",
    cancelled: "Mae {issuer} wedi canslo'r tystlythyr hwn, felly mae'r cerdyn wedi'i ganslo hefyd. Bydd rhywun sy'n ei sganio yn gweld ei fod yn methu.",
    preview: "Y cerdyn fel y bydd yn cael ei argraffu",
  },
};

/** Printed on the card, both languages (as the counter's card). */
export const CARD_LABELS = {
  instruction: {
    en: 'This card is not linked to a phone: check the name and photo against the person.',
    cy: "Nid yw'r cerdyn hwn wedi'i gysylltu â ffôn: gwiriwch yr enw a'r llun yn erbyn yr unigolyn.",
  },
  issuedBy: { en: 'Issued by', cy: 'Cyhoeddwyd gan' },
  issued: { en: 'Issued', cy: 'Cyhoeddwyd' },
  expires: { en: 'Expires', cy: 'Yn dod i ben' },
  photo: { en: 'Photo of', cy: 'Llun o' },
  qr: { en: 'Signed QR code: scan with Satchel (Check a paper card)', cy: 'Cod QR wedi’i lofnodi: sganiwch gyda Satchel (Gwirio cerdyn papur)' },
  cut: { en: 'Cut along the line', cy: 'Torrwch ar hyd y llinell' },
  paperCard: { en: 'paper card', cy: 'cerdyn papur' },
  yes: { en: 'Yes', cy: 'Ydy' },
  no: { en: 'No', cy: 'Nac ydy' },
} satisfies Record<string, BothLanguages>;
