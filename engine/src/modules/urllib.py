"""urllib: placeholder."""
