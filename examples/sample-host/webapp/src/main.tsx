import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './app/App';
import {SessionProvider} from './app/session';
import './styles.css';

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <SessionProvider>
            <App/>
        </SessionProvider>
    </StrictMode>,
);
