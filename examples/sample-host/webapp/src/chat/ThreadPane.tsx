import {useEffect} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {PostList} from '@mattermost/types/posts';
import type {Team} from '@mattermost/types/teams';
import {client} from '../api/client';
import {Composer} from './Composer';
import {PostView} from './PostView';
import {threadOf} from './postState';
import type {Posts} from './postState';
import type {Users} from './useUsers';

type Props = {
    team: Team;
    channel: Channel;
    rootId: string;
    posts: Posts;
    merge(list: PostList): void;
    users: Users;
    onClose(): void;
};

/** A thread: the root post, its replies (live, from the channel's posts), and a reply composer. */
export function ThreadPane({team, channel, rootId, posts, merge, users, onClose}: Props) {
    useEffect(() => {
        client.getPostThread(rootId).then(merge, () => undefined);
    }, [rootId, merge]);
    const [root, ...replies] = threadOf(posts, rootId);
    return (
        <aside className='thread' data-testid='thread'>
            <header>
                <h3>Thread</h3>
                <button type='button' className='link' data-testid='close-thread' onClick={onClose}>Close</button>
            </header>
            <div className='posts'>
                {root && <PostView post={root} users={users}/>}
                <p className='hint'>{replies.length} {replies.length === 1 ? 'reply' : 'replies'}</p>
                {replies.map((post) => <PostView key={post.id} post={post} users={users}/>)}
            </div>
            <Composer team={team} channel={channel} rootId={rootId} placeholder='Reply…'/>
        </aside>
    );
}
