"""Format-specific extractors: each turns one raw document into an `Extracted` draft."""
