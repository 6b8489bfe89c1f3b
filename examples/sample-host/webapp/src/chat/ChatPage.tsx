import {useEffect, useState} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {Post} from '@mattermost/types/posts';
import {client} from '../api/client';
import {decoded, useLiveEvents} from '../api/live';
import {channelPath, navigate} from '../app/router';
import {useMe, useSession} from '../app/session';
import {ChannelView} from './ChannelView';
import {PluginEvents} from './PluginEvents';
import {Sidebar} from './Sidebar';
import {useMyChannels, useTeams} from './useChannels';
import {useUsers} from './useUsers';

/** The chat: teams and channels on the left, the channel's posts in the middle, a thread on the right. */
export function ChatPage({team, channel}: {team?: string; channel?: string}) {
    const me = useMe();
    const {check} = useSession();
    const users = useUsers(me);
    const teams = useTeams(check);
    const currentTeam = teams?.find((t) => t.name === team) ?? teams?.[0];
    const {channels, add} = useMyChannels(currentTeam?.id, check);
    const currentChannel = channels && (channels.find((c) => c.name === channel) ?? defaultChannel(channels));
    const [unread, setUnread] = useState<ReadonlySet<string>>(new Set());

    useEffect(() => {
        if (currentTeam && currentChannel && (team !== currentTeam.name || channel !== currentChannel.name)) {
            navigate(channelPath(currentTeam.name, currentChannel.name), true);
        }
    }, [currentTeam, currentChannel, team, channel]);

    useEffect(() => {
        if (currentChannel) {
            setUnread((held) => without(held, currentChannel.id));
        }
    }, [currentChannel]);

    useLiveEvents((message) => {
        if (message.event === 'posted') {
            const post = decoded<Post>(message.data.post);
            if (channels && !channels.some((c) => c.id === post.channel_id)) {
                // A channel new to this page (a direct message someone just opened), as Mattermost's app does.
                client.getChannel(post.channel_id).then(add, () => undefined);
            }
            if (post.channel_id !== currentChannel?.id && post.user_id !== me.id) {
                setUnread((held) => new Set(held).add(post.channel_id));
            }
        }
    });

    if (teams && teams.length === 0) {
        return <main className='empty'>You are in no team yet: ask the host's administrator to add you to one.</main>;
    }
    if (!currentTeam || !channels || !currentChannel) {
        return <main className='loading'>Loading channels…</main>;
    }
    return (
        <div className='chat'>
            <Sidebar teams={teams ?? []} team={currentTeam} channels={channels} current={currentChannel}
                unread={unread} users={users} addChannel={add}/>
            <ChannelView key={currentChannel.id} team={currentTeam} channel={currentChannel} users={users}/>
            <PluginEvents/>
        </div>
    );
}

function defaultChannel(channels: Channel[]): Channel | undefined {
    return channels.find((c) => c.name === 'town-square') ?? channels.find((c) => c.type === 'O') ?? channels[0];
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
    if (!set.has(id)) {
        return set;
    }
    const next = new Set(set);
    next.delete(id);
    return next;
}
