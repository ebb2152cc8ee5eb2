/** Gives the screens the wallet's Sharer, Checker and ActivityLog. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Sharer } from '../../wallet/share';
import type { ActivityLog } from '../../wallet/activity';
import type { Checker } from '../../wallet/check';

export interface ShareServices {
  sharer: Sharer;
  checker: Checker;
  activity: ActivityLog;
}

const ShareContext = createContext<ShareServices | null>(null);

export function ShareProvider({ services, children }: { services: ShareServices; children: ComponentChildren }) {
  return <ShareContext.Provider value={services}>{children}</ShareContext.Provider>;
}

export function useShare(): ShareServices {
  const services = useContext(ShareContext);
  if (!services) throw new Error('useShare must be used inside <ShareProvider>');
  return services;
}
