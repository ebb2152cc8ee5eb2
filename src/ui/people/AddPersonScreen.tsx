import { useState } from 'preact/hooks';
import { MAX_PERSON_NAME_LENGTH, PeopleError } from '../../wallet/people';
import { ErrorSummary, errorFor } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import type { Language } from '../i18n/translate';
import { Link, navigate } from '../router';
import { usePeople } from './PeopleContext';
import { peopleWords } from './people-words';

const FIELD = 'person-name';

/**
 * Add a person (issue 16): the name the holder knows them by ("Mum"), checked by the people use
 * case (missing, too long, already used), with GOV.UK's error summary; then back to the people list.
 */
export function AddPersonScreen() {
  const { t, language } = useI18n();
  const words = peopleWords(language);
  const { people } = usePeople();
  const [name, setName] = useState('');
  // Kept as the failure, worded at each render, so the words follow a language switch.
  const [failure, setFailure] = useState<{ error: unknown; name: string }>();
  const add = useSubmit(async () => {
    setFailure(undefined);
    try {
      if (!people) throw new Error('No people service');
      await people.add(name);
      navigate('/people');
    } catch (error) {
      setFailure({ error, name: name.trim() });
    }
  });
  const errors = failure ? [{ field: FIELD, text: errorWords(failure.error, failure.name, language) }] : [];
  return (
    <>
      <Link class="govuk-back-link" href="/people">{t('form.back')}</Link>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{words('add.title')}</ScreenHeading>
      <form onSubmit={add.submit} noValidate>
        <TextField id={FIELD} label={words('add.label')} hint={words('add.hint')} value={name} onInput={setName}
          autocomplete="off" spellcheck={false} widthClass="govuk-input--width-20" error={errorFor(errors, FIELD)} />
        <button type="submit" class="govuk-button" disabled={add.busy} aria-disabled={add.busy}>{words('add.submit')}</button>
      </form>
    </>
  );
}

function errorWords(error: unknown, name: string, language: Language): string {
  const words = peopleWords(language);
  if (!(error instanceof PeopleError)) return words('error.other');
  switch (error.code) {
    case 'name-missing': return words('error.name-missing');
    case 'name-too-long': return words('error.name-too-long', { max: String(MAX_PERSON_NAME_LENGTH) });
    case 'name-taken': return words('error.name-taken', { name });
    default: return words('error.other');
  }
}
