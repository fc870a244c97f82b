"""The urllib package: its modules request, error and parse are Interleave's one `_il_urllib`."""
