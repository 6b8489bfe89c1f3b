"""The @hook decorator, HookName and the Plugin base class."""

from __future__ import annotations

import pytest

from mattermost_plugin import HookName, HookRegistrationError, Plugin, hook
from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_pb2


def test_hook_name_has_one_member_per_hook_rpc() -> None:
    rpcs = [m.name for m in hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"].methods]
    assert [member.value for member in HookName] == rpcs
    print(f"\nHookName members: {len(HookName)} == hook RPCs: {len(rpcs)} (47 hooks + Implemented)")


def test_the_three_decorator_forms_and_the_snake_case_name_register_handlers() -> None:
    class P(Plugin):
        @hook(HookName.OnActivate)
        def activate(self) -> None: ...

        @hook("MessageWillBePosted")
        def filter(self, context: object, post: object) -> None: ...

        @hook
        def OnDeactivate(self) -> None: ...

        @hook
        def execute_command(self, context: object, args: object) -> None: ...

    assert P.implemented_hooks() == ["ExecuteCommand", "MessageWillBePosted", "OnActivate", "OnDeactivate"]
    p = P()
    assert p.get_hook_handler("MessageWillBePosted") == p.filter
    assert P.has_hook(HookName.OnActivate) and not P.has_hook("ServeHTTP")


@pytest.mark.parametrize("name", ["OnActivat", "message_will_be_post", "NotAHook"])
def test_unknown_hook_names_are_rejected_when_the_class_is_defined(name: str) -> None:
    with pytest.raises(HookRegistrationError, match="unknown hook"):

        class P(Plugin):
            @hook(name)
            def handler(self) -> None: ...


def test_a_bare_hook_on_a_method_not_named_after_a_hook_is_rejected() -> None:
    with pytest.raises(HookRegistrationError, match="bare @hook needs a method named after a hook"):

        class P(Plugin):
            @hook
            def activate(self) -> None: ...


def test_implemented_is_answered_by_the_sdk() -> None:
    with pytest.raises(HookRegistrationError, match="answered by the SDK"):
        hook(HookName.Implemented)


def test_handlers_are_inherited_and_can_be_overridden() -> None:
    class Base(Plugin):
        @hook(HookName.OnActivate)
        def on_activate(self) -> str:
            return "base"

    class Child(Base):
        def on_activate(self) -> str:
            return "child"

    assert Child.implemented_hooks() == ["OnActivate"]
    handler = Child().get_hook_handler("OnActivate")
    assert handler is not None and handler() == "child"


def test_two_handlers_for_one_hook_in_one_class_are_rejected() -> None:
    with pytest.raises(HookRegistrationError, match="twice"):

        class P(Plugin):
            @hook(HookName.OnActivate)
            def a(self) -> None: ...

            @hook(HookName.OnActivate)
            def b(self) -> None: ...


def test_importing_the_package_loads_neither_grpc_nor_protobuf() -> None:
    import subprocess
    import sys

    code = "import sys, mattermost_plugin; print(sorted(m for m in ('grpc', 'google.protobuf') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
