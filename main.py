"""Launcher only: `python main.py` opens bpgui on its built-in default demo."""

from bpgui.app import main

# Guarded: the worker process imports this module again and must not open a window.
if __name__ == "__main__":
    raise SystemExit(main())
