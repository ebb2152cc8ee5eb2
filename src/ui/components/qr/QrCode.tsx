import qrcode from 'qrcode-generator';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QrFrames } from '../../../wallet/share';
import { useI18n } from '../../i18n/context';
import { modulesPath } from './qr-path';
import { useWakeLock } from './use-wake-lock';

const utf8Bytes = (text: string): number[] => Array.from(new TextEncoder().encode(text));


/** SVG path of a QR code's dark modules, one row-run per `h` segment (compact, crisp at any size). */
function qrPath(text: string): { size: number; d: string } {
  // Byte mode as UTF-8 (the library's default keeps only the low byte of each UTF-16 unit).
  qrcode.stringToBytes = utf8Bytes;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const { size, d } = modulesPath(qr);
  return { size, d };
}

/** The largest a code is drawn, in CSS pixels (it shrinks to fit narrower screens). */
const QR_MAX_CSS_PX = 360;

/**
 * One QR code as an SVG image, drawn at a whole number of CSS pixels per module: every module
 * then has the same width on screen, which cameras (and decoders) read far more reliably than
 * modules of alternating width.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  const pixels = size * Math.max(2, Math.floor(QR_MAX_CSS_PX / size));
  return (
    <svg class="satchel-qr" width={pixels} height={pixels} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-testid={testId} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}

/**
 * One or more QR codes: a single code stays still; several are shown in a loop that the person can
 * pause and step through (WCAG 2.2.2), with "code 2 of 5" so both sides know where they are.
 * The screen stays awake while the code is shown.
 */
export function QrFramesView({ qr, label, testId }: { qr: QrFrames; label: string; testId?: string }) {
  const { t } = useI18n();
  useWakeLock();
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  // The effect below clears the timer only after the next paint; until then a step could still
  // land, moving the code the person paused on. The ref stops it the moment "Pause" is pressed.
  const pausedNow = useRef(false);
  const pause = (value: boolean) => {
    pausedNow.current = value;
    setPaused(value);
  };
  const total = qr.frames.length;
  useEffect(() => {
    setIndex(0);
  }, [qr]);
  useEffect(() => {
    if (total < 2 || paused) return;
    const timer = setInterval(() => {
      if (!pausedNow.current) setIndex((i) => (i + 1) % total);
    }, qr.frameMs);
    return () => clearInterval(timer);
  }, [qr, total, paused]);
  const frame = qr.frames[Math.min(index, total - 1)] ?? '';
  return (
    <div data-testid={testId} data-frame-index={index} data-frame-total={total}>
      <QrCode text={frame} label={total > 1 ? t('qr.frameLabel', { label, index: index + 1, total }) : label} testId={testId && `${testId}-code`} />
      {total > 1 && (
        <>
          <p class="govuk-body" aria-live="off">{t('qr.frameOf', { index: index + 1, total })}</p>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" onClick={() => pause(!paused)}>
              {paused ? t('qr.play') : t('qr.pause')}
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" onClick={() => { pause(true); setIndex((i) => (i + 1) % total); }}>
              {t('qr.next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
