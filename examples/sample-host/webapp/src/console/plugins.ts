// What the console shows of each plugin, put together from Mattermost's two plugin routes: the manifests
// (GET /plugins: active and inactive) and the statuses (GET /plugins/statuses).
import type {PluginManifest, PluginSetting, PluginStatus} from '@mattermost/types/plugins';

/** A status as the sample host sends it: Mattermost's fields, plus the runtime's own view of the plugin. */
export type HostPluginStatus = PluginStatus & {
    error?: string;
    /** The runtime's state name: STOPPED, STARTING, RUNNING, RESTARTING, STOPPING, FAILED. */
    runtime_state?: string;
    restarts?: number;
    last_failure?: LastFailure;
};

export type LastFailure = {kind: string; message: string; exit_code?: number; at?: number; stderr_tail?: string[]};

/** Mattermost's manifest setting, with its "secret" flag (a value the console shows masked). */
export type ManifestSetting = PluginSetting & {secret?: boolean};

export type PluginView = {
    id: string;
    name: string;
    version: string;
    /** The runtime runs it, or tries to (Mattermost: enabled in the config). */
    enabled: boolean;
    state: number;
    stateLabel: string;
    restarts?: number;
    error: string;
    lastFailure?: LastFailure;
    manifest?: PluginManifest;
};

/** Mattermost's PluginState numbers, as the console names them. */
export const STATE_NAMES: Record<number, string> = {
    0: 'NOT RUNNING',
    1: 'STARTING',
    2: 'RUNNING',
    3: 'FAILED TO START',
    4: 'FAILED TO STAY RUNNING',
    5: 'STOPPING',
};
export const RUNNING = 2;

export function stateName(state: number): string {
    return STATE_NAMES[state] ?? `STATE ${state}`;
}

export function isFailed(state: number): boolean {
    return state === 3 || state === 4;
}

/** One view per plugin id, from the manifests (active and inactive alike) and the statuses. */
export function pluginViews(active: PluginManifest[], inactive: PluginManifest[], statuses: HostPluginStatus[]): PluginView[] {
    const manifests = new Map<string, PluginManifest>();
    [...inactive, ...active].forEach((manifest) => manifests.set(manifest.id, manifest));
    const byId = new Map(statuses.map((s) => [s.plugin_id, s]));
    const ids = [...new Set([...manifests.keys(), ...byId.keys()])].sort();
    return ids.map((id) => {
        const manifest = manifests.get(id);
        const status = byId.get(id);
        const state = status?.state ?? 0;
        return {
            id,
            name: manifest?.name || status?.name || id,
            version: manifest?.version || status?.version || '',
            enabled: state !== 0,
            state,
            stateLabel: status?.runtime_state || stateName(state),
            restarts: status?.restarts,
            error: status?.error ?? '',
            lastFailure: status?.last_failure,
            manifest,
        };
    });
}

/** Every setting of a manifest's schema, sections included, in order. */
export function settingsOf(manifest: PluginManifest | undefined): ManifestSetting[] {
    const schema = manifest?.settings_schema;
    if (!schema) {
        return [];
    }
    return [...(schema.settings ?? []), ...(schema.sections ?? []).flatMap((s) => s.settings ?? [])];
}
