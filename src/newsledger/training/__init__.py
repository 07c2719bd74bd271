"""Training: the code that fits the shipped models and builds the shipped data tables, run as
``python -m newsledger.training.<name> --data DIR --out PATH``. Nothing in the runtime imports it; it never writes
into the package unless ``--out`` names the shipped artifact."""
