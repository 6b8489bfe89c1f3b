"""The chat models: LangChain's own provider classes, configured from the plugin's settings. An empty base URL
means the provider's service; a set one means a compatible server (the build's wire fake, a proxy, a local
model server), which may not need a key, so a placeholder is sent when none is set."""

from __future__ import annotations

from langchain_anthropic import ChatAnthropic
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI

from .settings import BotSettings

TIMEOUT_SECONDS = 120
NO_KEY = "no-key-configured"


class MissingKeyError(RuntimeError):
    pass


def chat_model(bot: BotSettings) -> BaseChatModel:
    key = bot.api_key
    if not key:
        if not bot.base_url:
            setting = "OpenAIAPIKey" if bot.provider == "openai" else "AnthropicAPIKey"
            raise MissingKeyError(f"no API key is configured for @{bot.username}: a system admin sets {setting} "
                                  "in the agent plugin's settings")
        key = NO_KEY
    if bot.provider == "openai":
        return ChatOpenAI(model=bot.model, api_key=key, base_url=bot.base_url or None, timeout=TIMEOUT_SECONDS,
                          max_retries=1, use_responses_api=False, stream_usage=True)
    thinking = None
    if bot.thinking == "enabled":
        thinking = {"type": "enabled", "budget_tokens": bot.thinking_budget_tokens}
    elif bot.thinking == "adaptive":
        thinking = {"type": "adaptive"}
    return ChatAnthropic(model=bot.model, api_key=key, base_url=bot.base_url or None, timeout=TIMEOUT_SECONDS,
                         max_retries=1, max_tokens=bot.max_tokens, thinking=thinking)
