"""Test plugin: the first link of the MessageWillBePosted chain ("test.chain" sorts before "test.hooks").
It turns "step1" into "step2" (which test.hooks turns into "step3") and rejects "veto" before test.hooks
sees it."""

from mattermost_plugin import HookName, Plugin, hook


class ChainProbe(Plugin):
    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        if "veto" in post.message:
            return None, "chain vetoed"
        if "step1" in post.message:
            post.message = post.message.replace("step1", "step2")
            return post, ""
        return None, ""


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(ChainProbe)
