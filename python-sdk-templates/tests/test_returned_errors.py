"""Issue 13 item 3: errors a handler returns, as Go's hooks return them: a string (or exception) from a
hook with no other result fails it, and ``(value, error)`` tuples fill the result and the error."""

from __future__ import annotations

import pytest

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.errors import AppError
from mattermost_plugin.models import Config, FileData, OnInstallEvent, PluginContext, SamlAssertionInfo, User
from mattermost_plugin.testing import HookCaller


class Failing(Plugin):
    """Returns what it is told to by ``self.answer``."""

    answer: object = None

    @hook(HookName.OnActivate)
    def on_activate(self) -> object:
        return self.answer

    @hook(HookName.OnInstall)
    def on_install(self, context: PluginContext, event: OnInstallEvent) -> object:
        return self.answer

    @hook(HookName.OnSAMLLogin)
    def on_saml_login(self, context: PluginContext, user: User, assertion: SamlAssertionInfo) -> object:
        return self.answer

    @hook(HookName.RunDataRetention)
    def retention(self, now: int, batch: int) -> object:
        return self.answer

    @hook(HookName.ConfigurationWillBeSaved)
    def config(self, config: Config) -> object:
        return self.answer

    @hook(HookName.GenerateSupportData)
    def support(self, context: PluginContext) -> object:
        return self.answer


def caller(answer: object) -> HookCaller:
    plugin = Failing()
    plugin.answer = answer
    return HookCaller(plugin)


CALLS = {
    "OnActivate": lambda c: c.on_activate(),
    "OnInstall": lambda c: c.on_install(PluginContext(), OnInstallEvent()),
    "OnSAMLLogin": lambda c: c.on_saml_login(PluginContext(), User(), SamlAssertionInfo()),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_an_error_string_returned_by_a_hook_without_results_fails_it(name: str) -> None:
    with pytest.raises(AppError) as raised:
        CALLS[name](caller("the license is missing"))
    error = raised.value
    assert (error.message, error.id, error.where, error.status_code) == (
        "the license is missing", "plugin.hook.error", name, 500)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_none_or_an_empty_string_is_success_and_an_exception_instance_is_an_error(name: str) -> None:
    CALLS[name](caller(None))
    CALLS[name](caller(""))
    with pytest.raises(AppError, match="PermissionError: no access"):
        CALLS[name](caller(PermissionError("no access")))


@pytest.mark.parametrize(("answer", "deleted"), [((50, None), 50), ((50, ""), 50), (50, 50), (None, 0)])
def test_run_data_retention_takes_the_count_alone_or_with_a_nil_error(answer: object, deleted: int) -> None:
    assert caller(answer).run_data_retention(0, 100) == deleted


def test_run_data_retention_with_an_error_fails_the_hook() -> None:
    with pytest.raises(AppError, match="the database is read-only"):
        caller((0, "the database is read-only")).run_data_retention(0, 100)


def test_configuration_will_be_saved_returns_the_changed_config_or_refuses_the_save() -> None:
    changed = Config(json=b'{"SiteURL": "https://x"}')
    assert caller((changed, None)).configuration_will_be_saved(Config(json=b"{}")) == changed
    assert caller(changed).configuration_will_be_saved(Config(json=b"{}")) == changed
    with pytest.raises(AppError, match="SiteURL must be https"):
        caller((None, "SiteURL must be https")).configuration_will_be_saved(Config(json=b"{}"))


def test_generate_support_data_takes_the_files_with_or_without_a_nil_error() -> None:
    files = [FileData(filename="diagnostics.txt", body=b"ok")]
    assert caller((files, None)).generate_support_data(PluginContext()) == files
    assert caller(files).generate_support_data(PluginContext()) == files
    with pytest.raises(AppError, match="no disk"):
        caller((None, OSError("no disk"))).generate_support_data(PluginContext())


def test_an_error_of_another_type_is_a_clear_mistake() -> None:
    with pytest.raises(AppError, match="returned a int as its error; return a str, an exception or None"):
        caller(7).on_activate()
