// What the console shows of each plugin, put together from Mattermost's two plugin routes: the manifests
// (GET /plugins: active and inactive) and the statuses (GET /plugins/statuses).
import type {PluginManifest, PluginSetting, PluginStatus} from '@mattermost/types/plugins';

/** A status as the sample host sends it: Mattermost's fields, plus the runtime's restart count. */
export type HostPluginStatus = PluginStatus & {error?: string; restarts?: number};

/** Mattermost's manifest setting, with its "secret" flag (a value the console shows masked). */
export type ManifestSetting = PluginSetting & {secret?: boolean};

export type PluginView = {
    id: string;
    name: string;
    version: string;
    enabled: boolean;
    state: number;
    restarts?: number;
    error: string;
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

export function pluginViews(active: PluginManifest[], inactive: PluginManifest[], statuses: HostPluginStatus[]): PluginView[] {
    const manifests = new Map<string, {manifest: PluginManifest; enabled: boolean}>();
    inactive.forEach((manifest) => manifests.set(manifest.id, {manifest, enabled: false}));
    active.forEach((manifest) => manifests.set(manifest.id, {manifest, enabled: true}));
    const byId = new Map(statuses.map((s) => [s.plugin_id, s]));
    const ids = [...new Set([...manifests.keys(), ...byId.keys()])].sort();
    return ids.map((id) => {
        const known = manifests.get(id);
        const status = byId.get(id);
        return {
            id,
            name: known?.manifest.name || status?.name || id,
            version: known?.manifest.version || status?.version || '',
            enabled: known ? known.enabled : (status?.state ?? 0) !== 0,
            state: status?.state ?? 0,
            restarts: status?.restarts,
            error: status?.error ?? '',
            manifest: known?.manifest,
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
