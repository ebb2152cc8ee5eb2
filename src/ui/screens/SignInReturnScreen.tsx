import { useEffect, useState } from 'preact/hooks';
import type { AcceptResult } from '../../wallet/receive';
import type { CredentialView } from '../../wallet/held';
import { NameText } from '../components/NameText';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { signInWords } from '../receive/sign-in-words';
import { Link } from '../router';
import { OfferAdded } from '../receive/OfferAdded';
import { receiveErrorMessage } from '../receive/receive-error-message';
import { useReceiver } from '../receive/ReceiverContext';
import { openSignInPage } from '../receive/sign-in-page';
import { takeSignInReturn } from '../receive/sign-in-return';

type Outcome =
  | { name: 'working' }
  | { name: 'nothing' }
  | { name: 'done'; result: AcceptResult; added?: CredentialView }
  | { name: 'failed'; error: unknown };

/**
 * Finishing in progress, kept beyond the screen: if the screen is shown again meanwhile (the vault
 * locked and was unlocked), it waits for the same finish instead of finding an empty address.
 */
let finishing: Promise<AcceptResult> | undefined;

/**
 * Back from a department's sign-in page (/authorised, the vault already unlocked): the wallet
 * redeems the code and gets the credential (OpenID4VCI 1.0 §3.4), then the screen shows it, or
 * says where it stopped (offline: it finishes later) or why it failed (sign-in cancelled or
 * expired: sign in again from "On their way").
 */
export function SignInReturnScreen() {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const [outcome, setOutcome] = useState<Outcome>({ name: 'working' });
  useEffect(() => {
    const address = takeSignInReturn();
    if (address) finishing = receiver.completeSignIn(address);
    if (!finishing) return setOutcome({ name: 'nothing' });
    let live = true;
    const current = finishing;
    // Shown once: a later visit to /authorised with no code has nothing to finish.
    const shown = () => {
      if (finishing === current) finishing = undefined;
    };
    current.then(
      (result) => {
        if (!live) return;
        shown();
        if (result.status === 'stored') {
          // Named under "Credential added", as after an offer (the wallet returns only its id).
          const shownId = result.credentialIds[0];
          const named = shownId ? receiver.credential(shownId) : Promise.resolve(undefined);
          return void named.then((added) => live && setOutcome({ name: 'done', result, added }), () => live && setOutcome({ name: 'done', result }));
        }
        if (result.status !== 'sign-in') return setOutcome({ name: 'done', result });
        try {
          openSignInPage(result.url);
        } catch (error) {
          setOutcome({ name: 'failed', error });
        }
      },
      (error: unknown) => {
        if (!live) return;
        shown();
        setOutcome({ name: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  switch (outcome.name) {
    case 'working':
      return (
        <>
          <ScreenHeading>{signInWords(language)('signIn.returnTitle')}</ScreenHeading>
          <p class="govuk-body" role="status">{signInWords(language)('signIn.returnWorking')}</p>
        </>
      );
    case 'done':
      return <OfferAdded result={outcome.result} name={outcome.added && <NameText name={outcome.added.typeName} />} queuedBody={signInWords(language)('signIn.returnQueued')} />;
    case 'failed':
      return (
        <>
          <ScreenHeading>{signInWords(language)('signIn.returnFailed')}</ScreenHeading>
          <p class="govuk-body">{receiveErrorMessage(t, outcome.error)}</p>
          <p class="govuk-body"><Link class="govuk-link" href="/">{t('added.home')}</Link></p>
        </>
      );
    case 'nothing':
      return (
        <>
          <ScreenHeading>{signInWords(language)('signIn.nothingTitle')}</ScreenHeading>
          <p class="govuk-body">{signInWords(language)('signIn.nothingBody')}</p>
          <p class="govuk-body"><Link class="govuk-link" href="/">{t('added.home')}</Link></p>
        </>
      );
  }
}
