"""Print and format exceptions with their tracebacks.

The common calls of CPython 3.11's `traceback` module: `print_exc`,
`format_exc`, `print_exception`, `format_exception` and
`format_exception_only`, in both the one-argument form (`exc`) and the
old three-argument form (`type, value, tb`). The text comes from the
interpreter's own report writer (native `_traceback`), so it is what an
uncaught exception prints: chained causes and contexts, exception
groups, notes, source lines and their location markers.

Not provided: `sys.tracebacklimit`, the stack and frame
functions (`print_stack`, `extract_tb`, `walk_tb`, ...) and the
`TracebackException`/`StackSummary`/`FrameSummary` classes. A `tb` other
than the exception's own is not honoured: the exception's traceback is
printed.
"""

import sys
import _traceback

__all__ = ['format_exc', 'format_exception', 'format_exception_only',
           'print_exc', 'print_exception']

_sentinel = object()


def _value(exc, value):
    # `print_exception(exc)` or `print_exception(type, value, tb)`.
    if value is _sentinel:
        return exc
    return value


def _lines(text):
    # One string per line, as CPython's lists hold them, except that a
    # frame's `File` line carries its source and marker lines, and the
    # sentence between chained exceptions keeps its blank lines.
    out = []
    for line in text.splitlines(keepends=True):
        if out and line.startswith('    ') and out[-1].startswith('  File '):
            out[-1] += line
        elif out and (out[-1] == '\n' or out[-1].startswith('\n') and line == '\n'):
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exception_only(exc, /, value=_sentinel):
    """The exception's `Type: message` line (and its notes), as a list."""
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception_only(value))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The report an uncaught `exc` would print, as a list of strings."""
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    if tb is None:
        return format_exception_only(value)
    return _lines(_traceback.format_exception(value, chain, limit))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Writes `format_exception(...)` to `file` (default `sys.stderr`)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return ''.join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Prints the report of the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)
