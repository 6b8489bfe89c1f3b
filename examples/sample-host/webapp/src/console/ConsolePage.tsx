import {useSession} from '../app/session';
import {PluginCard} from './PluginCard';
import {UploadBundle} from './UploadBundle';
import {usePlugins} from './usePlugins';

/** Mattermost's System Console > Plugins, in small: every plugin with its state, figures and controls. */
export function ConsolePage() {
    const {check} = useSession();
    const {plugins, error, refresh} = usePlugins(check);
    return (
        <main className='console' data-testid='console'>
            <section>
                <h2>Plugins</h2>
                {error && <p className='error' role='alert'>{error}</p>}
                {plugins === undefined && !error && <p className='hint'>Loading plugins…</p>}
                {plugins?.length === 0 && <p className='hint'>No plugins installed: upload a bundle.</p>}
                {plugins?.map((plugin) => <PluginCard key={plugin.id} plugin={plugin} refresh={refresh}/>)}
            </section>
            <aside>
                <UploadBundle refresh={refresh}/>
            </aside>
        </main>
    );
}
