"""Evaluation: corpus readers and scorers behind `newsledger bench`; nothing in the runtime imports them."""
