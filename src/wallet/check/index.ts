/** Checking someone else's credential in verifier mode, with no network once ready: requests, verdicts, reasons and records. */
export * from './check';
export * from './check-reasons';
export { readCheckRecord } from './check-record';
export * from './checker-background';
export * from './check-api';
export { digitalCredentialsAvailable } from './digital-credentials-support';
