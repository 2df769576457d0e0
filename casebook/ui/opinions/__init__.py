"""Widgets and dialogs of the Opinions page: recording, comparing, deciding."""
