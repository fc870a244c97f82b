# queue.Empty and queue.Full are plain Exception subclasses; Empty is defined in _queue.
import queue

for cls in (queue.Empty, queue.Full):
    print(cls.__name__, cls.__module__, issubclass(cls, Exception))
print(queue.SimpleQueue.__module__)
