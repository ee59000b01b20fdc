"""The bare Django site bench/pages.py compares the project against (see settings)."""
