"""``--svg`` and ``--html``: what the terminal answer draws, recorded and saved as a picture."""

from __future__ import annotations

from ..errors import InputError, one_line


class pictures:
    """``with pictures(env, svg, html, force, fmt):`` records what the table view draws and saves it."""

    def __init__(self, env, svg, html, force: bool, fmt: str):
        self.env, self.svg, self.html, self.force = env, svg, html, force
        if (svg or html) and fmt != "table":
            raise InputError("--svg and --html save the table view; drop --format")
        if svg == html == "-":
            raise InputError("only one of --svg and --html can go to standard output (-)")
        for path in (svg, html):
            if path:
                from .files import check_target

                check_target(path, force=force, data_dir=env.data_dir)

    def __enter__(self):
        if self.svg or self.html:
            from .console import make_console

            self.env.recording = make_console(self.env, record=True)
            if "-" in (self.svg, self.html):  # the picture is the output: the table is only recorded
                import io

                self.env.recording.file = io.StringIO()
        return self

    def __exit__(self, kind, value, tb):
        console = getattr(self.env, "recording", None)
        self.env.recording = None
        if kind is not None or console is None:
            return False
        from .files import STDOUT, write_text

        written = []
        if self.svg:
            written.append(write_text(self.svg, console.export_svg(clear=False, title="tracker"), force=self.force,
                                      data_dir=self.env.data_dir, stdout=self.env.stdout))
        if self.html:
            written.append(write_text(self.html, console.export_html(clear=False), force=self.force,
                                      data_dir=self.env.data_dir, stdout=self.env.stdout))
        for path in written:
            if path != STDOUT:  # say what was written, as the exports do
                print(one_line(f"wrote {path}"), file=self.env.stderr)
        return False
