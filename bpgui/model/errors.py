"""Errors raised for bad user input.

Every message names what is wrong (file, line, column or key) so the window
can show it as it is; raising one never changes any state.
"""


class BpguiError(ValueError):
    """Base class of the errors a user can cause with bad input."""


class DataError(BpguiError):
    """A data set (built-in name or CSV file) could not be used."""


class NetworkFileError(BpguiError):
    """A network file is not valid JSON or not a valid bpgui network."""


class ConfigError(BpguiError):
    """A training or structure setting is out of range (η, hidden sizes, ...)."""


class DivergenceError(BpguiError):
    """An iteration produced NaN or infinity; it was not applied."""
