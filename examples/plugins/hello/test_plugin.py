"""Tests of the hello plugin without a host: a FakeAPI stands in for the server, and HookCaller calls the
hooks through the same conversion code as the real plugin server. Run: venv/bin/python -m unittest -v
"""

import json
import unittest

from google.protobuf.struct_pb2 import Struct
from mattermost_plugin.models import CommandArgs, HTTPRequestHead, PluginContext, Post
from mattermost_plugin.testing import FakeAPI, HookCaller

from plugin import HelloPlugin


class HelloPluginTest(unittest.TestCase):
    def setUp(self):
        self.api = FakeAPI()
        self.api.stub(self.api.get_server_version).returns("10.11.0")
        # What a host answers before any configuration is saved: the manifest's default.
        defaults = Struct()
        defaults.update({"BlockedWord": "badword"})
        self.api.stub(self.api.load_plugin_configuration).returns(defaults)
        self.api.stub(self.api.register_command).returns(None)
        self.kv: dict[str, bytes] = {}
        self.api.stub(self.api.kv_get).calls(lambda key: self.kv.get(key, b""))
        self.api.stub(self.api.kv_compare_and_set).calls(self.compare_and_set)
        self.hooks = HookCaller(HelloPlugin(api=self.api))
        self.hooks.on_activate()

    def compare_and_set(self, key, old_value, new_value):
        if self.kv.get(key, b"") != old_value:
            return False
        self.kv[key] = new_value
        return True

    def test_activation_registers_the_hello_command(self):
        (call,) = self.api.calls_to(self.api.register_command)
        self.assertEqual(call["command"].trigger, "hello")

    def test_the_blocked_word_rejects_a_message(self):
        answer = self.hooks.message_will_be_posted(PluginContext(), Post(message="what a BADWORD"))
        self.assertIn("badword", answer.rejection_reason)

    def test_a_typo_is_fixed_and_other_messages_pass_unchanged(self):
        fixed = self.hooks.message_will_be_posted(PluginContext(), Post(message="teh end"))
        unchanged = self.hooks.message_will_be_posted(PluginContext(), Post(message="fine"))
        self.assertEqual(fixed.post.message, "the end")
        self.assertFalse(unchanged.HasField("post"))
        self.assertEqual(unchanged.rejection_reason, "")

    def test_hello_greets_by_name_and_counts(self):
        first = self.hooks.execute_command(PluginContext(), CommandArgs(command="/hello Ada"))
        second = self.hooks.execute_command(PluginContext(), CommandArgs(command="/hello"))
        self.assertEqual(first.text, "Hello, Ada! You are greeting #1.")
        self.assertEqual(second.text, "Hello, world! You are greeting #2.")
        self.assertEqual(first.response_type, "ephemeral")

    def test_the_http_route_answers_json(self):
        exchange = self.hooks.serve_http(PluginContext(), HTTPRequestHead(method="GET", url="/hello"))
        self.assertEqual(exchange.status_code, 200)
        self.assertEqual(json.loads(exchange.text)["greetings"], 1)
        self.assertEqual(self.hooks.serve_http(PluginContext(), HTTPRequestHead(url="/nope")).status_code, 404)

    def test_a_new_blocked_word_applies_after_a_configuration_change(self):
        config = Struct()
        config.update({"BlockedWord": "Rats"})
        self.api.stub(self.api.load_plugin_configuration).returns(config)
        self.hooks.on_configuration_change()
        answer = self.hooks.message_will_be_posted(PluginContext(), Post(message="oh rats"))
        self.assertIn("rats", answer.rejection_reason)


if __name__ == "__main__":
    unittest.main()
