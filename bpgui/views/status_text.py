"""The sentences the main window shows about iteration t: the status line, the caption, the curve's name.

Pure functions of what the controller hands out; translated in the main
window's context (``translate("MainWindow", …)``), filled with ``fill``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.records import IterationRecord
from ..model.text import fill

translate = QCoreApplication.translate


def iteration_curve_name(mode: str) -> str:
    """What one point of the per-iteration curve is, in this training mode."""
    if mode == "accumulated":
        return translate("MainWindow", "E per pass (before its update)")
    if mode == "minibatch":
        return translate("MainWindow", "batch error per iteration")
    return translate("MainWindow", "Eₖ per iteration")


def caption_text(record: IterationRecord, preview: bool) -> str:
    """Which iteration the network shows, with which sample, and whether it is still to come."""
    if record.batch_size == 1:
        sample = fill(translate("MainWindow", "sample k = %1"), int(record.sample_indices[0]) + 1)
    else:
        sample = fill(translate("MainWindow", "a batch of %1 samples (the first is drawn)"), record.batch_size)
    if preview:
        text = translate("MainWindow", "Iteration %2 will use %1: drawn with the weights it will start from.")
    else:
        text = translate("MainWindow", "Iteration %2 used %1: drawn with the weights it used (before its update).")
    return fill(text, sample, record.iteration)


def status_line(st: dict[str, Any], mode: str, phases: IterationRecord | None = None,
                error_known: bool = False, digits: int = DEFAULT_DIGITS) -> str:
    """The status bar's figures of iteration t (``st`` is the controller's ``status()``).

    E_k, E and the test E in the screen's one format at the app's Digits setting
    (``model.numbers``); the accuracy as a percentage to one decimal.

    While the phases walk through the next iteration (``phases``, its record), its sample and,
    once the error phase has been shown, its E_k take the place of iteration t's: the bar never
    names another sample than the one the network and the caption show.
    """
    if phases is not None:
        st = dict(st, sample=int(phases.sample_indices[0]) + 1 if phases.batch_size == 1 else None,
                  batch=phases.batch_size, error_k=phases.error if error_known else None)
    parts = [fill(translate("MainWindow", "t = %1"), st["iteration"])]
    if phases is not None and phases.iteration > st["iteration"]:
        parts.append(fill(translate("MainWindow", "iteration %1 in phases"), phases.iteration))
    if st["end"] > st["iteration"]:
        parts[0] += fill(translate("MainWindow", " (of %1; stepped back)"), st["end"])
    parts.append(fill(translate("MainWindow", "epoch %1"), st["epoch"]))
    if st["sample"] is not None:
        parts.append(fill(translate("MainWindow", "sample k = %1"), st["sample"]))
    elif st["batch"] is not None:
        parts.append(fill(translate("MainWindow", "batch of %1"), st["batch"]))
    accumulated = mode == "accumulated"
    if st["error_k"] is not None:
        if accumulated:
            name = fill(translate("MainWindow", "E of pass %1"),
                        st["iteration"] if phases is None else phases.iteration)
        else:
            name = "Eₖ" if st["batch"] == 1 else translate("MainWindow", "batch E")
        parts.append(f"{name} = {format_number(st['error_k'], digits)}")
    if not accumulated or st["error_k"] is None:
        parts.append(fill(translate("MainWindow", "E (end of epoch %1) = %2"), st["epoch"],
                          format_number(st["error"], digits)))
    if st["accuracy"] is not None:
        parts.append(fill(translate("MainWindow", "accuracy %1%"), f"{100 * st['accuracy']:.1f}"))
    if st["test_error"] is not None:
        parts.append(fill(translate("MainWindow", "test E = %1"), format_number(st["test_error"], digits)))
    return "   ".join(parts)
