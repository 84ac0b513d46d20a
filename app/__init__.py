"""DutyDesk (应急值守台).

``__version__`` is the one place the version lives: pyproject.toml reads it (setuptools'
dynamic version), ``dutydesk --version`` prints it, the log's start line and the installers'
version resources carry it.
"""

__version__ = "0.1.0"
