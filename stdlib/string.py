"""string -- common string constants and classes (ouro's pure-Python version).

Covers from CPython 3.11's `string` module: the constants ascii_letters,
ascii_lowercase, ascii_uppercase, digits, hexdigits, octdigits, punctuation,
printable and whitespace; capwords(); and Template (substitute,
safe_substitute, get_identifiers, is_valid) for `$name`, `${name}` and `$$`.
Template is parsed by hand rather than with `re`: subclasses may change
`delimiter`, but `idpattern`, `braceidpattern`, `flags` and `pattern` are
not honoured (identifiers are always ASCII `[_a-zA-Z][_a-zA-Z0-9]*`).
`Formatter` is not provided.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits
_sentinel_dict = {}


def _scan_identifier(text, pos):
    """Return the end of the ASCII identifier starting at pos (pos if none)."""
    n = len(text)
    if pos < n and text[pos] in _ID_START:
        pos += 1
        while pos < n and text[pos] in _ID_CHARS:
            pos += 1
    return pos


class _Chain:
    """Look a key up in the keyword arguments first, then the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    # Parsing: yields (kind, start, end, payload) tuples, where kind is
    # 'text', 'escaped', 'named', 'braced' or 'invalid'.  For placeholders
    # start..end spans the whole placeholder including the delimiter.
    def _tokens(self):
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(text)
        pos = 0
        while pos < n:
            at = text.find(delim, pos) if dlen else -1
            if at < 0:
                yield ('text', pos, n, None)
                return
            if at > pos:
                yield ('text', pos, at, None)
            i = at + dlen
            if text.startswith(delim, i):
                yield ('escaped', at, i + dlen, None)
                pos = i + dlen
                continue
            end = _scan_identifier(text, i)
            if end > i:
                yield ('named', at, end, text[i:end])
                pos = end
                continue
            if i < n and text[i] == '{':
                end = _scan_identifier(text, i + 1)
                if end > i + 1 and end < n and text[end] == '}':
                    yield ('braced', at, end + 1, text[i + 1:end])
                    pos = end + 1
                    continue
            # Invalid placeholder: the delimiter alone is consumed.
            yield ('invalid', at, i, None)
            pos = i

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        text = self.template
        parts = []
        for kind, start, end, name in self._tokens():
            if kind == 'text':
                parts.append(text[start:end])
            elif kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(end)
            else:
                parts.append('%s' % (mapping[name],))
        return ''.join(parts)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        text = self.template
        parts = []
        for kind, start, end, name in self._tokens():
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'named' or kind == 'braced':
                try:
                    parts.append('%s' % (mapping[name],))
                except KeyError:
                    parts.append(text[start:end])
            else:
                parts.append(text[start:end])
        return ''.join(parts)

    def is_valid(self):
        for kind, start, end, name in self._tokens():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._tokens():
            if (kind == 'named' or kind == 'braced') and name not in ids:
                ids.append(name)
        return ids
