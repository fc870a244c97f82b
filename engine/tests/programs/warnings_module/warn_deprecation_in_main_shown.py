# A DeprecationWarning raised from __main__'s own code is shown (CPython's default::DeprecationWarning:__main__).
import warnings

warnings.warn("old API", DeprecationWarning)
warnings.warn("later", PendingDeprecationWarning)
print("after")
