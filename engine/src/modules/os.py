"""Interleave's os: the little a sandboxed program can ask of an operating system it does not have."""

import sys as _sys

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
environ = {}


def getpid():
    # Each simulated process has its own, the same on every run (the main process's is 4242).
    import _il_mp
    return _il_mp.getpid()


def getppid():
    import _il_mp
    return _il_mp.getppid()


def cpu_count():
    # The simulated machine's cores (a setting of the run, 4 unless changed).
    import _thread
    return _thread._il_cpu_count()


def getcwd():
    return '/home/interleave'


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def urandom(size):
    raise NotImplementedError("os.urandom() is not available in Interleave: use the random module")


def _no_files(*args, **kwargs):
    raise NotImplementedError("Interleave has no file system")


listdir = mkdir = makedirs = remove = unlink = rmdir = rename = stat = scandir = walk = chdir = _no_files
system = _no_files


class _Path:
    """os.path: pure string operations on POSIX paths."""

    sep = '/'

    def join(self, a, *p):
        path = a
        for b in p:
            if b.startswith('/'):
                path = b
            elif not path or path.endswith('/'):
                path += b
            else:
                path += '/' + b
        return path

    def split(self, p):
        i = p.rfind('/') + 1
        head, tail = p[:i], p[i:]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head, tail

    def basename(self, p):
        return p[p.rfind('/') + 1:]

    def dirname(self, p):
        return self.split(p)[0]

    def splitext(self, p):
        sep_index = p.rfind('/')
        dot_index = p.rfind('.')
        if dot_index > sep_index:
            filename_index = sep_index + 1
            while filename_index < dot_index:
                if p[filename_index] != '.':
                    return p[:dot_index], p[dot_index:]
                filename_index += 1
        return p, ''

    def isabs(self, p):
        return p.startswith('/')

    def exists(self, p):
        return False

    def isfile(self, p):
        return False

    def isdir(self, p):
        return False

    def abspath(self, p):
        return p if p.startswith('/') else self.join(getcwd(), p)

    def normpath(self, p):
        return p

    def expanduser(self, p):
        return p.replace('~', '/home/interleave', 1) if p.startswith('~') else p


path = _Path()
