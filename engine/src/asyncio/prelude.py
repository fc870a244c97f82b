# Interleave's asyncio: the parts CPython writes in Python, rewritten for Interleave's engine on
# top of the native _interleave module (futures, tasks, the loop's clock and ready queue).
import _interleave as _il

CancelledError = _il.CancelledError
InvalidStateError = _il.InvalidStateError
QueueEmpty = _il.QueueEmpty
QueueFull = _il.QueueFull
TimeoutError = TimeoutError
Future = _il.FutureType
Task = _il.TaskType

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'



def isfuture(obj):
    return _il.isfuture(obj)


def iscoroutine(obj):
    return _il.iscoroutine(obj)


def iscoroutinefunction(func):
    return _il.iscoroutinefunction(func)


def get_running_loop():
    if not _il.is_running():
        raise RuntimeError('no running event loop')
    return _il.get_loop()


def _get_event_loop():
    if _il.is_running():
        return _il.get_loop()
    return get_event_loop()


# Each thread's current loop, by thread (CPython's policy keeps one per thread). A thread is a key once its loop
# was set, to None too (asyncio.run() leaves None): then get_event_loop() no longer makes one.
_current_loops = {}


def get_event_loop():
    if _il.is_running():
        return _il.get_loop()
    thread = _il.thread_index()
    if thread == 0 and thread not in _current_loops:
        set_event_loop(new_event_loop())
    loop = _current_loops.get(thread)
    if loop is None:
        import threading
        name = threading.current_thread().name
        raise RuntimeError(f"There is no current event loop in thread '{name}'.")
    return loop


def set_event_loop(loop):
    _current_loops[_il.thread_index()] = loop
    if loop is not None:
        _il.set_loop(loop)


def new_event_loop():
    return _UnixSelectorEventLoop()


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    _il.stop()


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self, selector=None):
        self._closed = False
        # The thread the loop runs in, for call_soon_threadsafe from others.
        self._thread = _il.thread_index()
        self._default_executor = None
        # CPython's loop logs the selector it uses to the "asyncio" logger, which a program that configures
        # logging at DEBUG shows; a program that never imported logging has nothing to show it.
        import _sys
        logging = _sys.modules().get('logging')
        if logging is not None:
            logging._selector_debug()

    def __repr__(self):
        return f'<_UnixSelectorEventLoop running={self.is_running()} closed={self._closed} debug=False>'

    def time(self):
        return _il.time()

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        return _il.call_soon(callback, *args)

    def call_later(self, delay, callback, *args, context=None):
        self._check_closed()
        return _il.call_at(_il.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        return _il.call_at(when, callback, *args)

    def create_future(self):
        return _il.Future()

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        _il.set_loop(self)
        return _il.create_task(coro, name, context)

    def is_running(self):
        return _il.is_running() and _il.get_loop() is self

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def run_forever(self):
        self._check_closed()
        if _il.is_running():
            raise RuntimeError('This event loop is already running')
        _il.set_loop(self)
        self._thread = _il.thread_index()
        _il.run_forever()

    def run_until_complete(self, future):
        self._check_closed()
        if _il.is_running():
            raise RuntimeError('This event loop is already running')
        _il.set_loop(self)
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        _il.stop()

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        self._closed = True

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        if self._default_executor is None:
            return
        # As CPython: a helper thread joins the pool while the loop goes on, and says when it is done.
        import threading
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        return _il.call_soon_in(self._thread, callback, *args)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor')
        self._default_executor = executor

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if iscoroutine(func) or iscoroutinefunction(func):
            raise TypeError('coroutines cannot be used with run_in_executor()')
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        text = '\n'.join(lines) + '\n'
        if exception is not None:
            text += _il.format_exception(exception)
        _il.stderr(text)

    def call_exception_handler(self, context):
        self.default_exception_handler(context)


def _settle_like(outcome, target):
    # On target's loop: an asyncio future takes a finished concurrent future's outcome, unless it was
    # cancelled meanwhile.
    if target.cancelled():
        return
    if outcome.cancelled():
        target.cancel()
    elif outcome.exception() is not None:
        target.set_exception(outcome.exception())
    else:
        target.set_result(outcome.result())


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    mirror = loop.create_future()

    def on_mirror_done(m):
        # Cancelling the awaitable cancels the work, if it has not started.
        if m.cancelled():
            future.cancel()

    def on_future_done(f):
        # Called in whichever thread finished the work: hand over to the loop's thread.
        if not loop.is_closed():
            loop.call_soon_threadsafe(_settle_like, f, mirror)

    mirror.add_done_callback(on_mirror_done)
    future.add_done_callback(on_future_done)
    return mirror


async def to_thread(func, /, *args, **kwargs):
    import functools
    loop = get_running_loop()
    # The worker runs the call in a copy of this task's context, as CPython's does.
    data = _il.context_data(False)
    if data is not None:
        import contextvars
        func = functools.partial(contextvars.copy_context().run, func)
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))


def run_coroutine_threadsafe(coro, loop):
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    answer = concurrent.futures.Future()

    def report(task):
        # In the loop's thread, when the task ends: the waiting thread learns through `answer`.
        if task.cancelled():
            answer.cancel()
        elif answer.set_running_or_notify_cancel():
            if task.exception() is not None:
                answer.set_exception(task.exception())
            else:
                answer.set_result(task.result())

    def begin():
        try:
            ensure_future(coro, loop=loop).add_done_callback(report)
        except BaseException as exc:
            if answer.set_running_or_notify_cancel():
                answer.set_exception(exc)
            raise

    loop.call_soon_threadsafe(begin)
    return answer


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if loop is None:
        loop = _get_event_loop()
    if iscoroutine(coro_or_future):
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    return loop.create_task(coro, name=name, context=context)


def current_task(loop=None):
    return _il.current_task()


def all_tasks(loop=None):
    return _il.all_tasks()


async def sleep(delay, result=None):
    if delay <= 0:
        await _il.yield_now()
        return result
    return await _il.sleep_future(delay, result)


def run(main, *, debug=None):
    if _il.is_running():
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    _il.main_in_run(True)
    try:
        with Runner(debug=debug) as runner:
            return runner.run(main)
    finally:
        _il.main_in_run(False)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._loop = None
        self._state = 'created'

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError('a coroutine was expected, got {!r}'.format(coro))
        if _il.is_running():
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError('Runner is closed')
        if self._state == 'initialized':
            return
        self._loop = new_event_loop()
        set_event_loop(self._loop)
        self._state = 'initialized'


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    state = {'finished': 0, 'cancel_requested': False}
    children = []
    arg_to_fut = {}
    outer = None

    def _done_callback(fut):
        state['finished'] += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(_il.cancelled_error(fut))
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['finished'] == len(arg_to_fut):
            results = _il.gather_results(children)
            if results is None:
                results = []
                for f in children:
                    if f.cancelled():
                        msg = _il.cancel_message(f)
                        res = CancelledError('' if msg is None else msg)
                    else:
                        res = f.exception()
                        if res is None:
                            res = f.result()
                    results.append(res)
            if state['cancel_requested']:
                outer.set_exception(_il.cancelled_error(fut))
            else:
                outer.set_result(results)

    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _il.gather_task(arg, loop)
            if fut is None:
                fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _il.Future()

    def _cancel(msg):
        if outer.done():
            return False
        ret = False
        for child in children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            state['cancel_requested'] = True
        return ret

    _il.set_cancel_hook(outer, _cancel)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    loop = _get_event_loop()
    todo = []
    for f in fs:
        f = ensure_future(f, loop=loop)
        if f not in todo:
            todo.append(f)
    done = Queue()
    handle = [None]

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and handle[0] is not None:
            handle[0].cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        handle[0] = loop.call_later(timeout, _on_timeout)
    return _as_completed_iter(len(todo), _wait_for_one)


def _as_completed_iter(n, make):
    for _ in range(n):
        yield make()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


class Timeout:
    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ['']
        if self._state == 'entered':
            when = round(self._when, 3) if self._when is not None else None
            info.append(f'when={when}')
        info_str = ' '.join(info)
        return f'<Timeout [{self._state}]{info_str}>'

    async def __aenter__(self):
        self._state = 'entered'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has been already entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        task = self._loop.create_task(coro, name=name, context=context)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.append(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            self._tasks.remove(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task.get_name()!r} has errored out but its parent task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class Lock:
    def __init__(self):
        self._waiters = None
        self._locked = False
        self._il = _il.register('Lock')

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object at {hex(id(self))} [{extra}]>'

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or _il.all_cancelled(self._waiters)):
            self._locked = True
            _il.acquired(self._il)
            return True
        return await self._acquire_waiting()

    async def _acquire_waiting(self):
        # The rest of `acquire`, for a lock that is not free; its fast path awaits it in place of `acquire`.
        fut = _il.lock_wait(self)
        if fut is None:
            if self._waiters is None:
                # A deque, as CPython's: the waiter taken off is nearly always the first.
                self._waiters = _il.deque()
            fut = _il.Future()
            self._waiters.append(fut)
            _il.waiting(self._il, 'acquire')
        # CPython's `try: await fut finally: self._waiters.remove(fut)` inside `except CancelledError`, with the
        # way out of a wait that ended well in one native call.
        try:
            await fut
        except CancelledError:
            self._waiters.remove(fut)
            if not self._locked:
                self._wake_up_first()
            raise
        except BaseException:
            self._waiters.remove(fut)
            raise
        if _il.lock_got(self, fut):
            return True
        self._waiters.remove(fut)
        self._locked = True
        _il.acquired(self._il)
        return True

    def release(self):
        if self._locked:
            self._locked = False
            _il.released(self._il)
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False
        self._il = _il.register('Event')

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Event object at {hex(id(self))} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = _il.Future()
        self._waiters.append(fut)
        try:
            _il.waiting(self._il, 'wait')
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
        self._il = _il.register('Condition')

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = _il.Future()
            self._waiters.append(fut)
            try:
                _il.waiting(self._il, 'wait')
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            err = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    err = e
            if err:
                try:
                    raise err
                finally:
                    err = None

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value
        self._il = _il.register(type(self).__name__, value)

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object at {hex(id(self))} [{extra}]>'

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            _il.acquired(self._il)
            return True
        fut = _il.lock_wait(self)
        if fut is None:
            if self._waiters is None:
                # A deque, as CPython's: the waiter taken off is nearly always the first.
                self._waiters = _il.deque()
            fut = _il.Future()
            self._waiters.append(fut)
            _il.waiting(self._il, 'acquire')
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        _il.acquired(self._il)
        return True

    def release(self):
        self._value += 1
        _il.released(self._il)
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) >> 1
        if heap[pos] < heap[parent]:
            heap[pos], heap[parent] = heap[parent], heap[pos]
            pos = parent
        else:
            break


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    # Sift the hole down to a leaf, then bubble the item up, as heapq does.
    n = len(heap)
    pos = 0
    item = heap[0]
    child = 1
    while child < n:
        right = child + 1
        if right < n and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    while pos > 0:
        parent = (pos - 1) >> 1
        if heap[pos] < heap[parent]:
            heap[pos], heap[parent] = heap[parent], heap[pos]
            pos = parent
        else:
            break
    return top


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        _il.hide(self._finished._il)
        self._finished.set()
        self._init(maxsize)
        self._il = _il.register(type(self).__name__)

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop(0)

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {hex(id(self))} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self._queue:
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        if _il.queue_put(self, item):
            return None
        while self.full():
            putter = _il.Future()
            self._putters.append(putter)
            try:
                _il.waiting(self._il, 'put')
                await putter
            except:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        item = _il.queue_get(self, _MISSING)
        if item is not _MISSING:
            return item
        while self.empty():
            getter = _il.Future()
            self._getters.append(getter)
            try:
                _il.waiting(self._il, 'get')
                await getter
            except:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if _il.queue_task_done(self):
            return None
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            _il.waiting(self._il, 'join')
            await self._finished.wait()


_MISSING = object()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


class _UnixSelectorEventLoop(BaseEventLoop):
    # The class of CPython's loops on Linux, whose name its messages show.
    __module__ = 'asyncio.unix_events'


SelectorEventLoop = _UnixSelectorEventLoop
# Last, once every class it looks for is made (`asyncio/fast.rs`).
_il.fast_paths(Queue)
