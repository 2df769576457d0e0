"""Worker processes that parse untrusted files: the pool, its message format, its limits.

See `casebook.services.isolation` for the errors and the app-wide pool callers use.
"""
