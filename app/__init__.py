"""The application: one run of the generator (connect, check the target, generate, validate, report, commit)."""
