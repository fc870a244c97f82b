"""Interleave's concurrent.futures: Future, wait, as_completed and ThreadPoolExecutor, built on threading and
queue.

One module stands for CPython's package and its `_base` and `thread` submodules: each class says which of
those it belongs to (`__module__`), so tracebacks print `concurrent.futures._base.CancelledError` as CPython
does. Public names, messages, reprs and the order in which things happen are CPython 3.11's; the inside is
Interleave's own. ProcessPoolExecutor runs its calls in simulated processes (`multiprocessing`).
"""

import collections
import functools
import itertools
import logging
import os
import queue
import threading
import time
import types
import _thread

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError', 'TimeoutError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed', 'ProcessPoolExecutor',
           'ThreadPoolExecutor')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

# A future's `_state`, spelled as CPython spells it because programs peek at it. A cancelled future counts
# as finished for wait() and as_completed() only once an executor has come across it and moved it on to
# CANCELLED_AND_NOTIFIED; done() and result() treat both cancelled states alike.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_WATCHED_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)

_logger = logging.getLogger("concurrent.futures")


class Error(Exception):
    """Base class for the module's own exceptions."""

    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    """The future was cancelled."""

    __module__ = 'concurrent.futures._base'


# The builtin one, since 3.11.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The future is in a state that does not allow the operation (setting a result twice, say)."""

    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    """The executor can no longer run work."""

    __module__ = 'concurrent.futures._base'


def _report_callback_error(future, exc):
    # A failing callback must not stop the others, nor whoever finished the future: it is only logged.
    _logger.exception('exception calling callback for %r', future, exc_info=exc)


class Future:
    """The result of a call that runs elsewhere: ask whether it is done, wait for its result or exception,
    or have a callback run when it finishes."""

    __module__ = 'concurrent.futures._base'

    def __init__(self):
        # One condition guards the state and wakes result()/exception() callers.
        self._cond = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        # The program's callbacks, run in the order added once the future is done.
        self._callbacks = []
        # wait() and as_completed() hang plain functions here: poke(future, raised) is called, under the
        # condition, when the future reaches a state they count as done.
        self._pokes = []

    def __repr__(self):
        state = self._state
        text = '%s at %s state=%s' % (self.__class__.__name__, hex(id(self)),
                                      'cancelled' if state in _CANCELLED_STATES else state.lower())
        if state == FINISHED:
            if self._exception:
                text += ' raised ' + self._exception.__class__.__name__
            else:
                text += ' returned ' + self._result.__class__.__name__
        return '<%s>' % text

    def __class_getitem__(cls, item):
        # `Future[int]` in annotations: typing's alias, where the interpreter's types module has no GenericAlias.
        alias = getattr(types, 'GenericAlias', None)
        if alias is None:
            from typing import _GenericAlias as alias
        return alias(cls, item)

    def _is_open(self):
        # Not yet done in the sense of done(): still waiting to run, or running.
        return self._state == PENDING or self._state == RUNNING

    def _poke_watchers(self, raised):
        for poke in self._pokes:
            poke(self, raised)

    def _run_callbacks(self):
        # Outside the condition, so that a callback may look at the future (or block) freely.
        for fn in self._callbacks:
            try:
                fn(self)
            except Exception as exc:
                _report_callback_error(self, exc)

    def cancel(self):
        """Cancels the call unless it is running or done; returns whether the future is now cancelled."""
        with self._cond:
            if self._state != PENDING:
                return self._state in _CANCELLED_STATES
            self._state = CANCELLED
            self._cond.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        return self._state in _CANCELLED_STATES

    def running(self):
        return self._state == RUNNING

    def done(self):
        return not self._is_open()

    def add_done_callback(self, fn):
        """Calls fn(future) when the future finishes or is cancelled, at once if it already has."""
        with self._cond:
            if self._is_open():
                self._callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _report_callback_error(self, exc)

    def _outcome(self, timeout):
        # Waits (once: only finishing or cancelling notifies) for the outcome, as (exception, result).
        with self._cond:
            if self._is_open():
                self._cond.wait(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            return self._exception, self._result

    def result(self, timeout=None):
        """The call's return value, waiting at most `timeout` seconds (then TimeoutError); raises the call's
        exception if it raised one, CancelledError if it was cancelled."""
        exception, result = self._outcome(timeout)
        if exception:
            raise exception
        return result

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting as result() does."""
        return self._outcome(timeout)[0]

    def set_running_or_notify_cancel(self):
        """For executors, before running the call: False (and wait()/as_completed() told) if it was
        cancelled, else the future becomes running and True."""
        with self._cond:
            if self._state == PENDING:
                self._state = RUNNING
                return True
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                self._poke_watchers(False)
                return False
            _logger.critical('Future %s in unexpected state: %s', id(self), self._state)
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception, raised):
        with self._cond:
            if not self._is_open():
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            # wait()/as_completed() first, then result() callers: the order in which CPython wakes them.
            self._poke_watchers(raised)
            self._cond.notify_all()
        self._run_callbacks()

    def set_result(self, result):
        self._finish(result, None, False)

    def set_exception(self, exception):
        self._finish(None, exception, True)


def _hook(fs, poke, done):
    """Adds to `done` the futures of `fs` that wait() counts as done already and hangs `poke` on the others,
    which it returns. Each future is looked at under its own condition, so none can finish between the look
    and the hook; no two conditions are ever held together."""
    hooked = []
    for f in fs:
        with f._cond:
            if f._state in _WATCHED_DONE_STATES:
                done.add(f)
            else:
                f._pokes.append(poke)
                hooked.append(f)
    return hooked


def _unhook(hooked, poke):
    for f in hooked:
        with f._cond:
            f._pokes.remove(poke)


def as_completed(fs, timeout=None):
    """Yields the futures of `fs` as they finish (the already finished first); duplicates count once. Raises
    TimeoutError if `timeout` seconds pass, counted from the first next(), before all have finished."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    fs = set(fs)
    # Every finish is appended and sets `ready`; this generator hands them out in that order. The list only
    # grows, so reading past `taken` after clearing `ready` can lose none.
    arrived = []
    ready = threading.Event()

    def poke(future, raised):
        arrived.append(future)
        ready.set()

    finished = set()
    hooked = _hook(fs, poke, finished)
    unfinished = len(hooked)
    try:
        # CPython hands these out from the end of list(set): the same order here.
        for f in reversed(list(finished)):
            yield f
        taken = 0
        while unfinished:
            if timeout is None:
                left = None
            else:
                left = deadline - time.monotonic()
                if left < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (unfinished, len(fs)))
            ready.wait(left)
            ready.clear()
            batch = arrived[taken:]
            taken += len(batch)
            for f in batch:
                unfinished -= 1
                yield f
    finally:
        _unhook(hooked, poke)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures of `fs` (at most `timeout` seconds) until `return_when`: FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED. Returns the sets (done, not_done)."""
    fs = set(fs)
    done = set()
    arrived = []
    ready = threading.Event()

    def poke(future, raised):
        # On the finishing thread: wakes the caller only once its condition holds. `done` and `arrived`
        # together hold every future of fs exactly when all have finished, even while _hook is still going.
        arrived.append(future)
        if (return_when == FIRST_COMPLETED or (raised and return_when == FIRST_EXCEPTION)
                or len(done) + len(arrived) == len(fs)):
            ready.set()

    hooked = _hook(fs, poke, done)
    try:
        if (len(done) == len(fs) or (done and return_when == FIRST_COMPLETED)
                or (return_when == FIRST_EXCEPTION
                    and any(f._state == FINISHED and f._exception is not None for f in done))):
            pass
        elif return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            raise ValueError("Invalid return condition: %r" % return_when)
        else:
            ready.wait(timeout)
    finally:
        _unhook(hooked, poke)
    done.update(arrived)
    return DoneAndNotDoneFutures(done, fs - done)


class Executor:
    """Base class of the executors: submit() schedules a call and returns its Future."""

    __module__ = 'concurrent.futures._base'

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by the executor. Every call is submitted now; the
        results come in order, and one not ready `timeout` seconds after this call raises TimeoutError.
        (chunksize only matters to process pools.)"""
        if timeout is not None:
            deadline = time.monotonic() + timeout
        # A list comprehension, not deque(generator): submit() may block, which a builtin's call may not.
        futures = collections.deque([self.submit(fn, *args) for args in zip(*iterables)])

        # The name shows in the generator's repr, as in CPython.
        def result_iterator():
            try:
                while futures:
                    # Taken off before waiting, so that a result handed out is no longer held here.
                    f = futures.popleft()
                    try:
                        value = f.result(None if timeout is None else deadline - time.monotonic())
                    finally:
                        # A future given up on (timed out) should not run later for nothing.
                        f.cancel()
                    yield value
            finally:
                # Abandoned or failed: the calls not yet reached are dropped, the last submitted first.
                while futures:
                    futures.pop().cancel()

        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# ThreadPoolExecutor (CPython's concurrent.futures.thread).

class BrokenThreadPool(BrokenExecutor):
    """A worker's initializer failed: the pool runs no more work."""

    __module__ = 'concurrent.futures.thread'


_BROKEN_MESSAGE = 'A thread initializer failed, the thread pool is not usable anymore'

# When the main thread's code ends, every pool stops taking work and its workers leave once their queue is
# drained, and are waited for. `_exiting` is set, and checked by submit(), under `_exit_lock`, so that no job
# can be queued behind the exit's sentinels. The workers are kept in the order they were started, each with
# its pool's queue; the dead are dropped whenever one is added.
_exiting = False
_exit_lock = threading.Lock()
_live_workers = []


def _stop_all_pools():
    global _exiting
    with _exit_lock:
        _exiting = True
    workers = list(_live_workers)
    for thread, jobs in workers:
        jobs.put(None)
    for thread, jobs in workers:
        thread.join()


# Run by threading._shutdown(), before the non-daemon threads are joined.
threading._register_atexit(_stop_all_pools)

# Pools made without a thread_name_prefix are numbered: ThreadPoolExecutor-0, -1... (count's __next__ has no
# call between its read and its write, so no thread switch can split them.)
_pool_numbers = itertools.count()


def _default_max_workers():
    cpu_count = getattr(_thread, '_il_cpu_count', None)
    cpus = cpu_count() if cpu_count is not None else os.cpu_count()
    return min(32, (cpus or 1) + 4)


class ThreadPoolExecutor(Executor):
    """Runs submitted calls on up to max_workers threads, started one per submit() while none is idle."""

    __module__ = 'concurrent.futures.thread'

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_max_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        # `_max_workers` and `_threads` (a set) keep CPython's names: programs read them.
        self._max_workers = max_workers
        self._threads = set()
        self._name_prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % next(_pool_numbers)
        self._initializer = initializer
        self._initargs = initargs
        # Jobs are (future, fn, args, kwargs); None tells the worker that takes it to leave, and to pass it
        # on to the next.
        self._jobs = queue.SimpleQueue()
        # Jobs finished and not yet matched by a submit(): while there are any, a worker is (or will soon
        # be) free, and submit() starts no thread.
        self._idle = 0
        self._idle_lock = threading.Lock()
        self._lock = threading.Lock()
        self._closed = False
        self._broken = None

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs) and returns its Future."""
        # Both locks stay held while a worker is started: a job that submits (to any pool) waits for this.
        with self._lock, _exit_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exiting:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            future = Future()
            # Queued before a worker is started: start() returns once the new thread has had its turn, which
            # may already have run this job.
            self._jobs.put((future, fn, args, kwargs))
            # The idle count has a lock of its own: with threads switching anywhere (Python 3.9 mode), a
            # worker's increment could otherwise be split from this read.
            with self._idle_lock:
                use_idle = self._idle > 0
                if use_idle:
                    self._idle -= 1
            if not use_idle and len(self._threads) < self._max_workers:
                self._start_worker()
            return future

    def _start_worker(self):
        thread = threading.Thread(name='%s_%d' % (self._name_prefix, len(self._threads)), target=self._serve)
        thread.start()
        self._threads.add(thread)
        _live_workers[:] = [pair for pair in _live_workers if pair[0].is_alive()]
        _live_workers.append((thread, self._jobs))

    def _serve(self):
        # A worker thread's whole life.
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as exc:
                _logger.critical('Exception in initializer:', exc_info=exc)
                self._break()
                return
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    # Only shutdown() and the exit put sentinels. Closing the pool here too is why a submit()
                    # after the exit says "after shutdown", as in CPython.
                    self._closed = True
                    self._jobs.put(None)
                    return
                future, fn, args, kwargs = job
                if future.set_running_or_notify_cancel():
                    try:
                        result = fn(*args, **kwargs)
                    except BaseException as exc:
                        future.set_exception(exc)
                    else:
                        future.set_result(result)
                with self._idle_lock:
                    self._idle += 1
        except BaseException as exc:
            # The future was finished behind the pool's back, say: this worker is lost, the program goes on.
            _logger.critical('Exception in worker', exc_info=exc)

    def _take_queued(self):
        # The jobs still queued, taken off the queue (sentinels dropped); call with self._lock held.
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                yield job[0]

    def _break(self):
        with self._lock:
            self._broken = _BROKEN_MESSAGE
            # The work already queued fails too.
            for future in self._take_queued():
                future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No more submissions; the queued work still runs (unless cancel_futures), then the workers leave.
        With wait, returns once they have."""
        with self._lock:
            self._closed = True
            if cancel_futures:
                for future in self._take_queued():
                    future.cancel()
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


# ProcessPoolExecutor (CPython's concurrent.futures.process): workers are forked at the first submit(), all
# at once (as with the fork start method); a manager thread feeds them (at most max_workers + 1 calls waiting
# for a worker at a time, so that later ones can still be cancelled) and hands their results to the futures.

class BrokenProcessPool(BrokenExecutor):
    """A worker process died: the pool runs no more work."""

    __module__ = 'concurrent.futures.process'


class _RemoteTraceback(Exception):
    __module__ = 'concurrent.futures.process'

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


_EXTRA_QUEUED_CALLS = 1
_process_executors = []
_processes_exiting = False


def _forget_after_fork():
    global _live_workers
    _live_workers = []
    _process_executors.clear()


threading._il_fork_hooks.append(_forget_after_fork)


def _stop_process_pools():
    global _processes_exiting
    _processes_exiting = True
    for executor in list(_process_executors):
        executor._wake()
    for executor in list(_process_executors):
        if executor._manager is not None:
            executor._manager.join()


threading._register_atexit(_stop_process_pools)


def _remote(exc):
    import traceback
    return '\n"""\n{}"""'.format(''.join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def _process_worker(calls, results, initializer, initargs, max_tasks):
    import _il_mp
    import multiprocessing
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _logger.critical('Exception in initializer:', exc_info=True)
            return
    done = 0
    while True:
        call = multiprocessing._chan_get(calls)
        if call is None:
            _il_mp.put(results, (None, os.getpid(), None, None))
            return
        # The call left the call queue: the manager may queue another (a freed slot, as in CPython's queue).
        _il_mp.touch(results)
        work_id, fn, args, kwargs = call
        try:
            value = fn(*args, **kwargs)
        except BaseException as e:
            _send_result(results, work_id, False, e)
        else:
            _send_result(results, work_id, True, value)
        done += 1
        if max_tasks is not None and done >= max_tasks:
            _il_mp.put(results, (None, os.getpid(), None, None))
            return


def _send_result(results, work_id, ok, value):
    import _il_mp
    tb = None if ok else _remote(value)
    try:
        _il_mp.put(results, (work_id, ok, value, tb))
    except Exception as e:
        _il_mp.put(results, (work_id, False, e, _remote(e)))


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


_process_pool_counter = itertools.count(1)


class ProcessPoolExecutor(Executor):
    __module__ = 'concurrent.futures.process'

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        import _il_mp
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._mp_context = mp_context
        n = next(_process_pool_counter)
        self._calls = _il_mp.chan('ProcessPoolExecutor-%d call queue' % n, True)
        self._results = _il_mp.chan('ProcessPoolExecutor-%d result queue' % n, True)
        self._queued = collections.deque()
        self._pending = {}
        self._in_flight = 0
        self._work_ids = itertools.count()
        self._processes = []
        self._manager = None
        self._shutdown_thread = False
        self._broken = False
        self._cancel_pending = False
        self._shutdown_lock = threading.Lock()

    def _wake(self):
        import _il_mp
        _il_mp.touch(self._results)

    def _launch(self):
        import multiprocessing
        while len(self._processes) < self._max_workers:
            p = (self._mp_context or multiprocessing.get_context()).Process(
                target=_process_worker,
                args=(self._calls, self._results, self._initializer, self._initargs,
                      self._max_tasks_per_child))
            p.start()
            self._processes.append(p)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _processes_exiting:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = Future()
            work_id = next(self._work_ids)
            self._pending[work_id] = (f, fn, args, kwargs)
            self._queued.append(work_id)
            if self._manager is None:
                self._launch()
                self._manager = threading.Thread(target=self._manage, name=threading._newname('Thread-%d'))
                _process_executors.append(self)
                self._manager.start()
            self._wake()
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(functools.partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def _feed(self):
        import _il_mp
        # The call queue holds max_workers + 1 calls not yet taken by a worker; the rest wait here, cancellable.
        while self._queued and _il_mp.size(self._calls, True) < self._max_workers + _EXTRA_QUEUED_CALLS:
            work_id = self._queued.popleft()
            f, fn, args, kwargs = self._pending[work_id]
            if not f.set_running_or_notify_cancel():
                del self._pending[work_id]
                continue
            try:
                _il_mp.put(self._calls, (work_id, fn, args, kwargs))
            except BaseException as e:
                e.__cause__ = _RemoteTraceback(_remote(e))
                del self._pending[work_id]
                f.set_exception(e)
                continue
            self._in_flight += 1

    def _manage(self):
        import _il_mp
        alive = len(self._processes)
        while True:
            seen = _il_mp.version(self._results)
            got = False
            while True:
                ok, item = _il_mp.get(self._results)
                if not ok:
                    break
                got = True
                work_id, success, value, tb = item
                if work_id is None:
                    alive -= 1
                    continue
                self._in_flight -= 1
                entry = self._pending.pop(work_id, None)
                if entry is None:
                    continue
                if success:
                    entry[0].set_result(value)
                else:
                    if tb is not None:
                        value.__cause__ = _RemoteTraceback(tb)
                    entry[0].set_exception(value)
            if self._cancel_pending:
                self._cancel_pending = False
                while self._queued:
                    work_id = self._queued.popleft()
                    self._pending.pop(work_id)[0].cancel()
            if any(p.exitcode not in (None, 0) for p in self._processes):
                self._break()
                return
            self._feed()
            if (self._shutdown_thread or _processes_exiting) and not self._pending:
                for _ in range(alive):
                    _il_mp.put(self._calls, None)
                for p in self._processes:
                    p.join()
                return
            if got:
                continue
            # A worker's death wakes nobody: look again now and then while calls are out.
            _il_mp.wait(self._results, seen, 0.05 if self._in_flight else None)

    def _break(self):
        self._broken = 'A child process terminated abruptly, the process pool is not usable anymore'
        for work_id, entry in list(self._pending.items()):
            entry[0].set_exception(BrokenProcessPool(
                "A process in the process pool was terminated abruptly while the future was running or pending."))
        self._pending.clear()
        self._queued.clear()
        for p in self._processes:
            if p.exitcode is None:
                p.terminate()
        for p in self._processes:
            p.join()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                self._cancel_pending = True
        self._wake()
        if self._manager is not None and wait:
            self._manager.join()
