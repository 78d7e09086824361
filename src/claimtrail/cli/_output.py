"""How the CLI reports problems: one line per problem on stderr, with its stable code and a hint."""

from __future__ import annotations

import click

from claimtrail.errors import ClaimtrailError
from claimtrail.models import Failure

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_SETUP = 0, 1, 2, 3


def report_failure(failure: Failure) -> None:
    click.echo(f"error {failure.code} {failure.source}: {failure.message} (hint: {failure.hint})", err=True)


def report_warning(source: str, warning: str) -> None:
    click.echo(f"warning {source}: {warning}", err=True)


def fail_setup(error: ClaimtrailError) -> None:
    click.echo(f"error {error.code} {error.message} (hint: {error.hint})", err=True)
    raise SystemExit(EXIT_SETUP)
