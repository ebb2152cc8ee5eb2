/**
 * Words of the people screens and of whose a credential is (issue 16, docs/carers.md), kept beside
 * the lazy screens rather than in the catalogues that load with the first screen (screen-words.ts).
 * A person's name is the holder's own label ("Mum"), filled in as plain text.
 */
import type { Person } from '../../wallet/people';
import { SELF_PERSON } from '../../wallet/shared';
import type { Language } from '../i18n/translate';
import { screenWords } from '../i18n/screen-words';

type PeopleKey =
  | 'you'
  | 'link'
  | 'title'
  | 'intro'
  | 'helping'
  | 'add'
  | 'count.one'
  | 'count.other'
  | 'remove'
  | 'add.title'
  | 'add.label'
  | 'add.hint'
  | 'add.submit'
  | 'error.name-missing'
  | 'error.name-too-long'
  | 'error.name-taken'
  | 'error.other'
  | 'remove.title'
  | 'remove.deletes.none'
  | 'remove.deletes.one'
  | 'remove.deletes.other'
  | 'remove.cannotUndo'
  | 'remove.activity'
  | 'remove.confirm'
  | 'remove.failed'
  | 'switcher.label'
  | 'switcher.showing'
  | 'credentials.self'
  | 'credentials.other'
  | 'empty.other'
  | 'whose.self'
  | 'whose.other'
  | 'receive.legend'
  | 'receive.hint'
  | 'receive.for'
  | 'activity.person'
  | 'activity.everyone'
  | 'activity.export'
  | 'activity.download';

export const PEOPLE_WORDS: Record<Language, Record<PeopleKey, string>> = {
  en: {
    you: 'You',
    link: 'People you help',
    title: 'People you help',
    intro: 'Satchel can keep credentials for people you help, such as a parent. Each person’s credentials are kept apart and marked with their name. Your PIN unlocks everyone’s.',
    helping: 'Keeping someone’s credentials lets you help them show them. It does not say you act for them: for that you need their authority, such as a lasting power of attorney.',
    add: 'Add a person',
    'count.one': '1 credential',
    'count.other': '{count} credentials',
    remove: 'Remove',
    'add.title': 'Add a person',
    'add.label': 'Their name',
    'add.hint': 'A name for you to know them by, such as Mum. Only you see it.',
    'add.submit': 'Add person',
    'error.name-missing': 'Enter a name for the person',
    'error.name-too-long': 'Name must be {max} characters or fewer',
    'error.name-taken': 'You already have someone called {name}: enter a different name',
    'error.other': 'Satchel could not add the person. Try again.',
    'remove.title': 'Remove {name}',
    'remove.deletes.none': '{name} has no credentials on this phone.',
    'remove.deletes.one': 'This deletes {name}\'s credential from this phone: {list}.',
    'remove.deletes.other': 'This deletes {name}\'s {count} credentials from this phone: {list}.',
    'remove.cannotUndo': 'You cannot undo this. To have them again, ask the departments that issued them.',
    'remove.activity': 'What you did with {name}\'s credentials stays in your activity log, under their name, until you delete it.',
    'remove.confirm': 'Remove {name} and delete their credentials',
    'remove.failed': 'Satchel could not remove {name}. Nothing was deleted. Try again.',
    'switcher.label': 'Whose credentials to show',
    'switcher.showing': 'Showing:',
    'credentials.self': 'Your credentials',
    'credentials.other': '{name}\'s credentials',
    'empty.other': '{name} has no credentials yet. Add one and choose {name} when Satchel asks whose it is.',
    'whose.self': 'Your {type}',
    'whose.other': '{name}\'s {type}',
    'receive.legend': 'Whose is this?',
    'receive.hint': 'Satchel keeps it with the other credentials of the person you choose, marked with their name.',
    'receive.for': 'The department issues it for the person named in the letter or message that came with this offer.',
    'activity.person': 'Whose',
    'activity.everyone': 'Everyone',
    'activity.export': 'Export {name}\'s activity',
    'activity.download': 'Download {name}\'s activity',
  },
  cy: {
    you: 'Chi',
    link: 'Pobl rydych chi’n eu helpu',
    title: 'Pobl rydych chi’n eu helpu',
    intro: 'Gall Satchel gadw tystlythyrau ar gyfer pobl rydych chi’n eu helpu, fel rhiant. Caiff tystlythyrau pob unigolyn eu cadw ar wahân a’u marcio â’u henw. Mae eich PIN yn datgloi tystlythyrau pawb.',
    helping: 'Mae cadw tystlythyrau rhywun yn gadael i chi eu helpu i’w dangos. Nid yw’n dweud eich bod yn gweithredu ar eu rhan: ar gyfer hynny mae angen eu hawdurdod arnoch, fel atwrneiaeth arhosol.',
    add: 'Ychwanegu unigolyn',
    'count.one': '1 tystlythyr',
    'count.other': '{count} tystlythyr',
    remove: 'Tynnu',
    'add.title': 'Ychwanegu unigolyn',
    'add.label': 'Eu henw',
    'add.hint': 'Enw i chi eu hadnabod, fel Mam. Dim ond chi sy’n ei weld.',
    'add.submit': 'Ychwanegu’r unigolyn',
    'error.name-missing': 'Rhowch enw ar gyfer yr unigolyn',
    'error.name-too-long': 'Rhaid i’r enw fod yn {max} nod neu lai',
    'error.name-taken': 'Mae gennych rywun o’r enw {name} yn barod: rhowch enw gwahanol',
    'error.other': 'Nid oedd Satchel yn gallu ychwanegu’r unigolyn. Rhowch gynnig arall arni.',
    'remove.title': 'Tynnu {name}',
    'remove.deletes.none': 'Nid oes gan {name} unrhyw dystlythyrau ar y ffôn hwn.',
    'remove.deletes.one': 'Bydd hyn yn dileu tystlythyr {name} o’r ffôn hwn: {list}.',
    'remove.deletes.other': 'Bydd hyn yn dileu {count} tystlythyr {name} o’r ffôn hwn: {list}.',
    'remove.cannotUndo': 'Ni allwch ddadwneud hyn. I’w cael eto, gofynnwch i’r adrannau a’u cyhoeddodd.',
    'remove.activity': 'Bydd yr hyn a wnaethoch gyda thystlythyrau {name} yn aros yn eich log gweithgarwch, o dan eu henw, nes i chi ei ddileu.',
    'remove.confirm': 'Tynnu {name} a dileu eu tystlythyrau',
    'remove.failed': 'Nid oedd Satchel yn gallu tynnu {name}. Ni chafodd dim ei ddileu. Rhowch gynnig arall arni.',
    'switcher.label': 'Tystlythyrau pwy i’w dangos',
    'switcher.showing': 'Yn dangos:',
    'credentials.self': 'Eich tystlythyrau',
    'credentials.other': 'Tystlythyrau {name}',
    'empty.other': 'Nid oes gan {name} unrhyw dystlythyrau eto. Ychwanegwch un a dewis {name} pan fydd Satchel yn gofyn pwy biau hwn.',
    'whose.self': 'Eich {type}',
    'whose.other': '{type} {name}',
    'receive.legend': 'Pwy biau hwn?',
    'receive.hint': 'Mae Satchel yn ei gadw gyda thystlythyrau eraill yr unigolyn a ddewiswch, wedi’i farcio â’u henw.',
    'receive.for': 'Mae’r adran yn ei gyhoeddi ar gyfer yr unigolyn a enwir yn y llythyr neu’r neges a ddaeth gyda’r cynnig hwn.',
    'activity.person': 'Pwy',
    'activity.everyone': 'Pawb',
    'activity.export': 'Allforio gweithgarwch {name}',
    'activity.download': 'Lawrlwytho gweithgarwch {name}',
  },
};

export const peopleWords = (language: Language) => screenWords(PEOPLE_WORDS, language);

/** The person's name as a person reads it: "You" / "Chi" for the holder, else the name they were given. */
export function personName(person: Pick<Person, 'id' | 'name'>, language: Language): string {
  return person.id === SELF_PERSON ? PEOPLE_WORDS[language].you : person.name;
}

/**
 * "Mum's driving licence" / "Your driving licence" (Welsh: "Trwydded yrru Mum" / "Eich trwydded
 * yrru"). The type is lower-cased where it follows other words, unless it starts with an acronym ("DBS check").
 */
export function whoseType(person: Pick<Person, 'id' | 'name'>, typeText: string, language: Language): string {
  const template = PEOPLE_WORDS[language][person.id === SELF_PERSON ? 'whose.self' : 'whose.other'];
  const type = template.startsWith('{type}') ? typeText : lowerFirst(typeText);
  return screenWords(PEOPLE_WORDS, language)(person.id === SELF_PERSON ? 'whose.self' : 'whose.other', { name: person.name, type });
}

/** "Mum's credentials" / "Your credentials". */
export function whoseCredentials(person: Pick<Person, 'id' | 'name'>, language: Language): string {
  return person.id === SELF_PERSON ? PEOPLE_WORDS[language]['credentials.self'] : peopleWords(language)('credentials.other', { name: person.name });
}

function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second && second === second.toUpperCase() && second !== second.toLowerCase() ? text : first.toLowerCase() + text.slice(1);
}
