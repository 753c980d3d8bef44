"""Colours shared by the plots: chosen for a projector, on a light background."""

BACKGROUND = "w"
TEXT = "#222222"
AXIS = "#555555"
