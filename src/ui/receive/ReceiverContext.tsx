/** Gives the screens the wallet's Receiver (offers, credentials, status). */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Receiver } from '../../wallet/receive';

const ReceiverContext = createContext<Receiver | null>(null);

export function ReceiverProvider({ receiver, children }: { receiver: Receiver; children: ComponentChildren }) {
  return <ReceiverContext.Provider value={receiver}>{children}</ReceiverContext.Provider>;
}

export function useReceiver(): Receiver {
  const receiver = useContext(ReceiverContext);
  if (!receiver) throw new Error('useReceiver must be used inside <ReceiverProvider>');
  return receiver;
}
