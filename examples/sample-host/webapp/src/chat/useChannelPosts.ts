// One channel's posts: loaded once, then kept current by the WebSocket's post and reaction events.
import {useCallback, useEffect, useState} from 'react';
import type {Post, PostList} from '@mattermost/types/posts';
import type {Reaction} from '@mattermost/types/reactions';
import {client, errorText} from '../api/client';
import {decoded, useLiveEvents, useResyncCount} from '../api/live';
import type {LiveMessage} from '../api/live';
import {withList, withPost, withoutPost, withReaction, withReactions} from './postState';
import type {Posts} from './postState';

const PAGE_SIZE = 200;
export const EPHEMERAL = 'system_ephemeral';

export type ChannelPosts = {
    posts: Posts;
    loading: boolean;
    error: string;
    /** Merges posts fetched elsewhere (a thread). */
    merge(list: PostList): void;
};

export function useChannelPosts(channelId: string, onError: (error: unknown) => void): ChannelPosts {
    const [posts, setPosts] = useState<Posts>({});
    const [loading, setLoading] = useState(true);
    const [error, setError] = useState('');
    const resyncs = useResyncCount();

    useEffect(() => {
        let current = true;
        setPosts({});
        setLoading(true);
        setError('');
        client.getPosts(channelId, 0, PAGE_SIZE).then((list) => {
            if (current) {
                setPosts((held) => withList(held, list));
                setLoading(false);
            }
        }, (e) => {
            if (current) {
                setError(errorText(e));
                setLoading(false);
                onError(e);
            }
        });
        return () => {
            current = false;
        };
    }, [channelId, onError]);

    useEffect(() => {
        if (resyncs === 0) {
            return undefined;
        }
        let current = true; // events may have been missed: the channel's posts afresh, in place
        client.getPosts(channelId, 0, PAGE_SIZE).then((list) => current && setPosts(withList({}, list)), onError);
        return () => {
            current = false;
        };
    }, [channelId, onError, resyncs]);

    useMissingReactions(posts, setPosts);

    useLiveEvents((message: LiveMessage) => {
        const next = applyEvent(message, channelId);
        if (next) {
            setPosts(next);
        }
    });

    const merge = useCallback((list: PostList) => setPosts((held) => withList(held, list)), []);
    return {posts, loading, error, merge};
}

/** How a live event changes this channel's posts, or null when it does not concern them. */
function applyEvent(message: LiveMessage, channelId: string): ((posts: Posts) => Posts) | null {
    switch (message.event) {
    case 'posted':
    case 'post_edited': {
        const post = decoded<Post>(message.data.post);
        return post.channel_id === channelId ? (posts) => withPost(posts, post) : null;
    }
    case 'ephemeral_message': {
        // Shown to this user only and never stored: Mattermost marks it with its own post type.
        const post = decoded<Post>(message.data.post);
        const ephemeral = {...post, type: post.type || EPHEMERAL} as Post;
        return post.channel_id === channelId ? (posts) => withPost(posts, ephemeral) : null;
    }
    case 'post_deleted': {
        const post = decoded<Post>(message.data.post);
        return post.channel_id === channelId ? (posts) => withoutPost(posts, post.id) : null;
    }
    case 'reaction_added':
    case 'reaction_removed': {
        const reaction = decoded<Reaction>(message.data.reaction);
        return (posts) => withReaction(posts, reaction, message.event === 'reaction_added');
    }
    default:
        return null;
    }
}

/** Posts that say they have reactions but came without them (metadata is optional) get them fetched. */
function useMissingReactions(posts: Posts, setPosts: (update: (posts: Posts) => Posts) => void) {
    const missing = Object.values(posts).filter((p) => p.has_reactions && !p.metadata?.reactions).map((p) => p.id);
    const key = missing.join(',');
    useEffect(() => {
        for (const postId of key ? key.split(',') : []) {
            client.getReactionsForPost(postId).then(
                (reactions) => setPosts((held) => withReactions(held, postId, reactions ?? [])),
                () => setPosts((held) => withReactions(held, postId, [])));
        }
    }, [key, setPosts]);
}
