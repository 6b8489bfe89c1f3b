import {useState} from 'react';
import {useLiveEvents} from '../api/live';

type PluginEvent = {seq: number; name: string; data: string};

const PREFIX = 'custom_';
const KEPT = 5;

/**
 * The plugins' own WebSocket events (PublishWebSocketEvent sends "custom_{plugin id}_{event}"; ids may
 * hold "_", so the name is shown whole), latest last, so a person can see a plugin talk to the page.
 */
export function PluginEvents() {
    const [events, setEvents] = useState<PluginEvent[]>([]);
    useLiveEvents((message) => {
        if (message.event.startsWith(PREFIX)) {
            const event = {seq: message.seq, name: message.event, data: JSON.stringify(message.data)};
            setEvents((held) => [...held, event].slice(-KEPT));
        }
    });
    if (events.length === 0) {
        return null;
    }
    return (
        <section className='plugin-events' data-testid='plugin-events' aria-label='Plugin events'>
            <h3>Plugin events</h3>
            <ul>
                {events.map((e) => (
                    <li key={`${e.seq}-${e.name}`} data-testid='plugin-event' data-event={e.name}>
                        <b>{e.name.slice(PREFIX.length)}</b> <code>{e.data}</code>
                    </li>
                ))}
            </ul>
        </section>
    );
}

