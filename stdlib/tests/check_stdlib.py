"""Compare ouro's pure-Python stdlib modules (stdlib/*.py) with CPython's.

Run from anywhere with CPython 3.11:  python3 stdlib/tests/check_stdlib.py

Each of our modules is loaded from the stdlib/ folder under another name
(ouro_functools, ...), so it cannot be confused with CPython's module of the
same name.  Every check runs one expression against both modules and
compares the outcome: the repr of the result (with the module prefix and
object addresses normalised) or the exception type and message.  A second
part imports each module in a fresh interpreter that has only stdlib/ on
its path and verifies nothing outside the allowed native modules is used.
Prints 'N checks passed' and exits non-zero on any mismatch.
"""

import ast
import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.dirname(HERE)

NAMES = ['operator', 'bisect', 'heapq', 'string', 'itertools', 'collections',
         'functools']
NATIVE = {'sys', 'math', 'time', 'random', 'gc', '_ouro', '_weakref', '_traceback'}


def load(name):
    path = os.path.join(STDLIB, name + '.py')
    if not os.path.exists(path):
        path = os.path.join(STDLIB, name, '__init__.py')
    spec = importlib.util.spec_from_file_location('ouro_' + name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules['ouro_' + name] = module
    spec.loader.exec_module(module)
    return module


OURS = {name: load(name) for name in NAMES}
REAL = {name: __import__(name) for name in NAMES}

passed = 0
failures = []


def normalise(text):
    for name in NAMES:
        text = text.replace('ouro_' + name + '.', name + '.')
    # object addresses
    out = []
    i = 0
    while i < len(text):
        if text.startswith(' at 0x', i):
            j = i + 6
            while j < len(text) and text[j] in '0123456789abcdef':
                j += 1
            out.append(' at 0x?')
            i = j
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def outcome(fn, module):
    try:
        result = fn(module)
    except Exception as exc:
        return 'raised %s: %s' % (type(exc).__name__, normalise(str(exc)))
    return normalise(repr(result))


def check(label, fn, module_name):
    """Run fn(module) on our module and CPython's and compare outcomes."""
    global passed
    ours = outcome(fn, OURS[module_name])
    real = outcome(fn, REAL[module_name])
    if ours == real:
        passed += 1
    else:
        failures.append('%s [%s]\n    ours: %s\n    real: %s'
                        % (label, module_name, ours, real))


def expect(label, condition):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(label)


# ---------------------------------------------------------------------------
# operator
# ---------------------------------------------------------------------------

def check_operator():
    binary = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow',
              'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'is_', 'is_not', 'and_',
              'or_', 'xor', 'lshift', 'rshift', 'concat', 'contains',
              'getitem', 'countOf', 'indexOf',
              'iadd', 'isub', 'imul', 'itruediv', 'ifloordiv', 'imod',
              'ipow', 'iand', 'ior', 'ixor', 'ilshift', 'irshift', 'iconcat',
              '__add__', '__mul__', '__lt__', '__contains__']
    values = [0, 1, -3, 7, 2.5, True, 'ab', [1, 2], (3,), {1, 2}, None,
              {'a': 1}]
    for name in binary:
        for a in values:
            for b in values[:8]:
                check('operator.%s(%r, %r)' % (name, a, b),
                      lambda M, name=name, a=a, b=b:
                          getattr(M, name)(_copy(a), _copy(b)),
                      'operator')
    unary = ['neg', 'pos', 'abs', 'not_', 'truth', 'inv', 'invert', 'index',
             '__neg__', '__index__']
    for name in unary:
        for a in values + [2 ** 70, -0.0]:
            check('operator.%s(%r)' % (name, a),
                  lambda M, name=name, a=a: getattr(M, name)(a), 'operator')
    for a in [[1, 2, 3], {'a': 1}, 'xyz', (), iter([1]), range(5)]:
        check('length_hint', lambda M, a=a: M.length_hint(a, 7), 'operator')
    check('length_hint bad', lambda M: M.length_hint([], 'x'), 'operator')

    def setdel(M):
        d = {}
        M.setitem(d, 'k', 1)
        M.setitem(d, 'j', 2)
        M.delitem(d, 'k')
        return d
    check('setitem/delitem', setdel, 'operator')
    check('delitem missing', lambda M: M.delitem({}, 1), 'operator')
    check('call', lambda M: M.call(max, 1, 5, key=lambda x: -x), 'operator')

    records = [(1, 'b', [5]), (2, 'a', [6]), (0, 'c', [7])]
    for items in [(0,), (1,), (2,), (0, 1), (1, 0, 2), (-1,),
                  (slice(0, 2),), (5,)]:
        check('itemgetter%r' % (items,),
              lambda M, items=items: [M.itemgetter(*items)(r)
                                      for r in records], 'operator')
        check('repr itemgetter%r' % (items,),
              lambda M, items=items: repr(M.itemgetter(*items)), 'operator')
    check('itemgetter dict', lambda M: M.itemgetter('a', 'b')(
        {'a': 1, 'b': 2}), 'operator')
    check('itemgetter no args', lambda M: M.itemgetter(), 'operator')
    check('sorted by itemgetter',
          lambda M: sorted(records, key=M.itemgetter(1)), 'operator')

    class A:
        pass
    a = A()
    a.x = 1
    a.b = A()
    a.b.c = 'deep'
    for attrs in [('x',), ('b.c',), ('x', 'b.c'), ('y',), ('b.y',),
                  ('b.c.upper',)]:
        check('attrgetter%r' % (attrs,),
              lambda M, attrs=attrs: repr(M.attrgetter(*attrs)(a))
              .split(' at ')[0], 'operator')
        check('repr attrgetter%r' % (attrs,),
              lambda M, attrs=attrs: repr(M.attrgetter(*attrs)), 'operator')
    check('attrgetter(1)', lambda M: M.attrgetter(1), 'operator')
    for args, kwargs in [(('upper',), {}), (('split', ','), {}),
                         (('split',), {'maxsplit': 1}),
                         (('replace', 'a', 'b'), {'count': 1}),
                         (('nope',), {})]:
        check('methodcaller%r' % (args,),
              lambda M, args=args, kwargs=kwargs:
                  M.methodcaller(*args, **kwargs)('a,b,a c'), 'operator')
        check('repr methodcaller%r' % (args,),
              lambda M, args=args, kwargs=kwargs:
                  repr(M.methodcaller(*args, **kwargs)), 'operator')
    check('methodcaller(1)', lambda M: M.methodcaller(1), 'operator')
    for name in REAL['operator'].__all__:
        expect('operator defines %s' % name, hasattr(OURS['operator'], name))


def _copy(value):
    if isinstance(value, (list, dict, set)):
        return value.copy()
    return value


# ---------------------------------------------------------------------------
# bisect
# ---------------------------------------------------------------------------

def check_bisect():
    data = [1, 2, 2, 2, 3, 5, 8, 8, 13]
    for x in [0, 1, 2, 4, 8, 13, 20, 2.5]:
        for args in [(), (2,), (2, 6), (0, 0), (5, 3), (0, 100), (-1,),
                     (3, None)]:
            for name in ['bisect_left', 'bisect_right', 'bisect']:
                check('%s(%r, %r)' % (name, x, args),
                      lambda M, x=x, args=args, name=name:
                          getattr(M, name)(data, x, *args), 'bisect')
            for name in ['insort_left', 'insort_right', 'insort']:
                def ins(M, x=x, args=args, name=name):
                    a = list(data)
                    getattr(M, name)(a, x, *args)
                    return a
                check('%s(%r, %r)' % (name, x, args), ins, 'bisect')
    records = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
    for x in [0, 1, 3, 4, 7, 9]:
        for name in ['bisect_left', 'bisect_right']:
            check('%s key %r' % (name, x),
                  lambda M, x=x, name=name: getattr(M, name)(
                      records, x, key=lambda r: r[1]), 'bisect')
            check('%s key lo hi %r' % (name, x),
                  lambda M, x=x, name=name: getattr(M, name)(
                      records, x, 1, 3, key=lambda r: r[1]), 'bisect')
        for name in ['insort_left', 'insort_right']:
            def ins(M, x=x, name=name):
                a = list(records)
                getattr(M, name)(a, ('new', x), key=lambda r: r[1])
                return a
            check('%s key %r' % (name, x), ins, 'bisect')
    check('bisect bad types', lambda M: M.bisect([1, 2], 'a'), 'bisect')
    check('bisect non-list', lambda M: M.bisect_left((1, 3, 5), 4), 'bisect')


# ---------------------------------------------------------------------------
# heapq
# ---------------------------------------------------------------------------

def check_heapq():
    import random
    rng = random.Random(1234)
    for trial in range(40):
        data = [rng.randrange(50) for _ in range(rng.randrange(0, 30))]

        def run(M, data=data):
            h = []
            for x in data:
                M.heappush(h, x)
            snapshot = list(h)
            out = [M.heappop(h) for _ in range(len(h))]
            return snapshot, out
        check('push/pop %d' % trial, run, 'heapq')

        def run2(M, data=data):
            h = list(data)
            M.heapify(h)
            res = [list(h)]
            if h:
                res.append(M.heapreplace(h, 25))
            res.append(M.heappushpop(h, 10))
            res.append(list(h))
            return res
        check('heapify/replace %d' % trial, run2, 'heapq')
        for n in [-1, 0, 1, 2, 5, 100]:
            check('nlargest %d %d' % (trial, n),
                  lambda M, n=n, data=data: M.nlargest(n, data), 'heapq')
            check('nsmallest %d %d' % (trial, n),
                  lambda M, n=n, data=data: M.nsmallest(n, iter(data)),
                  'heapq')
            check('nlargest key %d %d' % (trial, n),
                  lambda M, n=n, data=data: M.nlargest(
                      n, [(x % 7, i) for i, x in enumerate(data)],
                      key=lambda t: t[0]), 'heapq')
            check('nsmallest key %d %d' % (trial, n),
                  lambda M, n=n, data=data: M.nsmallest(
                      n, iter([(x % 7, i) for i, x in enumerate(data)]),
                      key=lambda t: t[0]), 'heapq')
        parts = [sorted(data[i::3]) for i in range(3)]
        check('merge %d' % trial,
              lambda M, parts=parts: list(M.merge(*parts)), 'heapq')
        check('merge reverse %d' % trial,
              lambda M, parts=parts: list(M.merge(
                  *[p[::-1] for p in parts], reverse=True)), 'heapq')
        keyed = [sorted([(x % 5, i) for i, x in enumerate(p)],
                        key=lambda t: t[0]) for p in parts]
        check('merge key %d' % trial,
              lambda M, keyed=keyed: list(M.merge(
                  *keyed, key=lambda t: t[0])), 'heapq')
        check('merge key reverse %d' % trial,
              lambda M, keyed=keyed: list(M.merge(
                  *[k[::-1] for k in keyed], key=lambda t: t[0],
                  reverse=True)), 'heapq')
    check('heappop empty', lambda M: M.heappop([]), 'heapq')
    check('heapreplace empty', lambda M: M.heapreplace([], 1), 'heapq')
    check('heappushpop empty', lambda M: M.heappushpop([], 1), 'heapq')
    check('merge none', lambda M: list(M.merge()), 'heapq')
    check('merge empties', lambda M: list(M.merge([], [1], [])), 'heapq')


# ---------------------------------------------------------------------------
# string
# ---------------------------------------------------------------------------

def check_string():
    for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase',
                 'digits', 'hexdigits', 'octdigits', 'punctuation',
                 'printable', 'whitespace']:
        check(name, lambda M, name=name: getattr(M, name), 'string')
    for s in ['hello world', '  many   spaces here ', 'a-b-c', "it's ok",
              '', 'ÉCOLE école', 'x\ty\nz']:
        for sep in [None, '-', ' ']:
            check('capwords(%r, %r)' % (s, sep),
                  lambda M, s=s, sep=sep: M.capwords(s, sep), 'string')
    mapping = {'who': 'tim', 'what': 'kung pao', 'x': 1, 'x_1': [2],
               'é': 'no'}
    templates = ['$who likes $what', '${who}s', '$$who', '$$$who', '$',
                 'trailing $', '$ space', '${who', '${}', '${1}', '$1',
                 '$who$what', 'line1\nline2 $ bad', 'a\nb\n$', 'x $missing',
                 '${missing} y', '$x_1 and $x_', '$é', 'no placeholders',
                 '${who}${what}$$', '$who.$what', '${ who}', '$_']
    for t in templates:
        check('substitute %r' % t,
              lambda M, t=t: M.Template(t).substitute(mapping), 'string')
        check('safe_substitute %r' % t,
              lambda M, t=t: M.Template(t).safe_substitute(mapping),
              'string')
        check('substitute kw %r' % t,
              lambda M, t=t: M.Template(t).substitute(mapping, who='bob'),
              'string')
        check('safe_substitute kw only %r' % t,
              lambda M, t=t: M.Template(t).safe_substitute(what='x'),
              'string')
        check('is_valid %r' % t,
              lambda M, t=t: M.Template(t).is_valid(), 'string')
        check('get_identifiers %r' % t,
              lambda M, t=t: M.Template(t).get_identifiers(), 'string')

    def custom(M):
        class Percent(M.Template):
            delimiter = '%'
        t = Percent('%who costs %%%what, ${x}')
        return t.substitute(who='it', what=5, x=1), t.safe_substitute()
    check('custom delimiter', custom, 'string')
    check('template attribute', lambda M: M.Template('$a').template, 'string')


# ---------------------------------------------------------------------------
# itertools
# ---------------------------------------------------------------------------

def take(n, iterator):
    out = []
    for x in iterator:
        if len(out) >= n:
            break
        out.append(x)
    return out


def check_itertools():
    I = 'itertools'
    # count
    for args in [(), (5,), (0, 2), (1.5,), (0, 0.25), (10, -3), (2 ** 70, 3),
                 (1, 1.0), ('a',), (1, 'a'), (1 + 2j,), (True,)]:
        check('count%r' % (args,),
              lambda M, args=args: take(6, M.count(*args)), I)
        check('repr count%r' % (args,),
              lambda M, args=args: repr(M.count(*args)), I)

        def advanced(M, args=args):
            c = M.count(*args)
            next(c)
            next(c)
            return repr(c)
        check('repr advanced count%r' % (args,), advanced, I)
    check('count kw', lambda M: repr(M.count(step=3, start=2)), I)
    # cycle
    for data in ['abc', '', [1], range(3)]:
        check('cycle %r' % (data,),
              lambda M, data=data: take(8, M.cycle(data)), I)
    check('cycle bad', lambda M: M.cycle(5), I)
    # repeat
    for args in [('a',), ('a', 3), ('a', 0), ('a', -2), ([1], 2),
                 ('a', None), ('a', 'x'), ('a', 2.0)]:
        check('repeat%r' % (args,),
              lambda M, args=args: take(5, M.repeat(*args)), I)
        check('repr repeat%r' % (args,),
              lambda M, args=args: repr(M.repeat(*args)), I)

        def hint(M, args=args):
            import operator
            return operator.length_hint(M.repeat(*args), -1)
        check('length_hint repeat%r' % (args,), hint, I)
    check('repeat kw', lambda M: list(M.repeat('x', times=2)), I)

    def partial_repeat(M):
        r = M.repeat('ab', 3)
        next(r)
        return repr(r)
    check('repr repeat consumed', partial_repeat, I)
    # accumulate
    import operator
    for data in [[], [1], [1, 2, 3, 4], [3, 1, 4, 1, 5], ['a', 'b', 'c']]:
        check('accumulate %r' % data,
              lambda M, data=data: list(M.accumulate(data)), I)
        check('accumulate max %r' % data,
              lambda M, data=data: list(M.accumulate(data, max)), I)
        check('accumulate initial %r' % data,
              lambda M, data=data: list(M.accumulate(
                  data, initial=data[0] if data else 100)), I)
        check('accumulate func initial %r' % data,
              lambda M, data=data: list(M.accumulate(
                  data, operator.add, initial=data[:1] and data[0])), I)
    check('accumulate bad', lambda M: M.accumulate(3), I)
    check('accumulate mixed', lambda M: list(M.accumulate([1, 'a'])), I)
    # chain
    for parts in [(), ('abc',), ('ab', '', [1, 2], range(2))]:
        check('chain %r' % (parts,),
              lambda M, parts=parts: list(M.chain(*parts)), I)
        check('chain.from_iterable %r' % (parts,),
              lambda M, parts=parts: list(M.chain.from_iterable(
                  iter(parts))), I)
    check('chain bad', lambda M: list(M.chain([1], 5)), I)
    check('chain lazy', lambda M: take(3, M.chain.from_iterable(
        M.repeat('xy'))), I)
    # compress / dropwhile / takewhile / filterfalse / starmap / pairwise
    for data in ['ABCDEF', '', 'AB']:
        check('compress %r' % data,
              lambda M, data=data: list(M.compress(data, [1, 0, 1, 1, 0])), I)
        check('pairwise %r' % data,
              lambda M, data=data: list(M.pairwise(data)), I)
    for data in [[1, 4, 6, 4, 1], [], [9, 9], [1, 2]]:
        check('dropwhile %r' % data, lambda M, data=data: list(
            M.dropwhile(lambda x: x < 5, data)), I)
        check('takewhile %r' % data, lambda M, data=data: list(
            M.takewhile(lambda x: x < 5, data)), I)
        check('filterfalse %r' % data, lambda M, data=data: list(
            M.filterfalse(lambda x: x % 2, data)), I)
        check('filterfalse None %r' % data, lambda M, data=data: list(
            M.filterfalse(None, [0] + data + [0, ''])), I)
    check('starmap', lambda M: list(M.starmap(pow, [(2, 5), (3, 2)])), I)
    check('starmap bad', lambda M: M.starmap(pow, 3), I)
    check('compress missing', lambda M: M.compress('abc'), I)
    check('pairwise bad', lambda M: M.pairwise(1), I)
    check('takewhile rest', lambda M: (lambda it: (list(
        M.takewhile(lambda x: x < 3, it)), list(it)))(iter([1, 2, 3, 4, 5])), I)
    # groupby
    for data in ['AAAABBBCCDAABBB', '', 'A', [1, 1, 2, 3, 3, 3]]:
        check('groupby %r' % (data,), lambda M, data=data: [
            (k, list(g)) for k, g in M.groupby(data)], I)
        check('groupby keys %r' % (data,), lambda M, data=data: [
            k for k, g in M.groupby(data)], I)
        check('groupby stale groups %r' % (data,), lambda M, data=data: [
            list(g) for k, g in list(M.groupby(data))], I)
    check('groupby key', lambda M: [(k, list(g)) for k, g in M.groupby(
        range(10), key=lambda x: x // 3)], I)

    def partial_groups(M):
        out = []
        for k, g in M.groupby('aaabbbccc'):
            out.append((k, next(g)))
        return out
    check('groupby partial', partial_groups, I)

    def groupby_interleaved(M):
        g = M.groupby('aabbbc')
        k1, g1 = next(g)
        first = next(g1)
        k2, g2 = next(g)
        return k1, first, list(g1), k2, list(g2), [(k, list(v)) for k, v in g]
    check('groupby interleaved', groupby_interleaved, I)
    check('groupby errors in key', lambda M: [(k, list(g)) for k, g in
          M.groupby([1, 2, 'a'], key=lambda x: x + 1)], I)
    check('islice step on count', lambda M: list(M.islice(M.count(5), 0, 30,
          7)), I)
    check('islice None stop', lambda M: take(4, M.islice(M.count(), 2, None,
          3)), I)
    check('product of iterators', lambda M: list(M.product(iter('ab'),
          iter(range(2)))), I)
    check('count float accumulation', lambda M: take(11, M.count(0.0, 0.1)), I)
    check('accumulate strings', lambda M: list(M.accumulate('abc')), I)
    check('cycle after exhaustion', lambda M: (lambda it: [take(3, it),
          list(M.islice(it, 5))])(M.cycle(iter('ab'))), I)
    check('chain mixed', lambda M: list(M.chain('ab', M.repeat(1, 2),
          M.count(3) if False else [3])), I)
    check('zip_longest uneven', lambda M: list(M.zip_longest(
        range(5), 'ab', iter([True]), fillvalue=0)), I)
    # islice
    for args in [(3,), (None,), (2, 5), (0, None, 2), (1, 8, 3), (5, 2),
                 (-1,), (0, -1), (-2, 4), (1, 2, 0), (1, 2, -1), ('a',),
                 (1.0,), (1, 2, 'x'), (None, None, None), (2 ** 70,),
                 (2, None), (1, 2, 3, 4), ()]:
        check('islice%r' % (args,), lambda M, args=args: list(
            M.islice(range(10), *args)), I)

        def consumed(M, args=args):
            it = iter(range(10))
            return list(M.islice(it, *args)), list(it)
        check('islice consumption %r' % (args,), consumed, I)
    check('islice bad iterable', lambda M: M.islice(1, 2), I)
    check('islice infinite', lambda M: list(M.islice(M.count(), 3, 20, 4)), I)
    # tee
    for n in [0, 1, 2, 3, -1]:
        def run(M, n=n):
            its = M.tee('abcde', n)
            out = [next(its[0])] if its else []
            return out + [list(it) for it in its]
        check('tee %d' % n, run, I)
    check('tee interleaved', lambda M: (lambda a, b: [next(a), next(a),
          next(b), list(a), list(b)])(*M.tee(range(5))), I)
    check('tee of tee', lambda M: [list(x) for x in M.tee(
        M.tee('xyz')[0], 3)], I)
    # zip_longest
    for parts in [(), ('ab',), ('abc', 'x'), ('', [1, 2]), ('a', 'bc', 'def')]:
        check('zip_longest %r' % (parts,), lambda M, parts=parts: list(
            M.zip_longest(*parts)), I)
        check('zip_longest fill %r' % (parts,), lambda M, parts=parts: list(
            M.zip_longest(*parts, fillvalue='-')), I)
    check('zip_longest bad', lambda M: M.zip_longest('a', 1), I)
    # combinatorics
    for data in ['', 'a', 'ab', 'abc', 'abcd', range(5)]:
        for r in [None, 0, 1, 2, 3, 5, -1, 'x']:
            check('permutations %r %r' % (data, r), lambda M, data=data, r=r:
                  list(M.permutations(data, r)), I)
            if r is None:
                continue
            check('combinations %r %r' % (data, r), lambda M, data=data, r=r:
                  list(M.combinations(data, r)), I)
            check('cwr %r %r' % (data, r), lambda M, data=data, r=r:
                  list(M.combinations_with_replacement(data, r)), I)
        check('product %r' % (data,), lambda M, data=data:
              list(M.product(data, 'xy')), I)
        for rep in [0, 1, 2, -1]:
            check('product repeat %r %r' % (data, rep),
                  lambda M, data=data, rep=rep:
                  list(M.product(data, repeat=rep)), I)
    check('product none', lambda M: list(M.product()), I)
    check('product three', lambda M: list(M.product('ab', [], 'c')), I)
    check('product four', lambda M: list(M.product(range(2), 'ab', [0, 1])), I)
    check('combinations missing r', lambda M: M.combinations('abc'), I)
    for name in ['accumulate', 'chain', 'combinations',
                 'combinations_with_replacement', 'compress', 'count',
                 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice',
                 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
                 'takewhile', 'tee', 'zip_longest']:
        expect('itertools defines %s' % name, hasattr(OURS[I], name))


# ---------------------------------------------------------------------------
# collections
# ---------------------------------------------------------------------------

def check_collections():
    C = 'collections'
    # namedtuple
    specs = [('Point', 'x y', {}), ('Point', ['x', 'y'], {}),
             ('P3', 'x, y, z', {'defaults': [0, 1]}),
             ('One', 'a', {}), ('Empty', '', {}),
             ('R', ['a', 'def', '_b', 'a', '1x'], {'rename': True}),
             ('Bad', 'a def', {}), ('Bad', 'a _b', {}), ('Bad', 'a a', {}),
             ('Bad', 'a 1x', {}), ('1Bad', 'a', {}), ('class', 'a', {}),
             ('D', 'a b', {'defaults': [1, 2, 3]}), ('M', 'a', {'module': 'mod'}),
             ('Bad', ['a', 3], {}), ('D', 'a b c', {'defaults': range(5, 6)})]
    for typename, fields, kw in specs:
        def make(M, typename=typename, fields=fields, kw=kw):
            T = M.namedtuple(typename, fields, **kw)
            return (T.__name__, T._fields, T._field_defaults, T.__doc__,
                    T.__module__ if 'module' in kw else None,
                    T.__mro__[1] is tuple, T.__match_args__)
        check('namedtuple %r %r %r' % (typename, fields, kw), make, C)
    Pr = OURS[C].namedtuple('Point', 'x y')
    Pc = REAL[C].namedtuple('Point', 'x y')
    for args, kw in [((1, 2), {}), ((1,), {'y': 2}), ((), {'x': 1, 'y': 2}),
                     ((1,), {}), ((), {}), ((1, 2, 3), {}), ((1,), {'x': 2}),
                     ((1, 2), {'z': 3}), (('a', [1]), {})]:
        def build(M, args=args, kw=kw):
            T = Pr if M is OURS[C] else Pc
            p = T(*args, **kw)
            return (p, p.x, p.y, p[0], p[-1], tuple(p), p._asdict(), len(p),
                    p == tuple(p), hash(p) == hash(tuple(p)) if
                    isinstance(p.y, int) else None)
        check('Point(*%r, **%r)' % (args, kw), build, C)

    def nt_methods(M):
        T = M.namedtuple('T', 'a b c', defaults=[3])
        t = T(1, 2)
        out = [t, T._make([4, 5, 6]), t._replace(b=9), t._replace(),
               T.a.__doc__, T.__new__.__doc__, t + (4,), t[1:], t * 2,
               t.count(1), t.index(2), sorted([T(2, 1), T(1, 2)]),
               t.__getnewargs__(), isinstance(t, tuple), T(1, 2, c=None),
               T.__name__, T.__qualname__]
        for bad in [lambda: T._make([1]), lambda: t._replace(z=1),
                    lambda: T(), lambda: T(1, 2, 3, 4), lambda: t.__setattr__('a', 3),
                    lambda: T(1, b=2, d=4)]:
            try:
                out.append(bad())
            except Exception as exc:
                out.append((type(exc).__name__, str(exc)))
        return out
    check('namedtuple methods', nt_methods, C)

    def nt_missing(M):
        T = M.namedtuple('T', 'a b c d')
        out = []
        for args in [(), (1,), (1, 2), (1, 2, 3)]:
            try:
                T(*args)
            except TypeError as exc:
                out.append(str(exc))
        return out
    check('namedtuple missing args', nt_missing, C)

    def nt_subclass(M):
        class Pt(M.namedtuple('Pt', 'x y')):
            __slots__ = ()

            @property
            def norm(self):
                return self.x ** 2 + self.y ** 2
        p = Pt(3, 4)
        return p, p.norm, p._replace(x=0), Pt._make([1, 1])
    check('namedtuple subclass', nt_subclass, C)

    def nt_more(M):
        T = M.namedtuple('T', 'a b', rename=True, defaults=(None,))
        U = M.namedtuple('U', ['x', 'x', 'class', '_y', ''], rename=True)
        t = T(1)
        out = [U._fields, U(1, 2, 3, 4, 5),
               T.a, T._field_defaults, t, T(b=2, a=1), t == (1, None),
               T._make(range(2)), vars(type(t)).get('__slots__'),
               [name for name in dir(t) if not name.startswith('__')]]
        try:
            t.c = 1
        except AttributeError as exc:
            out.append(type(exc).__name__)
        try:
            del t.a
        except AttributeError as exc:
            out.append(str(exc))
        return out
    check('namedtuple more', nt_more, C)

    def subclasses(M):
        class MyCounter(M.Counter):
            pass

        class MyOD(M.OrderedDict):
            pass

        class MyDD(M.defaultdict):
            pass

        class MyDeque(M.deque):
            pass
        return [MyCounter('aab'), MyCounter(), MyOD(a=1), MyOD(),
                MyDD(int, a=1), MyDeque('ab'), MyDeque('ab', 2),
                type(MyDeque('a').copy()).__name__,
                type(MyCounter('a') + MyCounter('b')).__name__,
                type(MyOD(a=1).copy()).__name__]
    check('collections subclasses', subclasses, C)

    # deque
    for data, maxlen in [([], None), ([1, 2, 3], None), (range(10), 3),
                         ('abc', 0), ([1], 5), (range(40), None),
                         ([1, 2], -1), ([1], 'x')]:
        check('deque(%r, %r)' % (data, maxlen), lambda M, data=data,
              maxlen=maxlen: M.deque(data, maxlen), C)

    def deque_ops(M, maxlen):
        d = M.deque([], maxlen)
        log = []

        def do(name, *args):
            try:
                log.append((name, getattr(d, name)(*args), repr(d)))
            except Exception as exc:
                log.append((name, type(exc).__name__, str(exc)))
        for i in range(12):
            do('append', i)
            if i % 3 == 0:
                do('appendleft', -i)
        do('pop')
        do('popleft')
        do('rotate', 3)
        do('rotate', -5)
        do('rotate', 100)
        do('rotate')
        do('extend', 'xyz')
        do('extendleft', [7, 8, 9])
        do('count', 'x')
        do('index', 7)
        do('index', 'nope')
        do('index', 'y', 2)
        do('index', 'y', -3, -1)
        do('insert', 2, 'ins')
        do('insert', -1, 'ins2')
        do('insert', 100, 'end')
        do('remove', 'x')
        do('remove', 'missing')
        do('reverse')
        do('__getitem__', 0)
        do('__getitem__', -1)
        do('__getitem__', 2)
        do('__getitem__', 100)
        do('__getitem__', 'a')
        do('__setitem__', 1, 'set')
        do('__delitem__', 2)
        do('__delitem__', -2)
        do('__contains__', 'set')
        do('__len__')
        do('copy')
        do('clear')
        do('pop')
        do('popleft')
        do('rotate', 1)
        do('extend', range(20))
        for i in range(25):
            do('popleft' if i % 2 else 'pop')
        return log
    for maxlen in [None, 0, 1, 5, 8, 100]:
        check('deque ops maxlen=%r' % (maxlen,),
              lambda M, maxlen=maxlen: deque_ops(M, maxlen), C)

    def deque_misc(M):
        D = M.deque
        a = D([1, 2, 3])
        b = D([1, 2, 4], maxlen=5)
        out = [a == b, a < b, a <= D([1, 2, 3]), a == [1, 2, 3], a != b,
               a + b, a * 2, 0 * a, list(reversed(a)), bool(D()), bool(a),
               a.maxlen, b.maxlen, 2 in a, 9 in a, D('ab') * -1]
        c = D([1, 2], maxlen=3)
        c += [3, 4]
        out.append(c)
        c *= 2
        out.append(c)
        e = D([[1]])
        e.append(e)
        out.append(repr(e))
        out.append(D(maxlen=2))
        try:
            hash(a)
        except TypeError as exc:
            # CPython names the C type 'collections.deque'
            out.append(str(exc).replace('collections.', ''))
        f = D(range(5))
        f.extend(f)
        out.append(f)
        f.extendleft(f)
        out.append(f)
        for op in [lambda: a + [1], lambda: a * 'x', lambda: D().pop(),
                   lambda: D(range(3), 3).insert(0, 1)]:
            try:
                out.append(op())
            except Exception as exc:
                out.append((type(exc).__name__, str(exc)))
        g = D(range(5))
        try:
            for x in g:
                g.append(x)
        except RuntimeError as exc:
            out.append(str(exc))
        return out
    check('deque misc', deque_misc, C)

    # defaultdict
    def dd(M):
        d = M.defaultdict(list)
        d['a'].append(1)
        d['b']
        d['a'].append(2)
        e = M.defaultdict(int, {'x': 1}, y=2)
        e['z'] += 5
        f = M.defaultdict()
        out = [d, e, f, d.default_factory, isinstance(d, dict),
               d == {'a': [1, 2], 'b': []}, d.copy(), type(d.copy()).__name__,
               e | {'q': 1}, {'q': 1} | e, 'missing' in e, e.get('nope'),
               M.defaultdict(lambda: 'v')['k']]
        try:
            f['k']
        except KeyError as exc:
            out.append(('KeyError', exc.args))
        try:
            M.defaultdict(5)
        except TypeError as exc:
            out.append(str(exc))
        rec = M.defaultdict(list)
        rec['self'] = rec
        out.append(repr(rec))
        return out
    check('defaultdict', dd, C)

    # OrderedDict
    def od(M):
        O = M.OrderedDict
        d = O([('a', 1), ('b', 2), ('c', 3)])
        out = [d, O(), O(x=1), list(d), d.popitem(), d.popitem(last=False), d]
        d.update(z=26, y=25)
        d.move_to_end('z')
        out.append(d)
        d.move_to_end('z', last=False)
        out.append(d)
        d.move_to_end('b', False)
        out.append(list(d.items()))
        out.append(O(a=1, b=2) == O(b=2, a=1))
        out.append(O(a=1, b=2) == {'b': 2, 'a': 1})
        out.append(O(a=1, b=2) != O(b=2, a=1))
        out.append(O.fromkeys('abc', 0))
        out.append(d.copy())
        out.append(O(a=1) | {'b': 2})
        out.append(list(reversed(O(a=1, b=2))))
        out.append(d.setdefault('new', 5))
        out.append(d.pop('new'))
        for bad in [lambda: O().popitem(), lambda: d.move_to_end('nope'),
                    lambda: O(a=1).popitem(last=False)]:
            try:
                out.append(bad())
            except KeyError as exc:
                out.append(('KeyError', exc.args))
        return out
    check('OrderedDict', od, C)

    # Counter
    sources = ['abracadabra', '', 'zyx', [1, 2, 2, 3, 3, 3], 'mississippi',
               'aabbccdd']
    for src in sources:
        check('Counter(%r)' % (src,), lambda M, src=src: M.Counter(src), C)
        for n in [None, 0, 1, 2, 3, 10]:
            check('most_common %r %r' % (src, n),
                  lambda M, src=src, n=n: M.Counter(src).most_common(n), C)
        check('elements %r' % (src,), lambda M, src=src:
              list(M.Counter(src).elements()), C)
        check('total %r' % (src,), lambda M, src=src: M.Counter(src).total(),
              C)
        for other in sources[:4]:
            for op in ['+', '-', '&', '|', '==', '<=', '<', '>=', '!=']:
                check('Counter %r %s %r' % (src, op, other),
                      lambda M, src=src, other=other, op=op: eval(
                          'a %s b' % op,
                          {'a': M.Counter(src), 'b': M.Counter(other)}), C)

    def counter_misc(M):
        Ct = M.Counter
        c = Ct(a=3, b=-1, c=0)
        out = [c, +c, -c, c['zzz'], Ct({'x': 2}), Ct(a=1, b=2)]
        c.update('aab')
        out.append(c)
        c.update({'q': 5})
        c.subtract('aaaaq')
        c.subtract({'z': 1}, b=2)
        out.append(c)
        del c['nope']
        del c['a']
        out.append(c)
        d = Ct('abc')
        d += Ct('aab')
        out.append(d)
        d -= Ct('aaaa')
        out.append(d)
        d |= Ct('zzz')
        out.append(d)
        d &= Ct('zb')
        out.append(d)
        out.append(Ct('ab') == Ct('ba'))
        out.append(Ct(a=1, b=0) == Ct(a=1))
        out.append(Ct('a') == {'a': 1})
        out.append(repr(Ct({'a': 'x', 'b': 1})))
        out.append(Ct({'a': [1], 'b': []}))
        try:
            Ct.fromkeys('ab')
        except NotImplementedError as exc:
            out.append(str(exc))
        out.append(Ct('abc').copy())
        out.append(sorted(Ct('hello').items()))
        out.append(Ct(['a', 'b']) + Ct())
        return out
    check('Counter misc', counter_misc, C)

    # ChainMap
    def cm(M):
        a = {'x': 1, 'y': 2}
        b = {'y': 20, 'z': 30}
        c = M.ChainMap(a, b)
        out = [c, c['x'], c['y'], c['z'], len(c), list(c), sorted(c.items()),
               'z' in c, 'w' in c, c.get('w', 0), bool(c), bool(M.ChainMap()),
               c.new_child(), c.new_child({'n': 1}), c.parents, c.maps,
               M.ChainMap(), dict(c), c.copy(), c == {'x': 1, 'y': 2, 'z': 30}]
        c['w'] = 5
        del c['x']
        out.append(c)
        out.append(c.pop('w'))
        for bad in [lambda: c['nope'], lambda: c.__delitem__('z'),
                    lambda: c.pop('z'), lambda: M.ChainMap({}).popitem()]:
            try:
                out.append(bad())
            except KeyError as exc:
                out.append(('KeyError', str(exc)))
        out.append(c.new_child(k=1))
        out.append(c | {'q': 1})
        out.append(M.ChainMap.fromkeys('ab', 0))
        c.clear()
        out.append(c)
        return out
    check('ChainMap', cm, C)

    # UserDict / UserList
    def ud(M):
        u = M.UserDict({'a': 1}, b=2)
        u['c'] = 3
        del u['a']
        out = [u, len(u), 'b' in u, u.get('q', 9), sorted(u.keys()),
               sorted(u.values()), sorted(u.items()), u.data, u.copy(),
               u == {'b': 2, 'c': 3}, u | {'z': 0}, u.pop('b'), u,
               u.setdefault('s', 1), M.UserDict.fromkeys('xy')]
        u.update([('k', 1)], j=2)
        out.append(u)

        class Missing(M.UserDict):
            def __missing__(self, key):
                return key * 2
        out.append(Missing()['ab'])
        try:
            u['nope']
        except KeyError as exc:
            out.append(exc.args)
        return out
    check('UserDict', ud, C)

    def ul(M):
        L = M.UserList
        u = L([3, 1, 2])
        u.append(5)
        u.sort()
        out = [u, len(u), u[0], u[1:], type(u[1:]).__name__, u + [9],
               [0] + u, u * 2, 3 in u, u == [1, 2, 3, 5], u < [9], u.data,
               u.index(3), u.count(1), L(), L('ab'), u.copy(), list(reversed(u))]
        u.extend(L([7]))
        u.insert(0, 'h')
        u.remove(1)
        out.append((u.pop(), u.pop(0), u))
        u += [8]
        u *= 2
        out.append(u)
        return out
    check('UserList', ul, C)


# ---------------------------------------------------------------------------
# functools
# ---------------------------------------------------------------------------

def check_functools():
    F = 'functools'
    import operator
    for data in [[], [1], [1, 2, 3, 4], 'abc']:
        check('reduce %r' % (data,), lambda M, data=data:
              M.reduce(operator.add, data), F)
        check('reduce initial %r' % (data,), lambda M, data=data:
              M.reduce(lambda a, b: [a, b], data, 'init'), F)
    check('reduce bad', lambda M: M.reduce(operator.add, 5), F)
    check('reduce no args', lambda M: M.reduce(operator.add), F)

    def f(a, b=2, *args, **kw):
        return (a, b, args, kw)
    for args, kw in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((), {'b': 5}),
                     ((1,), {'b': 5, 'c': 6})]:
        check('partial %r %r' % (args, kw), lambda M, args=args, kw=kw: (
            (lambda p: (p(10), p(10, 20), p(c=1) if args else None, p.args,
                        p.keywords, p.func is f, repr(p)))(
                M.partial(f, *args, **kw))), F)
    check('partial nested', lambda M: (lambda p: (p.args, p.keywords, repr(p),
          p(3)))(M.partial(M.partial(f, 1, x=1), 2, y=2)), F)
    check('partial not callable', lambda M: M.partial(5), F)
    check('partial builtin repr', lambda M: repr(M.partial(max, 1, key=abs)), F)

    def partial_sub(M):
        class P(M.partial):
            pass
        p = P(f, 1)
        return repr(p), p(2), type(P(p, 2).func).__name__

    check('partial subclass', partial_sub, F)

    def partial_attr(M):
        p = M.partial(f, 1)
        p.attr = 'x'
        return p.attr, p.__dict__

    check('partial attributes', partial_attr, F)

    def pm(M):
        class A:
            def m(self, *args, **kw):
                return (type(self).__name__, args, kw)
            p = M.partialmethod(m, 1, k=2)
        return A().p(3)
    check('partialmethod', pm, F)

    # wraps / update_wrapper
    def wrapped_attrs(M):
        def original(x: int) -> int:
            "doc of original"
            return x
        original.extra = 'e'

        @M.wraps(original)
        def wrapper(*args):
            return original(*args)
        return (wrapper.__name__, wrapper.__doc__, wrapper.__annotations__,
                wrapper.__qualname__.split('.')[-1], wrapper.extra,
                wrapper.__wrapped__ is original, wrapper(5),
                M.WRAPPER_ASSIGNMENTS, M.WRAPPER_UPDATES)
    check('wraps', wrapped_attrs, F)

    def update(M):
        def g():
            pass

        class Obj:
            pass
        w = Obj()
        w.__dict__['x'] = 1
        M.update_wrapper(w, g, assigned=('__name__', '__nope__'),
                         updated=())
        return w.__name__, w.__wrapped__ is g, sorted(vars(w))
    check('update_wrapper', update, F)

    # lru_cache
    def lru(M, maxsize, typed=False, bare=False):
        calls = []

        def fn(x, y=0):
            calls.append((x, y))
            return x * 10 + y
        if bare:
            cached = M.lru_cache(fn)
        else:
            cached = M.lru_cache(maxsize=maxsize, typed=typed)(fn)
        seq = [1, 2, 1, 3, 4, 1, 5, 2, 2.0, 1, 6, 7, 3, 1]
        results = [cached(x) for x in seq]
        results.append(cached(1, y=1))
        results.append(cached(1, 1))
        results.append(cached(x=1, y=1))
        info = cached.cache_info()
        out = [results, calls, info, repr(info), info.hits, info.currsize,
               cached.cache_parameters(), cached.__wrapped__ is fn,
               cached.__name__]
        cached.cache_clear()
        out.append(cached.cache_info())
        out.append(cached(1))
        out.append(cached.cache_info())
        return out
    for maxsize in [None, 0, 1, 2, 3, 128, -5]:
        for typed in [False, True]:
            check('lru_cache(%r, %r)' % (maxsize, typed),
                  lambda M, maxsize=maxsize, typed=typed:
                      lru(M, maxsize, typed), F)
    check('lru_cache bare', lambda M: lru(M, None, bare=True), F)
    check('lru_cache bad', lambda M: M.lru_cache('x'), F)
    check('lru_cache unhashable', lambda M: M.lru_cache()(len)([1]), F)

    def fib_cache(M):
        @M.cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        return fib(80), fib.cache_info()
    check('cache fib', fib_cache, F)

    def lru_recursive(M):
        @M.lru_cache(maxsize=4)
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        out = [fib(30), fib.cache_info()]
        out.append([fib(n) for n in range(10, 0, -1)])
        out.append(fib.cache_info())
        return out
    check('lru recursive', lru_recursive, F)

    def lru_method(M):
        class A:
            @M.lru_cache(maxsize=2)
            def m(self, x):
                return x + 1
        a = A()
        return [a.m(1), a.m(1), a.m(2), A.m.cache_info()]
    check('lru method', lru_method, F)

    # cmp_to_key
    def cmp(a, b):
        return (a > b) - (a < b)
    for data in [[3, 1, 2], [], ['b', 'a', 'c', 'a']]:
        check('cmp_to_key %r' % (data,), lambda M, data=data:
              sorted(data, key=M.cmp_to_key(lambda a, b: -cmp(a, b))), F)

    def key_ops(M):
        K = M.cmp_to_key(cmp)
        a, b = K(1), K(2)
        out = [a < b, a > b, a == b, a <= b, a >= b, a == K(1)]
        try:
            hash(a)
        except TypeError as exc:
            # CPython names the C type 'functools.KeyWrapper'
            out.append(str(exc).replace('functools.', ''))
        return out
    check('cmp_to_key ops', key_ops, F)

    # total_ordering
    for root in ['__lt__', '__le__', '__gt__', '__ge__']:
        def to(M, root=root):
            ops = {'__lt__': lambda s, o: s.v < o.v,
                   '__le__': lambda s, o: s.v <= o.v,
                   '__gt__': lambda s, o: s.v > o.v,
                   '__ge__': lambda s, o: s.v >= o.v}
            ns = {'__init__': lambda s, v: setattr(s, 'v', v),
                  '__eq__': lambda s, o: s.v == o.v,
                  '__hash__': None, root: ops[root]}
            T = M.total_ordering(type('T', (), ns))
            vals = [T(1), T(2), T(2)]
            return ([(a < b, a <= b, a > b, a >= b)
                     for a in vals for b in vals],
                    T.__lt__.__name__, T.__ge__.__name__)
        check('total_ordering %s' % root, to, F)
    check('total_ordering none', lambda M: M.total_ordering(
        type('T', (), {})), F)

    def to_notimpl(M):
        @M.total_ordering
        class T:
            def __init__(self, v):
                self.v = v

            def __lt__(self, other):
                if not isinstance(other, T):
                    return NotImplemented
                return self.v < other.v
        try:
            return T(1) >= 3
        except TypeError as exc:
            return str(exc)
    check('total_ordering NotImplemented', to_notimpl, F)

    # cached_property
    def cp(M):
        class A:
            count = 0

            @M.cached_property
            def value(self):
                "the value"
                A.count += 1
                return A.count * 10
        a = A()
        out = [a.value, a.value, A.count, 'value' in vars(a),
               type(A.value).__name__, A.value.__doc__, A.value.attrname]
        del a.value
        out.append(a.value)
        a.value = 'set'
        out.append(a.value)

        class S:
            __slots__ = ()

            @M.cached_property
            def v(self):
                return 1
        try:
            S().v
        except TypeError as exc:
            out.append(str(exc))
        p = M.cached_property(lambda self: 1)
        try:
            p.__get__(A())
        except TypeError as exc:
            out.append(str(exc))
        try:
            class Twice:
                x = M.cached_property(lambda self: 1)
                y = x
        except (TypeError, RuntimeError) as exc:
            cause = exc.__cause__ if exc.__cause__ else exc
            out.append(str(cause))
        return out
    check('cached_property', cp, F)

    # singledispatch
    def sd(M):
        @M.singledispatch
        def show(arg, extra=''):
            return 'object:' + repr(arg) + extra

        @show.register
        def _(arg: int, extra=''):
            return 'int:%d%s' % (arg, extra)

        @show.register(list)
        def _(arg, extra=''):
            return 'list:%d' % len(arg)

        def for_str(arg, extra=''):
            return 'str:' + arg
        show.register(str, for_str)

        class Base:
            pass

        class Child(Base):
            pass

        @show.register(Base)
        def _(arg, extra=''):
            return 'base:' + type(arg).__name__

        @show.register(float | complex)
        def _(arg, extra=''):
            return 'number:' + repr(arg)

        out = [show(1), show(True), show(2, '!'), show([1, 2]), show('s'),
               show(b'b'), show(Child()), show(Base()), show(None),
               show(1.5), show(2j), show((1,)), show(extra='?', arg=3)
               if False else None,
               show.dispatch(bool).__name__, show.dispatch(object) is
               show.__wrapped__, show.__name__, sorted(
                   k.__name__ for k in show.registry)]
        for bad in [lambda: show(), lambda: show.register(5, len),
                    lambda: show.register(lambda x: x),
                    lambda: show.register(5)]:
            try:
                out.append(bad())
            except TypeError as exc:
                out.append(normalise(str(exc)).split(' at 0x')[0])
        return out
    check('singledispatch', sd, F)

    def sdm(M):
        class A:
            @M.singledispatchmethod
            def m(self, arg):
                return 'default'

            @m.register
            def _(self, arg: int):
                return 'int'

            @m.register(str)
            def _(self, arg):
                return 'str'
        a = A()
        return a.m(1), a.m('x'), a.m(1.0)
    check('singledispatchmethod', sdm, F)
    for name in REAL[F].__all__:
        if name in ('RLock', 'GenericAlias', 'get_cache_token'):
            continue
        expect('functools defines %s' % name, hasattr(OURS[F], name))


# ---------------------------------------------------------------------------
# Imports: a fresh interpreter that sees only stdlib/, and a static scan
# ---------------------------------------------------------------------------

FRESH = r'''
import sys
sys.path.insert(0, %r)
# CPython has itertools built in; drop the built-in importer so that only
# the files in stdlib/ can be found.
sys.meta_path[:] = [finder for finder in sys.meta_path
                    if getattr(finder, '__name__', '') != 'BuiltinImporter']
for name in %r:
    assert name not in sys.modules, name
    module = __import__(name)
    assert module.__file__.startswith(%r), (name, module.__file__)
for name in %r:
    module = sys.modules.get(name)
    if module is not None and getattr(module, '__file__', None):
        assert module.__file__.startswith(%r), (name, module.__file__)
import collections, functools, itertools, operator
P = collections.namedtuple('P', 'x y')
assert repr(P(1, 2)) == 'P(x=1, y=2)'
assert repr(collections.deque([1], maxlen=3)) == 'deque([1], maxlen=3)'
assert repr(functools.lru_cache()(len).cache_info()) == \
    'CacheInfo(hits=0, misses=0, maxsize=128, currsize=0)'
assert repr(functools.partial(len)).startswith('functools.partial(')
assert repr(operator.itemgetter(1)) == 'operator.itemgetter(1)'
assert repr(itertools.count(5)) == 'count(5)'
print('fresh ok')
'''


def check_imports():
    for name in NAMES:
        code = FRESH % (STDLIB, [name], STDLIB, NAMES, STDLIB)
        proc = subprocess.run([sys.executable, '-I', '-S', '-c', code],
                              capture_output=True, text=True)
        expect('fresh import of %s: %s' % (name, proc.stderr.strip()),
               proc.returncode == 0 and 'fresh ok' in proc.stdout)
    # The stdlib modules may import each other and the native modules.
    ours = {f[:-3] for f in os.listdir(STDLIB) if f.endswith('.py')}
    ours |= {d for d in os.listdir(STDLIB)
             if os.path.exists(os.path.join(STDLIB, d, '__init__.py'))}
    allowed = set(NAMES) | NATIVE | ours
    forbidden_calls = {'exec', 'eval', 'compile', '__import__'}
    # typing.get_type_hints evaluates string annotations, as CPython's does.
    # dataclasses compiles the generated __init__, as CPython's does.
    permitted_calls = {('typing.py', 'eval'), ('dataclasses.py', 'exec')}
    for root, dirs, files in os.walk(STDLIB):
        if os.path.abspath(root).startswith(HERE):
            continue
        for fname in files:
            if not fname.endswith('.py'):
                continue
            path = os.path.join(root, fname)
            with open(path, encoding='utf-8') as fh:
                tree = ast.parse(fh.read(), path)
            expect('%s has a module docstring' % fname,
                   ast.get_docstring(tree) is not None)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        expect('%s imports %s' % (path, alias.name),
                               alias.name.split('.')[0] in allowed)
                elif isinstance(node, ast.ImportFrom):
                    expect('%s imports from %s' % (path, node.module),
                           node.level == 0 and
                           node.module.split('.')[0] in allowed)
                elif (isinstance(node, ast.Call)
                      and isinstance(node.func, ast.Name)
                      and node.func.id in forbidden_calls
                      and (fname, node.func.id) not in permitted_calls):
                    expect('%s calls %s' % (path, node.func.id), False)


def main():
    check_operator()
    check_bisect()
    check_heapq()
    check_string()
    check_itertools()
    check_collections()
    check_functools()
    check_imports()
    for failure in failures:
        print('MISMATCH', failure)
    if failures:
        print('%d checks passed, %d failed' % (passed, len(failures)))
        sys.exit(1)
    print('%d checks passed' % passed)


if __name__ == '__main__':
    main()
