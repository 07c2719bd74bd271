"""The command line every training module shares: ``python -m newsledger.training.<name> --data DIR --out PATH``.

An output path is required, and naming the shipped artifact needs ``--replace-shipped`` as well, so a training
run never overwrites what the package ships by accident."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def parser(description: str) -> argparse.ArgumentParser:
    """A parser with the options every training run takes."""
    found = argparse.ArgumentParser(description=description)
    found.add_argument("--data", type=Path, required=True, help="The training data folder (train split only).")
    found.add_argument("--out", type=Path, help="Where to write the model (required to train).")
    found.add_argument("--replace-shipped", action="store_true",
                       help="Allow --out to name the model the package ships, and overwrite it.")
    return found


def out_path(found: argparse.ArgumentParser, args: argparse.Namespace, shipped: Path) -> Path:
    """``--out``, refused when missing, or when it is the shipped artifact without ``--replace-shipped``."""
    if args.out is None:
        found.error("name where to write the model with --out")
    if args.out.resolve() == Path(shipped).resolve() and not args.replace_shipped:
        found.error(f"{args.out} is the model the package ships: add --replace-shipped to overwrite it")
    return args.out


def emit(result: dict) -> None:
    """A training run's report, as JSON on stdout."""
    print(json.dumps(result, indent=2))
