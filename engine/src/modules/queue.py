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

    def _wait_until(self, cond, ready, block, timeout, failure):
        """Returns once `ready()` holds, with `cond`'s lock held throughout. Without `block`, it must hold
        already; with a `timeout`, it may take that many seconds at most. Otherwise `failure` is raised."""
        if not block:
            if not ready():
                raise failure
            return
        if timeout is not None:
            # Checked even when no wait is needed, as CPython does.
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            give_up = _time() + timeout
        while not ready():
            if timeout is None:
                cond.wait()
                continue
            left = give_up - _time()
            if left <= 0.0:
                raise failure
            cond.wait(left)

    def put(self, item, block=True, timeout=None):
        """Adds an item, waiting for room if the queue is bounded and full (at most `timeout` seconds, then Full).
        With block=False it raises Full at once instead, and the timeout is ignored."""
        with self.not_full:
            # An unbounded queue always has room, and looks at neither `block` nor `timeout`.
            if self.maxsize > 0:
                self._wait_until(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item, waiting for one if the queue is empty (at most `timeout` seconds, then
        Empty). With block=False it raises Empty at once instead, and the timeout is ignored."""
        with self.not_empty:
            self._wait_until(self.not_empty, self._qsize, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def _has_room(self):
        return self._qsize() < self.maxsize

    def task_done(self):
        """Marks one item taken with get() as processed; join() returns when every item put has been."""
        with self.all_tasks_done:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if not self.unfinished_tasks:
                self.all_tasks_done.notify_all()

    def join(self):
        """Blocks until every item put has been marked done with task_done()."""
        with self.all_tasks_done:
            self._wait_until(self.all_tasks_done, self._all_done, True, None, None)

    def _all_done(self):
        return not self.unfinished_tasks

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return self._qsize() == 0

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

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
