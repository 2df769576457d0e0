"""A binder shared by several copies: the change log, merging, exchange files, invitations.

docs/SYNC.md describes the design; `registry` lists what is shared.
"""
