"""Issue 13 item 8: FakeAPI's in-memory KV store, so plugin tests need not stub the KV methods."""

from __future__ import annotations

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import PluginKVSetOptions
from mattermost_plugin.testing import FakeAPI, HookCaller, MemoryKVStore


class Counter(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        while True:  # Mattermost's compare-and-set loop: kv_get's None means "the key must not exist"
            old = self.api.kv_get("count")
            if self.api.kv_compare_and_set("count", old, str(int(old or b"0") + 1).encode()):
                return


def test_a_plugin_that_counts_in_the_kv_store_runs_against_the_fake_unchanged() -> None:
    api = FakeAPI()
    hooks = HookCaller(Counter(api=api))
    hooks.on_activate()
    hooks.on_activate()
    assert api.kv_get("count") == b"2" and api.kv.get("count") == b"2"
    api.assert_called(api.kv_compare_and_set, key="count", old_value=b"1", new_value=b"2")


def test_the_store_lists_deletes_and_compares_as_mattermost_does() -> None:
    api = FakeAPI(strict=True)  # the KV methods are answered by the store, strict or not
    assert api.kv_get("missing") is None
    for key in ("b", "a", "c"):
        api.kv_set(key, b"1")
    assert api.kv_list() == ["a", "b", "c"] and api.kv_list(page=1, per_page=2) == ["c"]
    api.kv_set("a", b"")  # an empty value deletes, as a nil value does in Go
    api.kv_delete("b")
    assert api.kv_list() == ["c"]
    assert not api.kv_compare_and_set("c", b"wrong", b"2") and api.kv_compare_and_set("c", b"1", b"2")
    assert api.kv_compare_and_set("new", b"", b"x") and not api.kv_compare_and_set("new", b"", b"y")
    assert not api.kv_compare_and_delete("c", b"1") and api.kv_compare_and_delete("c", b"2")
    api.kv_delete_all()
    assert api.kv_list() == []


def test_set_with_options_is_atomic_and_expires() -> None:
    now = [100.0]
    api = FakeAPI(kv=MemoryKVStore(clock=lambda: now[0]))
    assert api.kv_set_with_options("k", b"v1", PluginKVSetOptions(atomic=True))  # must not exist: it does not
    assert not api.kv_set_with_options("k", b"v2", PluginKVSetOptions(atomic=True))
    assert api.kv_set_with_options("k", b"v2", PluginKVSetOptions(atomic=True, old_value=b"v1", expire_in_seconds=5))
    assert api.kv_get("k") == b"v2"
    now[0] += 5
    assert api.kv_get("k") is None
    api.kv_set_with_expiry("t", b"x", 1)
    now[0] += 0.5
    assert api.kv_list() == ["t"]


def test_a_stub_still_wins_over_the_store() -> None:
    api = FakeAPI()
    api.stub(api.kv_get).returns(b"stubbed")
    api.kv_set("k", b"stored")
    assert api.kv_get("k") == b"stubbed"
    api.reset()
    assert api.kv_get("k") is None and len(api.calls) == 1
