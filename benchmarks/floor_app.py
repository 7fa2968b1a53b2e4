"""The floor the start-up budgets are measured against: a minimal typer app with two commands.

    python benchmarks/floor_app.py json    # prints one line of JSON
    python benchmarks/floor_app.py table   # prints a one-row rich table
"""

import typer

app = typer.Typer()


@app.command()
def json(n: int = 1) -> None:
    import json as _json

    print(_json.dumps({"n": n}))


@app.command()
def table(n: int = 1) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table("a", "b")
    t.add_row("1", str(n))
    Console().print(t)


if __name__ == "__main__":
    app()
