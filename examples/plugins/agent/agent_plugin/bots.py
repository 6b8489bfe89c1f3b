"""The two bots: ensured on every activation (EnsureBotUser is idempotent: it creates, or updates and reactivates),
and bots this plugin made earlier under a username no longer configured are deactivated."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mattermost_plugin.models import Bot, BotGetOptions

from .settings import AgentSettings, BotSettings


@dataclass(frozen=True)
class Bots:
    """Configured bots by their user id."""

    by_user_id: dict[str, BotSettings]

    def get(self, user_id: str) -> BotSettings | None:
        return self.by_user_id.get(user_id)

    def user_id_of(self, username: str) -> str | None:
        return next((uid for uid, bot in self.by_user_id.items() if bot.username == username), None)


def ensure_bots(api, settings: AgentSettings, plugin_id: str, logger: logging.Logger) -> Bots:
    ensured: dict[str, BotSettings] = {}
    for bot in settings.bots:
        try:
            user_id = api.ensure_bot_user(Bot(username=bot.username, display_name=bot.display_name,
                                              description=bot.description))
        except Exception as e:  # one bot's problem (a username taken by someone else) must not stop the other
            logger.error("cannot ensure bot @%s: %s", bot.username, e)
            continue
        ensured[user_id] = bot
        logger.info("bot @%s (%s, model %s) is user %s", bot.username, bot.provider, bot.model, user_id)
    if plugin_id:
        for stale in api.get_bots(BotGetOptions(owner_id=plugin_id, per_page=200)):
            if stale.user_id not in ensured:
                api.update_bot_active(stale.user_id, False)
                logger.info("deactivated bot @%s: no longer configured", stale.username)
    return Bots(ensured)
