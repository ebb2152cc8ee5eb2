import { openQrReader, type QrReader } from '../../../wallet/app';
import { useI18n } from '../../i18n/context';
import { readCodeInPicture } from './image-data';

/**
 * "Use a picture of the code": a photo or screenshot of a QR code, read on the phone.
 *
 * The screen owns the errors (GOV.UK error summary pattern): a picture with no code in it, or a
 * file that is not a picture, goes to `onError` for the screen's error list, whose summary at the
 * top of the page takes focus and links here; `error` (that list's entry for this field, or what
 * reading the code led to) is shown beside the field.
 */
export function ScanFromImage({ id, onResult, error, onError }: {
  id: string;
  onResult(text: string): void;
  error: string | undefined;
  onError(text: string): void;
}) {
  const { t } = useI18n();
  const read = async (file: File | undefined) => {
    if (!file) return;
    let reader: QrReader | undefined;
    try {
      const opened = (reader = await openQrReader());
      const text = await readCodeInPicture(file, (image) => opened.decode(image));
      if (text) onResult(text);
      else onError(t('scan.noCodeInImage'));
    } catch {
      onError(t('scan.imageUnreadable'));
    } finally {
      reader?.close();
    }
  };
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>{t('scan.fromImage')}</label>
      <div id={`${id}-hint`} class="govuk-hint">{t('scan.fromImageHint')}</div>
      {error && (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      <input
        class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        type="file"
        accept="image/*"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => void read((event.currentTarget as HTMLInputElement).files?.[0])}
      />
    </div>
  );
}
