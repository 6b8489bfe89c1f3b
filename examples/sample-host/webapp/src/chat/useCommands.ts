// The slash commands the user may run in a team, as GET /teams/{team}/commands/autocomplete lists them
// (the plugins' registered commands among them). Fetched afresh each time a command is started, since
// plugins register theirs when they activate.
import {useEffect, useState} from 'react';
import type {Command} from '@mattermost/types/integrations';
import {client} from '../api/client';

export function useCommands(teamId: string, active: boolean): Command[] {
    const [commands, setCommands] = useState<Command[]>([]);
    useEffect(() => {
        if (!active) {
            return;
        }
        let current = true;
        client.getAutocompleteCommandsList(teamId, 0, 200).then((list) => {
            if (current) {
                setCommands(list.filter((c) => c.auto_complete !== false));
            }
        }, () => current && setCommands([]));
        return () => {
            current = false;
        };
    }, [teamId, active]);
    return commands;
}

/** What to offer for the text typed so far: commands whose trigger starts with it, before any argument. */
export function matchingCommands(commands: Command[], text: string): Command[] {
    if (!text.startsWith('/')) {
        return [];
    }
    const typed = text.slice(1).toLowerCase();
    if (/\s/.test(typed)) {
        const trigger = typed.split(/\s/)[0];
        return commands.filter((c) => c.trigger.toLowerCase() === trigger);
    }
    return commands.filter((c) => c.trigger.toLowerCase().startsWith(typed))
        .sort((a, b) => a.trigger.localeCompare(b.trigger));
}
