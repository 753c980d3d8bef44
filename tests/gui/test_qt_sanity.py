"""Guards against a broken Qt binding: the app emits thousands of signals a minute."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()
    valued = Signal(int)


def test_emitting_signals_does_not_leak_references_to_true(qtbot):
    """PySide6 6.12.0 on Python 3.11 loses a reference to True per emit and then aborts Python."""
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    emitter.valued.connect(lambda v: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
        emitter.valued.emit(1)
    assert abs(sys.getrefcount(True) - before) < 20
