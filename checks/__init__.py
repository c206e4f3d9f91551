"""Checks that run as SQL inside PostgreSQL on a generated (or any marked) database."""
