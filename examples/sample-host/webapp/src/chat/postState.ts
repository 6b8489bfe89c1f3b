// The posts of one channel as the page holds them, changed only by these pure functions (a load, a live
// event, a thread fetched), so every way a post arrives ends in the same state.
import type {Post, PostList} from '@mattermost/types/posts';
import type {Reaction} from '@mattermost/types/reactions';

/** A post as Mattermost's server sends it (has_reactions is in its JSON, not in the client's type). */
export type HostPost = Post & {has_reactions?: boolean};

export type Posts = Readonly<Record<string, HostPost>>;

export function withList(posts: Posts, list: Pick<PostList, 'posts'>): Posts {
    let next = posts;
    for (const post of Object.values(list.posts ?? {})) {
        next = withPost(next, post);
    }
    return next;
}

/** Adds or replaces a post; an older copy (by update_at) never overwrites a newer one. */
export function withPost(posts: Posts, post: Post): Posts {
    const held = posts[post.id];
    if (held && (held.update_at ?? 0) > (post.update_at ?? 0)) {
        return posts;
    }
    const reactions = post.metadata?.reactions ?? held?.metadata?.reactions;
    return {...posts, [post.id]: {...post, metadata: {...post.metadata, reactions}} as Post};
}

export function withoutPost(posts: Posts, postId: string): Posts {
    if (!posts[postId]) {
        return posts;
    }
    const next = {...posts};
    delete next[postId];
    return next;
}

export function withReaction(posts: Posts, reaction: Reaction, added: boolean): Posts {
    const post = posts[reaction.post_id];
    if (!post) {
        return posts;
    }
    const others = (post.metadata?.reactions ?? []).filter((r) => !sameReaction(r, reaction));
    const reactions = added ? [...others, reaction] : others;
    return {...posts, [post.id]: {...post, has_reactions: reactions.length > 0, metadata: {...post.metadata, reactions}} as Post};
}

export function withReactions(posts: Posts, postId: string, reactions: Reaction[]): Posts {
    const post = posts[postId];
    return post ? {...posts, [postId]: {...post, metadata: {...post.metadata, reactions}} as Post} : posts;
}

function sameReaction(a: Reaction, b: Reaction): boolean {
    return a.user_id === b.user_id && a.emoji_name === b.emoji_name;
}

/** Root posts (not replies), oldest first. */
export function rootsOf(posts: Posts): Post[] {
    return Object.values(posts).filter((p) => !p.root_id).sort(byCreation);
}

/** A thread: its root, then its replies, oldest first. */
export function threadOf(posts: Posts, rootId: string): Post[] {
    return Object.values(posts).filter((p) => p.id === rootId || p.root_id === rootId).sort(byCreation);
}

export function replyCount(posts: Posts, root: Post): number {
    const loaded = Object.values(posts).filter((p) => p.root_id === root.id).length;
    return Math.max(loaded, root.reply_count ?? 0);
}

function byCreation(a: Post, b: Post): number {
    return a.create_at - b.create_at || a.id.localeCompare(b.id);
}

/** Reactions grouped by emoji, in the order each emoji was first used. */
export function reactionGroups(post: Post): {emoji: string; userIds: string[]}[] {
    const groups = new Map<string, string[]>();
    for (const r of [...(post.metadata?.reactions ?? [])].sort((a, b) => a.create_at - b.create_at)) {
        groups.set(r.emoji_name, [...(groups.get(r.emoji_name) ?? []), r.user_id]);
    }
    return [...groups].map(([emoji, userIds]) => ({emoji, userIds}));
}
