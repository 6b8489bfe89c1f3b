// Who is logged in. The host keeps the session in Mattermost's cookies (MMAUTHTOKEN, MMCSRF), so a
// reload asks GET /users/me and goes on where it was; a 401 at any time means "log in again".
import {createContext, useCallback, useContext, useEffect, useMemo, useState} from 'react';
import type {ReactNode} from 'react';
import type {UserProfile} from '@mattermost/types/users';
import {client, isUnauthorized} from '../api/client';
import {connectLive, disconnectLive} from '../api/live';

type Session = {
    /** The logged-in user; null when nobody is, undefined while the page finds out. */
    me: UserProfile | null | undefined;
    login(loginId: string, password: string): Promise<void>;
    logout(): Promise<void>;
    /** Call with an error from any host call: a 401 ends the session on the page too. */
    check(error: unknown): void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({children}: {children: ReactNode}) {
    const [me, setMe] = useState<UserProfile | null | undefined>(undefined);

    useEffect(() => {
        client.getMe().then(setMe, () => setMe(null));
    }, []);

    useEffect(() => {
        if (me) {
            connectLive();
        } else if (me === null) {
            disconnectLive();
        }
    }, [me]);

    const login = useCallback(async (loginId: string, password: string) => {
        setMe(await client.login(loginId, password));
    }, []);

    const logout = useCallback(async () => {
        try {
            await client.logout();
        } finally {
            client.setToken('');
            setMe(null);
        }
    }, []);

    const check = useCallback((error: unknown) => {
        if (isUnauthorized(error)) {
            setMe(null);
        }
    }, []);

    const session = useMemo(() => ({me, login, logout, check}), [me, login, logout, check]);
    return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
    const session = useContext(SessionContext);
    if (!session) {
        throw new Error('useSession outside SessionProvider');
    }
    return session;
}

/** The logged-in user, for views shown only then. */
export function useMe(): UserProfile {
    const {me} = useSession();
    if (!me) {
        throw new Error('useMe without a logged-in user');
    }
    return me;
}
