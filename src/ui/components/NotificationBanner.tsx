import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** GOV.UK notification banner: important information that is not an error. */
export function NotificationBanner({ title, children, testId }: { title: string; children: ComponentChildren; testId?: string }) {
  const titleId = useId();
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby={titleId} data-testid={testId}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>{title}</h2>
      </div>
      <div class="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
