// Names for user ids (post authors, direct-message partners), fetched in batches as ids show up.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {UserProfile} from '@mattermost/types/users';
import {client} from '../api/client';

export type Users = {
    byId: Readonly<Record<string, UserProfile>>;
    /** Asks for the users not yet known among these ids. */
    want(ids: Iterable<string>): void;
    /** A user's @name, or a short form of the id while it is unknown. */
    name(id: string): string;
};

export function useUsers(seed: UserProfile): Users {
    const [byId, setById] = useState<Record<string, UserProfile>>({[seed.id]: seed});
    const requested = useRef(new Set<string>([seed.id]));
    const [pending, setPending] = useState<string[]>([]);

    const want = useCallback((ids: Iterable<string>) => {
        const fresh = [...new Set(ids)].filter((id) => id && !requested.current.has(id));
        if (fresh.length > 0) {
            fresh.forEach((id) => requested.current.add(id));
            setPending((held) => [...held, ...fresh]);
        }
    }, []);

    useEffect(() => {
        if (pending.length === 0) {
            return;
        }
        setPending([]);
        client.getProfilesByIds(pending).then((users) => {
            setById((held) => ({...held, ...Object.fromEntries(users.map((u) => [u.id, u]))}));
        }, () => pending.forEach((id) => requested.current.delete(id)));
    }, [pending]);

    const name = useCallback((id: string) => (byId[id] ? byId[id].username : id.slice(0, 8)), [byId]);
    return {byId, want, name};
}
