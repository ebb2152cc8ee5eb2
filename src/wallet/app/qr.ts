/** Use case: read QR codes (for offers now, presentations later). The UI supplies the pixels. */
export { createQrReader as openQrReader, type QrReader } from '../../protocols/qr/qr-reader';
