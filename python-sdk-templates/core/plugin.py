"""The ``Plugin`` base class: subclass it and mark methods with ``@hook``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from ._internal.config import RuntimeConfig, load_runtime_config
from .hooks import HookRegistrationError, hook_name_of

if TYPE_CHECKING:
    from .async_client import AsyncPluginAPIClient
    from .client import PluginAPIClient

__all__ = ["Plugin"]


class Plugin:
    """Base class of a plugin.

    Hook handlers are found when the subclass is defined: every method marked with ``@hook``, inherited
    ones included. ``self.api`` is the Plugin API client (connected on first use), ``self.logger`` a
    ``logging.Logger`` whose records reach the host's log, ``self.config`` the process settings.
    Handlers may be plain or ``async`` functions; hooks run concurrently, so guard shared state.
    """

    _hook_registry: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        registry: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            for attribute, value in vars(klass).items():
                name = hook_name_of(value)
                if name is None:
                    continue
                previous = registry.get(name)
                if previous is not None and previous != attribute and klass is cls:
                    raise HookRegistrationError(
                        f"{cls.__name__} handles {name} twice: in {previous} and in {attribute}"
                    )
                registry[name] = attribute
        cls._hook_registry = registry

    def __init__(
        self,
        api: PluginAPIClient | None = None,
        config: RuntimeConfig | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._api = api
        self._config = config
        self._logger = logger

    @property
    def config(self) -> RuntimeConfig:
        """The settings the host passed to this process."""
        config = self.__dict__.get("_config")
        if config is None:
            config = load_runtime_config()
            self._config = config
        return config

    @property
    def logger(self) -> logging.Logger:
        """The plugin's logger; its records go to the host's log as hclog JSON."""
        logger = self.__dict__.get("_logger")
        if logger is None:
            logger = logging.getLogger(f"plugin.{self.config.plugin_id or type(self).__name__}")
            self._logger = logger
        return logger

    @logger.setter
    def logger(self, logger: logging.Logger) -> None:
        self._logger = logger

    @property
    def api(self) -> PluginAPIClient:
        """The Plugin API client, connected to the host on first use."""
        api = self.__dict__.get("_api")
        if api is None:
            from .client import PluginAPIClient

            api = PluginAPIClient.from_config(self.config)
            self._api = api
        return api

    @api.setter
    def api(self, api: PluginAPIClient) -> None:
        self._api = api

    @property
    def async_api(self) -> AsyncPluginAPIClient:
        """An asyncio Plugin API client for ``async`` handlers, created on first use.

        Use it only from ``async`` hook handlers: they all run on one event loop, the one it belongs to.
        """
        api = self.__dict__.get("_async_api")
        if api is None:
            from .async_client import AsyncPluginAPIClient

            api = AsyncPluginAPIClient.from_config(self.config)
            self.__dict__["_async_api"] = api
        return api

    @classmethod
    def implemented_hooks(cls) -> list[str]:
        """The names of the hooks this plugin handles, sorted (what the Implemented RPC answers)."""
        return sorted(cls._hook_registry)

    @classmethod
    def has_hook(cls, name: str) -> bool:
        return str(name) in cls._hook_registry

    def get_hook_handler(self, name: str) -> Callable[..., Any] | None:
        """The bound method handling hook ``name``, or None."""
        attribute = type(self)._hook_registry.get(str(name))
        return None if attribute is None else getattr(self, attribute)
