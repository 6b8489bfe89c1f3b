import {useEffect, useState} from 'react';
import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';
import type {UserProfile} from '@mattermost/types/users';
import {client, errorText} from '../api/client';
import {channelPath, navigate} from '../app/router';
import {useMe} from '../app/session';
import {directPartner, isDirect} from './useChannels';
import type {Users} from './useUsers';

type Props = {
    teams: Team[];
    team: Team;
    channels: Channel[];
    current: Channel;
    unread: ReadonlySet<string>;
    users: Users;
    addChannel(channel: Channel): void;
};

export function Sidebar({teams, team, channels, current, unread, users, addChannel}: Props) {
    const me = useMe();
    const shared = channels.filter((c) => !isDirect(c) && c.type !== 'G')
        .sort((a, b) => a.display_name.localeCompare(b.display_name));
    const direct = channels.filter(isDirect);
    const {want} = users;
    useEffect(() => {
        want(direct.map((c) => directPartner(c, me.id)));
    }, [direct, me.id, want]);

    const link = (channel: Channel, label: string) => (
        <li key={channel.id}>
            <a href={channelPath(team.name, channel.name)} data-testid='channel-link' data-channel-name={channel.name}
                className={[channel.id === current.id ? 'active' : '', unread.has(channel.id) ? 'unread' : ''].join(' ')}
                onClick={(e) => { e.preventDefault(); navigate(channelPath(team.name, channel.name)); }}>
                {label}
            </a>
        </li>
    );

    return (
        <aside className='sidebar'>
            {teams.length > 1 ? (
                <select value={team.name} data-testid='team-select' aria-label='Team'
                    onChange={(e) => navigate(`/${encodeURIComponent(e.target.value)}/channels/town-square`)}>
                    {teams.map((t) => <option key={t.id} value={t.name}>{t.display_name || t.name}</option>)}
                </select>
            ) : <h2 className='team-name'>{team.display_name || team.name}</h2>}
            <h3>Channels</h3>
            <ul>{shared.map((c) => link(c, `${c.type === 'P' ? '🔒' : '#'} ${c.display_name || c.name}`))}</ul>
            <h3>Direct messages</h3>
            <ul>{direct.map((c) => link(c, `@${users.name(directPartner(c, me.id))}`))}</ul>
            <NewDirectMessage team={team} addChannel={addChannel}/>
        </aside>
    );
}

/** "Message someone": pick a user, open (or create) the direct channel with them. */
function NewDirectMessage({team, addChannel}: {team: Team; addChannel(channel: Channel): void}) {
    const me = useMe();
    const [people, setPeople] = useState<UserProfile[]>();
    const [error, setError] = useState('');

    async function open() {
        setError('');
        try {
            setPeople((await client.getProfilesInTeam(team.id, 0, 100)).filter((u) => u.id !== me.id));
        } catch (e) {
            setError(errorText(e));
        }
    }

    async function start(user: UserProfile) {
        try {
            const channel = await client.createDirectChannel([me.id, user.id]);
            addChannel(channel);
            setPeople(undefined);
            navigate(channelPath(team.name, channel.name));
        } catch (e) {
            setError(errorText(e));
        }
    }

    return (
        <div className='new-dm'>
            {people === undefined
                ? <button type='button' className='link' data-testid='new-dm' onClick={() => void open()}>+ Message someone</button>
                : (
                    <ul className='people'>
                        {people.length === 0 && <li className='hint'>Nobody else is in this team.</li>}
                        {people.map((u) => (
                            <li key={u.id}>
                                <button type='button' className='link' onClick={() => void start(u)}>@{u.username}</button>
                            </li>
                        ))}
                        <li><button type='button' className='link' onClick={() => setPeople(undefined)}>cancel</button></li>
                    </ul>
                )}
            {error && <p className='error'>{error}</p>}
        </div>
    );
}
