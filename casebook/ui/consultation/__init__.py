"""Widgets for questions and consultation notes (pages live in ui/pages)."""
