import {useEffect} from 'react';
import {ChatPage} from '../chat/ChatPage';
import {ConsolePage} from '../console/ConsolePage';
import {LoginPage} from '../login/LoginPage';
import {navigate, routeOf, usePath} from './router';
import {useSession} from './session';
import {TopBar} from './TopBar';

/** Login when nobody is logged in, otherwise the chat or the console, under one top bar. */
export function App() {
    const {me} = useSession();
    const route = routeOf(usePath());

    useEffect(() => {
        if (me === null && route.page !== 'login') {
            const back = window.location.pathname + window.location.search;
            navigate(back === '/' ? '/login' : `/login?redirect_to=${encodeURIComponent(back)}`, true);
        } else if (me && route.page === 'login') {
            navigate(new URLSearchParams(window.location.search).get('redirect_to') || '/', true);
        }
    }, [me, route.page]);

    if (me === undefined) {
        return <p className='loading'>Loading…</p>;
    }
    if (me === null) {
        return <LoginPage/>;
    }
    return (
        <div className='app'>
            <TopBar page={route.page}/>
            {route.page === 'console' ? <ConsolePage/> : <ChatPage team={route.page === 'chat' ? route.team : undefined} channel={route.page === 'chat' ? route.channel : undefined}/>}
        </div>
    );
}
