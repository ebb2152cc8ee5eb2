/** GOV.UK summary list of key/value rows. Values are rendered as text, never HTML. */
export function SummaryList({ rows, testId }: { rows: { key: string; value: string; id?: string }[]; testId?: string }) {
  return (
    <dl class="govuk-summary-list" data-testid={testId}>
      {rows.map(({ key, value, id }) => (
        <div class="govuk-summary-list__row" key={key} data-testid={id}>
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
