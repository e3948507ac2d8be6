"""`newsclean schedule`: cron and systemd set-ups that run `newsclean crawl` on a cadence."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.spiders.schedule import cadence, schedule_text

from .conftest import assert_accounted

ROOT = Path(__file__).resolve().parents[1]
RT_CASSETTE = ROOT / "fixtures" / "cassettes" / "rt.yaml"


@pytest.mark.parametrize(
    ("every", "cron_minute", "cron_rest", "calendar_start"),
    [
        ("15m", "*/15", "* * * *", "*-*-* *:00/15:00"),
        ("1m", "*", "* * * *", "*-*-* *:*:00"),
        ("30m", "*/30", "* * * *", "*-*-* *:00/30:00"),
        ("60m", None, "* * * *", "*-*-* *:"),
        ("6h", None, "*/6 * * *", "*-*-* 00/6:"),
        ("1d", None, None, "*-*-* "),
        ("7d", None, None, "Mon *-*-* "),
    ],
)
def test_cadence(every: str, cron_minute: str | None, cron_rest: str | None, calendar_start: str) -> None:
    when = cadence(every, stagger_key="rt")
    fields = when.cron.split()
    assert len(fields) == 5
    if cron_minute is not None:
        assert fields[0] == cron_minute
    else:  # hourly and longer: a fixed minute, spread by spider name
        assert fields[0].isdigit() and 0 <= int(fields[0]) < 60
    if cron_rest is not None:
        assert " ".join(fields[1:]) == cron_rest
    assert when.on_calendar.startswith(calendar_start)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
@pytest.mark.parametrize("every", ["15m", "1h", "6h", "1d", "7d"])
def test_systemd_accepts_the_calendar(every: str) -> None:
    spec = cadence(every, stagger_key="news").on_calendar
    done = subprocess.run(["systemd-analyze", "calendar", spec], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("every", ["45m", "90s", "5h", "0m", "2d", "soon"])
def test_intervals_cron_cannot_repeat_exactly_are_refused(every: str) -> None:
    with pytest.raises(ValueError, match="--every"):
        cadence(every)


def test_units_use_absolute_paths_and_let_the_command_lock_itself(tmp_path: Path) -> None:
    text = schedule_text(
        "news", "15m", arguments=["start=https://news.example/?a=100%"], output=Path("out"),
        store=Path("data/news.sqlite"), workdir=tmp_path,
    )
    cron = next(line for line in text.splitlines() if line and not line.startswith("#"))
    assert cron.startswith("*/15 * * * * cd ")
    assert f"--output {Path('out').resolve()}" in cron and f"--store {Path('data/news.sqlite').resolve()}" in cron
    assert "--quiet" in cron and "flock" not in cron
    assert r"100\%" in cron  # cron would turn a bare % into a newline
    assert "[Service]\nType=oneshot\n" in text
    assert "SuccessExitStatus=75" in text
    assert "100%%" in text  # systemd specifier escaping
    timer = text[text.index("[Timer]"):]
    assert "\nOnCalendar=*-*-* *:00/15:00\n" in timer and "\nPersistent=true\n" in timer
    assert "WantedBy=timers.target" in text
    assert f"WorkingDirectory={tmp_path.resolve()}" in text


def test_schedule_command_prints_a_cron_line_that_runs(tmp_path: Path) -> None:
    """The printed crontab command, run by a shell as cron would, crawls quietly and well."""
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    out = tmp_path / "out"
    shown = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "schedule", "rt", "--every", "15m",
         "--output", str(out), "-s", f"NEWSCLEAN_CASSETTE={RT_CASSETTE}"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert shown.returncode == 0, shown.stderr
    cron = next(line for line in shown.stdout.splitlines() if line and not line.startswith("#"))
    command = cron.split(" ", 5)[5]
    ran = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr == ""  # --quiet: a healthy run says nothing, so cron mails nothing
    report = json.loads((out / "runs.jsonl").read_text().splitlines()[-1])
    assert_accounted(report)
    assert report["spider"] == "rt" and report["articles"]["new"] > 0

    exec_start = next(line for line in shown.stdout.splitlines() if line.startswith("ExecStart="))
    argv = shlex.split(exec_start.removeprefix("ExecStart=").replace("%%", "%"))
    again = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr


def test_schedule_refuses_unknown_spiders_and_bad_intervals() -> None:
    for args, needle in ((["nosuch", "--every", "15m"], "unknown spider 'nosuch'"),
                         (["rt", "--every", "45m"], "--every 45m")):
        done = subprocess.run([sys.executable, "-m", "newsclean.spiders.cli", "schedule", *args],
                              capture_output=True, text=True)
        assert done.returncode == 2
        assert needle in done.stderr and "Traceback" not in done.stderr


def test_durations_read_as_people_write_them() -> None:
    from newsclean.spiders.durations import format_duration, parse_duration

    assert [parse_duration(v) for v in ("90s", "15m", "2h", "3d", "1w", "45", 30)] == [
        90, 900, 7200, 259200, 604800, 45, 30,
    ]
    assert parse_duration(" 1.5h ") == 5400
    assert [format_duration(s) for s in (900, 3600, 86400, 90)] == ["15m", "1h", "1d", "90s"]
    with pytest.raises(ValueError, match="NEWSCLEAN_RECHECK_WINDOW: expected a duration"):
        parse_duration("two days", name="NEWSCLEAN_RECHECK_WINDOW")
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_duration(-5)
