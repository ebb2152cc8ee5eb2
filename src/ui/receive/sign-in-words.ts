/**
 * The words of signing in to a department (issue 14: the sign-in review, the /authorised return,
 * "Get a credential from a department"), in English and Welsh. Kept beside the screens that use
 * them, as src/ui/share/who-is-asking-words.ts is, rather than in the catalogues of src/ui/i18n,
 * which load with the first screen (README: sizes, a 50 KiB budget): these are needed only on the
 * lazy sign-in screens. Typed like the catalogues: every language has every key (the Record type),
 * with the same placeholders (tested).
 */
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';

const en = {
  'signIn.continue': 'Continue to sign in',
  'signIn.how': 'Satchel will open its sign-in page. When you have signed in, you will come back here and Satchel will add your credential.',
  'signIn.opening': 'Opening the sign-in page…',
  'signIn.title': 'Sign in to {issuer}',
  'signIn.why': '{issuer} needs to know it is you before it issues your {credential}.',
  'signIn.nothingBody': 'Satchel is not waiting for you to sign in anywhere.',
  'signIn.nothingTitle': 'There is nothing to finish',
  'signIn.returnFailed': 'Your credential has not been added',
  'signIn.returnQueued': 'You have signed in, but you are offline. Satchel has kept your sign-in safely and will get your credential as soon as you are back online. If that takes too long, Satchel will ask you to sign in again.',
  'signIn.returnTitle': 'Getting your credential',
  'signIn.returnWorking': 'You have signed in. Satchel is getting your credential from the department…',
  'getCredential.from': 'From {issuer}',
  'getCredential.intro': 'Some departments send you a credential after you sign in to their service. Choose the one you want. You will check it before you sign in.',
  'getCredential.legend': 'Which credential do you want?',
  'getCredential.loading': 'Finding departments…',
  'getCredential.none': 'No department can send you a credential this way yet. If a department gave you a QR code or a link, use “Add a credential”.',
  'getCredential.offline': 'You are offline. Satchel needs a connection to find the departments you can sign in to. Try again when you are back online.',
} as const;

export type SignInKey = keyof typeof en;

const cy: Record<SignInKey, string> = {
  'signIn.continue': 'Parhau i fewngofnodi',
  'signIn.how': 'Bydd Satchel yn agor y dudalen fewngofnodi. Ar ôl i chi fewngofnodi, byddwch yn dod yn ôl yma a bydd Satchel yn ychwanegu eich tystlythyr.',
  'signIn.opening': 'Wrthi’n agor y dudalen fewngofnodi…',
  'signIn.title': 'Mewngofnodi i {issuer}',
  'signIn.why': 'Mae angen i {issuer} wybod mai chi sydd yno cyn rhoi eich {credential} i chi.',
  'signIn.nothingBody': 'Nid yw Satchel yn aros i chi fewngofnodi yn unman.',
  'signIn.nothingTitle': 'Does dim i’w orffen',
  'signIn.returnFailed': 'Nid yw eich tystlythyr wedi’i ychwanegu',
  'signIn.returnQueued': 'Rydych wedi mewngofnodi, ond rydych chi all-lein. Mae Satchel wedi cadw eich mewngofnodi yn ddiogel a bydd yn cael eich tystlythyr cyn gynted ag y byddwch ar-lein eto. Os bydd hynny’n cymryd gormod o amser, bydd Satchel yn gofyn i chi fewngofnodi eto.',
  'signIn.returnTitle': 'Cael eich tystlythyr',
  'signIn.returnWorking': 'Rydych wedi mewngofnodi. Mae Satchel yn cael eich tystlythyr gan yr adran…',
  'getCredential.from': 'Gan {issuer}',
  'getCredential.intro': 'Mae rhai adrannau’n anfon tystlythyr atoch ar ôl i chi fewngofnodi i’w gwasanaeth. Dewiswch yr un rydych ei eisiau. Byddwch yn ei wirio cyn i chi fewngofnodi.',
  'getCredential.legend': 'Pa dystlythyr ydych chi ei eisiau?',
  'getCredential.loading': 'Wrthi’n chwilio am adrannau…',
  'getCredential.none': 'Ni all unrhyw adran anfon tystlythyr atoch fel hyn eto. Os rhoddodd adran god QR neu ddolen i chi, defnyddiwch “Ychwanegu tystlythyr”.',
  'getCredential.offline': 'Rydych chi all-lein. Mae angen cysylltiad ar Satchel i ddod o hyd i’r adrannau y gallwch fewngofnodi iddynt. Rhowch gynnig arall arni pan fyddwch ar-lein eto.',
};

export const SIGN_IN_WORDS: Record<Language, Record<SignInKey, string>> = { en, cy };

export type SignInWords = ScreenWords<SignInKey>;

/** The words in `language`, `{name}` placeholders filled with plain text. */
export function signInWords(language: Language): SignInWords {
  return screenWords(SIGN_IN_WORDS, language);
}
