import type {ManifestSetting} from './plugins';

type Props = {setting: ManifestSetting; value: unknown; onChange(value: unknown): void};

/** One setting of a settings_schema, as the input its type calls for. */
export function SettingInput({setting, value, onChange}: Props) {
    const id = `setting-${setting.key}`;
    const help = typeof setting.help_text === 'string' ? setting.help_text : '';
    const text = value === undefined || value === null ? '' : String(value);
    return (
        <div className='setting' data-testid='setting' data-key={setting.key}>
            <label htmlFor={id}>{setting.display_name || setting.key}</label>
            {input()}
            {help && <small className='hint'>{help}</small>}
        </div>
    );

    function input() {
        switch (setting.type) {
        case 'bool':
            return <input id={id} type='checkbox' checked={value === true || value === 'true'} onChange={(e) => onChange(e.target.checked)}/>;
        case 'number':
            return <input id={id} type='number' value={text} placeholder={setting.placeholder}
                onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}/>;
        case 'longtext':
            return <textarea id={id} value={text} rows={4} placeholder={setting.placeholder} onChange={(e) => onChange(e.target.value)}/>;
        case 'dropdown':
            return (
                <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
                    {(setting.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.display_name}</option>)}
                </select>
            );
        case 'radio':
            return (
                <span id={id} className='radios'>
                    {(setting.options ?? []).map((o) => (
                        <label key={o.value} className='inline'>
                            <input type='radio' name={id} value={o.value} checked={text === o.value} onChange={() => onChange(o.value)}/> {o.display_name}
                        </label>
                    ))}
                </span>
            );
        case 'generated':
            return (
                <span className='generated'>
                    <input id={id} value={text} readOnly/>
                    <button type='button' onClick={() => onChange(randomKey())}>Regenerate</button>
                </span>
            );
        case 'custom':
            return <span className='hint'>(a custom setting: the plugin's own webapp would show it)</span>;
        default: // text, username, and any type this page does not know
            return <input id={id} type={setting.secret ? 'password' : 'text'} value={text} autoComplete='off'
                placeholder={setting.placeholder} data-secret={setting.secret ? 'true' : undefined}
                onChange={(e) => onChange(e.target.value)}/>;
        }
    }
}

/** A new value for a "generated" setting: 32 random characters, as Mattermost's console makes them. */
function randomKey(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '').slice(0, 32);
}
