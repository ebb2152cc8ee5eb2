import { useEffect, useState } from 'preact/hooks';
import type { PaperCardView } from '../../wallet/held';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { screenWords } from '../i18n/screen-words';
import { Link } from '../router';
import { useReceiver } from '../receive/ReceiverContext';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { nameText } from '../i18n/names';
import { whoseType } from '../people/people-words';
import { PersonMarker } from '../people/PersonMarker';
import { hasOthers, personOf, usePeopleList } from '../people/use-people-list';
import { CARD_SCREEN_WORDS } from './card-words';
import { PrintableCard } from './PrintableCard';
import './print-card.scss';

/**
 * "Print a card" for a held credential (issue 17): the paper card that came with it, read from the
 * vault only (so it prints offline), laid out for A4 with a credit-card copy to cut out, and a
 * Print button that opens the browser's print dialogue; the print stylesheet (print-card.scss)
 * leaves only the card on paper. When no card is kept, only why.
 */
export function PaperCardScreen({ id }: { id: string }) {
  const { t, language } = useI18n();
  const words = screenWords(CARD_SCREEN_WORDS, language);
  const receiver = useReceiver();
  const [view, setView] = useState<PaperCardView | null>();
  const people = usePeopleList();
  useEffect(() => {
    void receiver.paperCard(id).then((found) => setView(found ?? null));
  }, [receiver, id]);
  if (view === undefined || people === undefined) return <p class="govuk-body" role="status">{t('vault.opening')}</p>;
  if (view === null) return <NotFoundScreen />;
  // Issue 16: with people added, whose card this is, so a carer prints the right person's.
  const person = hasOthers(people) ? personOf(people, view.credential.personId) : undefined;
  const whose = person && (
    <p class="govuk-body satchel-no-print" data-testid="whose-card">
      <PersonMarker person={person} /> {whoseType(person, nameText(view.credential.typeName, language), language)}
    </p>
  );
  const issuer = view.credential.issuerName[language] ?? view.credential.issuerName.en;
  const back = (
    <Link class="govuk-back-link satchel-no-print" href={`/credential/${encodeURIComponent(id)}`}>
      {words('back')}
    </Link>
  );
  if (view.kind === 'missing') {
    return (
      <>
        {back}
        <ScreenHeading>{words('title')}</ScreenHeading>
        {whose}
        <p class="govuk-body" data-testid="no-card">{words(`missing.${view.why}`, { issuer })}</p>
      </>
    );
  }
  const { card } = view;
  const cancelled = card.status.state === 'revoked' || card.status.state === 'suspended';
  return (
    <>
      {back}
      <div class="satchel-no-print">
        <ScreenHeading>{words('title')}</ScreenHeading>
        {whose}
        <p class="govuk-body">{words('intro')}</p>
        {(cancelled || !card.verified) && (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
              {cancelled ? words('cancelled', { issuer }) : words('notValid')}
            </strong>
          </div>
        )}
        <button type="button" class="govuk-button" data-module="govuk-button" onClick={() => window.print()}>
          {words('print')}
        </button>
        <p class="govuk-body govuk-!-font-weight-bold">{words('preview')}</p>
      </div>
      <PrintableCard credential={view.credential} card={card} code={view.code} />
    </>
  );
}
