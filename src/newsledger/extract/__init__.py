"""Extract: entities, attributions and events from one annotated article."""
