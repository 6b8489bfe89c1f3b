import {useState} from 'react';
import type {Post} from '@mattermost/types/posts';
import {client, errorText} from '../api/client';
import {useMe} from '../app/session';
import {Reactions} from './Reactions';
import {EPHEMERAL} from './useChannelPosts';
import type {Users} from './useUsers';

type Props = {post: Post; users: Users; replies?: number; onOpenThread?: () => void};

export function PostView({post, users, replies = 0, onOpenThread}: Props) {
    const me = useMe();
    const [error, setError] = useState('');
    const ephemeral = post.type === EPHEMERAL;
    const author = users.byId[post.user_id];
    const shownName = (post.props?.override_username as string | undefined) || users.name(post.user_id);

    async function remove() {
        try {
            await client.deletePost(post.id);
        } catch (e) {
            setError(errorText(e));
        }
    }

    return (
        <article className={`post${ephemeral ? ' ephemeral' : ''}`} data-testid='post' data-post-id={post.id}>
            <div className='post-head'>
                <span className='author' data-testid='post-author'>{shownName}</span>
                {author?.is_bot && <span className='badge'>BOT</span>}
                <time dateTime={new Date(post.create_at).toISOString()}>{new Date(post.create_at).toLocaleTimeString()}</time>
                {post.edit_at > 0 && <span className='edited' data-testid='post-edited'>(edited)</span>}
                {ephemeral && <span className='only-you'>(only visible to you)</span>}
            </div>
            <div className='message' data-testid='post-message'>{post.message}</div>
            {!ephemeral && (
                <div className='post-foot'>
                    <Reactions post={post} users={users}/>
                    {onOpenThread && (
                        <button type='button' className='link' data-testid='open-thread' onClick={onOpenThread}>
                            {replies > 0 ? `${replies} ${replies === 1 ? 'reply' : 'replies'}` : 'Reply'}
                        </button>
                    )}
                    {post.user_id === me.id && (
                        <button type='button' className='link quiet' data-testid='delete-post' onClick={() => void remove()}>Delete</button>
                    )}
                </div>
            )}
            {error && <p className='error'>{error}</p>}
        </article>
    );
}
