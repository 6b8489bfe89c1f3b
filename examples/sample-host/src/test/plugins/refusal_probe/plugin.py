"""Test plugin: OnActivate returns an error string, as a Go plugin returns an error; activation must fail."""

from mattermost_plugin import HookName, Plugin, hook


class RefusalProbe(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self):
        return "the probe refuses to start"


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(RefusalProbe)
