/**
 * The words of "Check a driving licence" (the ISO/IEC 18013-5 reader, issue 15), in English and
 * Welsh. Kept here, beside the lazy screen that uses them, rather than in the catalogues of
 * src/ui/i18n, which load with the first screen (README: sizes). Typed like the catalogues: every
 * language has every key, with the same placeholders (tests/unit/ui/check/reader-words.test.ts).
 */
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';

const en = {
  'title': 'Check a driving licence',
  'intro': 'For a licence in any wallet app. Their phone connects to yours by Bluetooth. No signal is needed.',
  'nameHint': 'For your records only. Their phone is not told who you are.',
  'start': 'Scan their code',
  'satchelLink': 'Check with a Satchel code instead',
  'noBluetooth.title': 'This browser cannot use Bluetooth',
  'noBluetooth.body': 'This browser cannot connect to other phones by Bluetooth (iPhones and Firefox cannot). If the other person uses Satchel, check them with a Satchel code instead.',
  'scan.title': 'Scan the code on their phone',
  'scan.intro': 'Ask them to open their driving licence in their wallet app and choose to show it in person. Then scan the code it shows.',
  'connect.title': 'Connect to their phone',
  'connect.intro': 'Keep the phones close. Choose ‘Connect by Bluetooth’, then pick their phone from the list.',
  'connect.button': 'Connect by Bluetooth',
  'step.connecting': 'Connecting to their phone…',
  'step.waiting-for-holder': 'Waiting for them to agree on their phone…',
  'step.verifying': 'Checking their licence…',
  'error.not-an-engagement': 'This is not a driving licence code. Ask them to open their licence and choose to show it in person, or to share it with a reader.',
  'error.satchel-code': 'This is a Satchel code, not a driving licence code. To check someone who uses Satchel, use a Satchel code instead.',
  'error.engagement-unsupported': 'Their wallet app offers a way of connecting that this phone cannot use. Ask them to show their licence another way.',
  'error.engagement-detail': 'Details: {detail}',
  'error.bluetooth-unavailable': 'Bluetooth is off or blocked on this phone. Turn Bluetooth on, allow this site to use it, then try again.',
  'error.bluetooth-cancelled': 'No phone was chosen. Choose ‘Connect by Bluetooth’ again and pick their phone from the list.',
  'error.connection-lost': 'The connection to their phone was lost. Keep the phones close and try again. If it fails again, choose ‘Start again’.',
  'error.session-failed': 'Their phone’s answer could not be read. It may be from a different phone, or it was damaged on the way. Choose ‘Start again’ and scan their code again.',
  'error.holder-declined': 'The person did not share their licence.',
  'error.request-expired': 'This check has ended. Choose ‘Start again’.',
} as const;

export type ReaderKey = keyof typeof en;

const cy: Record<ReaderKey, string> = {
  'title': 'Gwirio trwydded yrru',
  'intro': 'Ar gyfer trwydded mewn unrhyw ap waled. Mae eu ffôn yn cysylltu â’ch un chi drwy Bluetooth. Does dim angen signal.',
  'nameHint': 'Ar gyfer eich cofnodion chi yn unig. Nid yw eu ffôn yn cael gwybod pwy ydych chi.',
  'start': 'Sganio eu cod',
  'satchelLink': 'Gwirio gyda chod Satchel yn lle hynny',
  'noBluetooth.title': 'Ni all y porwr hwn ddefnyddio Bluetooth',
  'noBluetooth.body': 'Ni all y porwr hwn gysylltu â ffonau eraill drwy Bluetooth (ni all iPhones a Firefox wneud hyn). Os yw’r person arall yn defnyddio Satchel, gwiriwch nhw gyda chod Satchel yn lle hynny.',
  'scan.title': 'Sganiwch y cod ar eu ffôn',
  'scan.intro': 'Gofynnwch iddyn nhw agor eu trwydded yrru yn eu ap waled a dewis ei dangos wyneb yn wyneb. Yna sganiwch y cod mae’n ei ddangos.',
  'connect.title': 'Cysylltu â’u ffôn',
  'connect.intro': 'Cadwch y ffonau’n agos. Dewiswch ‘Cysylltu drwy Bluetooth’, yna dewiswch eu ffôn o’r rhestr.',
  'connect.button': 'Cysylltu drwy Bluetooth',
  'step.connecting': 'Yn cysylltu â’u ffôn…',
  'step.waiting-for-holder': 'Yn aros iddyn nhw gytuno ar eu ffôn…',
  'step.verifying': 'Yn gwirio eu trwydded…',
  'error.not-an-engagement': 'Nid cod trwydded yrru yw hwn. Gofynnwch iddyn nhw agor eu trwydded a dewis ei dangos wyneb yn wyneb, neu ei rhannu gyda darllenydd.',
  'error.satchel-code': 'Cod Satchel yw hwn, nid cod trwydded yrru. I wirio rhywun sy’n defnyddio Satchel, defnyddiwch god Satchel yn lle hynny.',
  'error.engagement-unsupported': 'Mae eu ap waled yn cynnig ffordd o gysylltu na all y ffôn hwn ei defnyddio. Gofynnwch iddyn nhw ddangos eu trwydded mewn ffordd arall.',
  'error.engagement-detail': 'Manylion: {detail}',
  'error.bluetooth-unavailable': 'Mae Bluetooth wedi’i ddiffodd neu wedi’i rwystro ar y ffôn hwn. Trowch Bluetooth ymlaen, gadewch i’r wefan hon ei ddefnyddio, yna rhowch gynnig arall arni.',
  'error.bluetooth-cancelled': 'Ni ddewiswyd ffôn. Dewiswch ‘Cysylltu drwy Bluetooth’ eto a dewiswch eu ffôn o’r rhestr.',
  'error.connection-lost': 'Collwyd y cysylltiad â’u ffôn. Cadwch y ffonau’n agos a rhowch gynnig arall arni. Os yw’n methu eto, dewiswch ‘Dechrau eto’.',
  'error.session-failed': 'Nid oedd modd darllen ateb eu ffôn. Efallai ei fod o ffôn gwahanol, neu cafodd ei ddifrodi ar y ffordd. Dewiswch ‘Dechrau eto’ a sganiwch eu cod eto.',
  'error.holder-declined': 'Ni wnaeth y person rannu eu trwydded.',
  'error.request-expired': 'Mae’r gwiriad hwn wedi dod i ben. Dewiswch ‘Dechrau eto’.',
};

export const READER_WORDS: Record<Language, Record<ReaderKey, string>> = { en, cy };

export type ReaderWords = ScreenWords<ReaderKey>;

/** The words in `language`, `{name}` placeholders filled with plain text. */
export function readerWords(language: Language): ReaderWords {
  return screenWords(READER_WORDS, language);
}
