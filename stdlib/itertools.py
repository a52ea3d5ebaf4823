"""itertools -- functions creating iterators for efficient looping (ouro).

Covers CPython 3.11's `itertools` module: count, cycle, repeat (infinite);
accumulate (func, initial), chain (and chain.from_iterable), compress,
dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile,
tee, zip_longest; and the combinatoric product (repeat=), permutations,
combinations and combinations_with_replacement.

count, repeat, chain, cycle, islice and groupby are iterator classes;
the rest are functions that check their arguments at once (as CPython
does) and return a generator.  Argument errors carry CPython's messages.
Objects are not picklable or copyable (CPython 3.11 deprecates that).
"""

import sys

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']


def _as_index(value):
    """Convert value with __index__ as range() would, or raise TypeError."""
    if isinstance(value, int):
        return int(value)
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return method(value)


# Marks a missing argument or an empty slot.
_NOTHING = object()


def _is_number(value):
    if isinstance(value, (int, float, complex)):
        return True
    cls = type(value)
    return (hasattr(cls, '__index__') or hasattr(cls, '__int__')
            or hasattr(cls, '__float__'))


# -- infinite iterators -----------------------------------------------------

class count:
    """Return a count object whose .__next__() method returns consecutive
    values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    __slots__ = ('_value', '_step')

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        if (isinstance(step, int) and step == 1 and isinstance(start, int)
                and -sys.maxsize - 1 <= start <= sys.maxsize):
            # CPython's "fast mode": plain ints counting by one.
            start = int(start)
            step = 1
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        name = type(self).__name__
        if isinstance(step, int) and step == 1:
            return '%s(%r)' % (name, self._value)
        return '%s(%r, %r)' % (name, self._value, step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""

    __slots__ = ('_it', '_saved', '_index', '_firstpass')

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._firstpass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._firstpass:
            try:
                item = next(self._it)
            except StopIteration:
                self._firstpass = False
                self._it = None
            else:
                self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index += 1
        if self._index == len(saved):
            self._index = 0
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    __slots__ = ('_object', '_times')

    def __init__(self, object, times=_NOTHING):
        self._object = object
        if times is _NOTHING:
            self._times = None
        else:
            times = _as_index(times)
            self._times = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return '%s(%r)' % (name, self._object)
        return '%s(%r, %d)' % (name, self._object, self._times)


# -- iterators terminating on the shortest input ----------------------------

def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    it = iter(iterable)

    def gen():
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        if func is None:
            for element in it:
                total = total + element
                yield total
        else:
            for element in it:
                total = func(total, element)
                yield total
    return gen()


class chain:
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    __slots__ = ('_source', '_active')

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            try:
                return next(self._active)
            except StopIteration:
                self._active = None
        raise StopIteration


def compress(data=_NOTHING, selectors=_NOTHING):
    """Return data elements corresponding to true selector elements."""
    if data is _NOTHING:
        _missing('compress', 'data', 1)
    if selectors is _NOTHING:
        _missing('compress', 'selectors', 2)
    data = iter(data)
    selectors = iter(selectors)

    def gen():
        for d, s in zip(data, selectors):
            if s:
                yield d
    return gen()


def dropwhile(predicate, iterable, /):
    """Drop items from the iterable while predicate(item) is true.

    Afterwards, return every element until the iterable is exhausted."""
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x
    return gen()


def filterfalse(function, iterable, /):
    """Return those items of iterable for which function(item) is false.

    If function is None, return the items that are false."""
    it = iter(iterable)

    def gen():
        if function is None:
            for x in it:
                if not x:
                    yield x
        else:
            for x in it:
                if not function(x):
                    yield x
    return gen()


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable; keyfunc computes a key value for each element (identity by
    default).  Advancing the groupby object invalidates earlier groups."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = _NOTHING
        self._currkey = _NOTHING
        self._currvalue = _NOTHING
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        # Read the next element and its key; StopIteration at the end.
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip to the first element of the next group.
        while True:
            if self._currkey is _NOTHING:
                pass
            elif self._tgtkey is _NOTHING:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    """The iterator over one group of a groupby object."""

    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _NOTHING:
            parent._step()
        if not (self._tgtkey == parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _NOTHING
        return value


def _ssize(value):
    """PyNumber_AsSsize_t as islice() uses it: -1 when not convertible."""
    try:
        value = _as_index(value)
    except TypeError:
        return -1
    if value > sys.maxsize or value < -sys.maxsize - 1:
        return -1
    return value


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""

    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __init__(self, iterable, *args):
        nargs = len(args) + 1
        if nargs < 2:
            raise TypeError('islice expected at least 2 arguments, got %d'
                            % nargs)
        if nargs > 4:
            raise TypeError('islice expected at most 4 arguments, got %d'
                            % nargs)
        start = 0
        stop = None
        step = 1
        if nargs == 2:
            stop_arg = args[0]
        else:
            if args[0] is not None:
                start = _ssize(args[0])
            stop_arg = args[1]
        if stop_arg is not None:
            stop = _ssize(stop_arg)
            if stop == -1:
                raise ValueError('Stop argument for islice() must be None or '
                                 'an integer: 0 <= x <= sys.maxsize.')
        if start < 0 or (stop is not None and stop < -1):
            raise ValueError('Indices for islice() must be None or an '
                             'integer: 0 <= x <= sys.maxsize.')
        if nargs == 4 and args[2] is not None:
            step = _ssize(args[2])
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer '
                             'or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            # Skip up to the next wanted position (never beyond stop).
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop is not None and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


def pairwise(iterable, /):
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ..."""
    it = iter(iterable)

    def gen():
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield (a, b)
            a = b
    return gen()


def starmap(function, iterable, /):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    it = iter(iterable)

    def gen():
        for args in it:
            yield function(*args)
    return gen()


def takewhile(predicate, iterable, /):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    it = iter(iterable)

    def gen():
        for x in it:
            if predicate(x):
                yield x
            else:
                break
    return gen()


class _tee_link:
    """One cell of the buffer shared by the iterators that tee() returns."""

    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = _NOTHING
        self.next = None


class _tee:
    """An iterator returned by tee(): reads the shared linked buffer."""

    __slots__ = ('_source', '_link')

    def __init__(self, source, link):
        self._source = source       # a one-element list holding the iterator
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            # This iterator is the first to reach the end of the buffer.
            value = next(self._source[0])
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee([it], _tee_link())
    result = [first]
    for i in range(1, n):
        result.append(first.__copy__())
    return tuple(result)


def zip_longest(*args, fillvalue=None):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument.  When the
    shorter iterables are exhausted, the fillvalue is substituted."""
    iterators = [iter(it) for it in args]

    def gen():
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = None
                    value = fillvalue
                values.append(value)
            yield tuple(values)
    return gen()


# -- combinatoric iterators -------------------------------------------------

def _as_r(r):
    """Check the r argument of combinations() and friends."""
    r = _as_index(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def _missing(funcname, argname, position):
    raise TypeError('%s() missing required argument %r (pos %d)'
                    % (funcname, argname, position))


def product(*args, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops.

    product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
    product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...
    """
    repeat = _as_index(repeat)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in args] * repeat

    def gen():
        for pool in pools:
            if not pool:
                return
        n = len(pools)
        indices = [0] * n
        yield tuple([pool[0] for pool in pools])
        while True:
            # Advance the rightmost index that can move, like an odometer.
            i = n - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                return
            yield tuple([pools[j][indices[j]] for j in range(n)])
    return gen()


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable.

    permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)
    """
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError('Expected int as r')
    else:
        r = _as_r(r)

    def gen():
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple([pool[i] for i in indices[:r]])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple([pool[i] for i in indices[:r]])
                    break
            else:
                return
    return gen()


def combinations(iterable=_NOTHING, r=_NOTHING):
    """Return successive r-length combinations of elements in the iterable.

    combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)
    """
    if iterable is _NOTHING:
        _missing('combinations', 'iterable', 1)
    if r is _NOTHING:
        _missing('combinations', 'r', 2)
    pool = tuple(iterable)
    r = _as_r(r)
    n = len(pool)

    def gen():
        if r > n:
            return
        indices = list(range(r))
        yield tuple([pool[i] for i in indices])
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple([pool[i] for i in indices])
    return gen()


def combinations_with_replacement(iterable=_NOTHING, r=_NOTHING):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats.

    combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC"""
    if iterable is _NOTHING:
        _missing('combinations_with_replacement', 'iterable', 1)
    if r is _NOTHING:
        _missing('combinations_with_replacement', 'r', 2)
    pool = tuple(iterable)
    r = _as_r(r)
    n = len(pool)

    def gen():
        if not n and r:
            return
        indices = [0] * r
        yield tuple([pool[i] for i in indices])
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple([pool[i] for i in indices])
    return gen()
