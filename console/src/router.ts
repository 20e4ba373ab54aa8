import { useEffect, useState } from 'preact/hooks';

export const consoleBase = '/admin/';

/** The console's own path: "/admin/alumni/E1001" → "alumni/E1001". */
export function routeOf(pathname: string): string {
  return pathname.startsWith(consoleBase) ? decodeURIComponent(pathname.slice(consoleBase.length)).replace(/\/$/, '') : '';
}

export function hrefOf(route: string): string {
  return consoleBase + route.split('/').map(encodeURIComponent).join('/');
}

const listeners = new Set<() => void>();

/**
 * Moves to a console page without reloading (the server answers index.html for every /admin/ path too). A notice
 * (e.g. "The alumnus was erased.") travels in the history entry, for the next page to show.
 */
export function navigate(route: string, notice?: string): void {
  history.pushState(notice ? { notice } : null, '', hrefOf(route));
  listeners.forEach((listener) => listener());
}

/** The current route; follows navigate(), Back and Forward. */
export function useRoute(): string {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.pathname));
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link to a console page: a real href (open in a new tab works), handled in place on a plain click. */
export function onLinkClick(route: string) {
  return (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };
}

/** The notice the previous page left for this one, if any. */
export function noticeFromHistory(): string | null {
  const state = history.state as { notice?: unknown } | null;
  return typeof state?.notice === 'string' ? state.notice : null;
}
