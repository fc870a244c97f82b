"""requests: placeholder."""
