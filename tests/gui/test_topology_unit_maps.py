"""What each unit learned, drawn inside it (2-D data, as Playground does), and a compact 2-2-1 at large text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from bpgui.controller import Settings, TrainingController
from bpgui.views import style
from bpgui.views.topology import TopologyView
from bpgui.views.topology_maps import value_image

N = 40
HALF = np.repeat(np.array([0.0, 1.0]), N // 2)[:, None] * np.ones((1, N))  # values[i, j]: 0 left, 1 right


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(_rgb(a), _rgb(b)))


def test_value_image_colours_and_orientation():
    ramp = np.linspace(0.0, 1.0, N)
    up = np.ones((N, 1)) * ramp[None, :]  # values[i, j] grows with j: x₂ upward
    image = value_image(up, 0.0, 1.0)
    assert (image.width(), image.height()) == (N, N)
    assert _rgb(image.pixelColor(0, 0)) == _rgb(style.value_colour(1.0, 0.0, 1.0))  # top row: the largest x₂
    assert _rgb(image.pixelColor(0, N - 1)) == _rgb(style.value_colour(0.0, 0.0, 1.0))
    halves = value_image(HALF, 0.0, 1.0)
    assert _rgb(halves.pixelColor(0, 5)) == _rgb(style.value_colour(0.0, 0.0, 1.0))  # x₁ to the right
    assert _rgb(halves.pixelColor(N - 1, 5)) == _rgb(style.value_colour(1.0, 0.0, 1.0))


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 12), st.integers(1, 12)),
              elements=st.floats(allow_nan=True, allow_infinity=True, width=64)),
       st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_value_image_agrees_with_value_colour_on_any_values(values, low, high):
    image = value_image(values, low, high)
    assert (image.width(), image.height()) == values.shape
    for i, j in {(0, 0), (values.shape[0] - 1, values.shape[1] - 1), (values.shape[0] // 2, 0)}:
        expected = style.value_colour(float(values[i, j]), low, high)
        assert _close(image.pixelColor(i, values.shape[1] - 1 - j), expected, 1)


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((0, 4)), np.zeros((2, 2, 2))])
def test_value_image_refuses_what_is_not_a_map(bad):
    with pytest.raises(ValueError):
        value_image(bad)


def _unit_picture(view: TopologyView, layer: int, unit: int) -> tuple[QImage, float]:
    """The unit's square of the scene rendered at 4 px a scene unit; (image, radius in its pixels)."""
    item = view.unit_item(layer, unit)
    r = item.radius
    source = QRectF(item.scenePos().x() - r, item.scenePos().y() - r, 2 * r, 2 * r)
    image = QImage(int(8 * r), int(8 * r), QImage.Format.Format_ARGB32)
    image.fill(QColor("#fbfbf8"))
    painter = QPainter(image)
    view.scene().render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image, 4 * r


def test_a_map_fills_its_unit_left_low_right_high_clipped_to_the_circle(qtbot):
    view = TopologyView()
    qtbot.addWidget(view)
    view.set_structure((2, 2, 1))
    view.set_unit_images({(1, 0): HALF})
    assert view.unit_item(1, 0).map_image() is not None and view.unit_item(1, 1).map_image() is None
    image, r = _unit_picture(view, 1, 0)
    c = int(r)
    below = c + int(0.45 * r)  # clear of the pale disc behind the symbol
    left, right = image.pixelColor(c - int(0.7 * r), below), image.pixelColor(c + int(0.7 * r), below)
    assert _close(left, style.value_colour(0.0, 0.0, 1.0))  # LOW inside, on the left
    assert _close(right, style.value_colour(1.0, 0.0, 1.0))  # HIGH on the right
    corner = image.pixelColor(3, 3)  # inside the unit's square, outside its circle: no map
    assert not _close(corner, style.value_colour(0.0, 0.0, 1.0), 40)
    plain, _ = _unit_picture(view, 1, 1)
    assert _close(plain.pixelColor(c - int(0.7 * r), c + int(0.45 * r)), QColor("white"))
    view.set_text_scale(1.5)  # a rebuild keeps the maps
    assert view.unit_item(1, 0).map_image() is not None
    view.set_unit_images(None)
    assert view.unit_item(1, 0).map_image() is None
    image, r = _unit_picture(view, 1, 0)
    c = int(r)
    assert _close(image.pixelColor(c - int(0.7 * r), c + int(0.45 * r)), QColor("white"))  # the plain fill again


def test_levels_per_unit_and_a_new_structure_drops_the_maps(qtbot):
    view = TopologyView()
    qtbot.addWidget(view)
    view.set_structure((2, 2, 1))
    view.set_unit_images({(1, 0): np.zeros((4, 4)), (2, 0): np.zeros((4, 4))}, levels={(1, 0): (-1.0, 1.0)})
    assert _rgb(view.unit_item(1, 0).map_image().pixelColor(0, 0)) == (255, 255, 255)  # 0 is the middle of −1…1
    assert _rgb(view.unit_item(2, 0).map_image().pixelColor(0, 0)) == _rgb(style.value_colour(0.0, 0.0, 1.0))
    view.set_structure((2, 3, 1))
    assert all(view.unit_item(k, u).map_image() is None for k, n in enumerate((2, 3, 1)) for u in range(n))


def _window(qtbot, qsettings, data: str, hidden=(2,)):
    from bpgui.views.main_window import MainWindow

    controller = TrainingController(Settings(data=data, hidden=hidden, target_error=None))
    window = MainWindow(controller, qsettings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window, controller


def _overlapping(view: TopologyView) -> list[tuple[str, str]]:
    rects = view.visible_label_rects()
    return [(a, b) for n, (a, ra) in enumerate(rects) for b, rb in rects[n + 1:] if ra.intersects(rb)]


def test_the_window_draws_xor_maps_in_b1_b2_and_they_change_with_training(qtbot, qsettings, no_dialogs):
    window, controller = _window(qtbot, qsettings, "xor")
    view = window.topology
    assert window.right_tabs.currentWidget() is not window.decision_map  # drawn whichever tab is shown
    images = [view.unit_item(1, u).map_image() for u in (0, 1)]
    assert all(image is not None for image in images)
    assert view.unit_item(2, 0).map_image() is not None  # the output's map too
    assert view.unit_item(0, 0).map_image() is None
    controller.fast_forward(300)
    qtbot.wait(1)
    after = [view.unit_item(1, u).map_image() for u in (0, 1)]
    assert all(a is not None and a != b for a, b in zip(after, images))
    controller.step_phase()
    qtbot.wait(1)
    assert not _overlapping(view)


def test_data_without_two_inputs_draws_no_maps(qtbot, qsettings, no_dialogs):
    window, controller = _window(qtbot, qsettings, "watermelon3.0")
    assert controller.dataset.n_inputs != 2
    controller.step()
    qtbot.wait(1)
    assert all(u.map_image() is None for layer in window.topology._units for u in layer)
    assert controller.decision_surface() is None


@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_a_2_2_1_network_is_compact_enough_to_read_at_large_text(qtbot, scale):
    """In a presentation's network pane (about 610 × 480), 2-2-1's labels are at least 14 px (their font's
    pixel size) at 175 %, every label finds a place in every phase, and none overlaps."""
    controller = TrainingController(Settings(data="xor", hidden=(2,), target_error=None))
    controller.step()
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(612, 540)
    view.show()
    view.set_text_scale(scale)
    view.set_structure(controller.network.layer_sizes)
    for _ in controller.phase_plan:
        controller.step_phase()
        view.show_state(controller.network, controller.display_record(), controller.phase_view)
        qtbot.wait(1)
        assert view.hidden_label_count() == 0 and not _overlapping(view)
    view.fit()
    label = view.unit_item(1, 0).value_label
    pixels = label._font.pointSizeF() * view.logicalDpiY() / 72 * view.transform().m11()
    assert pixels >= (14 if scale > 1.5 else 12)
