import {useState} from 'react';
import type {FormEvent, KeyboardEvent} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';
import {client, errorText} from '../api/client';
import {useSession} from '../app/session';
import {matchingCommands, useCommands} from './useCommands';

type Props = {team: Team; channel: Channel; rootId?: string; placeholder: string};

/** Writes a post, or runs a slash command (with the team's commands offered as you type). */
export function Composer({team, channel, rootId, placeholder}: Props) {
    const {check} = useSession();
    const [text, setText] = useState('');
    const [error, setError] = useState('');
    const [sending, setSending] = useState(false);
    const [selected, setSelected] = useState(0);
    const [dismissed, setDismissed] = useState(false);
    const commands = useCommands(team.id, text.startsWith('/'));
    const offered = dismissed ? [] : matchingCommands(commands, text);
    const typingArguments = /\s/.test(text);
    const choosing = offered.length > 0 && !typingArguments;

    async function send(event?: FormEvent) {
        event?.preventDefault();
        const message = text.trim();
        if (!message || sending) {
            return;
        }
        setSending(true);
        setError('');
        try {
            if (message.startsWith('/')) {
                await client.executeCommand(message, {channel_id: channel.id, team_id: team.id, root_id: rootId ?? ''});
            } else {
                await client.createPost({channel_id: channel.id, message, root_id: rootId ?? ''});
            }
            setText('');
        } catch (e) {
            check(e);
            setError(errorText(e));
        } finally {
            setSending(false);
        }
    }

    function complete(index: number) {
        setText(`/${offered[index].trigger} `);
        setSelected(0);
    }

    function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
        if (choosing && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : offered.length - 1;
            setSelected((selected + step) % offered.length);
        } else if (choosing && (event.key === 'Tab' || (event.key === 'Enter' && text !== `/${offered[selected % offered.length].trigger}`))) {
            event.preventDefault();
            complete(selected % offered.length);
        } else if (event.key === 'Escape') {
            setDismissed(true);
        } else if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void send();
        }
    }

    return (
        <form className='composer' onSubmit={(e) => void send(e)} data-testid={rootId ? 'reply-composer' : 'composer'}>
            {offered.length > 0 && (
                <ul className='suggestions' role='listbox' data-testid='command-suggestions'>
                    {offered.map((command, i) => (
                        <li key={command.trigger} role='option' aria-selected={choosing && i === selected % offered.length}
                            data-testid='command-suggestion' data-trigger={command.trigger}
                            onMouseDown={(e) => { e.preventDefault(); complete(i); }}>
                            <b>/{command.trigger}</b> {command.auto_complete_hint && <code>{command.auto_complete_hint}</code>}
                            <span className='hint'>{command.auto_complete_desc}</span>
                        </li>
                    ))}
                </ul>
            )}
            <textarea value={text} placeholder={placeholder} rows={2} data-testid='message-input'
                onChange={(e) => { setText(e.target.value); setDismissed(false); setSelected(0); }}
                onKeyDown={onKeyDown}/>
            <button type='submit' disabled={sending || !text.trim()}>Send</button>
            {error && <p className='error' role='alert' data-testid='composer-error'>{error}</p>}
        </form>
    );
}
