class = "math"
