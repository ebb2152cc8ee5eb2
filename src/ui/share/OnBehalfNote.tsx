import type { Person } from '../../wallet/people';
import type { OnBehalfRequest, ShareCandidate, ShareRequest } from '../../wallet/share';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import type { Language } from '../i18n/translate';
import { nameText } from '../i18n/names';
import { PEOPLE_WORDS, whoseType } from '../people/people-words';
import { PersonBadge } from './PersonBadge';
import { inSentence, onBehalfWords } from './on-behalf-words';
import { powerWords } from './power-words';

/** Who will see the answer, as the consent screen names them: a registered verifier by its registered name, else the name it gave, else where the answer goes. */
function verifierText(request: ShareRequest, language: Language): string {
  if (request.verifier?.kind === 'registered') return localise(request.verifier.name, language);
  return request.verifierName ?? request.responseOrigin ?? onBehalfWords(language)('verifier.unnamed');
}

/**
 * What is happening, in plain words, above the credentials of an answer on someone's behalf:
 * "You are acting for Mum (Margaret Jones) under a lasting power of attorney (property and
 * financial affairs). Cardiff Community Bank will see Mum’s driving licence and your authority, with your name."
 */
export function OnBehalfNote({ request, onBehalf, person, personId, shown }: { request: ShareRequest; onBehalf: OnBehalfRequest; person: Person; personId: string; shown: ShareCandidate[] }) {
  const { language } = useI18n();
  const w = onBehalfWords(language);
  const donor = onBehalf.people.find((p) => p.personId === personId)?.donorName;
  const power = powerWords(onBehalf.power, language);
  // Inside a sentence: where the type leads ("Trwydded yrru Mum") it is lower-cased; a name never is.
  const typeLeads = PEOPLE_WORDS[language]['whose.other'].startsWith('{type}');
  const whose = shown.map((c) => whoseType(person, nameText(c.typeName, language), language)).map((p) => (typeLeads ? inSentence(p) : p)).join(', ');
  return (
    <div class="govuk-!-margin-bottom-1" data-testid="on-behalf">
      <p class="govuk-body-s govuk-!-margin-bottom-0">
        <PersonBadge person={person} />{donor ? w('onBehalf.actingFor', { name: person.name, donor, power }) : w('onBehalf.actingForNoDonor', { name: person.name, power })}{' '}
        {w('onBehalf.willSee', { verifier: verifierText(request, language), whose })}
      </p>
    </div>
  );
}

/**
 * Assisted use (docs/carers.md): a person's own credential shown by the holder, for a request that
 * asks for no authority. "You are helping Mum show their own driving licence. This does not say
 * you act for them." Nothing about authority is added to the answer.
 */
export function AssistedUseNote({ person, shown }: { person: Person; shown: Pick<ShareCandidate, 'typeName'>[] }) {
  const { language } = useI18n();
  const w = onBehalfWords(language);
  const types = shown.map((c) => inSentence(nameText(c.typeName, language))).join(', ');
  return (
    <div class="govuk-!-margin-bottom-1" data-testid="assisted-use">
      <p class="govuk-body-s govuk-!-margin-bottom-0">
        {w('assisted.helping', { name: person.name, type: types })} {w('assisted.notAuthority')}
      </p>
    </div>
  );
}
