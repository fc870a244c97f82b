# simplefilter("error") turns warnings into exceptions; "ignore" silences them.
import warnings

warnings.simplefilter("ignore")
warnings.warn("quiet")
warnings.simplefilter("error")
try:
    warnings.warn("loud", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", e)
warnings.warn("uncaught")
