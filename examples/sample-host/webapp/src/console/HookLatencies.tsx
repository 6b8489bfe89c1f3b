import {useEffect, useState} from 'react';
import {client, errorText} from '../api/client';
import type {HookLatency} from '../api/client';

const POLL_MS = 3000;

/** A plugin's hooks: calls, errors and latency percentiles, from the runtime's metrics, kept current. */
export function HookLatencies({pluginId}: {pluginId: string}) {
    const [hooks, setHooks] = useState<HookLatency[]>();
    const [error, setError] = useState('');

    useEffect(() => {
        let current = true;
        const load = () => client.getPluginHookLatencies(pluginId).then((list) => {
            if (current) {
                setHooks([...list].sort((a, b) => a.hook.localeCompare(b.hook)));
                setError('');
            }
        }, (e) => current && setError(errorText(e)));
        void load();
        const timer = window.setInterval(() => void load(), POLL_MS);
        return () => {
            current = false;
            window.clearInterval(timer);
        };
    }, [pluginId]);

    if (error) {
        return <p className='error'>Hook latency: {error}</p>;
    }
    if (!hooks || hooks.length === 0) {
        return <p className='hint'>{hooks ? 'No hook called yet.' : 'Loading hook latency…'}</p>;
    }
    return (
        <table className='hook-latencies' data-testid='hook-latencies'>
            <thead><tr><th>hook</th><th>calls</th><th>errors</th><th>p50</th><th>p99</th></tr></thead>
            <tbody>
                {hooks.map((h) => (
                    <tr key={h.hook} data-testid='hook-latency' data-hook={h.hook}>
                        <td>{h.hook}</td><td>{h.calls}</td><td className={h.errors ? 'error' : ''}>{h.errors}</td>
                        <td>{milliseconds(h.p50_ms)}</td><td>{milliseconds(h.p99_ms)}</td>
                    </tr>
                ))}
            </tbody>
        </table>
    );
}

function milliseconds(ms: number): string {
    return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}
