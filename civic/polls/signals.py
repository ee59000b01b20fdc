"""Poll events → notifications (filled below)."""
