"""_il_streams: placeholder."""
