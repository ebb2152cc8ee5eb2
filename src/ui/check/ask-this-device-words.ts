/**
 * The words of "Ask a wallet on this phone" (AskThisDevice: the Digital Credentials API), in
 * English and Welsh, kept beside the lazy screen that shows them rather than in the catalogues of
 * src/ui/i18n, which load with the first screen (README: sizes). Typed like the catalogues: every
 * language has every key.
 */
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';

const en = {
  'button': 'Ask a wallet on this phone',
  'hint': 'If their licence is in a wallet app on this phone or computer. Needs a signal.',
  'asking': 'Waiting for the wallet app on this phone…',
  'error.holder-declined': 'Nothing was shared. The person may have cancelled, or no wallet app on this phone holds what you asked for.',
  'error.digital-credentials-unavailable': 'This browser could not ask a wallet app on this phone. Scan their code instead.',
  'error.not-a-response': 'The wallet app’s answer could not be read. Ask again, or scan their code instead.',
  'error.replayed': 'The answer was made for another check or another website. It may be a copy. Ask again.',
  'error.other': 'Something went wrong. Ask again, or scan their code instead.',
} as const;

export type AskThisDeviceKey = keyof typeof en;

const cy: Record<AskThisDeviceKey, string> = {
  'button': 'Gofyn i waled ar y ffôn hwn',
  'hint': 'Os yw eu trwydded mewn ap waled ar y ffôn neu’r cyfrifiadur hwn. Mae angen signal.',
  'asking': 'Yn aros am yr ap waled ar y ffôn hwn…',
  'error.holder-declined': 'Ni rannwyd dim. Efallai bod y person wedi canslo, neu nad oes ap waled ar y ffôn hwn yn dal yr hyn y gofynnoch amdano.',
  'error.digital-credentials-unavailable': 'Ni allai’r porwr hwn ofyn i ap waled ar y ffôn hwn. Sganiwch eu cod yn lle hynny.',
  'error.not-a-response': 'Nid oedd modd darllen ateb yr ap waled. Gofynnwch eto, neu sganiwch eu cod yn lle hynny.',
  'error.replayed': 'Cafodd yr ateb ei wneud ar gyfer gwiriad arall neu wefan arall. Efallai mai copi ydyw. Gofynnwch eto.',
  'error.other': 'Aeth rhywbeth o’i le. Gofynnwch eto, neu sganiwch eu cod yn lle hynny.',
};

export const ASK_THIS_DEVICE_WORDS: Record<Language, Record<AskThisDeviceKey, string>> = { en, cy };

export function askThisDeviceWords(language: Language): ScreenWords<AskThisDeviceKey> {
  return screenWords(ASK_THIS_DEVICE_WORDS, language);
}
