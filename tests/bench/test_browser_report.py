"""The browser benchmark's table: every row for all three apps, ratios and targets judged."""

from __future__ import annotations

from bench import browser


def _measurement(scale: float, messages: int) -> dict:
    changes = [{"s": scale * (1 + i % 3), "bytes": int(scale * 100_000), "messages": messages,
                "repeat": i >= 6} for i in range(len(browser.STEPS))]
    return {"cold_s": 5 * scale, "warm_s": 3 * scale, "changes": changes, "heap_mb": 40 * scale}


def _results(ours: float) -> dict:
    apps = {}
    for app, scale, messages in zip(browser.APPS, [ours, 1.0, 1.2], [12, 9, 9], strict=True):
        apps[app.name] = {"gemeente": _measurement(scale, messages),
                          "nederland": _measurement(scale * 10, messages)}
    return {"machine": "test", "gemeente": "GM0307", "buurten_gemeente": 145,
            "buurten_nl": 11691, "load_before": "1,0", "load_after": "1,2", "apps": apps}


def test_the_summary_separates_new_and_repeated_choices() -> None:
    summary = browser.summarise(_measurement(1.0, 9))
    assert summary["change_max_s"] == 3.0
    assert summary["change_new_s"] == 2.0  # 1, 2, 3, 1, 2, 3
    assert summary["change_repeat_s"] == 2.0  # 1, 2, 3
    assert summary["messages"] == 9


def test_the_table_names_every_app_and_judges_the_targets() -> None:
    fast = browser.report(_results(0.4))
    slow = browser.report(_results(0.9))
    for app in browser.APPS:
        assert app.name in fast
    warm = next(line for line in fast.splitlines() if "GM0307: first paint, warm" in line)
    assert "GOED" in warm and "0,40x" in warm
    warm_slow = next(line for line in slow.splitlines() if "GM0307: first paint, warm" in line)
    assert "FOUT" in warm_slow
    assert "websocketberichten" in fast


def test_a_change_sequence_has_new_and_repeated_choices() -> None:
    selection, seen, repeats = set(browser.TYPES), set(), 0
    for action, kind in browser.STEPS:
        selection = selection - {kind} if action == "remove" else selection | {kind}
        assert selection, "a filter with nothing chosen is not a choice a user measures"
        repeats += frozenset(selection) in seen
        seen.add(frozenset(selection))
    assert len(browser.STEPS) >= 8 and repeats >= 3
