"""The ``newsclean`` sub-commands, one module each (as Scrapy's ``scrapy/commands/``).

Each module has ``register(subparsers)``, which adds its parser and sets ``func``, the function
that runs it and returns the exit status. :data:`COMMANDS` is their order in ``--help``.
"""

__all__ = ["COMMANDS"]

COMMANDS = ("clean", "explain", "cleaners", "sites", "schema", "store", "memory", "crawl", "schedule", "demo")
