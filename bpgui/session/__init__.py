"""The Qt-free session: the owner of one run and everything a learner can do to it.

Importing this package never imports Qt or pyqtgraph. The controller is a
thin QObject adapter over it; the command-line tools use it too.
"""
