// The user's teams and, in the chosen team, the channels they are in (direct messages included, as
// GET /users/me/teams/{team}/channels returns them); reloaded when the WebSocket says they changed.
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';
import {client} from '../api/client';
import {useLiveEvents, useResyncCount} from '../api/live';

const MEMBERSHIP_EVENTS = new Set(['channel_created', 'direct_added', 'group_added', 'user_added',
    'user_removed', 'channel_updated', 'channel_deleted', 'added_to_team', 'leave_team']);

export function useTeams(onError: (error: unknown) => void): Team[] | undefined {
    const [teams, setTeams] = useState<Team[]>();
    const load = useCallback(() => {
        client.getMyTeams().then(setTeams, (e) => {
            setTeams([]);
            onError(e);
        });
    }, [onError]);
    useEffect(() => {
        load();
    }, [load]);
    useLiveEvents((message) => {
        if (message.event === 'added_to_team' || message.event === 'leave_team') {
            load();
        }
    });
    return teams;
}

export type MyChannels = {
    channels: Channel[] | undefined;
    reload(): Promise<void>;
    /** Adds a channel the page learnt of another way (one just opened, or one a live post came from). */
    add(channel: Channel): void;
};

export function useMyChannels(teamId: string | undefined, onError: (error: unknown) => void): MyChannels {
    const [listed, setListed] = useState<Channel[]>();
    const [added, setAdded] = useState<Channel[]>([]);
    const resyncs = useResyncCount();
    const reload = useCallback(async () => {
        if (!teamId) {
            return;
        }
        try {
            setListed((await client.getMyChannels(teamId)).filter((c) => !c.delete_at));
        } catch (e) {
            setListed((held) => held ?? []);
            onError(e);
        }
    }, [teamId, onError]);
    useEffect(() => {
        setListed(undefined);
        setAdded([]);
        void reload();
    }, [reload]);
    useEffect(() => {
        if (resyncs > 0) {
            void reload(); // events may have been missed: list afresh, in place
        }
    }, [resyncs, reload]);
    const add = useCallback((channel: Channel) => {
        if (!channel.team_id || channel.team_id === teamId) { // direct and group channels belong to every team
            setAdded((held) => [...held.filter((c) => c.id !== channel.id), channel]);
        }
    }, [teamId]);
    const channels = useMemo(() => listed && [...listed, ...added.filter((a) => !listed.some((c) => c.id === a.id))],
        [listed, added]);
    useLiveEvents((message) => {
        if (MEMBERSHIP_EVENTS.has(message.event)) {
            void reload();
        }
    });
    return {channels, reload, add};
}

/** The other person of a direct-message channel (named "{id}__{id}"), or the user for a note to self. */
export function directPartner(channel: Channel, myId: string): string {
    const [a, b] = channel.name.split('__');
    return a === myId ? b : a;
}

export function isDirect(channel: Channel): boolean {
    return channel.type === 'D';
}
