"""Casebook's own small reader and writer of the 7z format, as far as the sealed bundle needs it.

Written from 7-Zip's format description (DOC/7zFormat.txt) and its AES coder's properties. The
writer makes one kind of archive: every file stored (Copy method) in one AES-256 stream, the
headers encrypted with the same key, split into volumes if asked. The reader opens those, and
the archives 7-Zip itself writes with Copy, AES, LZMA or LZMA2, so `verify` can judge both.
Streaming throughout: memory stays flat however large the archive.
"""
