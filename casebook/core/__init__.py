"""The domain in plain Python: records, rules, progress and errors. No I/O, no SQL, no Qt."""
