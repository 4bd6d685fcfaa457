"""PyInstaller runtime hook: the frozen Windows app keeps credentials in the Windows
Credential Locker (Credential Manager), whatever else keyring might find.

An explicit ``PYTHON_KEYRING_BACKEND`` (the smoke test's file backend) still wins.
"""

import os
import sys

if sys.platform == "win32":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.Windows.WinVaultKeyring")
