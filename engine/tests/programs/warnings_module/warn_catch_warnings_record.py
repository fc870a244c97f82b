# catch_warnings(record=True) collects warnings instead of printing them, and restores the filters after.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", DeprecationWarning)
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
warnings.warn("shown after")
