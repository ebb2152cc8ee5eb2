import type { ComponentChildren } from 'preact';
import type { AcceptResult } from '../../wallet/receive';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';

/**
 * What adding gave: "Credential added" with a link to it, or waiting for a connection, or the
 * department sending it later. `name` is the credential's name under the confirmation's title;
 * `queuedBody` says where a flow stopped when it differs from an offer's (after a sign-in).
 */
export function OfferAdded({ result, name, queuedBody }: { result: AcceptResult; name?: ComponentChildren; queuedBody?: string }) {
  const { t } = useI18n();
  return (
    <>
      {result.status === 'stored' ? (
        <div class="govuk-panel govuk-panel--confirmation">
          <ScreenHeading class="govuk-panel__title">{t('added.title')}</ScreenHeading>
          {name && <div class="govuk-panel__body">{name}</div>}
        </div>
      ) : (
        <ScreenHeading>{result.status === 'queued' ? t('added.queuedTitle') : t('added.deferredTitle')}</ScreenHeading>
      )}
      <p class="govuk-body">
        {result.status === 'stored' ? t('added.body') : result.status === 'queued' ? (queuedBody ?? t('added.queuedBody')) : t('added.deferredBody')}
      </p>
      <p class="govuk-body">
        {result.status === 'stored' && result.credentialIds[0]
          ? <Link class="govuk-link" href={`/credential/${encodeURIComponent(result.credentialIds[0])}`}>{t('added.view')}</Link>
          : <Link class="govuk-link" href="/">{t('added.home')}</Link>}
      </p>
    </>
  );
}
