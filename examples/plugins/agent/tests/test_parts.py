"""The parts one by one: settings, routing, memory, streaming, tool naming, and the wire fake's own rules."""

from __future__ import annotations

import json
import unittest
from types import SimpleNamespace

import httpx
from langchain_anthropic import ChatAnthropic
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from mattermost_plugin.models import Channel, Post

from agent_plugin import settings as settings_module
from agent_plugin.bots import Bots
from agent_plugin.mcp_tools import namespaced, offer
from agent_plugin.memory import CONTINUES, thread_messages, within_budget
from agent_plugin.routing import direct_partner, first_mentioned
from agent_plugin.settings import SettingsError
from agent_plugin.streaming import PLACEHOLDER, ReplyStream, split_point
from tests.support import wire_fake


class SettingsTest(unittest.TestCase):
    def test_every_problem_is_named_with_its_setting(self):
        with self.assertRaises(SettingsError) as caught:
            settings_module.parse({"OpenAIBotUsername": "Not Valid!", "MaxAgentSteps": "many",
                                   "McpServers": '[{"name": "a", "transport": "ftp"}, {"name": "bad name"}]'})
        text = str(caught.exception)
        self.assertIn("OpenAIBotUsername: 'not valid!' must be", text)
        self.assertIn("MaxAgentSteps: 'many' is not a whole number", text)
        self.assertIn("McpServers[0].transport: 'ftp' must be stdio or http", text)
        self.assertIn("McpServers[1].name: 'bad name'", text)

    def test_secrets_never_appear_in_a_repr(self):
        parsed = settings_module.parse({"OpenAIModel": "m", "AnthropicModel": "m", "OpenAIAPIKey": "sk-secret-1",
                                        "McpServers": json.dumps([{"name": "s", "transport": "http", "url": "http://x",
                                                                   "headers": {"Authorization": "Bearer sk-secret-2"}}])})
        self.assertNotIn("sk-secret", repr(parsed))
        self.assertEqual(parsed.bots[0].api_key, "sk-secret-1")

    def test_keys_are_read_whatever_their_case_as_mattermost_stores_them_lower_cased(self):
        parsed = settings_module.parse({"openaimodel": "gpt-x", "AnthropicModel": "c", "maxagentsteps": 3})
        self.assertEqual((parsed.bots[0].model, parsed.max_steps), ("gpt-x", 3))


class RoutingTest(unittest.TestCase):
    bots = Bots({"u1": SimpleNamespace(username="gpt"), "u2": SimpleNamespace(username="claude")})

    def test_mentions_are_whole_usernames(self):
        self.assertEqual(first_mentioned("hi @claude, and @gpt.", self.bots), "u2")
        self.assertEqual(first_mentioned("ask @gpt.", self.bots), "u1")
        self.assertIsNone(first_mentioned("mail me at ann@gpt or @gpt4", self.bots))

    def test_the_partner_in_a_direct_channel(self):
        self.assertEqual(direct_partner(Channel(type="D", name="a__b"), "a"), "b")
        self.assertEqual(direct_partner(Channel(type="D", name="a__b"), "b"), "a")
        self.assertIsNone(direct_partner(Channel(type="O", name="town-square"), "a"))


class MemoryTest(unittest.TestCase):
    def test_the_thread_becomes_messages_with_split_replies_joined_and_protocol_left_out(self):
        def post(pid, user, message, **props):
            p = Post(id=pid, user_id=user, message=message)
            p.props.update(props)
            return p

        posts = [post("1", "ann", "question"), post("2", "bot", "part one, "), post("3", "bot", "part two", **{CONTINUES: "2"}),
                 post("4", "bot", "Approval needed", agent_kind="approval"), post("5", "ann", "approve"),
                 post("6", "other-bot", "noise"), post("7", "ann", "next question")]
        messages = thread_messages(posts, "bot", {"bot", "other-bot"}, {"ann": "ann"})
        self.assertEqual([(type(m).__name__, m.content) for m in messages],
                         [("HumanMessage", "question"), ("AIMessage", "part one, part two"),
                          ("HumanMessage", "next question")])

    def test_the_oldest_messages_go_first_and_the_newest_question_always_stays(self):
        messages = [HumanMessage("old " * 200), AIMessage("answer " * 200), HumanMessage("recent question")]
        self.assertEqual(within_budget(messages, 100), [messages[-1]])
        self.assertEqual(within_budget(messages, 100_000), messages)
        self.assertEqual(within_budget([HumanMessage("huge " * 5000)], 10)[0].content[:5], "huge ")


class FakeHost:
    def __init__(self):
        self.posts, self.edits = {}, []

    async def create_post(self, post):
        post.id = f"p{len(self.posts)}"
        self.posts[post.id] = post
        return post

    async def update_post(self, post):
        self.edits.append((post.id, post.message))
        return post


class StreamingTest(unittest.IsolatedAsyncioTestCase):
    async def test_edits_are_at_most_one_per_interval_and_the_last_one_has_everything(self):
        host, now = FakeHost(), [0.0]
        stream = ReplyStream(host, "bot", "c", "root", interval=1.0, clock=lambda: now[0])
        await stream.start()
        for i in range(100):  # 100 tokens over 5 s
            now[0] = i * 0.05
            await stream.append(f"t{i} ")
        await stream.finish()
        self.assertLessEqual(len(host.edits), 5 + 1 + 1)
        self.assertEqual(host.edits[-1][1], "".join(f"t{i} " for i in range(100)))
        self.assertEqual(host.posts["p0"].message, host.edits[-1][1])

    async def test_a_reply_over_the_post_limit_continues_in_follow_up_posts(self):
        host = FakeHost()
        stream = ReplyStream(host, "bot", "c", "root", interval=0, limit=100)
        await stream.start()
        await stream.append("word " * 50)
        await stream.finish(note=" end")
        self.assertEqual([len(p.message) <= 100 for p in host.posts.values()], [True, True, True])
        self.assertEqual("".join(p.message for p in host.posts.values()), "word " * 50 + " end")
        self.assertEqual(host.posts["p1"].props.fields[CONTINUES].string_value, "p0")

    async def test_split_points_prefer_paragraphs_then_lines_then_words(self):
        self.assertEqual(split_point("a" * 50 + "\n\n" + "b" * 60, 100), 52)
        self.assertEqual(split_point("x" * 300, 100), 100)
        self.assertNotEqual(PLACEHOLDER, "")


class ToolNamesTest(unittest.TestCase):
    def test_tools_are_namespaced_and_collisions_are_reported_not_shadowed(self):
        def mcp_tool(name):
            return SimpleNamespace(name=name, description="", input_schema={"type": "object"})

        offered, collisions = offer({"a": [mcp_tool("b__c"), mcp_tool("x")], "a__b": [mcp_tool("c")],
                                     "srv": [mcp_tool("x")]})
        self.assertEqual(sorted(t.name for t in offered), ["a__x", "srv__x"])
        self.assertEqual(len(collisions), 1)
        self.assertIn("'b__c' of server 'a'", collisions[0])
        self.assertEqual(namespaced("my server", "do.it"), "my_server__do_it")
        self.assertEqual(len(namespaced("s" * 40, "t" * 40)), 64)


class WireFakeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fake = wire_fake()

    @classmethod
    def tearDownClass(cls):
        cls.fake.shutdown()

    def test_both_providers_answer_tool_calls_without_streaming_too(self):
        @tool
        def demo__forecast(city: str) -> str:
            """Forecast."""
            return city

        for model in (ChatOpenAI(model="m", api_key="k", base_url=self.fake.url + "/v1", use_responses_api=False),
                      ChatAnthropic(model="m", api_key="k", base_url=self.fake.url)):
            weather = model.bind_tools([demo__forecast]).invoke("weather in paris?")
            self.assertEqual(weather.tool_calls[0]["name"], "demo__forecast")
            self.assertEqual(weather.tool_calls[0]["args"], {"city": "Paris"})
            self.assertFalse(self.fake.requests_seen()[-1]["stream"])

    def test_a_changed_thinking_block_is_refused_as_anthropic_does(self):
        model = ChatAnthropic(model="m", api_key="k", base_url=self.fake.url, max_tokens=4096,
                              thinking={"type": "enabled", "budget_tokens": 1024})
        @tool
        def demo__forecast(city: str) -> str:
            """Forecast."""
            return city

        first = model.bind_tools([demo__forecast]).invoke("weather in paris?")
        tampered = [dict(b) for b in first.content]
        tampered[0]["thinking"] = "something else"
        body = {"model": "m", "max_tokens": 4096, "thinking": {"type": "enabled", "budget_tokens": 1024},
                "messages": [{"role": "user", "content": "weather in paris?"},
                             {"role": "assistant", "content": [{k: v for k, v in b.items() if k != "index"}
                                                               for b in tampered]},
                             {"role": "user", "content": [{"type": "tool_result", "content": "sunny",
                                                           "tool_use_id": first.tool_calls[0]["id"]}]}]}
        refused = httpx.post(self.fake.url + "/v1/messages", json=body, headers={"x-api-key": "k"})
        self.assertEqual(refused.status_code, 400)
        self.assertIn("thinking blocks must be passed back unchanged", refused.text)

    def test_without_a_key_the_fake_answers_401_like_the_providers(self):
        response = httpx.post(self.fake.url + "/v1/chat/completions", json={"messages": []})
        self.assertEqual(response.status_code, 401)


if __name__ == "__main__":
    unittest.main()
