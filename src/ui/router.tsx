/**
 * A few-line History API router: the app has a handful of screens, so a routing library would
 * cost more bytes than it saves. The service worker answers every navigation with the app shell,
 * so deep links work offline too.
 */
import type { AnchorHTMLAttributes, ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const ROUTE_CHANGE_EVENT = 'satchel:navigate';

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
}

/**
 * How many times a link to the screen already shown was followed. A person who taps "Check
 * someone" while checking wants a new check, not nothing: the screen, keyed by
 * useScreenKey, starts over. Only links do this — a screen calling navigate() with its own path
 * must not remount itself.
 */
let restarts = 0;

function restartScreen(): void {
  restarts++;
  dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
}

function useLocation(): { path: string; restarts: number } {
  const [where, setWhere] = useState(() => ({ path: location.pathname, restarts }));
  useEffect(() => {
    const update = () => setWhere((now) => (now.path === location.pathname && now.restarts === restarts ? now : { path: location.pathname, restarts }));
    addEventListener('popstate', update);
    addEventListener(ROUTE_CHANGE_EVENT, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(ROUTE_CHANGE_EVENT, update);
    };
  }, []);
  return where;
}

export function usePath(): string {
  return useLocation().path;
}

/** A key for the screen shown: it changes with the path, and when a link restarts the screen. */
export function useScreenKey(): string {
  const { path, restarts: count } = useLocation();
  return `${path}#${count}`;
}

type LinkProps = AnchorHTMLAttributes & { href: string; children: ComponentChildren };

/**
 * An ordinary link that changes screen without reloading; modified clicks keep browser behaviour.
 * A link to the screen already shown starts that screen over.
 */
export function Link({ href, children, onClick: onClickProp, ...rest }: LinkProps) {
  const onClick = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    onClickProp?.call(event.currentTarget, event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (href === location.pathname + location.search) restartScreen();
    else navigate(href);
  };
  return <a href={href} onClick={onClick} {...rest}>{children}</a>;
}
