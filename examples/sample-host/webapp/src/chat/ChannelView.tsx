import {useCallback, useEffect, useRef, useState} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';
import {useMe, useSession} from '../app/session';
import {Composer} from './Composer';
import {PostView} from './PostView';
import {replyCount, rootsOf} from './postState';
import {ThreadPane} from './ThreadPane';
import {directPartner, isDirect} from './useChannels';
import {useChannelPosts} from './useChannelPosts';
import type {Users} from './useUsers';

/** One channel: its root posts, oldest first, a composer under them, and the open thread beside them. */
export function ChannelView({team, channel, users}: {team: Team; channel: Channel; users: Users}) {
    const me = useMe();
    const {check} = useSession();
    const {posts, loading, error, merge} = useChannelPosts(channel.id, check);
    const [threadRoot, setThreadRoot] = useState<string>();
    const roots = rootsOf(posts);
    const {want} = users;
    useEffect(() => {
        want(Object.values(posts).map((p) => p.user_id));
    }, [posts, want]);
    const end = useRef<HTMLDivElement>(null);
    const lastRoot = roots.at(-1);
    useEffect(() => {
        void end.current?.scrollIntoView({block: 'end'}); // (a promise in newer browsers: never an effect's cleanup)
    }, [lastRoot?.id, lastRoot?.message]);
    const closeThread = useCallback(() => setThreadRoot(undefined), []);

    const title = isDirect(channel) ? `@${users.name(directPartner(channel, me.id))}` : (channel.display_name || channel.name);
    return (
        <>
            <main className='channel' data-testid='channel' data-channel-id={channel.id}>
                <header className='channel-header'>
                    <h2 data-testid='channel-title'>{title}</h2>
                    {channel.purpose && <span className='purpose'>{channel.purpose}</span>}
                </header>
                <div className='posts' data-testid='posts'>
                    {loading && <p className='hint'>Loading posts…</p>}
                    {error && <p className='error'>{error}</p>}
                    {!loading && roots.length === 0 && !error && <p className='hint'>No posts yet: say hello.</p>}
                    {roots.map((post) => (
                        <PostView key={post.id} post={post} users={users} replies={replyCount(posts, post)}
                            onOpenThread={() => setThreadRoot(post.id)}/>
                    ))}
                    <div ref={end}/>
                </div>
                <Composer team={team} channel={channel} placeholder={`Write to ${title} (/ for commands)`}/>
            </main>
            {threadRoot && posts[threadRoot] && (
                <ThreadPane team={team} channel={channel} rootId={threadRoot} posts={posts} merge={merge}
                    users={users} onClose={closeThread}/>
            )}
        </>
    );
}
