"""The plugin end to end without a host: hooks through HookCaller, the host API through an in-memory
workspace, the models through the real LangChain provider classes talking HTTP to the wire fake, tools from a
real MCP server process over stdio."""

from __future__ import annotations

import json
import logging
import unittest

from mattermost_plugin.models import CommandArgs, PluginContext, Post
from mattermost_plugin.testing import HookCaller

from plugin import AgentPlugin
from tests.support import Workspace, config, servers, stdio_server, wire_fake


class ConversationTest(unittest.TestCase):
    settings: dict = {}

    @classmethod
    def setUpClass(cls):
        cls.fake = wire_fake()

    @classmethod
    def tearDownClass(cls):
        cls.fake.shutdown()

    def setUp(self):
        self.fake.reset()
        self.space = Workspace(config(self.fake.url, **self.settings))
        self.logs = self.enterContext(self.assertLogs("agent-test", level="DEBUG"))
        self.plugin = AgentPlugin(api=self.space.api, logger=logging.getLogger("agent-test"))
        self.hooks = HookCaller(self.plugin)
        self.hooks.on_activate()
        self.ann = self.space.user("ann")
        self.addCleanup(self.hooks.on_deactivate)

    def dm(self, bot: str, message: str, root_id: str = "") -> Post:
        bot_id = self.space.bot_id(bot)
        channel = next((c for c in self.space.channels.values() if c.name == "__".join(sorted([self.ann.id, bot_id]))),
                       None) or self.space.direct(self.ann.id, bot_id)
        return self.post(channel.id, message, root_id)

    def post(self, channel_id: str, message: str, root_id: str = "", user_id: str = "") -> Post:
        post = self.space.save_post(Post(user_id=user_id or self.ann.id, channel_id=channel_id, message=message,
                                         root_id=root_id))
        self.hooks.message_has_been_posted(PluginContext(), post)
        self.plugin.agent.worker.wait_idle()
        return post

    def reply_to(self, post: Post, bot: str) -> Post:
        replies = self.space.replies(post.root_id or post.id, self.space.bot_id(bot))
        self.assertTrue(replies, f"@{bot} did not answer")
        return replies[-1]

    def requests(self, script: str) -> list[dict]:
        return [r for r in self.fake.requests_seen() if r["script"] == script]


class DirectMessagesTest(ConversationTest):
    def test_each_bot_answers_its_dm_through_its_own_provider_streamed_with_the_key_from_the_settings(self):
        for bot, provider, key in (("gpt", "openai", "sk-test-openai-secret"),
                                   ("claude", "anthropic", "sk-test-anthropic-secret")):
            question = self.dm(bot, "say hello, please")
            reply = self.reply_to(question, bot)
            self.assertEqual(reply.message, "Hello from the wire fake! You said: say hello, please")
            self.assertEqual(reply.root_id, question.id)
            (request,) = [r for r in self.requests("hello") if r["provider"] == provider]
            self.assertTrue(request["stream"])
            self.assertEqual(request["api_key"], key)
        self.assertFalse(any("sk-test" in line for line in self.logs.output), "a secret reached the log")

    def test_usage_is_logged_and_kept_on_the_reply(self):
        reply = self.reply_to(self.dm("gpt", "say hello"), "gpt")
        usage = json.loads(json.dumps(dict(reply.props.fields["agent_usage"].struct_value)))
        self.assertGreater(usage["input_tokens"], 0)
        self.assertGreater(usage["output_tokens"], 0)
        self.assertTrue(any("usage: bot=@gpt model=gpt-test input_tokens=" in line for line in self.logs.output))

    def test_own_posts_other_bots_and_system_posts_get_no_answer(self):
        gpt = self.space.bot_id("gpt")
        channel = self.space.direct(self.ann.id, gpt)
        other_bot = self.space.user("helper-bot", is_bot=True)
        self.post(channel.id, "say hello from myself", user_id=gpt)
        self.post(channel.id, "say hello from another bot", user_id=other_bot.id)
        system = self.space.save_post(Post(user_id=self.ann.id, channel_id=channel.id, type="system_join_channel",
                                           message="say hello, ann joined"))
        self.hooks.message_has_been_posted(PluginContext(), system)
        self.plugin.agent.worker.wait_idle()
        self.assertEqual(self.fake.requests_seen(), [])

    def test_a_reply_in_the_thread_continues_it_with_the_earlier_posts_as_memory(self):
        first = self.dm("claude", "say hello once")
        self.dm("claude", "how many messages do you see?", root_id=first.id)
        replies = self.space.replies(first.id, self.space.bot_id("claude"))
        self.assertEqual(replies[-1].message, "I see 2 user messages; the first is: say hello once")
        self.assertEqual(len(replies), 2)


class ChannelMentionsTest(ConversationTest):
    def test_a_mention_answers_in_a_thread_and_a_later_reply_there_continues_without_one(self):
        channel = self.space.open_channel()
        question = self.post(channel.id, "@gpt say hello to the channel")
        reply = self.reply_to(question, "gpt")
        self.assertEqual(reply.root_id, question.id)
        self.post(channel.id, "how many messages now?", root_id=question.id)
        self.assertIn("I see 2 user messages", self.reply_to(question, "gpt").message)
        self.post(channel.id, "say hello, nobody mentioned")
        self.assertEqual(len(self.requests("hello")), 1)


class ToolsTest(ConversationTest):
    settings = {"McpServers": servers(stdio_server("demo", tool_policy={"add": "ask"}))}

    def setUp(self):
        super().setUp()
        self.plugin.agent.worker.run(self._until_up())

    async def _until_up(self):
        import asyncio
        for _ in range(200):
            if all(s["up"] for s in self.plugin.agent.hub.status()):
                return
            await asyncio.sleep(0.05)
        self.fail(f"MCP servers not up: {self.plugin.agent.hub.status()}")

    def test_claude_calls_an_mcp_tool_thinking_with_its_blocks_sent_back_unchanged(self):
        reply = self.reply_to(self.dm("claude", "what's the weather in Paris?"), "claude")
        self.assertIn("The forecast for Paris: sunny, 21 °C.", reply.message)
        self.assertIn("`demo__forecast` `{\"city\": \"Paris\"}`", reply.message)
        first, second = self.requests("weather")
        self.assertEqual(first["thinking"], {"type": "enabled", "budget_tokens": 2048})
        self.assertIn("demo__forecast", first["tools"])
        self.assertEqual(second["thinking_blocks_verified"], 1)
        self.assertEqual(second["tool_results"], ["Paris: sunny, 21 °C"])

    def test_an_ask_tool_runs_only_after_the_conversation_owner_approves(self):
        question = self.dm("gpt", "add 2 and 3")
        gpt = self.space.bot_id("gpt")
        request = next(p for p in self.space.replies(question.id, gpt) if "Approval needed" in p.message)
        self.assertIn("`demo__add`", request.message)
        self.assertEqual(len(self.requests("approval")), 1)
        mallory = self.space.user("mallory")
        answer = self.hooks.execute_command(PluginContext(), CommandArgs(
            command="/agent approve", user_id=mallory.id, root_id=question.id, channel_id=question.channel_id))
        self.assertIn("Only @ann", answer.text)
        self.dm("gpt", "approve", root_id=question.id)
        self.plugin.agent.worker.wait_idle()
        self.assertEqual(self.reply_to(question, "gpt").message, "The add tool answered: 5")
        self.assertIn("**Approved** by @ann", self.space.posts[request.id].message)
        self.assertEqual(len(self.requests("approval")), 2)

    def test_three_failures_in_a_row_stop_the_turn_with_an_explanation(self):
        reply = self.reply_to(self.dm("gpt", "break the tool"), "gpt")
        self.assertIn("I stopped: 3 tool calls failed in a row", reply.message)
        self.assertIn("fail was asked to fail: third", reply.message)
        self.assertEqual(len(self.requests("fail-three-times")), 3)

    def test_a_tool_error_goes_back_to_the_model(self):
        reply = self.reply_to(self.dm("claude", "tool error once"), "claude")
        self.assertIn("The tool said: Error executing tool fail: fail was asked to fail: just once", reply.message)

    def test_the_step_cap_ends_a_turn_that_would_never_end(self):
        reply = self.reply_to(self.dm("gpt", "loop forever"), "gpt")
        self.assertEqual(len(self.requests("loop")), 8)
        self.assertIn("limit", reply.message.lower())


if __name__ == "__main__":
    unittest.main()
