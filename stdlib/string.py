"""string -- common string constants and classes (ouro's pure-Python version).

Covers from CPython 3.11's `string` module: the constants ascii_letters,
ascii_lowercase, ascii_uppercase, digits, hexdigits, octdigits, punctuation,
printable and whitespace; capwords(); and Template (substitute,
safe_substitute, get_identifiers, is_valid) for `$name`, `${name}` and `$$`.
Template is parsed by hand rather than with `re`: subclasses may change
`delimiter`, but `idpattern`, `braceidpattern`, `flags` and `pattern` are
not honoured (identifiers are always ASCII `[_a-zA-Z][_a-zA-Z0-9]*`).
Formatter is CPython's class over a Python version of its `_string`
parser (`_formatter_parser`, `_field_name_split`), with its errors.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

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


def _formatter_parser(s):
    """CPython's `_string.formatter_parser`: (literal, field_name,
    format_spec, conversion) for each piece of `s`; the last three are
    None after a literal that no field follows."""
    out = []
    i, n = 0, len(s)
    while i < n:
        start = i
        c = ""
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                break
        else:
            out.append((s[start:i], None, None, None))
            break
        at_end = i >= n
        if c == "}" and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == "{":
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            # `{{` or `}}`: a literal brace, no field.
            out.append((s[start:i], None, None, None))
            i += 1
            continue
        literal = s[start:i - 1]
        name_start = i
        c = ""
        while i < n:
            c = s[i]
            i += 1
            if c == "{":
                raise ValueError("unexpected '{' in field name")
            if c == "[":
                while i < n and s[i] != "]":
                    i += 1
                continue
            if c in "}:!":
                break
        field_name = s[name_start:i - 1] if c in "}:!" else s[name_start:i]
        conversion = None
        format_spec = ""
        if c == "!" or c == ":":
            if c == "!":
                if i >= n:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == "}":
                        out.append((literal, field_name, format_spec, conversion))
                        continue
                    if c != ":":
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = i
            depth = 1
            while i < n:
                c = s[i]
                i += 1
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
            if depth:
                raise ValueError("unmatched '{' in format spec")
            format_spec = s[spec_start:i - 1]
        elif c != "}":
            raise ValueError("expected '}' before end of string")
        out.append((literal, field_name, format_spec, conversion))
    return iter(out)


def _field_key(text):
    return int(text) if text.isdigit() and text.isascii() else text


def _field_name_split(field_name):
    """CPython's `_string.formatter_field_name_split`: the first part of
    `field_name` (an int when all digits) and an iterator of
    (is_attribute, key) for each `.name` and `[key]` after it."""
    i, n = 0, len(field_name)
    while i < n and field_name[i] not in ".[":
        i += 1
    first = _field_key(field_name[:i])
    rest = []
    while i < n:
        c = field_name[i]
        i += 1
        if c == ".":
            start = i
            while i < n and field_name[i] not in ".[":
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            rest.append((True, field_name[start:i]))
        elif c == "[":
            start = i
            while i < n and field_name[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == start:
                raise ValueError("Empty attribute in format string")
            rest.append((False, _field_key(field_name[start:i])))
            i += 1
            if i < n and field_name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    """CPython's `string.Formatter`: `str.format` with each step a method
    a subclass may override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == "":
                    if auto_arg_index is False:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
