"""Interleave's queue: the thread-safe FIFO, LIFO and priority queues and SimpleQueue, over threading's locks.

Behaviour, messages and the `_init`/`_qsize`/`_put`/`_get` hooks that subclasses override follow CPython 3.11.
"""

import threading
import types
from collections import deque
from heapq import heappush, heappop
from time import monotonic as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_GenericAlias = getattr(types, 'GenericAlias', None)


def _alias(cls, item):
    # `Queue[int]`, as annotations write it: CPython's types.GenericAlias, or typing's alias where the
    # interpreter's types module has none.
    if _GenericAlias is not None:
        return _GenericAlias(cls, item)
    from typing import _GenericAlias as alias
    return alias(cls, item)


class Empty(Exception):
    """Raised by get(block=False) and get_nowait() on an empty queue, and by get() when its timeout passes."""

    __module__ = '_queue'


class Full(Exception):
    """Raised by put(block=False) and put_nowait() on a full queue, and by put() when its timeout passes."""


class Queue:
    """A first-in, first-out queue; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One lock under three conditions: whoever changes the queue holds it, and wakes the right waiters.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
        # For the timeline: waiting on these is waiting on the queue.
        kind = type(self).__name__ if type(self) in (Queue, LifoQueue, PriorityQueue) else 'Queue'
        for cond, op in ((self.not_empty, 'get'), (self.not_full, 'put'), (self.all_tasks_done, 'join')):
            threading._describe(cond, self, kind, op)
        if threading._tag is not None:
            threading._tag(self.mutex, self, kind, 'acquire')

    def task_done(self):
        """Marks one item taken with get() as processed; join() returns when every item put has been."""
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Blocks until every item put has been marked done with task_done()."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Adds an item, waiting for room if the queue is bounded and full (at most `timeout` seconds, then Full).
        With block=False it raises Full at once instead, and the timeout is ignored."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item, waiting for one if the queue is empty (at most `timeout` seconds, then
        Empty). With block=False it raises Empty at once instead, and the timeout is ignored."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage, for subclasses to replace. They are called with the mutex held.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        return _alias(cls, item)


class PriorityQueue(Queue):
    """A queue that hands out its smallest item first (a heap); entries are often (priority, data) tuples."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A queue that hands out its most recent item first (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue with no task tracking: put() never blocks."""

    __module__ = '_queue'

    def __init__(self):
        self._queue = deque()
        # Counts the items: get() takes one unit, waiting while there are none.
        self._count = threading.Semaphore(0)
        threading._describe(self._count._cond, self, 'SimpleQueue', 'get')

    def put(self, item, block=True, timeout=None):
        """Adds an item; `block` and `timeout` exist for Queue compatibility and are ignored."""
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        if not block:
            acquired = self._count.acquire(False)
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            acquired = self._count.acquire(True, timeout)
        if not acquired:
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    def __class_getitem__(cls, item):
        return _alias(cls, item)
