"""The ``kg`` command line.  Each command is small; the work lives in the pipeline modules."""

from __future__ import annotations

import os
import sys

import click

from kg.errors import InputError


class KgGroup(click.Group):
    """Turns errors into a one-line message and a non-zero exit, never a traceback.

    Bad input (InputError) exits 2; anything unexpected exits 1 with its type and message
    (set KG_DEBUG=1 to see the traceback when reporting a bug).
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("KG_DEBUG"):
                raise
            message = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(f"kg: internal error: {type(exc).__name__}: {message} (KG_DEBUG=1 shows the traceback)", err=True)
            sys.exit(1)


@click.group(cls=KgGroup)
@click.version_option(package_name="policy-kg")
def main() -> None:
    """policy-kg: Chinese policy texts → knowledge graph (build, query, export, eval)."""


# Commands are registered here, one line each; every command lives in kg/commands/.
from kg.commands import build as _build  # noqa: E402
from kg.commands import eval as _eval  # noqa: E402
from kg.commands import push as _push  # noqa: E402
from kg.commands import query as _query  # noqa: E402
from kg.commands import render as _render  # noqa: E402
from kg.commands import serve as _serve  # noqa: E402
from kg.commands import stats as _stats  # noqa: E402
from kg.commands import validate as _validate  # noqa: E402

main.add_command(_build.build)
main.add_command(_query.query)
main.add_command(_query.export)
main.add_command(_eval.eval_cmd)
main.add_command(_render.render)
main.add_command(_stats.stats)
main.add_command(_serve.serve)
main.add_command(_validate.validate)
main.add_command(_push.push_command)
