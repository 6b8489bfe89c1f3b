import {useState} from 'react';
import type {Post} from '@mattermost/types/posts';
import {client, errorText} from '../api/client';
import {useMe} from '../app/session';
import {reactionGroups} from './postState';
import type {Users} from './useUsers';

/** Mattermost's emoji names for the few the page offers, and how each looks. */
const EMOJI: Record<string, string> = {
    '+1': '👍', heart: '❤️', smile: '😄', tada: '🎉', eyes: '👀', rocket: '🚀', white_check_mark: '✅',
};

export function Reactions({post, users}: {post: Post; users: Users}) {
    const me = useMe();
    const [picking, setPicking] = useState(false);
    const [error, setError] = useState('');
    const groups = reactionGroups(post);

    async function toggle(emoji: string, mine: boolean) {
        setPicking(false);
        setError('');
        try {
            if (mine) {
                await client.removeReaction(me.id, post.id, emoji);
            } else {
                await client.addReaction(me.id, post.id, emoji);
            }
        } catch (e) {
            setError(errorText(e));
        }
    }

    return (
        <span className='reactions'>
            {groups.map(({emoji, userIds}) => {
                const mine = userIds.includes(me.id);
                return (
                    <button key={emoji} type='button' className={`reaction${mine ? ' mine' : ''}`} data-testid='reaction'
                        data-emoji={emoji} title={userIds.map((id) => `@${users.name(id)}`).join(', ')}
                        onClick={() => void toggle(emoji, mine)}>
                        {EMOJI[emoji] ?? `:${emoji}:`} {userIds.length}
                    </button>
                );
            })}
            <button type='button' className='link quiet' data-testid='add-reaction' aria-label='Add a reaction'
                onClick={() => setPicking(!picking)}>☺+</button>
            {picking && (
                <span className='emoji-picker' data-testid='emoji-picker'>
                    {Object.entries(EMOJI).map(([name, glyph]) => (
                        <button key={name} type='button' data-emoji={name} title={`:${name}:`}
                            onClick={() => void toggle(name, groups.some((g) => g.emoji === name && g.userIds.includes(me.id)))}>
                            {glyph}
                        </button>
                    ))}
                </span>
            )}
            {error && <span className='error'>{error}</span>}
        </span>
    );
}
