// Live updates: one WebSocket per login (Mattermost's WebSocketClient), fanned out to whoever listens.
// Listeners get Mattermost's event messages as they come: {event, data, broadcast, seq}.
import {useEffect, useRef, useSyncExternalStore} from 'react';
import {WebSocketClient} from '@mattermost/client';
import {client, websocketUrl} from './client';

/** A Mattermost WebSocket event (the client's own union type is narrower than what plugins may send). */
export type LiveMessage = {
    event: string;
    data: Record<string, unknown>;
    broadcast: {channel_id?: string; team_id?: string; user_id?: string};
    seq: number;
};
type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();
let socket: WebSocketClient | undefined;

/**
 * Counts the times events may have been missed (the host gave a reconnecting socket a new connection id):
 * views that load data include it in their effects' dependencies and load again, as Mattermost's app
 * resyncs. Without a missed-message listener the client would never reset its sequence number, and
 * would drop and reopen the socket forever after a reconnect.
 */
let resyncs = 0;
const resyncWatchers = new Set<() => void>();

function resync(): void {
    resyncs++;
    resyncWatchers.forEach((watcher) => watcher());
}

/**
 * Opens the WebSocket (the session cookie authenticates it; a token the client holds is sent too). A new
 * client each login: a connection id and sequence number belong to one session, never to the next user's.
 */
export function connectLive(): void {
    if (!socket) {
        socket = new WebSocketClient();
        socket.addMessageListener((message) => {
            listeners.forEach((listener) => listener(message as unknown as LiveMessage));
        });
        socket.addMissedMessageListener(resync);
        socket.initialize(websocketUrl(), client.getToken() || undefined);
    }
}

export function disconnectLive(): void {
    socket?.close();
    socket = undefined;
}

/** Calls {@code onMessage} with every live event while the component is mounted (latest callback wins). */
export function useLiveEvents(onMessage: Listener): void {
    const latest = useRef(onMessage);
    latest.current = onMessage;
    useEffect(() => {
        const listener: Listener = (message) => latest.current(message);
        listeners.add(listener);
        return () => {
            listeners.delete(listener);
        };
    }, []);
}

/** How many times the page should have loaded its data afresh since it started (see {@link resync}). */
export function useResyncCount(): number {
    return useSyncExternalStore((onChange) => {
        resyncWatchers.add(onChange);
        return () => {
            resyncWatchers.delete(onChange);
        };
    }, () => resyncs);
}

/** A JSON-encoded field of an event's data (Mattermost sends posts and reactions as strings). */
export function decoded<T>(value: unknown): T {
    return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
