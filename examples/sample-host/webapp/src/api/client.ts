// The page's only ways to the host: Mattermost's own JavaScript client (Client4, WebSocketClient).
import {Client4, ClientError} from '@mattermost/client';

/**
 * Mattermost's Client4, with the console's few calls that Mattermost has no route for (restarts, log
 * tail, hook latencies) made the way its own methods are (doFetch: cookies, CSRF header, errors).
 */
export class HostClient extends Client4 {
    restartPlugin(pluginId: string): Promise<unknown> {
        return this.doFetch(`${this.getPluginRoute(pluginId)}/restart`, {method: 'post'});
    }

    /** The last lines of the plugin's log, oldest first ({"lines": [...]}). */
    async getPluginLogTail(pluginId: string, lines: number): Promise<string[]> {
        const data: {lines?: unknown[]} = await this.doFetch(`${this.getPluginRoute(pluginId)}/logs?lines=${lines}`, {method: 'get'});
        return (data.lines ?? []).map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
    }

    /** The plugin's hooks, each with its calls, errors and latency percentiles, from the runtime's metrics. */
    getPluginHookLatencies(pluginId: string): Promise<HookLatency[]> {
        return this.doFetch(`${this.getPluginRoute(pluginId)}/hooks`, {method: 'get'});
    }
}

/** One hook of one plugin: calls, errors and latency percentiles. */
export type HookLatency = {
    hook: string;
    calls: number;
    errors: number;
    p50_ms: number;
    p99_ms: number;
};

export const client = new HostClient();
client.setUrl(window.location.origin);

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

/** What the host added to explain an error (Mattermost's detailed_error: a script's output, say), or ''. */
export function errorDetail(error: unknown): string {
    return error instanceof ClientError ? error.detailed_error ?? '' : '';
}

/** True when the host refused the call for want of a session (expired, logged out elsewhere). */
export function isUnauthorized(error: unknown): boolean {
    return error instanceof ClientError && error.status_code === 401;
}
