"""Recordings of consultations: recording during note-taking, playback with note marks."""
