"""Redaction: what identifies the patient, Casebook's proposals, and the redacted copies."""
