"""``python -m bpgui``: the window by default, sub-commands for scripted use."""

from bpgui.cli import main

raise SystemExit(main())
