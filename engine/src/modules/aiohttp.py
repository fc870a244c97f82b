"""aiohttp: placeholder."""
