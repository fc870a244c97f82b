"""asyncio's names few programs use, imported on the first use of one (`vm/attr.rs`: `AIO_MORE_NAMES`), so
that `import asyncio` costs no more for them: `Barrier` and `BrokenBarrierError`, and the subprocess functions,
which say why they cannot run."""
import asyncio
import _interleave as _il


class _Subprocess:
    """`asyncio.subprocess`'s constants, so that a call's arguments evaluate and the call itself says why not."""
    PIPE = -1
    STDOUT = -2
    DEVNULL = -3


subprocess = _Subprocess


async def create_subprocess_exec(program, *args, **kwargs):
    raise NotImplementedError(
        'Interleave runs no other programs, so asyncio.create_subprocess_exec() has none to start: '
        'stand in for the work with asyncio.sleep(), or run Python code in a multiprocessing.Process')


async def create_subprocess_shell(cmd, **kwargs):
    raise NotImplementedError(
        'Interleave runs no other programs, so asyncio.create_subprocess_shell() has none to start: '
        'stand in for the work with asyncio.sleep(), or run Python code in a multiprocessing.Process')


class BrokenBarrierError(RuntimeError):
    __module__ = 'asyncio.exceptions'


class Barrier:
    __module__ = 'asyncio.locks'
    """Makes `parties` tasks wait for each other. Its state: 'filling' (tasks arrive), 'draining' (the group is
    complete and leaving: newcomers wait for it to be gone), 'resetting' (reset() came while tasks were in:
    they leave with BrokenBarrierError) or 'broken' (abort(): every wait fails). One Condition carries every
    wait, so tasks wake in the iterations CPython's wake them in."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = asyncio.Condition()
        # Waiting inside is waiting on the barrier: the condition and its lock are the runtime's own.
        _il.hide(self._cond._il)
        _il.hide(self._cond._lock._il)
        self._cond._il = _il.register('Barrier')
        self._parties = parties
        self._state = 'filling'
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra = f'{extra}, waiters:{self.n_waiting}/{self._parties}'
        return f'<asyncio.locks.Barrier object at {hex(id(self))} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            # Wait for a group that is leaving (or being reset) to be gone.
            await self._cond.wait_for(lambda: self._state != 'draining' and self._state != 'resetting')
            if self._state == 'broken':
                raise BrokenBarrierError('Barrier aborted')
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = 'draining'
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != 'filling')
                    if self._state == 'broken' or self._state == 'resetting':
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    if self._state == 'resetting' or self._state == 'draining':
                        self._state = 'filling'
                    self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                self._state = 'resetting'
            else:
                self._state = 'filling'
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 'filling' else 0

    @property
    def broken(self):
        return self._state == 'broken'
