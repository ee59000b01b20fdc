"""Polls and household decisions with exact, tamper-proof tallies (issue 3)."""
