"""Training: code that fits the shipped models, run as ``python -m newsledger.training.<name> --data DIR --out FILE``; nothing in the runtime imports it."""
