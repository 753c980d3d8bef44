"""``python -m bpgui``: the window by default, sub-commands for scripted use."""

from bpgui.cli import main

# Guarded: the worker process imports this module again and must not run the command.
if __name__ == "__main__":
    raise SystemExit(main())
