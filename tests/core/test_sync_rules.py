"""The merge rules of core.sync on their own: heads of a multi-value register, two versions,
existence where bringing back wins, the hybrid logical clock, summaries of what a copy holds."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from casebook.core.sync import (
    ChangeId,
    Hlc,
    Version,
    contiguous_prefix,
    covers,
    distinct_heads,
    has_several_values,
    heads,
    is_alive,
    lowest,
    shown,
)


def _v(origin: str, counter: int, wall: int, value: object, *replaces: Version) -> Version:
    return Version(
        ChangeId(origin, counter),
        Hlc(wall).encode(),
        value,
        frozenset(r.change.encode() for r in replaces),
    )


def test_an_edit_that_saw_the_other_replaces_it() -> None:
    first = _v("li", 1, 100, "What stage?")
    second = _v("wei", 1, 200, "Which stage (TNM)?", first)
    assert heads([first, second]) == [second]
    assert not has_several_values(heads([first, second]))


def test_edits_that_replaced_the_same_version_are_both_kept_newest_shown() -> None:
    base = _v("li", 1, 100, "What stage?")
    mine = _v("li", 2, 300, "What stage, how sure?", base)
    theirs = _v("wei", 1, 200, "Which stage?", base)
    current = heads([base, mine, theirs])
    assert current == [mine, theirs]
    assert has_several_values(current)
    assert shown(current) == mine
    choice = _v("wei", 2, 400, "Which stage?", mine, theirs)
    assert heads([base, mine, theirs, choice]) == [choice]


def test_the_same_edit_made_twice_is_one_version() -> None:
    base = _v("li", 1, 100, "a")
    current = heads([base, _v("li", 2, 200, "b", base), _v("wei", 1, 150, "b", base)])
    assert len(current) == 2
    assert not has_several_values(current)
    assert [v.value for v in distinct_heads(current)] == ["b"]


def test_bringing_back_wins_over_a_deletion_made_at_the_same_time() -> None:
    created = _v("li", 1, 100, True)
    deleted = _v("wei", 1, 200, False, created)
    assert not is_alive(heads([created, deleted]))
    restored_concurrently = _v("mei", 1, 150, True, created)
    assert is_alive(heads([created, deleted, restored_concurrently]))
    assert not is_alive([])


@given(st.permutations(range(6)))
def test_heads_do_not_depend_on_the_order_changes_arrive(order: list[int]) -> None:
    base = _v("li", 1, 100, "x")
    a = _v("li", 2, 110, "a", base)
    b = _v("wei", 1, 120, "b", base)
    c = _v("mei", 1, 130, "c", a)
    d = _v("wei", 2, 140, "d", b, c)
    e = _v("li", 3, 150, "e", a)
    every = [base, a, b, c, d, e]
    expected = heads(every)
    assert heads([every[i] for i in order]) == expected
    assert {v.value for v in expected} == {"d", "e"}


def test_the_clock_never_runs_backwards_and_passes_what_it_reads() -> None:
    clock = Hlc(1_000)
    assert clock.tick(900) == Hlc(1_000, 1)  # the wall clock went back: count on
    assert clock.tick(2_000) == Hlc(2_000, 0)
    far_ahead = Hlc(5_000, 3)  # another computer's clock runs fast
    later = clock.witness(far_ahead).tick(2_000)
    assert later > far_ahead
    assert Hlc.parse(later.encode()) == later
    readings = [Hlc(w, n) for w, n in itertools.product((5, 10, 100), (0, 2, 10))]
    assert sorted(readings) == sorted(readings, key=lambda h: h.encode())


def test_what_a_copy_holds_is_the_unbroken_run_of_each_copys_changes() -> None:
    assert contiguous_prefix([1, 2, 3, 5]) == 3
    assert contiguous_prefix([2, 3]) == 0
    assert lowest([{"li": 5, "wei": 2}, {"li": 3}]) == {"li": 3, "wei": 0}
    assert lowest([]) == {}
    assert covers({"li": 3}, ChangeId("li", 3))
    assert not covers({"li": 3}, ChangeId("wei", 1))
    assert ChangeId.parse(ChangeId("a:b", 7).encode()) == ChangeId("a:b", 7)
