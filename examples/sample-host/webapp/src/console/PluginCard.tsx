import {useState} from 'react';
import {client, errorText} from '../api/client';
import {FailureDetails} from './FailureDetails';
import {HookLatencies} from './HookLatencies';
import {LogTail} from './LogTail';
import {isFailed, RUNNING, settingsOf} from './plugins';
import type {PluginView} from './plugins';
import {SettingsForm} from './SettingsForm';

type Panel = 'settings' | 'log' | undefined;

/** One plugin: what it is, how it runs, its hooks' latency, and the buttons to change how it runs. */
export function PluginCard({plugin, refresh}: {plugin: PluginView; refresh(): Promise<void>}) {
    const [busy, setBusy] = useState('');
    const [error, setError] = useState('');
    const [panel, setPanel] = useState<Panel>();
    const hasSettings = settingsOf(plugin.manifest).length > 0;

    async function act(label: string, action: () => Promise<unknown>) {
        setBusy(label);
        setError('');
        try {
            await action();
        } catch (e) {
            setError(errorText(e));
        } finally {
            setBusy('');
            await refresh();
        }
    }

    function remove() {
        if (window.confirm(`Remove ${plugin.name} (${plugin.id})? Its files are deleted.`)) {
            void act('remove', () => client.removePlugin(plugin.id));
        }
    }

    const toggle = (which: Panel) => setPanel(panel === which ? undefined : which);
    const stateClass = plugin.state === RUNNING ? 'running' : isFailed(plugin.state) || plugin.lastFailure ? 'failed' : 'stopped';
    return (
        <article className='plugin' data-testid='plugin' data-plugin-id={plugin.id}>
            <header>
                <h3>{plugin.name} <span className='version' data-testid='plugin-version'>{plugin.version}</span></h3>
                <span className={`state ${stateClass}`} data-testid='plugin-state'>{plugin.stateLabel}</span>
            </header>
            <dl>
                <dt>id</dt><dd><code>{plugin.id}</code></dd>
                <dt>restarts</dt><dd data-testid='plugin-restarts'>{plugin.restarts ?? '–'}</dd>
                <dt>last failure</dt>
                <dd data-testid='plugin-error'>
                    {plugin.lastFailure ? <FailureDetails failure={plugin.lastFailure}/> : (plugin.error || 'none')}
                </dd>
            </dl>
            {plugin.manifest?.description && <p className='hint'>{plugin.manifest.description}</p>}
            <HookLatencies pluginId={plugin.id}/>
            <div className='actions'>
                {plugin.enabled
                    ? <button type='button' disabled={!!busy} data-testid='disable-plugin' onClick={() => void act('disable', () => client.disablePlugin(plugin.id))}>Disable</button>
                    : <button type='button' disabled={!!busy} data-testid='enable-plugin' onClick={() => void act('enable', () => client.enablePlugin(plugin.id))}>Enable</button>}
                <button type='button' disabled={!!busy} data-testid='restart-plugin'
                    onClick={() => void act('restart', () => client.restartPlugin(plugin.id))}>{busy === 'restart' ? 'Restarting…' : 'Restart'}</button>
                {hasSettings && <button type='button' className={panel === 'settings' ? 'pressed' : ''} data-testid='plugin-settings'
                    onClick={() => toggle('settings')}>Settings</button>}
                <button type='button' className={panel === 'log' ? 'pressed' : ''} data-testid='plugin-log' onClick={() => toggle('log')}>Log</button>
                <button type='button' className='danger' disabled={!!busy} data-testid='remove-plugin' onClick={remove}>Remove</button>
            </div>
            {error && <p className='error' role='alert' data-testid='plugin-action-error'>{error}</p>}
            {panel === 'settings' && plugin.manifest && <SettingsForm manifest={plugin.manifest}/>}
            {panel === 'log' && <LogTail pluginId={plugin.id} state={plugin.state}/>}
        </article>
    );
}
