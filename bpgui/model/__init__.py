"""The pure-NumPy model: network, backward pass, training, data, files.

Importing this package never imports Qt or pyqtgraph (a test checks it).
"""
