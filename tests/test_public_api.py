"""The public API is `claimtrail.__all__`: explicit, sorted, and every name in it importable (httpx-style)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import claimtrail


def _public_names() -> list[str]:
    names = getattr(claimtrail, "__all__", None)
    assert names is not None, "claimtrail/__init__.py must define an explicit __all__"
    return list(names)


def test_all_is_a_sorted_list_of_unique_strings() -> None:
    names = _public_names()
    assert all(isinstance(name, str) for name in names)
    assert len(names) == len(set(names)), "__all__ lists a name twice"
    assert names == sorted(names), "__all__ must be sorted"


def test_all_names_are_public() -> None:
    """Private `_names` stay out; dunders such as `__version__` may be listed (httpx lists them)."""
    private = [
        n for n in _public_names() if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))
    ]
    assert private == []


def test_every_name_is_importable() -> None:
    module = importlib.import_module("claimtrail")
    missing = []
    for name in _public_names():
        namespace: dict[str, object] = {}
        try:
            exec(f"from claimtrail import {name}", namespace)
        except ImportError:
            missing.append(name)
            continue
        assert namespace[name] is getattr(module, name)
    assert missing == [], f"claimtrail.__all__ lists names that cannot be imported: {missing}"


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from claimtrail import *", namespace)
    assert sorted(n for n in namespace if n != "__builtins__") == sorted(_public_names())


def test_import_is_light() -> None:
    """Importing the package must not pull in spaCy (workers and light commands import it)."""
    code = "import sys, claimtrail; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
