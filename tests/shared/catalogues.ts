/**
 * Each language's whole catalogue as one object, for tests that compare what a screen shows with
 * the words it should show. The app holds each in two parts (src/ui/i18n/translate.ts): the first
 * screen's words and every other screen's.
 */
import { cyFirstScreen } from '../../src/ui/i18n/cy-first-screen';
import { cyOtherScreens } from '../../src/ui/i18n/cy';
import { enOtherScreens, type Catalogue } from '../../src/ui/i18n/en';
import { enFirstScreen } from '../../src/ui/i18n/en-first-screen';

export const en = { ...enFirstScreen, ...enOtherScreens } satisfies Catalogue;
export const cy: Catalogue = { ...cyFirstScreen, ...cyOtherScreens };
