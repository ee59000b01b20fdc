"""What every part of the demo shares: the output of the ``seed_demo`` command."""


class Step:
    """A part of the demo; ``progress()`` and messages go to ``command``'s output
    (``--verbosity 0`` silences the progress lines)."""

    def __init__(self, command):
        self.stdout = command.stdout
        self.stderr = command.stderr
        self.style = command.style
        self.verbosity = getattr(command, "verbosity", 1)
