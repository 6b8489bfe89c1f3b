import type {LastFailure} from './plugins';

/** The runtime's last failure of a plugin: what kind, when, its exit code and the tail of its stderr. */
export function FailureDetails({failure}: {failure: LastFailure}) {
    const when = failure.at ? new Date(failure.at).toLocaleString() : '';
    return (
        <span className='failure'>
            <span className='error'>{failure.kind}: {failure.message}</span>
            {(when || failure.exit_code !== undefined) && (
                <span className='hint'> ({[when, failure.exit_code !== undefined ? `exit code ${failure.exit_code}` : ''].filter(Boolean).join(', ')})</span>
            )}
            {failure.stderr_tail && failure.stderr_tail.length > 0 && (
                <details>
                    <summary>stderr</summary>
                    <pre>{failure.stderr_tail.join('\n')}</pre>
                </details>
            )}
        </span>
    );
}
