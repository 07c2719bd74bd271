"""Report: the brief (md, html, json) and the export of the whole ledger."""
