"""The demo app is the top layer: nothing in the project imports it (the tests may),
so a real site can leave it out of ``INSTALLED_APPS``; its ``seed_demo`` is the one
seed command. Reads the source and the commands, no database."""

import ast
import os
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

BASE = Path(settings.BASE_DIR)
ALLOWED = {"demo", "tests"}


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_outside_demo_and_tests_imports_demo():
    found = []
    for dirpath, dirnames, filenames in os.walk(BASE):
        skip = {"var", "__pycache__"} | (ALLOWED if Path(dirpath) == BASE else set())
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in skip]
        for name in filenames:
            if name.endswith(".py"):
                path = Path(dirpath, name)
                for module in imports_of(path):
                    if module == "demo" or module.startswith("demo."):
                        found.append(f"{path.relative_to(BASE)}: {module}")
    assert found == []


def test_seed_demo_is_the_one_seed_command():
    assert sorted(name for name in get_commands() if "seed" in name) == ["seed_demo"]
    assert get_commands()["seed_demo"] == "demo"
