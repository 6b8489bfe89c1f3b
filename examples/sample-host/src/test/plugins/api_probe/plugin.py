"""Test plugin: exercises one area of the Plugin API from Python per request.

POST /run/<area> runs the scenario of that area with self.api, checking what it can itself, and answers
{"ok": true, ...observations} or {"ok": false, "error": ..., "traceback": ...}. The Java test then checks
the observations against the host's side.
"""

import json
import threading
import time
import traceback
import uuid

from google.protobuf.struct_pb2 import Struct, Value
from mattermost_plugin import HookName, NotFoundError, NotSupportedError, Plugin, ValidationError, hook
from mattermost_plugin.models import (
    Bot, BotGetOptions, BotPatch, Channel, CommandArgs, Command, PluginKVSetOptions, Post, Preference, Reaction,
    Team, User, UserGetOptions,
)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def expect_error(error_type, call, *args):
    try:
        call(*args)
    except error_type as e:
        return e
    raise AssertionError(f"{call.__name__}{args} did not raise {error_type.__name__}")


class ApiProbe(Plugin):
    config_changes = 0
    config_changed = threading.Event()

    @hook(HookName.OnConfigurationChange)
    def on_configuration_change(self):
        type(self).config_changes += 1
        self.config_changed.set()

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        return {"response_type": "ephemeral", "text": f"api probe got {args.command}"}

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        area = r.url.removeprefix("/run/")
        scenario = getattr(self, "run_" + area, None)
        w.set_header("Content-Type", "application/json")
        if r.method != "POST" or scenario is None:
            w.write_header(404)
            w.write(json.dumps({"ok": False, "error": f"no scenario {area!r}"}))
            return
        try:
            result = {"ok": True, **(scenario() or {})}
        except Exception as e:  # reported to the Java test, which fails with it
            result = {"ok": False, "error": repr(e), "traceback": traceback.format_exc()}
        w.write(json.dumps(result))

    # ---- scenarios -------------------------------------------------------------------------------------

    def run_server(self):
        return {"version": self.api.get_server_version(), "plugin_id": self.api.get_plugin_id()}

    def run_logging(self):
        self.api.log_debug("probe debug", [])
        self.api.log_info("probe info", [Value(string_value="answer"), Value(number_value=42)])
        self.api.log_warn("probe warn", [Value(string_value="who"), Value(string_value="me")])
        self.api.log_error("probe error", [])

    def new_user(self, prefix="user"):
        name = unique(prefix)
        return self.api.create_user(User(username=name, email=f"{name}@example.com", first_name="Probe"))

    def run_users(self):
        user = self.new_user()
        assert self.api.get_user(user.id).username == user.username
        assert self.api.get_user_by_username(user.username).id == user.id
        assert self.api.get_user_by_email(user.email).id == user.id
        user.nickname = "nick"
        assert self.api.update_user(user).nickname == "nick"
        assert [u.id for u in self.api.get_users_by_ids([user.id])] == [user.id]
        assert [u.id for u in self.api.get_users_by_usernames([user.username])] == [user.id]
        assert user.id in [u.id for u in self.api.get_users(UserGetOptions(page=0, per_page=200))]
        self.api.update_user_active(user.id, False)
        assert self.api.get_user(user.id).delete_at > 0
        self.api.update_user_active(user.id, True)
        assert self.api.get_user(user.id).delete_at == 0
        taken = expect_error(ValidationError, self.api.create_user, User(username=user.username))
        missing = expect_error(NotFoundError, self.api.get_user, "no-such-user")
        return {"user_id": user.id, "taken_status": taken.status_code, "missing_status": missing.status_code}

    def new_team(self):
        name = unique("team")
        return self.api.create_team(Team(name=name, display_name=name.title(), type="O"))

    def run_teams(self):
        team = self.new_team()
        user = self.new_user()
        assert self.api.get_team(team.id).name == team.name
        assert self.api.get_team_by_name(team.name).id == team.id
        assert team.id in [t.id for t in self.api.get_teams()]
        self.api.create_team_member(team.id, user.id)
        assert self.api.get_team_member(team.id, user.id).user_id == user.id
        assert [m.user_id for m in self.api.get_team_members(team.id, 0, 10)] == [user.id]
        assert [t.id for t in self.api.get_teams_for_user(user.id)] == [team.id]
        assert [u.id for u in self.api.get_users_in_team(team.id, 0, 10)] == [user.id]
        self.api.delete_team_member(team.id, user.id, "")
        expect_error(NotFoundError, self.api.get_team_member, team.id, user.id)
        return {"team_id": team.id, "user_id": user.id}

    def run_channels(self):
        team = self.new_team()
        user, adder = self.new_user(), self.new_user("adder")
        for member in (user, adder):
            self.api.create_team_member(team.id, member.id)
        channel = self.api.create_channel(Channel(team_id=team.id, name=unique("chan"), display_name="Chan", type="O"))
        assert self.api.get_channel(channel.id).name == channel.name
        assert self.api.get_channel_by_name(team.id, channel.name, False).id == channel.id
        assert self.api.get_channel_by_name_for_team_name(team.name, channel.name, False).id == channel.id
        assert channel.id in [c.id for c in self.api.get_public_channels_for_team(team.id, 0, 100)]
        self.api.add_channel_member(channel.id, adder.id)
        self.api.add_user_to_channel(channel.id, user.id, adder.id)
        assert self.api.get_channel_member(channel.id, user.id).user_id == user.id
        assert self.api.get_channel_stats(channel.id).member_count == 2
        assert len(self.api.get_channel_members(channel.id, 0, 10)) == 2
        assert [c.id for c in self.api.get_channels_for_team_for_user(team.id, user.id, False)] == [channel.id]
        assert [u.id for u in self.api.get_users_in_channel(channel.id, "username", 0, 10)] == sorted(
            [user.id, adder.id], key=lambda i: self.api.get_user(i).username)
        self.api.delete_channel_member(channel.id, user.id)
        expect_error(NotFoundError, self.api.get_channel_member, channel.id, user.id)
        channel.purpose = "testing"
        assert self.api.update_channel(channel).purpose == "testing"
        return {"channel_id": channel.id}

    def run_direct(self):
        a, b = self.new_user("a"), self.new_user("b")
        first = self.api.get_direct_channel(a.id, b.id)
        second = self.api.get_direct_channel(b.id, a.id)
        assert first.id == second.id and first.type == "D"
        assert sorted(m.user_id for m in self.api.get_channel_members(first.id, 0, 10)) == sorted([a.id, b.id])
        return {"channel_id": first.id}

    def channel_with_user(self):
        user = self.new_user("poster")
        return user, self.api.get_direct_channel(user.id, user.id)

    def run_posts(self):
        user, channel = self.channel_with_user()
        since = int(time.time() * 1000) - 1
        posts = [self.api.create_post(Post(channel_id=channel.id, user_id=user.id, message=f"m{i}")) for i in range(4)]
        assert self.api.get_post(posts[0].id).message == "m0"
        posts[0].message = "m0 edited"
        assert self.api.update_post(posts[0]).message == "m0 edited"
        assert list(self.api.get_posts_for_channel(channel.id, 0, 2).order) == [posts[3].id, posts[2].id]
        assert len(self.api.get_posts_since(channel.id, since).order) == 4
        assert list(self.api.get_posts_before(channel.id, posts[2].id, 0, 10).order) == [posts[1].id, posts[0].id]
        assert list(self.api.get_posts_after(channel.id, posts[1].id, 0, 10).order) == [posts[3].id, posts[2].id]
        self.api.delete_post(posts[3].id)
        expect_error(NotFoundError, self.api.get_post, posts[3].id)
        return {"channel_id": channel.id, "post_ids": [p.id for p in posts]}

    def run_threads(self):
        user, channel = self.channel_with_user()
        root = self.api.create_post(Post(channel_id=channel.id, user_id=user.id, message="root"))
        replies = [self.api.create_post(Post(channel_id=channel.id, user_id=user.id, root_id=root.id, message=f"r{i}"))
                   for i in range(2)]
        thread = self.api.get_post_thread(replies[0].id)
        assert set(thread.order) == {root.id, replies[0].id, replies[1].id}
        assert thread.posts[replies[1].id].root_id == root.id
        return {"root_id": root.id}

    def run_reactions(self):
        user, channel = self.channel_with_user()
        post = self.api.create_post(Post(channel_id=channel.id, user_id=user.id, message="react"))
        self.api.add_reaction(Reaction(user_id=user.id, post_id=post.id, emoji_name="tada"))
        assert [r.emoji_name for r in self.api.get_reactions(post.id)] == ["tada"]
        assert self.api.get_post(post.id).has_reactions
        self.api.remove_reaction(Reaction(user_id=user.id, post_id=post.id, emoji_name="tada"))
        assert list(self.api.get_reactions(post.id)) == []
        return {"post_id": post.id}

    def run_ephemeral(self):
        user, channel = self.channel_with_user()
        sent = self.api.send_ephemeral_post(user.id, Post(channel_id=channel.id, message="only you"))
        assert sent.id and sent.type == "system_ephemeral"
        return {"user_id": user.id, "post_id": sent.id}

    def run_kv(self):
        api = self.api
        api.kv_delete_all()
        api.kv_set("a", b"1")
        assert api.kv_get("a") == b"1" and api.kv_get("missing") is None
        assert api.kv_compare_and_set("a", b"1", b"2") and not api.kv_compare_and_set("a", b"1", b"3")
        assert api.kv_compare_and_set("b", b"", b"new") and not api.kv_compare_and_set("b", b"", b"again")
        assert not api.kv_compare_and_delete("b", b"old") and api.kv_compare_and_delete("b", b"new")
        atomic = PluginKVSetOptions(atomic=True, old_value=b"2")
        assert api.kv_set_with_options("a", b"3", atomic) and not api.kv_set_with_options("a", b"4", atomic)
        for key in ("c", "d", "e"):
            api.kv_set(key, key.encode())
        assert api.kv_list(0, 2) == ["a", "c"] and api.kv_list(1, 2) == ["d", "e"]
        api.kv_delete("c")
        assert api.kv_get("c") is None
        api.kv_set_with_expiry("short", b"x", 1)
        api.kv_set_with_options("short2", b"y", PluginKVSetOptions(expire_in_seconds=1))
        assert api.kv_get("short") == b"x"
        time.sleep(1.3)
        assert api.kv_get("short") is None and api.kv_get("short2") is None
        keys = api.kv_list(0, 100)
        api.kv_delete_all()
        assert api.kv_list(0, 100) == []
        return {"keys": keys}

    def run_bots(self):
        name = unique("bot")
        bot = self.api.create_bot(Bot(username=name, display_name="Probe Bot", description="tests"))
        assert self.api.get_bot(bot.user_id, False).username == name
        assert bot.user_id in [b.user_id for b in self.api.get_bots(BotGetOptions(owner_id=self.config.plugin_id))]
        assert self.api.patch_bot(bot.user_id, BotPatch(display_name="Renamed")).display_name == "Renamed"
        self.api.update_bot_active(bot.user_id, False)
        expect_error(NotFoundError, self.api.get_bot, bot.user_id, False)
        assert self.api.get_bot(bot.user_id, True).delete_at > 0
        assert self.api.ensure_bot_user(Bot(username=name)) == bot.user_id
        assert self.api.get_bot(bot.user_id, False).delete_at == 0
        assert self.api.get_user(bot.user_id).is_bot
        self.api.permanent_delete_bot(bot.user_id)
        expect_error(NotFoundError, self.api.get_bot, bot.user_id, True)
        return {"owner": bot.owner_id}

    def run_preferences(self):
        user = self.new_user()
        prefs = [Preference(user_id=user.id, category="display", name="theme", value="dark"),
                 Preference(user_id=user.id, category="display", name="clock", value="24")]
        self.api.update_preferences_for_user(user.id, prefs)
        assert self.api.get_preference_for_user(user.id, "display", "theme").value == "dark"
        assert sorted(p.name for p in self.api.get_preferences_for_user(user.id)) == ["clock", "theme"]
        self.api.delete_preferences_for_user(user.id, prefs[:1])
        assert [p.name for p in self.api.get_preferences_for_user(user.id)] == ["clock"]
        return {"user_id": user.id}

    def run_commands(self):
        user, channel = self.channel_with_user()
        self.api.register_command(Command(trigger="apiprobe", auto_complete=True))
        assert "apiprobe" in [c.trigger for c in self.api.list_plugin_commands("")]
        response = self.api.execute_slash_command(CommandArgs(command="/apiprobe x", user_id=user.id,
                                                              channel_id=channel.id))
        self.api.unregister_command("", "apiprobe")
        gone = expect_error(NotFoundError, self.api.execute_slash_command, CommandArgs(command="/apiprobe y"))
        return {"text": response.text, "gone_status": gone.status_code}

    def run_config(self):
        before = type(self).config_changes
        self.config_changed.clear()
        config = Struct()
        config.update({"Greeting": "hi", "Count": 3})
        self.api.save_plugin_config(config)
        assert self.config_changed.wait(5), "OnConfigurationChange did not arrive"
        assert self.api.get_plugin_config() == config
        assert self.api.load_plugin_configuration() == config
        return {"changes": type(self).config_changes - before}

    def run_unsupported(self):
        error = expect_error(NotSupportedError, self.api.get_license)
        return {"status": error.status_code, "where": error.where, "message": str(error)}


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(ApiProbe)
