"""Link: group articles into stories across the ledger."""
