# Reading decimals as floats: float(), literals and json all round to the nearest float, ties to even, however
# many digits the text has and however far its exponent goes.
import json

texts = [
    "0.1", "0.3", "3.141592653589793", "2.718281828459045235360287", "9007199254740993",
    "9007199254740995", "18014398509481985", "1e22", "1e23", "8.98846567431158e307",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
    "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
    "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-0.0", "+.5e-3", "1.",
    "00000000000000000000000000001.5", "123456789012345678901234567890.123456789",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "1_000.000_001", " \t 6.02214076e23 \n", "1e1_0", "INFINITY", "-nan",
]
for text in texts:
    x = float(text)
    print(repr(text), repr(x), x.as_integer_ratio() if x == x and abs(x) != float("inf") and x < 1e30 else "")

# A halfway case decided by a digit a thousand places down.
half = "1.00000000000000011102230246251565404236316680908203125" + "0" * 1000
print(float(half) == 1.0, float(half + "1") > 1.0)
print(float("9" * 400 + "e-400"), float("0." + "0" * 500 + "1e500"))

# Literals go through the same reader.
print(0.1 + 0.2, 1.7976931348623157e308, 5e-324, 2.4703282292062328e-324, 1e-330, 6.02214076e23, 1_0.0_1)
print(json.loads("[0.1, 1e400, -0.0, 12345678901234567890.5, 1E-7, 2.2250738585072011e-308]"))

for bad in ["1e", ".", "e5", "1..2", "0x1p3", "1__0", "_1.0", "1.0_", "infinit", "", "1e+"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
