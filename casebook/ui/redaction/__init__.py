"""Hiding parts of a document before it is sent: the redaction editor."""
