/**
 * The words of "Check a paper card" (issue 17), in English and Welsh. Kept here, beside the lazy
 * screen that uses them, rather than in the catalogues of src/ui/i18n, which load with the first
 * screen (README: sizes). Typed like the catalogues: every language has every key.
 */
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';

const en = {
  'title': 'Check a paper card',
  'intro': 'Scan the QR code on a card printed by a government department or from someone’s Satchel. No signal is needed.',
  'satchelLink': 'Check someone with their phone instead',
  'notBound': 'Compare the name and photo on the card with the person. A paper card is not linked to a phone.',
  'next': 'Check the next card',
  'error.not-a-card': 'This is not a Satchel card code. Scan the QR code printed on the card.',
  'error.phone-code': 'This is a code shown on a phone, not a printed card. To check it, use ‘Check someone’s credential’.',
  'error.licence-code': 'This is a driving licence code from a wallet app. To check it, use ‘Check a driving licence’.',
  'error.card-damaged': 'Could not read this card’s code. Ask for another copy of the card, or try a clearer picture.',
} as const;

export type PaperCardKey = keyof typeof en;

const cy: Record<PaperCardKey, string> = {
  'title': 'Gwirio cerdyn papur',
  'intro': 'Sganiwch y cod QR ar gerdyn a argraffwyd gan adran o’r llywodraeth neu o Satchel rhywun. Does dim angen signal.',
  'satchelLink': 'Gwirio rhywun gyda’u ffôn yn lle hynny',
  'notBound': 'Cymharwch yr enw a’r llun ar y cerdyn â’r person. Nid yw cerdyn papur wedi’i gysylltu â ffôn.',
  'next': 'Gwirio’r cerdyn nesaf',
  'error.not-a-card': 'Nid cod cerdyn Satchel yw hwn. Sganiwch y cod QR sydd wedi’i argraffu ar y cerdyn.',
  'error.phone-code': 'Cod sy’n cael ei ddangos ar ffôn yw hwn, nid cerdyn wedi’i argraffu. I’w wirio, defnyddiwch ‘Gwirio tystlythyr rhywun’.',
  'error.licence-code': 'Cod trwydded yrru o ap waled yw hwn. I’w wirio, defnyddiwch ‘Gwirio trwydded yrru’.',
  'error.card-damaged': 'Nid oedd modd darllen cod y cerdyn hwn. Gofynnwch am gopi arall o’r cerdyn, neu rhowch gynnig ar lun cliriach.',
};

export const PAPER_CARD_WORDS: Record<Language, Record<PaperCardKey, string>> = { en, cy };

export type PaperCardWords = ScreenWords<PaperCardKey>;

export function paperCardWords(language: Language): PaperCardWords {
  return screenWords(PAPER_CARD_WORDS, language);
}
