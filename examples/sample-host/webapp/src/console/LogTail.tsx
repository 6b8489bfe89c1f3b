import {useEffect, useRef, useState} from 'react';
import {client, errorText} from '../api/client';

const LINES = 100;
const POLL_MS = 2000;

/** The last lines the plugin logged, followed while the panel is open. */
export function LogTail({pluginId, state}: {pluginId: string; state: number}) {
    const [lines, setLines] = useState<string[]>();
    const [error, setError] = useState('');
    const box = useRef<HTMLPreElement>(null);

    useEffect(() => {
        let current = true;
        const load = () => client.getPluginLogTail(pluginId, LINES).then((tail) => {
            if (current) {
                setLines(tail);
                setError('');
            }
        }, (e) => current && setError(errorText(e)));
        void load();
        const timer = window.setInterval(() => void load(), POLL_MS);
        return () => {
            current = false;
            window.clearInterval(timer);
        };
    }, [pluginId, state]);

    useEffect(() => {
        box.current?.scrollTo(0, box.current.scrollHeight);
    }, [lines]);

    return (
        <div className='log-tail'>
            {error && <p className='error'>{error}</p>}
            <pre ref={box} data-testid='plugin-log-lines'>{lines === undefined ? 'Loading…' : lines.length ? lines.join('\n') : '(nothing logged yet)'}</pre>
        </div>
    );
}
