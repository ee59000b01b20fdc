"""Progress lines of the long management commands (the demo seeds)."""


def progress(command, message):
    """One line on the command's stdout, at once; none with ``--verbosity 0``."""
    if getattr(command, "verbosity", 1) >= 1:
        command.stdout.write(f"  … {message}")
        command.stdout.flush()
