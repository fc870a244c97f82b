"""_il_urllib: placeholder."""
