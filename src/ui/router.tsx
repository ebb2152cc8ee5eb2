/**
 * A few-line History API router: the app has a handful of screens, so a routing library would
 * cost more bytes than it saves. The service worker answers every navigation with the app shell,
 * so deep links work offline too.
 */
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const ROUTE_CHANGE_EVENT = 'satchel:navigate';

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    addEventListener(ROUTE_CHANGE_EVENT, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(ROUTE_CHANGE_EVENT, update);
    };
  }, []);
  return path;
}

type LinkProps = AnchorHTMLAttributes & { href: string; children: ComponentChildren };

/** An ordinary link that changes screen without reloading; modified clicks keep browser behaviour. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={onClick} {...rest}>{children}</a>;
}
