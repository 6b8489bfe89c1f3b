"""Test plugin: records every hook the sample host fires into its KV store (so records survive restarts),
changes or rejects posts on cue, and serves its records at GET /records (JSON: hook name -> calls).

Cues: MessageWillBePosted turns "step2" into "step3" and rejects "reject-me"; MessageWillBeUpdated turns
"draft" into "final" and rejects "no-edit"; /probe answers in the channel.
"""

import json

from google.protobuf import json_format
from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Command

PREFIX = "hook."


class HooksProbe(Plugin):
    def record(self, hook_name, /, **details):
        key = PREFIX + hook_name
        while True:
            old = self.api.kv_get(key)
            calls = json.loads(old) if old else []
            calls.append(details)
            if self.api.kv_compare_and_set(key, old, json.dumps(calls).encode()):
                return

    @hook(HookName.OnActivate)
    def on_activate(self):
        self.record("OnActivate")
        self.api.register_command(Command(trigger="probe", display_name="Probe"))

    @hook(HookName.OnDeactivate)
    def on_deactivate(self):
        self.record("OnDeactivate")

    @hook(HookName.OnConfigurationChange)
    def on_configuration_change(self):
        self.record("OnConfigurationChange", config=json_format.MessageToDict(self.api.get_plugin_config()))

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        self.record("MessageWillBePosted", message=post.message, request_id=context.request_id)
        if "reject-me" in post.message:
            return None, "probe says no"
        if "step2" in post.message:
            post.message = post.message.replace("step2", "step3")
            return post, ""
        return None, ""

    @hook(HookName.MessageHasBeenPosted)
    def message_has_been_posted(self, context, post):
        self.record("MessageHasBeenPosted", id=post.id, message=post.message)

    @hook(HookName.MessageWillBeUpdated)
    def message_will_be_updated(self, context, new_post, old_post):
        self.record("MessageWillBeUpdated", new=new_post.message, old=old_post.message)
        if "no-edit" in new_post.message:
            return None, "probe keeps it"
        new_post.message = new_post.message.replace("draft", "final")
        return new_post, ""

    @hook(HookName.MessageHasBeenUpdated)
    def message_has_been_updated(self, context, new_post, old_post):
        self.record("MessageHasBeenUpdated", new=new_post.message, old=old_post.message)

    @hook(HookName.MessageHasBeenDeleted)
    def message_has_been_deleted(self, context, post):
        self.record("MessageHasBeenDeleted", id=post.id, deleted=post.delete_at > 0)

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        self.record("ExecuteCommand", command=args.command, user_id=args.user_id, channel_id=args.channel_id)
        return {"response_type": "in_channel", "text": f"probe ran {args.command}"}

    @hook(HookName.UserHasBeenCreated)
    def user_has_been_created(self, context, user):
        self.record("UserHasBeenCreated", username=user.username, id=user.id)

    @hook(HookName.UserHasBeenDeactivated)
    def user_has_been_deactivated(self, context, user):
        self.record("UserHasBeenDeactivated", username=user.username, deleted=user.delete_at > 0)

    @hook(HookName.ChannelHasBeenCreated)
    def channel_has_been_created(self, context, channel):
        self.record("ChannelHasBeenCreated", name=channel.name, type=channel.type)

    @hook(HookName.UserHasJoinedChannel)
    def user_has_joined_channel(self, context, member, actor):
        self.record("UserHasJoinedChannel", channel_id=member.channel_id, user_id=member.user_id,
                    actor=actor.username if actor else "")

    @hook(HookName.UserHasLeftChannel)
    def user_has_left_channel(self, context, member, actor):
        self.record("UserHasLeftChannel", channel_id=member.channel_id, user_id=member.user_id)

    @hook(HookName.UserHasJoinedTeam)
    def user_has_joined_team(self, context, member, actor):
        self.record("UserHasJoinedTeam", team_id=member.team_id, user_id=member.user_id)

    @hook(HookName.UserHasLeftTeam)
    def user_has_left_team(self, context, member, actor):
        self.record("UserHasLeftTeam", team_id=member.team_id, user_id=member.user_id)

    @hook(HookName.ReactionHasBeenAdded)
    def reaction_has_been_added(self, context, reaction):
        self.record("ReactionHasBeenAdded", post_id=reaction.post_id, emoji=reaction.emoji_name)

    @hook(HookName.ReactionHasBeenRemoved)
    def reaction_has_been_removed(self, context, reaction):
        self.record("ReactionHasBeenRemoved", post_id=reaction.post_id, emoji=reaction.emoji_name)

    @hook(HookName.PreferencesHaveChanged)
    def preferences_have_changed(self, context, preferences):
        self.record("PreferencesHaveChanged",
                    preferences=[[p.user_id, p.category, p.name, p.value] for p in preferences])

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        if r.url != "/records":
            w.write_header(404)
            return
        records = {}
        page = 0
        while keys := self.api.kv_list(page, 100):
            for key in keys:
                if key.startswith(PREFIX):
                    records[key[len(PREFIX):]] = json.loads(self.api.kv_get(key))
            page += 1
        w.set_header("Content-Type", "application/json")
        w.write(json.dumps(records))


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(HooksProbe)
