"""Reconcile: stance of texts toward claims, and findings across sources."""
