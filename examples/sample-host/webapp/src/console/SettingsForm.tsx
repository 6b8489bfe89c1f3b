import {useEffect, useState} from 'react';
import type {FormEvent} from 'react';
import type {PluginManifest} from '@mattermost/types/plugins';
import {client, errorText} from '../api/client';
import {settingsOf} from './plugins';
import {SettingInput} from './SettingInput';

type Values = Record<string, unknown>;

/**
 * A plugin's settings, as its manifest's settings_schema describes them, read from and saved to
 * Mattermost's config (PluginSettings.Plugins[id], GET /config and PUT /config/patch). Secrets come back
 * masked from the host and are shown masked; a masked value sent back unchanged keeps the stored one.
 */
export function SettingsForm({manifest}: {manifest: PluginManifest}) {
    const settings = settingsOf(manifest);
    const [values, setValues] = useState<Values>();
    const [error, setError] = useState('');
    const [saved, setSaved] = useState(false);
    const [busy, setBusy] = useState(false);

    useEffect(() => {
        client.getConfig().then((config) => {
            const stored: Values = config.PluginSettings?.Plugins?.[manifest.id] ?? {};
            setValues(Object.fromEntries(settingsOf(manifest).map((s) => [s.key, storedValue(stored, s.key) ?? s.default ?? ''])));
        }, (e) => setError(errorText(e)));
    }, [manifest]);

    async function save(event: FormEvent) {
        event.preventDefault();
        setBusy(true);
        setError('');
        setSaved(false);
        try {
            await client.patchConfig({PluginSettings: {Plugins: {[manifest.id]: values}}});
            setSaved(true);
        } catch (e) {
            setError(errorText(e));
        } finally {
            setBusy(false);
        }
    }

    const schema = manifest.settings_schema;
    return (
        <form className='settings' onSubmit={(e) => void save(e)} data-testid='settings-form'>
            {schema?.header && <p className='hint'>{schema.header}</p>}
            {values === undefined && !error && <p className='hint'>Loading settings…</p>}
            {values && settings.map((setting) => (
                <SettingInput key={setting.key} setting={setting} value={values[setting.key]}
                    onChange={(value) => { setSaved(false); setValues({...values, [setting.key]: value}); }}/>
            ))}
            {schema?.footer && <p className='hint'>{schema.footer}</p>}
            <button type='submit' disabled={!values || busy} data-testid='save-settings'>Save</button>
            {saved && <span className='ok' data-testid='settings-saved'>Saved: the plugin is told (OnConfigurationChange).</span>}
            {error && <p className='error' role='alert' data-testid='settings-error'>{error}</p>}
        </form>
    );
}

/** Mattermost keeps plugin setting keys lower-cased in its config; the sample host may keep them as written. */
function storedValue(stored: Values, key: string): unknown {
    return stored[key] ?? stored[key.toLowerCase()];
}
