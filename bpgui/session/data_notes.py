"""What the window says about a data set: display names and how it was read.

The model records the facts (:class:`~bpgui.model.dataset.LabelReading`,
:func:`~bpgui.model.split.held_out_count`); this module turns them into
translatable :class:`~bpgui.session.messages.Message`s in the ``DataSets``
context, and names the built-in sets for the settings panel.  No Qt here.
"""

from __future__ import annotations

from ..model.dataset import LABEL_CLASSES, MAX_INTEGER_CLASSES, Dataset
from ..model.split import held_out_count, smallest_same_fraction
from .messages import QT_TRANSLATE_NOOP, Message

__all__ = ["BUILTIN_DISPLAY_NAMES", "DATA_SETS_CONTEXT", "label_note", "split_note"]

#: The translation context of everything here.
DATA_SETS_CONTEXT = "DataSets"

#: What the settings panel shows for each built-in set (English; translate
#: with ``translate(DATA_SETS_CONTEXT, text)``), in ``BUILTIN_NAMES`` order.
BUILTIN_DISPLAY_NAMES: dict[str, str] = {
    "xor": QT_TRANSLATE_NOOP("DataSets", "XOR"),
    "and": QT_TRANSLATE_NOOP("DataSets", "AND"),
    "or": QT_TRANSLATE_NOOP("DataSets", "OR"),
    "not": QT_TRANSLATE_NOOP("DataSets", "NOT"),
    "watermelon3.0": QT_TRANSLATE_NOOP("DataSets", "watermelon 3.0"),
    "watermelon3.0alpha": QT_TRANSLATE_NOOP("DataSets", "watermelon 3.0α"),
    "circle": QT_TRANSLATE_NOOP("DataSets", "circle"),
    "gauss": QT_TRANSLATE_NOOP("DataSets", "two Gaussian blobs"),
    "spiral": QT_TRANSLATE_NOOP("DataSets", "spiral"),
    "moons": QT_TRANSLATE_NOOP("DataSets", "two moons"),
    "sine": QT_TRANSLATE_NOOP("DataSets", "sine curve"),
}


def _note(template: str, *args: object) -> Message:
    return Message("info", template, args, context=DATA_SETS_CONTEXT)


def label_note(dataset: Dataset) -> Message | None:
    """How ``dataset``'s labels were read and how to choose otherwise; None if there is nothing to say.

    Nothing for a set built by hand or a built-in set read as its own
    type; otherwise one sentence naming the label column, e.g. "label
    column 'digit' read as 10 classes (whole numbers, 10 distinct values);
    choose 'number' to treat it as a number".
    """
    label = dataset.label
    if label is None or label.reason == "builtin":
        return None
    column = label.column
    classes = len(dataset.class_names) if dataset.n_outputs > 1 else 2
    if dataset.n_outputs > 1 and not dataset.class_names:  # several label columns
        if label.label_type == LABEL_CLASSES:
            return _note(QT_TRANSLATE_NOOP("DataSets", "label columns %1 read as %2 independent 0/1 labels"),
                         column, dataset.n_outputs)
        return _note(QT_TRANSLATE_NOOP("DataSets", "label columns %1 read as %2 numbers"), column, dataset.n_outputs)
    if label.reason == "chosen":
        if label.label_type == LABEL_CLASSES:
            return _note(QT_TRANSLATE_NOOP("DataSets", "label column '%1' read as %2 classes, as chosen"),
                         column, classes)
        return _note(QT_TRANSLATE_NOOP("DataSets", "label column '%1' read as a number, as chosen"), column)
    if label.reason == "integers":
        return _note(QT_TRANSLATE_NOOP(
            "DataSets",
            "label column '%1' read as %2 classes (whole numbers, %3 distinct values); "
            "choose 'number' to treat it as a number",
        ), column, classes, label.distinct)
    if label.reason == "binary":
        return _note(QT_TRANSLATE_NOOP(
            "DataSets",
            "label column '%1' read as 2 classes (0 and 1, one output); choose 'number' to treat it as a number",
        ), column)
    if label.reason == "many_values":
        return _note(QT_TRANSLATE_NOOP(
            "DataSets",
            "label column '%1' read as a number (whole numbers, but %2 distinct values: more than %3); "
            "choose 'classes' to treat each value as a class",
        ), column, label.distinct, MAX_INTEGER_CLASSES)
    if label.reason == "fractions":
        return _note(QT_TRANSLATE_NOOP(
            "DataSets",
            "label column '%1' read as a number (not all whole numbers); "
            "choose 'classes' to treat each value as a class",
        ), column)
    if dataset.n_outputs == 1:
        return _note(QT_TRANSLATE_NOOP("DataSets", "label column '%1' read as 2 classes (%2 and %3, one output)"),
                     column, *dataset.class_names)
    return _note(QT_TRANSLATE_NOOP("DataSets", "label column '%1' read as %2 classes (text labels)"), column, classes)


def split_note(dataset: Dataset, test_fraction: float, step: float = 0.05) -> Message | None:
    """Say when ``test_fraction`` gives exactly the split of a smaller multiple of ``step``; else None.

    E.g. "test split 0.2 holds out 3 of 17 samples, the same as 0.15"
    (17 samples, step 0.05).  Raises the model's :class:`DataError` for a
    bad fraction or step.
    """
    same = smallest_same_fraction(dataset, test_fraction, step)
    if same >= test_fraction:
        return None
    return _note(
        QT_TRANSLATE_NOOP("DataSets", "test split %1 holds out %2 of %3 samples, the same as %4"),
        f"{test_fraction:g}", held_out_count(dataset, test_fraction), dataset.n_samples, f"{same:g}",
    )
