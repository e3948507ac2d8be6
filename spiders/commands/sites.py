"""``newsclean sites``: list the site profiles."""

from __future__ import annotations

import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sites", help="list the site profiles")
    p.set_defaults(func=_run_sites)


def _run_sites(args: argparse.Namespace) -> int:
    from newsclean.cleaners.site import site_profiles

    for name, profile in sorted(site_profiles().items()):
        print(f"{name:16} {', '.join(profile.domains)}  tz={profile.timezone or '-'}")
    return 0
