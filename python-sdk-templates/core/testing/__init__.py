"""Test a plugin without a host.

    from mattermost_plugin.testing import FakeAPI, HookCaller

    api = FakeAPI()
    api.stub(api.get_server_version).returns("10.5.0")
    hooks = HookCaller(MyPlugin(api=api))
    hooks.on_activate()
    api.assert_called(api.get_server_version)

``FakeAPI`` has every method of ``PluginAPIClient``, with the same types; calls are recorded and
answered by stubs. ``HookCaller`` has one typed method per hook and runs it through the same
conversion code as the plugin server (request and response are serialised as on the wire), so return
value conventions and errors behave exactly as they will under a host. Streaming hooks (ServeHTTP,
ServeMetrics, FileWillBeUploaded) take the request body and return an ``Exchange``. The KV methods of
``FakeAPI`` work on an in-memory store (``api.kv``) unless stubbed.
"""

from __future__ import annotations

from ._fake import Call, FakeBodyStream, NotStubbedError, Stub
from ._fake_api import FakeAPI
from ._hook_caller import HookCaller
from ._invoke import Exchange, FakeServicerContext
from ._kv import MemoryKVStore

__all__ = ["FakeAPI", "HookCaller", "Exchange", "FakeServicerContext", "Call", "Stub", "FakeBodyStream", "NotStubbedError",
           "MemoryKVStore"]
