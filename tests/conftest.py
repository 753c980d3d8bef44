import os
import tempfile

# Qt must never need a display in the test suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings() must never read or write the user's own configuration.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpgui-tests-")
