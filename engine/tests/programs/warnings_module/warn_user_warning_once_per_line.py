# warnings.warn shows a UserWarning with its file, line and source, once per line by default.
import warnings

for i in range(3):
    warnings.warn("careful")
warnings.warn("careful")
print("done")
