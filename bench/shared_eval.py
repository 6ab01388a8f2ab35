"""The evaluation scripts of ../shared/eval, loaded as modules by the bench scripts."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def load_eval_module(shared: Path, name: str):
    """`shared/eval/<name>.py` as a module (e.g. "score_extraction", "score_entities")."""
    spec = importlib.util.spec_from_file_location(name, shared / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
