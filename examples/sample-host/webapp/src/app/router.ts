// The page's few routes live in the address bar (history API), so a reload or a link lands on the same view.
import {useSyncExternalStore} from 'react';

const CHANGE = 'pyplugins:navigate';

function subscribe(onChange: () => void): () => void {
    window.addEventListener('popstate', onChange);
    window.addEventListener(CHANGE, onChange);
    return () => {
        window.removeEventListener('popstate', onChange);
        window.removeEventListener(CHANGE, onChange);
    };
}

export function usePath(): string {
    return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, replace = false): void {
    if (path === window.location.pathname) {
        return;
    }
    if (replace) {
        window.history.replaceState(null, '', path);
    } else {
        window.history.pushState(null, '', path);
    }
    window.dispatchEvent(new Event(CHANGE));
}

/** The views, from a path: /login, /console, /{team}/channels/{channel}, and / (the first channel). */
export type Route =
    | {page: 'login'}
    | {page: 'console'}
    | {page: 'chat'; team?: string; channel?: string};

export function routeOf(path: string): Route {
    if (path === '/login') {
        return {page: 'login'};
    }
    if (path === '/console' || path.startsWith('/console/')) {
        return {page: 'console'};
    }
    const match = /^\/([^/]+)\/channels\/([^/]+)\/?$/.exec(path);
    if (match) {
        return {page: 'chat', team: decodeURIComponent(match[1]), channel: decodeURIComponent(match[2])};
    }
    return {page: 'chat'};
}

export function channelPath(teamName: string, channelName: string): string {
    return `/${encodeURIComponent(teamName)}/channels/${encodeURIComponent(channelName)}`;
}
