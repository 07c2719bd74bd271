"""Training: code that fits the models the runtime ships (run as `python -m newsledger.training.<name>`)."""
