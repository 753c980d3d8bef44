"""Files in the window: what the learner reads after opening a network names the file exactly as it is
called, even when its name looks like a placeholder (net%2.json, {file}.json); the map's picture is the map
whichever tab is shown."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

WEIGHTS = [[[0.15, -0.25], [0.20, 0.30]], [[0.40], [-0.45]]]
THRESHOLDS = [[-0.35, 0.1], [-0.6]]


def write_221(path, units_out=1):
    weights = WEIGHTS if units_out == 1 else [WEIGHTS[0], [[0.4] * units_out, [-0.45] * units_out]]
    thresholds = THRESHOLDS if units_out == 1 else [THRESHOLDS[0], [-0.6] * units_out]
    path.write_text(json.dumps({
        "format": "bpgui.network", "version": 1,
        "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": units_out, "activation": "sigmoid"}],
        "weights": weights, "thresholds": thresholds, "loss": "squared_error", "learning_rate": 0.5,
    }), encoding="utf-8")
    return str(path)


def shown_text(label) -> str:
    """The label's text as the learner reads it (markup rendered, entities decoded)."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


@pytest.mark.parametrize("name", ["net%2.json", "net%1%3.json", "{file}net.json", "a&b <c>.json"])
def test_opening_a_network_names_the_file_exactly_as_it_is_called(window, tmp_path, name):
    path = write_221(tmp_path / name)
    for _ in range(3):
        window.step_action.trigger()
    assert window.controller.open_network(path)
    c = window.controller
    assert shown_text(window.message_label) == f"Opened {path}: a 2-2-1 network, at iteration 0."
    assert window.last_message == ("info", f"Opened {path}: a 2-2-1 network, at iteration 0.")
    # And it really is that network, at t = 0, with its learning rate.
    assert c.iteration == 0 and c.settings.learning_rate == 0.5
    expected = np.concatenate([np.ravel(WEIGHTS[0]), THRESHOLDS[0], np.ravel(WEIGHTS[1]), THRESHOLDS[1]])
    np.testing.assert_array_equal(c.network.flat, expected)
    assert "t = 0" in window.status_label.text()


@pytest.mark.parametrize("name", ["net%2.json", "{file}{shape}.json"])
def test_a_network_that_does_not_fit_the_data_is_refused_naming_the_file_exactly(window, tmp_path, name):
    path = write_221(tmp_path / name, units_out=2)  # XOR has one output
    before = window.controller.network.flat.tobytes()
    assert window.controller.open_network(path) is False
    level, text = window.last_message
    assert level == "error" and path in text and "2-2-2" in text
    assert path in shown_text(window.message_label)
    assert window.controller.network.flat.tobytes() == before


def test_a_saved_network_opens_again_with_the_same_parameters(window, tmp_path):
    for _ in range(5):
        window.step_action.trigger()
    path = str(tmp_path / "after%1five.json")
    assert window.controller.save_network(path)
    saved = window.controller.network.flat.copy()
    window.reset_action.trigger()
    assert not np.array_equal(window.controller.network.flat, saved)
    assert window.controller.open_network(path)
    np.testing.assert_array_equal(window.controller.network.flat, saved)
    assert path in shown_text(window.message_label)


def _tinted_share(image: QImage) -> float:
    """The share of pixels in the map's blue or vermillion (any tint of them, well away from grey)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.width(), 4)
    blue, red = pixels[..., 0].astype(int), pixels[..., 2].astype(int)
    return float(np.mean(np.abs(blue - red) >= 12))


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_map_picture_is_drawn_even_from_the_curve_tab(window, tmp_path):
    for _ in range(40):
        window.controller.step()
    window.right_tabs.setCurrentWidget(window.plot)
    QApplication.processEvents()
    path = tmp_path / "map.png"
    assert window.export_picture("map", str(path), QSize(960, 720))
    assert window.right_tabs.currentWidget() is window.plot  # the learner's tab again
    image = QImage(str(path))
    assert image.size() == QSize(960, 720)
    assert _tinted_share(image) > 0.1  # the maps, not an empty frame (it was 1 %)
    # the legend row above the maps: its vermillion swatch and class-0 dot at the top left
    strip = image.copy(0, 0, 320, 24).convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(strip.constBits(), dtype=np.uint8).reshape(24, 320, 4).astype(int)
    assert np.sum(pixels[..., 2] - pixels[..., 0] > 60) > 20
