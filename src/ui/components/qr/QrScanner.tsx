import { useEffect, useRef, useState } from 'preact/hooks';
import { openQrReader } from '../../../wallet/app';
import { useI18n } from '../../i18n/context';
import { imageDataOf } from './image-data';

/** How often a camera frame is decoded: fast enough to feel instant, light on a slow phone. */
export const SCAN_INTERVAL_MS = 200;

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * Live camera QR scanner. Calls `onResult` with the first code read, then stops the camera —
 * or, when `continuous`, keeps the camera on and calls `onResult` each time a code other than the
 * last one is read, until it is unmounted: a looping answer of several codes (the checker's scan
 * step) is read frame after frame with no restart of the camera, and the same code seen again on
 * the next turn of the loop neither stops the scanner nor floods `onResult`.
 * The video has no audio and never leaves the phone.
 */
export function QrScanner({ onResult, continuous = false, unavailableText }: { onResult(text: string): void; continuous?: boolean; /** What to do instead when there is no camera (default: the offer wording). */ unavailableText?: string }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  // The camera effect runs once; it calls the latest onResult (a continuous scan outlives renders).
  const latestOnResult = useRef(onResult);
  latestOnResult.current = onResult;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lastText: string | undefined;
    const readerReady = openQrReader();

    const scan = async () => {
      const element = video.current;
      if (stopped || !element) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        let text: string | null;
        try {
          text = await (await readerReady).decode(imageDataOf(element, element.videoWidth, element.videoHeight));
        } catch {
          // The reader did not start (qr-reader.ts): the camera is no use, so say what to do instead.
          stopped = true;
          stream?.getTracks().forEach((track) => track.stop());
          return setState('unavailable');
        }
        if (stopped) return;
        if (text && text !== lastText) {
          lastText = text;
          if (!continuous) stopped = true;
          latestOnResult.current(text);
          if (stopped) return;
        }
      }
      timer = setTimeout(scan, SCAN_INTERVAL_MS);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setState('unavailable');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        return setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
      }
      if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setState('scanning');
      void scan();
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      void readerReady.then((reader) => reader.close());
    };
  }, []);

  return (
    <div class="satchel-scanner">
      {/* Hidden until the camera plays: no black box while it starts, or where there is no camera. */}
      <video ref={video} muted playsInline aria-label={t('scan.videoLabel')} data-testid="scanner-video" hidden={state !== 'scanning'} />
      <p class="govuk-body" role="status">
        {state === 'starting' && t('scan.starting')}
        {state === 'scanning' && t('scan.scanning')}
        {state === 'denied' && t('scan.denied')}
        {state === 'unavailable' && (unavailableText ?? t('scan.unavailable'))}
      </p>
    </div>
  );
}
