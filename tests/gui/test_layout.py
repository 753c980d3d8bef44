"""Readable from the back of a classroom: at 1024×768, 1280×800 and 1920×1080, at 100 % and 175 %
text, in English and Chinese, no text is clipped and no two labels overlap.

Two checks per window:

- the network: the scene rectangles of every visible text label are pairwise disjoint
  (``TopologyView.visible_label_rects``), in every phase of an iteration, and fit keeps every
  unit inside the view or scrolls on purpose;
- the widgets: every visible label, button, check box and combo box outside a scroll area gets
  at least the width its text needs (the height too when it wraps), and no sibling covers it.
  Content inside a scroll area scrolls on purpose and is not checked here.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QMainWindow,
    QMenuBar,
    QStyle,
    QStyleOptionComboBox,
    QToolBar,
    QWidget,
)

from bpgui.views.language import install_language
from bpgui.views.text_scale import apply_text_scale

SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
SCALES = [1.0, 1.75]
LANGUAGES = ["en", "zh_CN"]


@pytest.fixture()
def normal_text_afterwards():
    yield
    apply_text_scale(1.0)


def _inside_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, (QAbstractScrollArea, QMenuBar)) and not isinstance(parent, QGraphicsView):
            return True
        if isinstance(parent, QGraphicsView):
            return True
        parent = parent.parentWidget()
    return False


def _combo_need(combo: QComboBox) -> int:
    """The width a combo box needs to show its current choice whole (Qt cuts it, without "…")."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if combo.isEditable():
        return combo.minimumSizeHint().width()
    # The style's own measure of a box around that text, less the few pixels of padding its sizeHint
    # leaves out (a box exactly as wide as Qt's sizeHint shows its text whole; seen in a grab).
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                          QSize(text, combo.height()), combo).width() - 4


def widget_problems(window: QMainWindow) -> list[str]:
    """Every visible text widget (outside scroll areas and tool bars) that is narrower or shorter than its
    text needs, or that a sibling covers."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton, QComboBox)) or not widget.isVisibleTo(window):
            continue
        if _inside_scroll_area(widget, window) or isinstance(widget.parentWidget(), QToolBar):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and not widget.text():
            continue  # a picture, or Qt's own arrows (a tab bar's scroll buttons)
        text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        owner = type(widget.parentWidget()).__name__
        name = f"{type(widget).__name__} {widget.objectName() or ''} in {owner} {text!r:.60}"
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_h = widget.heightForWidth(size.width())
            if need_h > size.height() + 1:
                problems.append(f"{name}: {size.height()} px high, its wrapped text needs {need_h}")
            continue
        need_w = _combo_need(widget) if isinstance(widget, QComboBox) else widget.minimumSizeHint().width()
        if need_w > size.width() + 1:
            problems.append(f"{name}: {size.width()} px wide, its text needs {need_w}")
        # Cut by its parent, or covered by a sibling drawn over it.
        visible = widget.visibleRegion().boundingRect()
        if widget.width() > 0 and widget.height() > 0 and visible != QRect(0, 0, widget.width(), widget.height()):
            problems.append(f"{name}: only {visible} of {widget.rect()} is visible")
    return problems


def overlapping_labels(view) -> list[str]:
    rects = view.visible_label_rects()
    found = []
    for (a_text, a), (b_text, b) in combinations(rects, 2):
        if a.intersects(b) and a.intersected(b).width() > 0.5 and a.intersected(b).height() > 0.5:
            found.append(f"{a_text!r} {a} overlaps {b_text!r} {b}")
    return found


def _make_window(tmp_path, language: str, size: tuple[int, int], scale: float):
    from bpgui.views.main_window import MainWindow

    install_language(QApplication.instance(), language)
    settings = QSettings(str(tmp_path / f"{language}-{size[0]}-{scale}.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", language)
    window = MainWindow(qsettings=settings)
    window.resize(*size)
    window.show()
    window.set_text_scale(scale)
    return window


def _settle(qtbot, window) -> None:
    QApplication.processEvents()
    qtbot.wait(1)
    QApplication.processEvents()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_clipped_nothing_overlaps(qtbot, tmp_path, no_dialogs, english_afterwards, normal_text_afterwards,
                                          size, scale, language):
    window = _make_window(tmp_path, language, size, scale)
    try:
        _settle(qtbot, window)
        assert window.width() <= size[0] and window.height() <= size[1], (
            f"the window needs {window.width()}×{window.height()}, more than the screen's {size}")
        c = window.controller
        c.step()
        c.step()
        _settle(qtbot, window)
        assert widget_problems(window) == []
        assert overlapping_labels(window.topology) == []
        # every phase of the next iteration: the forward labels come and go
        for _ in range(6):
            c.step_phase()
            _settle(qtbot, window)
            assert overlapping_labels(window.topology) == [], f"phase {c.phase_view and c.phase_view.index}"
        assert widget_problems(window) == []
    finally:
        window.controller.pause()
        window.controller.wait_for_jobs()
        window.close()


@pytest.mark.parametrize("hidden", ["8,4", "16", "5"])
@pytest.mark.parametrize("scale", SCALES)
def test_bigger_networks_fit_without_overlap(qtbot, tmp_path, no_dialogs, normal_text_afterwards, hidden, scale):
    """2-8-4-1, 4-16-3 and watermelon's 19-5-1 at 1280×800: every unit inside the view after Fit
    (or the view scrolls on purpose), and no two labels overlap."""
    from bpgui.controller import Settings, TrainingController
    from bpgui.views.main_window import MainWindow

    if hidden == "16":  # four features, three classes: a 4-16-3 network
        data = tmp_path / "four.csv"
        rows = ["a,b,c,d,kind"] + [f"{i % 3},{i % 5},{i % 7},{i % 2},{'xyz'[i % 3]}" for i in range(30)]
        data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    else:
        data = {"8,4": "xor", "5": "watermelon3.0"}[hidden]
    sizes = tuple(int(h) for h in hidden.split(","))
    controller = TrainingController(Settings(data=str(data), hidden=sizes))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(controller=controller, qsettings=settings)
    window.resize(1280, 800)
    window.show()
    window.set_text_scale(scale)
    try:
        assert controller.network.layer_sizes[1:] == (*sizes, controller.network.layer_sizes[-1])
        controller.step()
        _settle(qtbot, window)
        view = window.topology
        view.fit()
        _settle(qtbot, window)
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        scrolls = view.verticalScrollBar().isVisible() or view.horizontalScrollBar().isVisible()
        for layer in range(len(controller.network.layer_sizes)):
            for unit in range(controller.network.layer_sizes[layer]):
                item = view.unit_item(layer, unit)
                if item is None:
                    continue  # collapsed away, counted by the "more" marker
                if not scrolls:
                    assert shown.contains(item.sceneBoundingRect()), f"unit {(layer, unit)} is cut off"
        assert overlapping_labels(view) == []
    finally:
        controller.pause()
        controller.wait_for_jobs()
        window.close()


def test_what_it_learned_gets_a_square_map_of_300_px_at_1280x800(qtbot, tmp_path, no_dialogs):
    """Opening the tab makes room for the main map (at least 300 × 300 px of plane, square); going back to
    the error curve gives the learner's splitter sizes back."""
    window = _make_window(tmp_path, "en", (1280, 800), 1.0)
    try:
        _settle(qtbot, window)
        splitters = (window.splitter, window.top_splitter, window.right_splitter)
        before = [s.sizes() for s in splitters]
        window.right_tabs.setCurrentWidget(window.decision_map)
        _settle(qtbot, window)
        plane = window.decision_map.image_item.sceneBoundingRect()  # the plane as drawn
        assert plane.width() >= 299.5 and plane.height() >= 299.5
        assert abs(plane.width() - plane.height()) <= 1
        assert window.derivation.height() >= 80  # the chain rule is still there
        window.right_tabs.setCurrentWidget(window.plot)
        _settle(qtbot, window)
        assert [s.sizes() for s in splitters] == before
    finally:
        window.controller.pause()
        window.controller.wait_for_jobs()
        window.close()


def _label_height_on_screen(window) -> float:
    view = window.topology
    heights = sorted(rect.height() for _text, rect in view.visible_label_rects())
    return heights[len(heights) // 2] * view.transform().m11()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_larger_text_makes_the_networks_labels_larger_on_screen(qtbot, tmp_path, no_dialogs, normal_text_afterwards,
                                                               size):
    """Text size reaches the network too: Fit never magnifies a drawing past its natural size (so 100 % does
    not already fill a big screen), and a small screen folds the settings away to make room."""
    heights = []
    for scale in SCALES:
        window = _make_window(tmp_path, "en", size, scale)
        try:
            window.controller.step()
            window.banner.hide()  # a notice (the folded settings) has been read
            _settle(qtbot, window)
            heights.append(_label_height_on_screen(window))
        finally:
            window.controller.pause()
            window.controller.wait_for_jobs()
            window.close()
    assert heights[1] >= 1.35 * heights[0], f"labels {heights[0]:.1f} px at 100 %, {heights[1]:.1f} px at 175 %"
