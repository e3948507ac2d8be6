"""``newsclean schedule``: a crontab line and a systemd service + timer for a recurring crawl."""

from __future__ import annotations

import re
import shlex
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsclean.spiders.durations import format_duration, parse_duration

__all__ = ["Cadence", "cadence", "crawl_command", "schedule_text"]


@dataclass(frozen=True, slots=True)
class Cadence:
    """One interval spelt for both schedulers."""

    every: str
    cron: str
    on_calendar: str


def cadence(every: str, *, stagger_key: str = "") -> Cadence:
    """The cron fields and systemd ``OnCalendar`` for ``every``: a whole number of minutes
    dividing an hour, of hours dividing a day, 1d or 7d (what both can repeat exactly).

    Hourly and longer schedules start at a minute derived from ``stagger_key`` (the spider),
    so many crawls do not all hit the network at minute 0. ``ValueError`` otherwise.
    """
    seconds = parse_duration(every, name="--every")
    minute = zlib.crc32(stagger_key.encode()) % 60
    hour = zlib.crc32(stagger_key.encode()[::-1]) % 24
    if seconds % 60 or seconds <= 0:
        raise ValueError(f"--every must be a whole number of minutes, got {every!r}")
    minutes = int(seconds // 60)
    label = format_duration(seconds)
    if minutes < 60 and 60 % minutes == 0:
        if minutes == 1:
            return Cadence(label, "* * * * *", "*-*-* *:*:00")
        return Cadence(label, f"*/{minutes} * * * *", f"*-*-* *:00/{minutes}:00")
    if minutes % 60 == 0 and minutes < 1440 and 24 % (minutes // 60) == 0:
        hours = minutes // 60
        if hours == 1:
            return Cadence(label, f"{minute} * * * *", f"*-*-* *:{minute:02d}:00")
        return Cadence(label, f"{minute} */{hours} * * *", f"*-*-* 00/{hours}:{minute:02d}:00")
    if minutes == 1440:
        return Cadence(label, f"{minute} {hour} * * *", f"*-*-* {hour:02d}:{minute:02d}:00")
    if minutes == 7 * 1440:
        return Cadence(label, f"{minute} {hour} * * 1", f"Mon *-*-* {hour:02d}:{minute:02d}:00")
    raise ValueError(
        f"--every {every}: cron and systemd can repeat exactly only a number of minutes that "
        "divides an hour (1m-30m), of hours that divides a day (1h-12h), 1d or 7d"
    )


def _newsclean_executable() -> list[str]:
    script = Path(sys.executable).parent / "newsclean"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "newsclean.spiders.cli"]


def crawl_command(
    spider: str,
    *,
    arguments: Sequence[str] = (),
    settings: Sequence[str] = (),
    output: Path,
    store: Path | str | None,
    quiet: bool,
) -> list[str]:
    """The ``newsclean crawl`` command line a scheduler runs, with absolute paths."""
    command = [*_newsclean_executable(), "crawl", spider]
    for pair in arguments:
        command += ["-a", pair]
    for pair in settings:
        command += ["-s", pair]
    command += ["--output", str(output.resolve())]
    if store is not None:
        # A postgresql:// URL as given (put its password in ~/.pgpass or PGPASSWORD, not here).
        command += ["--store", str(store) if "://" in str(store) else str(Path(store).resolve())]
    if quiet:
        command.append("--quiet")
    return command


def _cron_escape(command: str) -> str:
    # cron turns an unescaped % into a newline
    return command.replace("%", r"\%")


def _systemd_escape(command: str) -> str:
    # systemd expands % specifiers and $ variables in ExecStart
    return command.replace("%", "%%").replace("$", "$$")


def schedule_text(
    spider: str,
    every: str,
    *,
    arguments: Sequence[str] = (),
    settings: Sequence[str] = (),
    output: Path,
    store: Path | str | None = None,
    workdir: Path | None = None,
) -> str:
    """Ready-to-paste crontab line and systemd units for crawling ``spider`` every ``every``."""
    when = cadence(every, stagger_key=spider)
    workdir = (workdir or Path.cwd()).resolve()
    site = next((pair.partition("=")[2] for pair in arguments if pair.startswith("site=")), "")
    # One unit per spider and site: a host running several sites' crawls of one spider.
    unit = f"newsclean-crawl-{spider}" + (f"-{re.sub(r'[^A-Za-z0-9_.-]', '-', site)}" if site else "")
    cron_cmd = shlex.join(
        crawl_command(spider, arguments=arguments, settings=settings, output=output, store=store, quiet=True)
    )
    exec_start = shlex.join(
        crawl_command(spider, arguments=arguments, settings=settings, output=output, store=store, quiet=False)
    )
    return f"""\
# == cron: `crontab -e` and add this line (crawls {spider} every {when.every}).
# --quiet prints nothing when a run is healthy, so cron mails only about failed runs.
# The command locks itself: an overlapping run exits at once with status 75.
{when.cron} cd {shlex.quote(str(workdir))} && {_cron_escape(cron_cmd)}

# == systemd: save the two units below as ~/.config/systemd/user/{unit}.service and
# ~/.config/systemd/user/{unit}.timer, then run
#   systemctl --user daemon-reload && systemctl --user enable --now {unit}.timer
#   loginctl enable-linger "$USER"   # keep the timer running when you are logged out
# Each run's summary goes to the journal: journalctl --user -u {unit}

# --- {unit}.service
[Unit]
Description=newsclean: crawl {spider}
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={_systemd_escape(str(workdir))}
ExecStart={_systemd_escape(exec_start)}
# 75: another run of this crawl (from cron or by hand) still holds the lock; not a failure.
SuccessExitStatus=75
Nice=10

# --- {unit}.timer
[Unit]
Description=newsclean: crawl {spider} every {when.every}

[Timer]
OnCalendar={when.on_calendar}
# Run once at boot when a scheduled run was missed while the machine was off.
Persistent=true
AccuracySec=30s

[Install]
WantedBy=timers.target
"""
