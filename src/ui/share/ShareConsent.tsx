import { useState } from 'preact/hooks';
import type { Person } from '../../wallet/people';
import type { QrFrames, ShareAnswer, ShareCandidate, ShareRequest } from '../../wallet/share';
import { SELF_PERSON, type ClaimPath, type PersonId } from '../../wallet/shared';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { NameText } from '../components/NameText';
import { ScreenHeading } from '../components/ScreenHeading';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import { nameText } from '../i18n/names';
import { usePeople } from '../people/PeopleContext';
import { whoseType } from '../people/people-words';
import { hasOthers, personOf, SELF } from '../people/use-people-list';
import { navigate } from '../router';
import { CandidateSummary, candidateLine } from './CandidateSummary';
import { ClaimChoice, pathKey, WholeCredential } from './ClaimChoice';
import { AssistedUseNote, OnBehalfNote } from './OnBehalfNote';
import { onBehalfWords } from './on-behalf-words';
import { shareErrorMessage } from './share-error-message';
import { useShare } from './ShareContext';
import { WarningText, WhoIsAsking } from './WhoIsAsking';
import { whoIsAskingWords } from './who-is-asking-words';
import { WhoIsThisFor } from './WhoIsThisFor';
import { PersonBadge } from './PersonBadge';

const claimsOf = (keys: Set<string>): ClaimPath[] => [...keys].map((key) => JSON.parse(key) as ClaimPath);
const askedFor = (candidate: ShareCandidate | undefined) => new Set(candidate?.requested.map((c) => pathKey(c.path)));

/**
 * Whose answer it starts as: on someone's behalf, the person selected on the home screen if
 * Satchel may answer for them, else the first who may; otherwise (assisted use or the holder's
 * own) the selected person when every query has a credential of theirs, else the first candidate's.
 */
function firstPerson(request: ShareRequest, selected: PersonId): PersonId {
  const { onBehalf } = request;
  if (onBehalf) return (onBehalf.people.find((p) => p.personId === selected) ?? onBehalf.people[0]!).personId;
  const hasAll = (id: PersonId) => request.queryIds.every((q) => request.candidates.some((c) => c.queryId === q && c.personId === id));
  return hasAll(selected) ? selected : request.candidates[0]?.personId ?? SELF_PERSON;
}

/**
 * One consent screen for the whole answer: every credential query of the request (§6.4.2: all are
 * shared together, or none), each with the held credential that answers it (a choice when several
 * do), named by type, issuer and expiry (cancelled and expired ones are never offered),
 * what it shares (ticked, can be unticked; a credential shared whole says so) and what it does not.
 * With people the holder helps (docs/sharing.md, "On someone's behalf"), every candidate says whose
 * it is with their marker, and an answer is one person's: on someone's behalf, "Who is this for?"
 * chooses whose credential and which authority; a person's credential answering a request that asks
 * for no authority is assisted use, and the screen says so.
 */
export function ShareConsent({ request, onShown, onDeclined }: { request: ShareRequest; onShown(qr: QrFrames): void; onDeclined(verifierTold: boolean): void }) {
  const { t, language } = useI18n();
  const { sharer } = useShare();
  const { selected } = usePeople();
  const { onBehalf } = request;
  const people: Person[] = request.people ?? [SELF];
  const showWhose = hasOthers(people);
  const [personId, setPersonId] = useState<PersonId>(() => firstPerson(request, selected));
  const forPerson = onBehalf?.people.find((p) => p.personId === personId);
  const queryIds = forPerson?.queryIds ?? request.queryIds;
  /** The candidates offered for a query: on someone's behalf, the chosen person's own, and the holder's authorities for them. */
  const candidatesFor = (queryId: string, who: PersonId = personId) => {
    const all = request.candidates.filter((c) => c.queryId === queryId);
    if (!onBehalf) return all;
    const them = onBehalf.people.find((p) => p.personId === who);
    if (queryId === onBehalf.authorityQueryId) return all.filter((c) => them?.authorities.some((a) => a.credentialId === c.credentialId));
    return all.filter((c) => c.personId === who);
  };
  /** Each query's first candidate of `who` (else its first): the picks when the screen opens or the person changes. */
  const picksFor = (who: PersonId) => Object.fromEntries(request.queryIds.map((q) => {
    const list = candidatesFor(q, who);
    return [q, list.find((c) => q === onBehalf?.authorityQueryId || c.personId === who) ?? list[0]];
  }));
  const [picked, setPicked] = useState<Record<string, ShareCandidate | undefined>>(() => picksFor(personId));
  const [chosen, setChosen] = useState<Record<string, Set<string>>>(() =>
    Object.fromEntries(Object.entries(picksFor(personId)).map(([q, c]) => [q, askedFor(c)])));
  const [errors, setErrors] = useState<FieldError[]>([]);
  // With more than one person to answer for, "Who is this for?" comes first, on a page of its own.
  const [askWho, setAskWho] = useState(() => (onBehalf?.people.length ?? 0) > 1);
  const complete = queryIds.every((q) => picked[q] && (chosen[q]?.size ?? 0) > 0);
  /** Another person: every pick becomes theirs (an answer is one person's). */
  const choosePerson = (who: PersonId) => {
    const next = picksFor(who);
    setPersonId(who);
    setPicked(next);
    setChosen(Object.fromEntries(Object.entries(next).map(([q, c]) => [q, askedFor(c)])));
  };
  const share = useSubmit(async () => {
    if (!complete) return;
    const answers: ShareAnswer[] = queryIds.map((queryId) => ({ queryId, credentialId: picked[queryId]!.credentialId, claims: claimsOf(chosen[queryId]!) }));
    try {
      if (request.mode === 'online') {
        const { redirectUri } = await sharer.respondOnline(request.requestId, answers);
        if (redirectUri) location.assign(redirectUri);
        else navigate('/activity');
      } else {
        onShown(await sharer.respond(request.requestId, answers));
      }
    } catch (error) {
      setErrors([{ field: 'share', text: shareErrorMessage(t, error, language) }]);
    }
  });
  const decline = useSubmit(async () => {
    const { verifierTold, redirectUri } = await sharer.decline(request.requestId);
    // §8.2: the verifier's redirect_uri, after an error response too, is where the person continues.
    if (redirectUri) location.assign(redirectUri);
    else onDeclined(verifierTold);
  });
  const several = queryIds.length > 1;
  const person = personOf(people, personId);
  // The person's own credentials in this answer (on someone's behalf, all but the authority).
  const theirs = queryIds.filter((q) => q !== onBehalf?.authorityQueryId).map((q) => picked[q]).filter((c): c is ShareCandidate => c !== undefined);
  const whoseIs = (c: ShareCandidate) => (showWhose ? personOf(people, c.personId) : undefined);
  const assisted = !onBehalf && personId !== SELF_PERSON;
  // Someone else's credential: the note above says whose, for what, and who sees it, and one line
  // per credential says what it shares; which credential, each claim's box and what is not shared
  // go behind "Check or change what is shared", so that Share stays on a phone's first screen.
  const tucked = onBehalf !== undefined || assisted;
  if (onBehalf && askWho) {
    const asker = request.verifier?.kind === 'registered' ? localise(request.verifier.name, language) : request.verifierName;
    return <WhoIsThisFor onBehalf={onBehalf} people={people} value={personId} asker={asker ? t('consent.asker', { name: asker }) : t('consent.askerUnknown')}
      busy={decline.busy} onChange={choosePerson} onContinue={() => setAskWho(false)} onDecline={decline.submit} />;
  }
  return (
    <form onSubmit={share.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('consent.title')}</ScreenHeading>
      <WhoIsAsking request={request} />
      {/* A registered verifier asking beyond its registration: said once, above the claims, each of which is marked. */}
      {request.verifier?.kind === 'registered' && request.candidates.some((c) => c.requested.some((r) => r.beyondRegistration)) && (
        <WarningText testId="beyond-registration" text={whoIsAskingWords(language)('consent.beyondRegistration', { name: localise(request.verifier.name, language) })} />
      )}
      {onBehalf && <OnBehalfNote request={request} onBehalf={onBehalf} person={person} personId={personId} shown={theirs} />}
      {assisted && <AssistedUseNote person={person} shown={theirs} />}
      {tucked && <SharingSummary shown={theirs.map((c) => ({ candidate: c, ticked: chosen[c.queryId] ?? new Set<string>() }))} person={person} />}
      {several && !onBehalf && <p class="govuk-body" data-testid="several">{t('consent.several', { total: queryIds.length })}</p>}
      {tucked
        ? (
          <details class="govuk-details govuk-!-margin-bottom-2" data-testid="share-details">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{onBehalfWords(language)('share.details')}</span></summary>
            <div class="govuk-details__text">
              {/* Back to "Who is this for?" (just answered, so behind the details with the rest that can be changed). */}
              {onBehalf && onBehalf.people.length > 1 && (
                <p class="govuk-body-s"><button type="button" class="satchel-link-button" id="change-person" onClick={() => setAskWho(true)}>{onBehalfWords(language)('onBehalf.change')}</button></p>
              )}
              {sections()}
            </div>
          </details>
        )
        : sections()}
      <div class="govuk-button-group">
        <button type="submit" id="share" class="govuk-button" disabled={share.busy || decline.busy || !complete}>{t('consent.share')}</button>
        <button type="button" id="decline" class="govuk-button govuk-button--secondary" disabled={share.busy || decline.busy} onClick={decline.submit}>{t('consent.cancel')}</button>
      </div>
    </form>
  );

  /** Each credential query's section: which credential, what it shares (a choice), what it does not. */
  function sections() {
    return queryIds.map((queryId, q) => {
      const candidates = candidatesFor(queryId);
      const candidate = picked[queryId];
      if (!candidate) return null;
      const ticked = chosen[queryId] ?? new Set<string>();
      const notChosen = [...candidate.requested, ...candidate.notShared].filter((c) => !ticked.has(pathKey(c.path)));
      const pick = (c: ShareCandidate) => {
        // Assisted use: picking another person's credential makes the whole answer theirs.
        if (!onBehalf && c.personId !== personId) {
          const next = picksFor(c.personId);
          next[queryId] = c;
          setPersonId(c.personId);
          setPicked(next);
          setChosen(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, askedFor(v)])));
          return;
        }
        setPicked({ ...picked, [queryId]: c });
        setChosen({ ...chosen, [queryId]: askedFor(c) });
      };
      const isAuthority = queryId === onBehalf?.authorityQueryId;
      return (
        <section key={queryId} data-testid={`query-${queryId}`}>
          {several && !onBehalf && <h2 class="govuk-heading-m">{t('consent.part', { n: q + 1, total: queryIds.length, type: nameText(candidate.typeName, language) })}</h2>}
          {candidates.length > 1 && (
            <div class="govuk-form-group">
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('consent.which')}</legend>
                <div class="govuk-radios">
                  {candidates.map((c, i) => {
                    const id = several ? `candidate-${q}-${i}` : `candidate-${i}`;
                    const whose = whoseIs(c);
                    const { title, validity } = candidateLine(c, t, language, whose);
                    return (
                      <div class="govuk-radios__item" key={c.credentialId}>
                        <input class="govuk-radios__input" id={id} type="radio" name={`candidate-${queryId}`} aria-describedby={validity ? `${id}-hint` : undefined}
                          checked={c.credentialId === candidate.credentialId} onChange={() => pick(c)} />
                        <label class="govuk-label govuk-radios__label" for={id} data-person={c.personId}>{whose && <PersonBadge person={whose} />}{title}</label>
                        {validity && <div id={`${id}-hint`} class="govuk-hint govuk-radios__hint">{validity}</div>}
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
          )}
          {candidates.length === 1 && <CandidateSummary candidate={candidate} person={whoseIs(candidate)} testId={several ? `candidate-${queryId}` : 'candidate'} />}
          {isAuthority
            // The authority goes with every claim asked: without them a checker cannot tell whom it is for, or what for.
            ? (
              <p class="govuk-body-s" data-testid="authority-claims">
                <strong>{onBehalfWords(language)('onBehalf.authorityShares')}:</strong> {candidate.requested.map((c, i) => <>{i > 0 && ', '}<NameText name={c.label} /></>)}
              </p>
            )
            : candidate.whole
              ? <WholeCredential statement={t('consent.whole', { type: nameText(candidate.typeName, language) })} claims={candidate.requested} beyondHint={whoIsAskingWords(language)('consent.beyondHint')} />
              : <ClaimChoice legend={t('consent.willShare')} claims={candidate.requested} chosen={ticked} idPrefix={several ? `claim-${q}` : 'claim'} retainedHint={t('consent.retained')}
                beyondHint={whoIsAskingWords(language)('consent.beyondHint')} onChange={(next) => setChosen({ ...chosen, [queryId]: next })} />}
          {/* One line, not a list: with the credential named above, the Share button stays on a phone's first screen. */}
          {!isAuthority && notChosen.length > 0 && (
            <p class="govuk-body-s" data-testid={several ? `not-shared-${queryId}` : 'not-shared'}>
              <strong>{t('consent.willNotShare')}:</strong> {notChosen.map((c) => nameText(c.label, language)).join(', ')}
            </p>
          )}
        </section>
      );
    });
  }
}

/**
 * What each of the person's credentials shares, one line each, above "Check or change what is
 * shared": "Mum's driving licence: Given name, Family name, Date of birth, Photo" — what the
 * verifier will see stays in view while the boxes to change it are tucked away.
 */
function SharingSummary({ shown, person }: { shown: { candidate: ShareCandidate; ticked: Set<string> }[]; person: Person }) {
  const { language } = useI18n();
  return (
    <>
      {shown.map(({ candidate, ticked }) => (
        <p class="govuk-body-s govuk-!-margin-bottom-1" key={candidate.queryId} data-testid={`sharing-${candidate.queryId}`}>
          <strong>{whoseType(person, nameText(candidate.typeName, language), language)}:</strong>{' '}
          {candidate.requested.filter((c) => ticked.has(pathKey(c.path))).map((c) => nameText(c.label, language)).join(', ')}
        </p>
      ))}
    </>
  );
}
