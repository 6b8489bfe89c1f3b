import {useEffect, useState} from 'react';
import {client, errorText} from '../api/client';
import type {HookLatency} from '../api/client';

const POLL_MS = 3000;

/** Each hook's calls, errors and latency percentiles, over all plugins, from the runtime's metrics. */
export function HookLatencies() {
    const [hooks, setHooks] = useState<HookLatency[]>();
    const [error, setError] = useState('');

    useEffect(() => {
        let current = true;
        const load = () => client.getHookLatencies().then((list) => {
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
    }, []);

    return (
        <section className='hook-latencies' data-testid='hook-latencies'>
            <h2>Hook latency</h2>
            {error && <p className='error'>{error}</p>}
            {hooks?.length === 0 && <p className='hint'>No hook has been called yet.</p>}
            {hooks && hooks.length > 0 && (
                <table>
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
            )}
        </section>
    );
}

function milliseconds(ms: number): string {
    return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}
