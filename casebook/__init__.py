"""Casebook: an encrypted case binder for preparing a cancer second-opinion request."""

__version__ = "0.1.0"
