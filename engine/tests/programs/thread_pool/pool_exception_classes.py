# concurrent.futures.TimeoutError is the built-in TimeoutError; its CancelledError is not asyncio's.
import asyncio
import concurrent.futures as cf

print(cf.TimeoutError is TimeoutError)
print(cf.CancelledError.__name__, issubclass(cf.CancelledError, Exception))
print(cf.CancelledError is asyncio.CancelledError)
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
