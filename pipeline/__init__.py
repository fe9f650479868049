"""diplonews: French and English diplomacy and security news into typed Parquet tables."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplonews")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
