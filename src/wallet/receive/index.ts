/** Receiving a credential from a department over OpenID4VCI: offers, consent to what is offered, verification on receipt, storing it. */
export * from './receive-api';
export * from './receive';
export * from './receive-store';
