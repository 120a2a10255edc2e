"""The ``kg`` command line.  Each command is small; the work lives in the pipeline modules."""

from __future__ import annotations

import sys

import click

from kg.errors import InputError


class KgGroup(click.Group):
    """Turns InputError into a one-line message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(2)


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
