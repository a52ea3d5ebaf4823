"""warnings -- the warnings subsystem, as CPython 3.11 (ouro).

A Python version of CPython 3.11's `warnings` module together with its C
accelerator `_warnings`, whose behaviour it follows where the two differ:
the default filters are plain tuples with the module given as the exact
string '__main__' (matched by equality, not as a regex); the registries
map keys to True; "once" and "module" remember `(text, category)` in the
calling module's `__warningregistry__` (the global `onceregistry` is only
used for "once" when `warn_explicit` gets no registry); the registry
version starts at 0; `warn` with a stacklevel that leaves the stack uses
`sys.__dict__`, filename "sys" and line 1; `warn_explicit(..., module=None)`
does nothing.

Covers: `warn`, `warn_explicit`, `showwarning`, `formatwarning` (both
overridable, called as CPython calls them), `filters`,
`filterwarnings`, `simplefilter`, `resetwarnings`, the actions "default",
"error", "ignore", "always", "module" and "once", `defaultaction`,
`onceregistry`, `catch_warnings` (`record`, `module`, `action`,
`category`, `lineno`, `append`) and `WarningMessage`.  The default filters
are CPython's release-build ones: DeprecationWarning shown when triggered
in `__main__` and ignored elsewhere; PendingDeprecationWarning,
ImportWarning and ResourceWarning ignored.

Not covered: the `-W` command-line option, `PYTHONWARNINGS` and
`sys.warnoptions`; tracemalloc tracebacks for `source=` (ouro has no
tracemalloc: the "Enable tracemalloc" line is printed, as CPython does
when it is not tracing); source lines from module loaders
(`module_globals`).  ouro has no `re` module, so the `message` and
`module` patterns of `filterwarnings` must be literal prefixes
(backslash-escaped punctuation allowed, optionally ending in `$` or
`\\Z`), matched as CPython matches them (`message` ignoring case); any
other regular expression raises NotImplementedError.  The filters hold
stand-ins for compiled patterns, with `pattern`, `flags`, `match` and
CPython's repr.  Source lines are read from the file (or the same name
under a `sys.path` folder), with the lines of each file kept after the
first read.  A traceback never shows a frame of this module (the VM
leaves them out), as CPython's shows none of `_warnings`' C code.
"""

import sys


__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# -- showing a warning --------------------------------------------------------

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        try:
            line = _getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    if msg.source is not None:
        # No tracemalloc in ouro: what CPython says when it is not tracing.
        s += (f'{category}: Enable tracemalloc to get the object '
              f'allocation traceback\n')
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno,
               msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category,
                      msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# -- source lines (what linecache.getline gives) ------------------------------

_line_cache = {}


def _read_lines(filename):
    with open(filename, encoding="utf-8") as f:
        return f.read().splitlines(True)


def _getlines(filename):
    lines = _line_cache.get(filename)
    if lines is not None:
        return lines
    lines = []
    if filename and not (filename.startswith('<') and filename.endswith('>')):
        try:
            lines = _read_lines(filename)
        except Exception:
            # linecache looks for a relative name under sys.path too.
            if not filename.startswith('/'):
                for folder in sys.path:
                    if not isinstance(folder, str):
                        continue
                    try:
                        lines = _read_lines(folder.rstrip('/') + '/' + filename
                                            if folder else filename)
                    except Exception:
                        continue
                    break
    _line_cache[filename] = lines
    return lines


def _getline(filename, lineno):
    lines = _getlines(filename)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


# -- filters ------------------------------------------------------------------

class _LiteralPattern:
    """Stands in for a compiled regular expression when ouro has no `re`:
    a literal prefix, optionally anchored at the end."""

    def __init__(self, pattern, ignorecase):
        self.pattern = pattern
        self.flags = 34 if ignorecase else 32
        self._ignorecase = ignorecase
        self._literal, self._anchored = self._parse(pattern)

    @staticmethod
    def _parse(pattern):
        chars = []
        anchored = None
        i, n = 0, len(pattern)
        while i < n:
            c = pattern[i]
            if c == '\\' and i + 1 < n:
                d = pattern[i + 1]
                if d == 'Z' and i + 2 == n:
                    anchored = 'Z'
                    break
                if not (d.isalnum() or d == '_') and d.isascii():
                    chars.append(d)
                    i += 2
                    continue
            elif c == '$' and i + 1 == n:
                anchored = '$'
                break
            elif c not in '.^$*+?{}[]\\|()':
                chars.append(c)
                i += 1
                continue
            raise NotImplementedError(
                "warnings: ouro has no 're' module, so a filter's message "
                "or module must be a literal prefix (optionally ending in "
                "'$' or '\\Z'), not the regular expression %r" % (pattern,))
        return ''.join(chars), anchored

    def match(self, string):
        lit = self._literal
        if len(string) < len(lit):
            return None
        head = string[:len(lit)]
        if self._ignorecase:
            for a, b in zip(head, lit):
                if a != b and a.lower() != b.lower():
                    return None
        elif head != lit:
            return None
        rest = string[len(lit):]
        if self._anchored == 'Z' and rest:
            return None
        if self._anchored == '$' and rest not in ('', '\n'):
            return None
        return _LiteralMatch(head, self)

    def __eq__(self, other):
        if not isinstance(other, _LiteralPattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __repr__(self):
        if self._ignorecase:
            return "re.compile(%r, re.IGNORECASE)" % (self.pattern,)
        return "re.compile(%r)" % (self.pattern,)


class _LiteralMatch:
    def __init__(self, text, pattern):
        self.string = text
        self.re = pattern

    def group(self, *args):
        return self.string

    def span(self):
        return (0, len(self.string))

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.string)


def _compile(pattern, ignorecase):
    # ouro has no `re` module (when it gets one, compile with it here).
    return _LiteralPattern(pattern, ignorecase)


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'message' -- a regex that the warning message must match
    'category' -- a class that the warning must be a subclass of
    'module' -- a regex that the module name must match
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
           "lineno must be an int >= 0"
    message = _compile(message, True) if message else None
    module = _compile(module, False) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front).

    A simple filter matches all modules and messages.
    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'category' -- a class that the warning must be a subclass of
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
           "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # Remove a duplicate, so that the new filter lands in the right place;
    # with append=True and a duplicate present, do nothing.
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# -- issuing a warning --------------------------------------------------------

class _Unset:
    def __repr__(self):
        return '<unrepresentable>'


_UNSET = _Unset()


def _index(value):
    if isinstance(value, int):
        return int(value)
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return index(value)


def _get_category(message, category):
    if isinstance(message, Warning):
        category = message.__class__
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    return category


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    category = _get_category(message, category)
    stacklevel = _index(stacklevel)
    # Frame 0 is this function; CPython's C `warn` has no frame, so its
    # stacklevel 1 (or less) is our caller, frame 1.
    try:
        frame = sys._getframe(stacklevel if stacklevel > 1 else 1)
    except (ValueError, OverflowError):
        frame = None
    if frame is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    registry = globals.get('__warningregistry__')
    if registry is None:
        registry = globals['__warningregistry__'] = {}
    module = globals.get('__name__', _UNSET)
    if module is not None and not isinstance(module, str):
        module = "<string>"
    _warn_explicit(category, message, filename, lineno, module, registry,
                   source)


def warn_explicit(message, category, filename, lineno,
                  module=_UNSET, registry=None, module_globals=None,
                  source=None):
    """Low-level interface to warnings functionality."""
    lineno = _index(lineno)
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'"
                        % type(module_globals).__name__)
    if module is _UNSET:
        module = filename or "<unknown>"
        if module[-3:] == ".py":
            module = module[:-3]
    _warn_explicit(category, message, filename, lineno, module, registry,
                   source)


def _already_warned(registry, key, should_set):
    version = registry.get('version')
    if type(version) is not int or version != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


def _matches(pattern, arg):
    if pattern is None:
        return True
    if type(pattern) is str:
        # CPython's built-in default filters name the module exactly.
        return pattern == arg
    return bool(pattern.match(arg))


def _get_filter(category, text, lineno, module):
    if not isinstance(filters, list):
        raise ValueError("_warnings.filters must be a list")
    i = 0
    while i < len(filters):
        item = filters[i]
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'"
                            % type(action).__name__)
        if (_matches(msg, text) and _matches(mod, module)
                and issubclass(category, cat) and (ln == 0 or lineno == ln)):
            return action, item
        i += 1
    return defaultaction, None


def _warn_explicit(category, message, filename, lineno, module, registry,
                   source):
    """The warning machinery, as _warnings.c's warn_explicit."""
    if module is None:
        return None
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return None
    action, item = _get_filter(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return None
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            if registry is None:
                registry = onceregistry
            if _already_warned(registry, (text, category), True):
                return None
        elif action == "module":
            if registry is not None and _already_warned(
                    registry, (text, category), True):
                return None
        elif action != "default":
            raise RuntimeError(
                "Unrecognized action (%r) in warnings.filters:\n %r"
                % (action, item))
    msg = WarningMessage(message, category, filename, lineno, None, None,
                         source)
    _showwarnmsg(msg)
    return None


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                    "line : %r}" % (self.message, self._category_name,
                                    self.filename, self.lineno, self.line))


class catch_warnings(object):

    """A context manager that copies and restores the warnings filter upon
    exiting the context.

    The 'record' argument specifies whether warnings should be captured by a
    custom implementation of warnings.showwarning() and be appended to a list
    returned by the context manager. Otherwise None is returned by the context
    manager. The objects appended to the list are arguments whose attributes
    mirror the arguments to showwarning().

    The 'module' argument is to specify an alternative module to the module
    named 'warnings' and imported under that name. This argument is only useful
    when testing the warnings module itself.

    If the 'action' argument is not None, the remaining arguments are passed
    to warnings.simplefilter() as if it were called immediately on entering the
    context.
    """

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            # Reset showwarning() to the default implementation to make sure
            # that _showwarnmsg() calls _showwarnmsg_impl()
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


# -- module state -------------------------------------------------------------

# Each filter is a 5-tuple (action, message, category, module, lineno):
# message and module are compiled patterns (or, for the built-in default
# filters, an exact module name), None matching anything; lineno 0
# matches any line.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
_filters_version = 0
