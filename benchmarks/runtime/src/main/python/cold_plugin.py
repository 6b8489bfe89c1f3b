"""The smallest SDK plugin: OnActivate only. The cold-start benchmark times its activation."""

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.server import run_plugin


class Cold(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self):
        return None


if __name__ == "__main__":
    run_plugin(Cold)
