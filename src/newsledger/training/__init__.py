"""Training and data-building commands: `python -m newsledger.training.<name> --out FILE`; the runtime never imports them."""
