"""Agent: two AI bots (OpenAI and Anthropic models through LangChain) that answer direct messages and
@mentions in threads, stream their answers into the post, use tools from MCP servers, and ask before running
the tools an administrator marked "ask". See README.md.
"""

from __future__ import annotations

from typing import Any

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Command

USAGE = "`/agent approve|deny [id]` in a thread, or `/agent status`."


class AgentPlugin(Plugin):
    agent: Any = None  # agent_plugin.agent.Agent while active

    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        # LangChain and the provider SDKs take seconds to import: here, not before the handshake.
        from agent_plugin.agent import Agent

        self.agent = Agent(self.api, self.logger, self.config.plugin_id)
        try:
            self.agent.load()
        except Exception:
            self.agent.stop()
            raise  # SettingsError lists every bad setting: the host shows it as the reason activation failed
        self.api.register_command(Command(trigger="agent", display_name="Agent", auto_complete=True,
                                          auto_complete_desc="Approve or deny a tool call; status",
                                          auto_complete_hint="approve|deny [id] | status"))

    @hook(HookName.OnConfigurationChange)
    def on_configuration_change(self) -> None:
        if self.agent is None:
            return  # not active yet: OnActivate loads the settings
        from agent_plugin.settings import SettingsError

        try:
            self.agent.load()
        except SettingsError as e:
            self.logger.error("%s; the previous settings stay in force", e)

    @hook(HookName.OnDeactivate)
    def on_deactivate(self) -> None:
        if self.agent:
            self.agent.stop()
            self.agent = None

    @hook(HookName.MessageHasBeenPosted)
    def message_has_been_posted(self, context, post) -> None:
        if self.agent:
            self.agent.post_arrived(post)  # returns at once; the answer streams in the background

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        if self.agent is None:
            return {"response_type": "ephemeral", "text": "The agent is not running."}
        try:
            return self.agent.command(args)
        except Exception as e:
            self.logger.exception("/agent failed")
            return {"response_type": "ephemeral", "text": f"/agent failed: {e}. {USAGE}"}


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(AgentPlugin)
