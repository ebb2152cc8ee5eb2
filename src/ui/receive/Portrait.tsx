import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';

/**
 * The image type of a photo's bytes, read from their magic numbers, or undefined when they are not
 * a picture Satchel shows. An mdoc's portrait is a bstr holding JPEG or JPEG 2000 (ISO/IEC 18013-5
 * §7.2.1); JPEG (ISO/IEC 10918-1 B.1.1.3: SOI FF D8, then a marker FF) and PNG (ISO/IEC 15948 §5.2:
 * the 8-byte signature) are what every browser Satchel runs on decodes.
 */
export function photoType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  const starts = (magic: readonly number[]) => bytes.length > magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

/**
 * A photo from a credential's bytes, as an image through a Blob URL: the bytes stay binary (no
 * base64 copy in the page), the URL is revoked when the photo leaves the screen so it does not
 * outlive it, and the CSP's img-src already allows blob: (src/server/security-headers.ts). Bytes
 * that are not a JPEG or PNG, or that the browser cannot decode, say the photo cannot be shown.
 */
export function Portrait({ bytes, alt }: { bytes: Uint8Array; alt: string }) {
  const { t } = useI18n();
  const type = photoType(bytes);
  const [url, setUrl] = useState<string>();
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    if (!type) return undefined;
    // A copy, so the Blob holds exactly these bytes whatever buffer they are a view of.
    const made = URL.createObjectURL(new Blob([bytes.slice()], { type }));
    setUrl(made);
    setBroken(false);
    return () => URL.revokeObjectURL(made);
  }, [bytes, type]);
  if (!type || broken) return <>{t('claim.photoUnavailable')}</>;
  return url ? <img src={url} alt={alt} class="satchel-portrait" onError={() => setBroken(true)} /> : null;
}
