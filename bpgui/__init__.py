"""bpgui: watch and step through backpropagation, in the note's notation.

The package is split so the dependency direction is visible in the folders:
``bpgui.model`` is pure NumPy (never imports Qt or pyqtgraph); the controller
and ``bpgui.views`` sit on top of it.
"""

__version__ = "0.1.0"
