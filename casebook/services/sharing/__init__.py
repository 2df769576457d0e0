"""Sharing a binder with family members: invite and join, exchange, two versions, members.

The rules and the file formats are described in docs/SYNC.md.
"""
