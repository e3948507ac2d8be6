"""The ``newsclean`` sub-commands, one module each (as Scrapy's ``scrapy/commands/``).

Each module has ``register(subparsers)``, which adds its parser and sets ``func``, the function
that runs it and returns the exit status. :data:`COMMANDS` is their order in ``--help``.
"""

import argparse

__all__ = ["COMMANDS", "add_spider_options"]

COMMANDS = ("clean", "explain", "cleaners", "sites", "schema", "store", "memory", "crawl", "schedule", "demo")


def add_spider_options(p: argparse.ArgumentParser) -> None:
    """``-a NAME=VALUE`` (spider arguments) and ``-s NAME=VALUE`` (settings), as ``scrapy crawl``
    takes them: the commands that run or schedule a crawl share their spelling and help."""
    p.add_argument(
        "-a", dest="arguments", action="append", default=[], metavar="NAME=VALUE",
        help="spider argument (repeatable)",
    )
    p.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="Scrapy or NEWSCLEAN_* setting (repeatable)",
    )
