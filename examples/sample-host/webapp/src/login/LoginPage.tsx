import {useState} from 'react';
import type {FormEvent} from 'react';
import {errorText} from '../api/client';
import {useSession} from '../app/session';

/** Mattermost's login: a username (or email) and a password, POST /api/v4/users/login. */
export function LoginPage() {
    const {login} = useSession();
    const [loginId, setLoginId] = useState('');
    const [password, setPassword] = useState('');
    const [error, setError] = useState('');
    const [busy, setBusy] = useState(false);

    async function submit(event: FormEvent) {
        event.preventDefault();
        setBusy(true);
        setError('');
        try {
            await login(loginId.trim(), password);
        } catch (e) {
            setError(errorText(e));
            setBusy(false);
        }
    }

    return (
        <main className='login'>
            <form onSubmit={(e) => void submit(e)} data-testid='login-form'>
                <h1>pyplugins sample host</h1>
                <p className='hint'>Chat with users and Python plugins, and run the plugins from the console.</p>
                <label>
                    Username or email
                    <input name='login_id' autoComplete='username' autoFocus value={loginId}
                        onChange={(e) => setLoginId(e.target.value)}/>
                </label>
                <label>
                    Password
                    <input name='password' type='password' autoComplete='current-password' value={password}
                        onChange={(e) => setPassword(e.target.value)}/>
                </label>
                {error && <p className='error' role='alert' data-testid='login-error'>{error}</p>}
                <button type='submit' disabled={busy || !loginId || !password}>Log in</button>
            </form>
        </main>
    );
}
