// The console's view of the plugins, polled (a plugin may crash or restart at any time) and refreshed at
// once when the WebSocket says plugin statuses changed.
import {useCallback, useEffect, useState} from 'react';
import {client, errorText} from '../api/client';
import {useLiveEvents} from '../api/live';
import {pluginViews} from './plugins';
import type {HostPluginStatus, PluginView} from './plugins';

const POLL_MS = 2000;
const PLUGIN_EVENTS = new Set(['plugin_statuses_changed', 'plugin_enabled', 'plugin_disabled']);

export type Plugins = {plugins: PluginView[] | undefined; error: string; refresh(): Promise<void>};

export function usePlugins(onError: (error: unknown) => void): Plugins {
    const [plugins, setPlugins] = useState<PluginView[]>();
    const [error, setError] = useState('');

    const refresh = useCallback(async () => {
        try {
            const [manifests, statuses] = await Promise.all([client.getPlugins(), client.getPluginStatuses()]);
            setPlugins(pluginViews(manifests.active ?? [], manifests.inactive ?? [], statuses as HostPluginStatus[]));
            setError('');
        } catch (e) {
            onError(e);
            setError(errorText(e));
        }
    }, [onError]);

    useEffect(() => {
        void refresh();
        const timer = window.setInterval(() => void refresh(), POLL_MS);
        return () => window.clearInterval(timer);
    }, [refresh]);

    useLiveEvents((message) => {
        if (PLUGIN_EVENTS.has(message.event)) {
            void refresh();
        }
    });

    return {plugins, error, refresh};
}
