import {useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {client, errorDetail, errorText} from '../api/client';

/** Installs a plugin from a bundle (a .tar.gz with plugin.json at its top), as POST /plugins does. */
export function UploadBundle({refresh}: {refresh(): Promise<void>}) {
    const input = useRef<HTMLInputElement>(null);
    const [file, setFile] = useState<File>();
    const [replace, setReplace] = useState(false);
    const [busy, setBusy] = useState(false);
    const [message, setMessage] = useState('');
    const [error, setError] = useState('');
    const [detail, setDetail] = useState('');

    async function upload(event: FormEvent) {
        event.preventDefault();
        if (!file) {
            return;
        }
        setBusy(true);
        setError('');
        setDetail('');
        setMessage('');
        try {
            const manifest = await client.uploadPlugin(file, replace);
            setMessage(`Installed ${manifest.name || manifest.id} ${manifest.version}.`);
            setFile(undefined);
            if (input.current) {
                input.current.value = '';
            }
        } catch (e) {
            setError(errorText(e));
            setDetail(errorDetail(e));
        } finally {
            setBusy(false);
            await refresh();
        }
    }

    return (
        <form className='upload' onSubmit={(e) => void upload(e)} data-testid='upload-form'>
            <h2>Install a plugin</h2>
            <p className='hint'>A bundle is a <code>.tar.gz</code> with the plugin's <code>plugin.json</code> and its code; its venv is made on install.</p>
            <input ref={input} type='file' accept='.tar.gz,.tgz,application/gzip' data-testid='bundle-file'
                onChange={(e) => setFile(e.target.files?.[0])}/>
            <label className='inline'>
                <input type='checkbox' checked={replace} onChange={(e) => setReplace(e.target.checked)}/> replace an installed version
            </label>
            <button type='submit' disabled={!file || busy} data-testid='upload-bundle'>{busy ? 'Installing…' : 'Upload'}</button>
            {message && <p className='ok' data-testid='upload-result'>{message}</p>}
            {error && <p className='error' role='alert' data-testid='upload-error'>{error}</p>}
            {detail && <pre className='detail'>{detail}</pre>}
        </form>
    );
}
