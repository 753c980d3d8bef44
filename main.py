"""Launcher only: `python main.py` opens bpgui on its built-in default demo."""
from bpgui.app import main

raise SystemExit(main())
