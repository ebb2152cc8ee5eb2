import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { ShareError, type QrFrames, type UnusableReason } from '../../wallet/share';
import type { ClaimPath, Purpose } from '../../wallet/shared';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { QrFramesView } from '../components/qr/QrCode';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { useReceiver } from '../receive/ReceiverContext';
import { ClaimChoice, pathKey, WholeCredential } from '../share/ClaimChoice';
import { PURPOSES } from '../share/purposes';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';
import { NameText } from '../components/NameText';
import { nameText } from '../i18n/names';
import { usePeople } from '../people/PeopleContext';
import { PEOPLE_WORDS, whoseType } from '../people/people-words';
import { hasOthers, personOf, usePeopleList } from '../people/use-people-list';
import { AssistedUseNote } from '../share/OnBehalfNote';
import { inSentence } from '../share/on-behalf-words';
import { PersonBadge } from '../share/PersonBadge';
import { SELF_PERSON } from '../../wallet/shared';

/** Why a credential would not pass a check (the sharer refuses it too, src/wallet/share/share.ts). */
function unusableReason(c: CredentialView, now: number): UnusableReason | undefined {
  if (c.status.state === 'revoked' || c.status.state === 'suspended') return c.status.state;
  return c.validUntil !== undefined && Date.parse(c.validUntil) <= now ? 'expired' : undefined;
}

/** An ISO mdoc answers only a request: its device signature covers the request's SessionTranscript (docs/sharing.md). */
const requestOnly = (c: CredentialView) => c.requestOnly;

/** A JWT VC (the veteran card) cannot show only some claims: it is shown whole. */
const shownWhole = (c: CredentialView | undefined) => c !== undefined && !c.selective;

type Claim = { path: ClaimPath; label: CredentialView['typeName'] };

/** A purpose the chosen credential cannot show: which one, and the credentials that can. */
interface Cannot {
  purpose: Purpose;
  others: CredentialView[];
}

/**
 * Quick show: for when the checker cannot show a code. Weaker, and says so. Lists only credentials
 * that would pass a check (cancelled and expired ones are left out, and the screen says so); every
 * type it lists can be shown — one that cannot disclose selectively is shown whole.
 */
export function QuickShowScreen() {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const { sharer } = useShare();
  const { selected } = usePeople();
  const people = usePeopleList();
  const [credentials, setCredentials] = useState<CredentialView[]>([]);
  const [hidden, setHidden] = useState(0);
  const [mdocHidden, setMdocHidden] = useState(false);
  const [credentialId, setCredentialId] = useState<string>();
  const [claims, setClaims] = useState<Claim[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [cannot, setCannot] = useState<Cannot>();
  /** A purpose chosen with another credential ("Use your … instead"): its claims are ticked once that one's load. */
  const [pendingPurpose, setPendingPurpose] = useState<Purpose>();
  const [qr, setQr] = useState<QrFrames>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const credential = credentials.find((c) => c.id === credentialId);
  useEffect(() => {
    void receiver.listCredentials().then((list) => {
      const now = Date.now();
      const showable = list.filter((c) => !requestOnly(c));
      const usable = showable.filter((c) => unusableReason(c, now) === undefined);
      setCredentials(usable);
      setHidden(showable.length - usable.length);
      setMdocHidden(showable.length < list.length);
      const asked = new URLSearchParams(location.search).get('credential');
      const askedFor = list.find((c) => c.id === asked);
      const reason = askedFor && unusableReason(askedFor, now);
      if (askedFor && reason) {
        // Opened from a cancelled or expired credential's page: say why it cannot be shown.
        const error = new ShareError('credential-unusable', 'not shareable', { unusable: [{ typeName: askedFor.typeName, issuerName: askedFor.issuerName, reason }] });
        setErrors([{ field: 'quick-credential', text: shareErrorMessage(t, error, language) }]);
      } else if (askedFor && requestOnly(askedFor)) {
        // Opened from an mdoc's page: say it answers only a request.
        const error = new ShareError('quick-show-unavailable', 'request only', { typeName: askedFor.typeName });
        setErrors([{ field: 'quick-credential', text: shareErrorMessage(t, error, language) }]);
      }
      // Else the first of the person selected on the home screen, if they have one to show.
      setCredentialId(askedFor && !reason && !requestOnly(askedFor) ? askedFor.id : (usable.find((c) => c.personId === selected) ?? usable[0])?.id);
    });
  }, [receiver]);
  useEffect(() => {
    // Another credential: nothing of the last one stays on screen, even for a moment.
    setClaims([]);
    setChosen(new Set());
    setCannot(undefined);
    if (!credentialId) return;
    let current = true;
    sharer.shareableClaims(credentialId).then((list) => {
      if (!current) return;
      setClaims(list);
      if (shownWhole(credentials.find((c) => c.id === credentialId))) setChosen(new Set(list.map((c) => pathKey(c.path))));
      else if (pendingPurpose) void sharer.claimsForPurpose(credentialId, pendingPurpose).then((paths) => current && setChosen(new Set(paths.map(pathKey))));
      setPendingPurpose(undefined);
    }, (error: unknown) => {
      if (current) setErrors([{ field: 'claim-0', text: shareErrorMessage(t, error, language) }]);
    });
    return () => { current = false; };
  }, [credentialId, credentials]);
  const usePurpose = async (purpose: Purpose, id = credentialId) => {
    if (!id) return;
    const paths = await sharer.claimsForPurpose(id, purpose);
    if (paths.length > 0) {
      setCannot(undefined);
      if (id !== credentialId) {
        setPendingPurpose(purpose);
        setCredentialId(id);
      } else if (!shownWhole(credential)) {
        // Shown whole, the purpose has nothing to tick: everything on the card goes.
        setChosen(new Set(paths.map(pathKey)));
      }
      return;
    }
    // Say why, and offer the credentials that can.
    const others: CredentialView[] = [];
    for (const c of credentials) if (c.id !== id && (await sharer.claimsForPurpose(c.id, purpose)).length > 0) others.push(c);
    setCannot({ purpose, others });
  };
  const show = useSubmit(async () => {
    if (!credentialId || chosen.size === 0) return setErrors([{ field: 'claim-0', text: t('quick.error.nothing') }]);
    try {
      setQr(await sharer.quickShow(credentialId, [...chosen].map((k) => JSON.parse(k) as ClaimPath)));
    } catch (error) {
      setErrors([{ field: 'claim-0', text: shareErrorMessage(t, error, language) }]);
    }
  });
  if (qr) {
    return (
      <>
        <ScreenHeading>{t('share.showTitle')}</ScreenHeading>
        <p class="govuk-body">{t('quick.shownIntro')}</p>
        <QrFramesView qr={qr} label={t('share.responseQrLabel')} testId="response-qr" />
        <p class="govuk-body"><Link class="govuk-link" href="/">{t('share.done')}</Link></p>
      </>
    );
  }
  const typeName = credential ? nameText(credential.typeName, language) : '';
  // With people the holder helps, every credential says whose it is ("Mum's driving licence"), and
  // showing someone else's is assisted use: the screen says it does not claim authority.
  const showWhose = hasOthers(people);
  const whose = (c: CredentialView) => (showWhose && people ? whoseType(personOf(people, c.personId), nameText(c.typeName, language), language) : nameText(c.typeName, language));
  const owner = credential && people ? personOf(people, credential.personId) : undefined;
  /**
   * "Mum's driving licence" / "your driving licence" inside a sentence (Welsh "trwydded yrru Mum",
   * "eich trwydded yrru"): the words about a credential in the "cannot show" note say whose it is,
   * never "your" for Mum's.
   */
  const whoseInSentence = (c: CredentialView) => {
    const person = personOf(people!, c.personId);
    const leads = person.id === SELF_PERSON || PEOPLE_WORDS[language]['whose.other'].startsWith('{type}');
    return leads ? inSentence(whose(c)) : whose(c);
  };
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const purposeLabel = (p: Purpose) => t(PURPOSES.find((x) => x.purpose === p)!.label);
  return (
    <form onSubmit={show.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('quick.title')}</ScreenHeading>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">{t('warning.prefix')}</span>{t('quick.weaker')}</strong>
      </div>
      {credentials.length > 1 && (
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="quick-credential">{t('consent.which')}</label>
          <select class="govuk-select" id="quick-credential" value={credentialId} onChange={(e) => { setErrors([]); setCredentialId((e.currentTarget as HTMLSelectElement).value); }}>
            {credentials.map((c) => <option key={c.id} value={c.id}>{whose(c)}</option>)}
          </select>
          {showWhose && credential && owner && <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="quick-whose"><PersonBadge person={owner} />{whose(credential)}</p>}
        </div>
      )}
      {credentials.length === 1 && credentials[0] && (showWhose && owner
        ? <p class="govuk-body" id="quick-credential" data-testid="quick-whose"><PersonBadge person={owner} />{whose(credentials[0])}</p>
        : <p class="govuk-body" id="quick-credential"><NameText name={credentials[0].typeName} /></p>)}
      {credential && owner && credential.personId !== SELF_PERSON && <AssistedUseNote person={owner} shown={[credential]} />}
      {hidden > 0 && <p class="govuk-body-s" data-testid="unusable-hidden">{t('quick.unusableHidden')}</p>}
      {mdocHidden && <p class="govuk-body-s" data-testid="mdoc-hidden">{t('quick.mdocHidden')}</p>}
      <p class="govuk-body">{t('quick.purposes')}</p>
      <div class="govuk-button-group">
        {PURPOSES.map(({ purpose, label }) => (
          <button type="button" key={purpose} class="govuk-button govuk-button--secondary" onClick={() => void usePurpose(purpose)}>{t(label)}</button>
        ))}
      </div>
      {cannot && (
        <div class="govuk-inset-text" role="status" data-testid="purpose-cannot">
          <p class="govuk-body">{showWhose && credential
            ? sentence(t('quick.cannotWhose', { whose: whoseInSentence(credential), purpose: purposeLabel(cannot.purpose) }))
            : t('quick.cannot', { type: typeName, purpose: purposeLabel(cannot.purpose) })}</p>
          {cannot.others.length === 0
            ? <p class="govuk-body">{showWhose && credential && credential.personId !== SELF_PERSON
              ? t('quick.noneCanWhose', { whose: whoseInSentence(credential) })
              : t('quick.noneCan', { type: typeName })}</p>
            : (
              <div class="govuk-button-group">
                {cannot.others.map((c) => (
                  <button type="button" key={c.id} class="govuk-button govuk-button--secondary" onClick={() => void usePurpose(cannot.purpose, c.id)}>
                    {showWhose ? t('quick.useInsteadWhose', { whose: whoseInSentence(c) }) : t('quick.useInstead', { type: nameText(c.typeName, language) })}
                  </button>
                ))}
              </div>
            )}
        </div>
      )}
      {shownWhole(credential)
        ? <WholeCredential statement={t('quick.whole', { type: typeName })} claims={claims} />
        : <ClaimChoice legend={t('quick.choose')} claims={claims} chosen={chosen} onChange={setChosen} />}
      <button type="submit" class="govuk-button" disabled={show.busy || !credentialId}>{t('quick.show')}</button>
    </form>
  );
}
