"""Recordings of consultations: imported from phones, recorded in the app, played back."""
