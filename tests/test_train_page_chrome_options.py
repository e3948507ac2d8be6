"""``python -m benchmarks.train_page_chrome``'s options are read and checked before anything is
loaded or trained: ``--ship-on`` and ``--collections`` name known collections, a bad name is an
error naming it, ``--even-classes`` is a flag."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks folder is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import train_page_chrome  # noqa: E402
from benchmarks.train_page_chrome import COLLECTIONS, SHIPPED_ON, options  # noqa: E402


def test_defaults_ship_on_the_shipped_collection_without_even_classes() -> None:
    args = options([])
    assert args.collections == list(COLLECTIONS)
    assert args.ship_on == [SHIPPED_ON]
    assert args.even_classes is False


def test_ship_on_and_even_classes_are_read() -> None:
    args = options(["--ship-on", " dragnet, fundus ", "--even-classes"])
    assert args.ship_on == ["dragnet", "fundus"]
    assert args.even_classes is True
    # Without the shipped collection among --collections, the model is trained on all of them.
    assert options(["--collections", "dragnet,fundus"]).ship_on == ["dragnet", "fundus"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--ship-on", "wcxb-dev,dragnett"], "--ship-on 'wcxb-dev,dragnett': unknown collection(s) dragnett"),
        (["--ship-on", ","], "--ship-on ',': names no collection"),
        (["--collections", "dragnet,fundus", "--ship-on", "wcxb-dev"], "wcxb-dev not among --collections"),
        (["--collections", "wcxb"], "--collections 'wcxb': unknown collection(s) wcxb (known: wcxb-dev"),
        (["--even-classes=yes"], "--even-classes: ignored explicit argument 'yes'"),
        (["--teacher", "dragnett"], "--teacher 'dragnett': unknown collection(s) dragnett"),
        (["--teacher", " , "], "--teacher ' , ': names no collection"),
        (["--collections", "wcxb-dev", "--teacher", "fundus"], "--teacher 'fundus': fundus not among --collections"),
        (["--teacher-only"], "--teacher-only: needs --teacher"),
        (["--teacher", "fundus", "--teacher-weight", "0"], "--teacher-weight 0.0: must be a number above 0"),
        (["--teacher", "fundus", "--teacher-weight", "nan"], "--teacher-weight nan: must be a number above 0"),
        (["--teacher", "fundus", "--teacher-weight", "heavy"], "--teacher-weight: invalid float value: 'heavy'"),
    ],
)
def test_a_bad_option_is_an_error_naming_it(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("pages loaded despite a bad option")

    monkeypatch.setattr(train_page_chrome, "samples", never)
    with pytest.raises(SystemExit) as exit_:
        train_page_chrome.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert says in err
    assert "Traceback" not in err
