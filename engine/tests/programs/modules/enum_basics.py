from enum import Enum, IntEnum, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

class Priority(IntEnum):
    LOW = 1
    HIGH = 2

print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(2), Color["RED"], list(Color))
print([s.value for s in State], State.DONE is State.DONE, State.PENDING == State.RUNNING)
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, len(Color))
print(f"{Color.RED}", f"{Priority.LOW}", str(Priority.LOW))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
for state in State:
    print(state.name.lower(), end=" ")
print()
