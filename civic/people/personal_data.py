"""Minimal stand-in of the personal-data registry (the ``rights`` work owns
this file; the lead keeps its version at the merge)."""

REGISTRY = {}


class Section:
    def __init__(self, name, label, *, export, erase):
        self.name, self.label, self.export, self.erase = name, label, export, erase
        REGISTRY[name] = self
