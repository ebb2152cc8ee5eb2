/**
 * The words of "who is asking" (docs/sharing.md): the consent screen's lines about the verifier
 * and the page for a request Satchel stopped, in English and Welsh. They are kept here, beside the
 * screens that use them, rather than in the catalogues of src/ui/i18n, because those load with the
 * first screen (README: sizes, a 50 KiB budget) and these are needed only once a request is read.
 * Typed like the catalogues: every language has every key, with the same placeholders (tested).
 */
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';

const en = {
  'consent.registeredTag': 'Registered verifier',
  'consent.registeredSentTo': 'Your answer goes to {origin}.',
  'consent.unregistered': 'Satchel could not confirm who this is. Only share if you trust them.',
  'consent.beyondRegistration': '{name} is asking for more than it is registered for. Only share what you are happy to give them.',
  'consent.beyondHint': 'Not covered by their registration',
  'refused.title': 'Satchel stopped this request',
  'refused.claimed': 'This request says it is from {host}.',
  'refused.bad-signature': 'The request’s signature does not match its certificate. It may have been changed on the way, or it is not from who it says.',
  'refused.certificate-expired': 'Its certificate has expired, so Satchel cannot confirm who is asking.',
  'refused.certificate-unlisted': 'The service asking is not on the register of approved verifiers, so Satchel cannot confirm who it is.',
  'refused.certificate-invalid': 'Its certificate is damaged or not made correctly, so Satchel cannot accept it.',
  'refused.client-id-mismatch': 'This request says it is from {host}, but its certificate is for a different service.',
  'refused.client-id-mismatch-hash': 'This request names a different certificate from the one it is signed with.',
  'refused.response-uri-mismatch': 'It would send your answer to an address its certificate does not cover, so your answer might not go to who is asking.',
  'refused.unknown': 'Satchel could not confirm who sent this request.',
  'refused.nothingSent': 'Nothing has been shared, and Satchel has not replied to the service.',
  'refused.whatToDo': 'What you can do',
  'refused.advice': 'If you were expecting to share, go back to the service’s website, check its address, and start again. If this keeps happening, contact the service another way.',
  'refused.adviceUnlisted': 'If you have not been online for a while, Satchel’s list of approved verifiers may be out of date: connect to the internet and try again.',
  'refused.again': 'Read another request',
} as const;

export type WhoIsAskingKey = keyof typeof en;

const cy: Record<WhoIsAskingKey, string> = {
  'consent.registeredTag': 'Gwiriwr cofrestredig',
  'consent.registeredSentTo': 'Mae eich ateb yn mynd i {origin}.',
  'consent.unregistered': 'Nid oedd Satchel yn gallu cadarnhau pwy yw hwn. Rhannwch dim ond os ydych chi’n ymddiried ynddyn nhw.',
  'consent.beyondRegistration': 'Mae {name} yn gofyn am fwy nag y mae wedi cofrestru ar ei gyfer. Rhannwch dim ond yr hyn rydych chi’n hapus i’w roi iddyn nhw.',
  'consent.beyondHint': 'Nid yw eu cofrestriad yn cynnwys hyn',
  'refused.title': 'Mae Satchel wedi atal y cais hwn',
  'refused.claimed': 'Mae’r cais hwn yn dweud ei fod gan {host}.',
  'refused.bad-signature': 'Nid yw llofnod y cais yn cyfateb i’w dystysgrif. Efallai ei fod wedi cael ei newid ar y ffordd, neu nid yw gan bwy mae’n ei ddweud.',
  'refused.certificate-expired': 'Mae ei dystysgrif wedi dod i ben, felly ni all Satchel gadarnhau pwy sy’n gofyn.',
  'refused.certificate-unlisted': 'Nid yw’r gwasanaeth sy’n gofyn ar y gofrestr o wirwyr cymeradwy, felly ni all Satchel gadarnhau pwy ydyw.',
  'refused.certificate-invalid': 'Mae ei dystysgrif wedi’i difrodi neu heb ei gwneud yn gywir, felly ni all Satchel ei derbyn.',
  'refused.client-id-mismatch': 'Mae’r cais hwn yn dweud ei fod gan {host}, ond mae ei dystysgrif ar gyfer gwasanaeth gwahanol.',
  'refused.client-id-mismatch-hash': 'Mae’r cais hwn yn enwi tystysgrif wahanol i’r un a ddefnyddiwyd i’w lofnodi.',
  'refused.response-uri-mismatch': 'Byddai’n anfon eich ateb i gyfeiriad nad yw ei dystysgrif yn ei gynnwys, felly efallai na fyddai eich ateb yn mynd at bwy sy’n gofyn.',
  'refused.unknown': 'Nid oedd Satchel yn gallu cadarnhau pwy anfonodd y cais hwn.',
  'refused.nothingSent': 'Does dim wedi’i rannu, ac nid yw Satchel wedi ateb y gwasanaeth.',
  'refused.whatToDo': 'Beth allwch chi ei wneud',
  'refused.advice': 'Os oeddech chi’n disgwyl rhannu, ewch yn ôl i wefan y gwasanaeth, gwiriwch ei chyfeiriad, a dechrau eto. Os yw hyn yn dal i ddigwydd, cysylltwch â’r gwasanaeth mewn ffordd arall.',
  'refused.adviceUnlisted': 'Os nad ydych chi wedi bod ar-lein ers tro, efallai bod rhestr Satchel o wirwyr cymeradwy wedi dyddio: cysylltwch â’r rhyngrwyd a rhowch gynnig arall arni.',
  'refused.again': 'Darllen cais arall',
};

export const WHO_IS_ASKING_WORDS: Record<Language, Record<WhoIsAskingKey, string>> = { en, cy };

export type WhoIsAskingWords = ScreenWords<WhoIsAskingKey>;

/** The words in `language`, `{name}` placeholders filled with plain text. */
export function whoIsAskingWords(language: Language): WhoIsAskingWords {
  return screenWords(WHO_IS_ASKING_WORDS, language);
}
