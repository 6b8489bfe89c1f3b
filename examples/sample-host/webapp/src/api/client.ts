// The page's only ways to the host: Mattermost's own JavaScript client (Client4, WebSocketClient).
import {Client4, ClientError, WebSocketClient} from '@mattermost/client';

/**
 * Mattermost's Client4, with the console's few calls that Mattermost has no route for (restarts, log
 * tail, hook latencies) made the way its own methods are (doFetch: cookies, CSRF header, errors).
 */
export class HostClient extends Client4 {
    restartPlugin(pluginId: string): Promise<unknown> {
        return this.doFetch(`${this.getPluginRoute(pluginId)}/restart`, {method: 'post'});
    }

    /** The last lines of the plugin's log, oldest first. */
    async getPluginLogTail(pluginId: string, lines: number): Promise<string[]> {
        const data: unknown = await this.doFetch(`${this.getPluginRoute(pluginId)}/logs?lines=${lines}`, {method: 'get'});
        if (Array.isArray(data)) {
            return data.map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
        }
        return typeof data === 'string' ? data.split('\n').filter((line) => line !== '') : [];
    }

    /** Each hook's figures over all plugins, from the runtime's metrics. */
    getHookLatencies(): Promise<HookLatency[]> {
        return this.doFetch(`${this.getPluginsRoute()}/hooks/latency`, {method: 'get'});
    }
}

/** One hook's calls and latency percentiles, over all plugins. */
export type HookLatency = {
    hook: string;
    calls: number;
    errors: number;
    p50_ms: number;
    p99_ms: number;
};

export const client = new HostClient();
client.setUrl(window.location.origin);

export const websocket = new WebSocketClient();

export function websocketUrl(): string {
    return `${window.location.origin.replace(/^http/, 'ws')}/api/v4/websocket`;
}

/** A sentence for the person in front of the page, from whatever a call threw. */
export function errorText(error: unknown): string {
    if (error instanceof ClientError) {
        return error.message || `The host answered ${error.status_code ?? 'an error'} (${error.url}).`;
    }
    return error instanceof Error ? error.message : String(error);
}

/** True when the host refused the call for want of a session (expired, logged out elsewhere). */
export function isUnauthorized(error: unknown): boolean {
    return error instanceof ClientError && error.status_code === 401;
}
