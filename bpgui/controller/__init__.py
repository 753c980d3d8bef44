"""The controller layer: thin QObject adapters over the Qt-free session.

Slots call the session, signals announce what changed; slow work goes to a
worker process. Views talk to these objects only.
"""

from .training import SPEEDS, Settings, TrainingController, localized

__all__ = ["SPEEDS", "Settings", "TrainingController", "localized"]
