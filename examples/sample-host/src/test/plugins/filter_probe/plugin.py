"""Test plugin: "Will" hook handlers that fail, written as for Mattermost's SDK. Their failures must
reject what they filter ("Plugin error: ..."), not let it through: docs/python-sdk.md, "Will" hooks."""

from mattermost_plugin import HookName, Plugin, hook


class FilterProbe(Plugin):
    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        if "crash" in post.message:
            raise RuntimeError("the filter crashed")
        return None, ""

    @hook(HookName.MessageWillBeUpdated)
    def message_will_be_updated(self, context, new_post, old_post):
        if "crash" in new_post.message:
            raise RuntimeError("the edit filter crashed")
        return None, ""

    @hook(HookName.ConfigurationWillBeSaved)
    def configuration_will_be_saved(self, config):
        if b"refuse" in config.json:
            raise ValueError("the probe refuses this configuration")
        return None


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(FilterProbe)
