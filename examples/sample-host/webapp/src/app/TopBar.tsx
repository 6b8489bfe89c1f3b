import {navigate} from './router';
import {useMe, useSession} from './session';

export function TopBar({page}: {page: string}) {
    const me = useMe();
    const {logout} = useSession();
    return (
        <header className='top-bar'>
            <span className='brand'>pyplugins sample host</span>
            <nav>
                <a href='/' className={page === 'chat' ? 'active' : ''} data-testid='nav-chat'
                    onClick={(e) => { e.preventDefault(); navigate('/'); }}>Chat</a>
                <a href='/console' className={page === 'console' ? 'active' : ''} data-testid='nav-console'
                    onClick={(e) => { e.preventDefault(); navigate('/console'); }}>Console</a>
            </nav>
            <span className='me' data-testid='me'>@{me.username}</span>
            <button type='button' className='link' data-testid='logout' onClick={() => void logout()}>Log out</button>
        </header>
    );
}
