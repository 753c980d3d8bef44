"""The model layer is pure NumPy: importing it never imports Qt or pyqtgraph."""

import pkgutil
import subprocess
import sys

import bpgui.model


def test_importing_the_model_imports_no_gui_library():
    modules = sorted(m.name for m in pkgutil.iter_modules(bpgui.model.__path__, "bpgui.model."))
    assert "bpgui.model.training" in modules and "bpgui.model.datasets" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import bpgui.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"GUI modules imported by the model: {result.stdout}"


def test_the_check_itself_can_fail():
    """The same probe does see Qt when something imports it."""
    code = "import sys, bpgui.model.network, PySide6.QtCore\nprint('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
