# A small `pytest` for teacher files inside the sandbox (Pyodide has no pytest and nothing is downloaded):
# the parts a teacher's file commonly uses. The harness executes this source in a clean namespace and
# registers it as the module `pytest`; the harness's runner (in harness.py) collects and runs the tests.
_GRADER_PYTEST_SOURCE = r'''
import re as _re, sys as _sys, os as _os, pathlib as _pathlib, collections as _collections, unittest as _unittest

__version__ = "8.0.0-grader"


class Skipped(_unittest.SkipTest):
    """pytest.skip(): the test is left out, as `unittest.skip` leaves it out."""


class Failed(AssertionError):
    """pytest.fail() and a pytest.raises block that did not raise."""


class XFailed(AssertionError):
    pass


def skip(reason="", allow_module_level=False):
    raise Skipped(reason)


def fail(reason="", pytrace=True):
    raise Failed(reason)


def xfail(reason=""):
    raise XFailed(reason)


def importorskip(modname, minversion=None, reason=None):
    try:
        return __import__(modname, fromlist=["_"])
    except ImportError:
        raise Skipped(reason or "could not import " + repr(modname))


class Mark:
    def __init__(self, name, args, kwargs):
        self.name, self.args, self.kwargs = name, tuple(args), dict(kwargs)

    def __repr__(self):
        return "Mark(" + self.name + ")"


class MarkDecorator:
    def __init__(self, name, args=(), kwargs=None):
        self.name, self.args, self.kwargs = name, tuple(args), dict(kwargs or {})
        self.mark = Mark(name, self.args, self.kwargs)

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and (
            isinstance(args[0], type) or callable(args[0])
        ):
            target = args[0]
            target.pytestmark = list(target.__dict__.get("pytestmark", [])) + [self.mark]
            return target
        return MarkDecorator(self.name, self.args + args, {**self.kwargs, **kwargs})


class _MarkGenerator:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return MarkDecorator(name)


mark = _MarkGenerator()


class ParameterSet:
    def __init__(self, values, id, marks):
        self.values, self.id = tuple(values), id
        self.marks = [m.mark if isinstance(m, MarkDecorator) else m for m in (
            marks if isinstance(marks, (list, tuple)) else [marks])]


def param(*values, id=None, marks=()):
    return ParameterSet(values, id, marks)


class FixtureDef:
    def __init__(self, fn, name, autouse, scope, params):
        self.fn, self.name, self.autouse, self.scope, self.params = fn, name, autouse, scope, params


def fixture(fixture_function=None, *, scope="function", params=None, autouse=False, ids=None, name=None):
    def wrap(fn):
        fn._pytestfixturefunction = FixtureDef(fn, name or fn.__name__, autouse, scope, params)
        return fn
    if fixture_function is not None and callable(fixture_function):
        return wrap(fixture_function)
    return wrap


yield_fixture = fixture


class ExceptionInfo:
    def __init__(self):
        self.type = self.value = self.tb = None

    @property
    def typename(self):
        return self.type.__name__ if self.type is not None else ""

    def match(self, regexp):
        if not _re.search(regexp, str(self.value)):
            raise AssertionError("Regex pattern " + repr(regexp) + " did not match " + repr(str(self.value)))
        return True

    def errisinstance(self, exc):
        return isinstance(self.value, exc)

    def __repr__(self):
        return "<ExceptionInfo " + self.typename + ">"


class RaisesContext:
    def __init__(self, expected, match):
        self.expected, self.match_expr, self.info = expected, match, ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, et, ev, tb):
        if et is None:
            names = self.expected if isinstance(self.expected, tuple) else (self.expected,)
            raise Failed("DID NOT RAISE " + " or ".join(getattr(e, "__name__", "?") for e in names))
        if not issubclass(et, self.expected):
            return False
        self.info.type, self.info.value, self.info.tb = et, ev, tb
        if self.match_expr is not None and not _re.search(self.match_expr, str(ev)):
            raise AssertionError("Regex pattern " + repr(self.match_expr) + " did not match " + repr(str(ev)))
        return True


def raises(expected_exception, *args, match=None, **kwargs):
    context = RaisesContext(expected_exception, match)
    if not args:
        return context
    with context as info:
        args[0](*args[1:], **kwargs)
    return info


class ApproxValue:
    """pytest.approx: numbers, and lists, tuples and dicts of numbers, within rel (1e-6) or abs (1e-12)."""

    def __init__(self, expected, rel=None, abs=None, nan_ok=False):
        self.expected, self.rel, self.abs, self.nan_ok = expected, rel, abs, nan_ok

    def _tolerance(self, e):
        rel = 1e-6 if self.rel is None and self.abs is None else (self.rel or 0.0)
        ab = 1e-12 if self.rel is None and self.abs is None else (self.abs or 0.0)
        return max(rel * (e if e >= 0 else -e), ab)

    def _close(self, a, e):
        if isinstance(e, (list, tuple)):
            return isinstance(a, (list, tuple)) and len(a) == len(e) and all(self._close(x, y) for x, y in zip(a, e))
        if isinstance(e, dict):
            return isinstance(a, dict) and a.keys() == e.keys() and all(self._close(a[k], e[k]) for k in e)
        numbers = (int, float)
        if isinstance(e, numbers) and not isinstance(e, bool) and isinstance(a, numbers) and not isinstance(a, bool):
            if e != e or a != a:
                return self.nan_ok and e != e and a != a
            if a == e:
                return True
            if e in (float("inf"), float("-inf")):
                return False
            d = a - e
            return (d if d >= 0 else -d) <= self._tolerance(e)
        return a == e

    def __eq__(self, actual):
        return self._close(actual, self.expected)

    def __ne__(self, actual):
        return not self._close(actual, self.expected)

    __hash__ = None

    def __repr__(self):
        return "approx(" + repr(self.expected) + ")"


def approx(expected, rel=None, abs=None, nan_ok=False):
    return ApproxValue(expected, rel, abs, nan_ok)


# Built-in fixtures: capsys, tmp_path, monkeypatch (function-scoped generators the runner drives).
CaptureResult = _collections.namedtuple("CaptureResult", ["out", "err"])


class CaptureFixture:
    def __init__(self, make_capture):
        self._make = make_capture
        self._out, self._err = make_capture(), make_capture()
        self._saved = (_sys.stdout, _sys.stderr)
        _sys.stdout, _sys.stderr = self._out, self._err

    def readouterr(self):
        result = CaptureResult(self._out.text(), self._err.text())
        self._out, self._err = self._make(), self._make()
        _sys.stdout, _sys.stderr = self._out, self._err
        return result

    def close(self):
        _sys.stdout, _sys.stderr = self._saved


class MonkeyPatch:
    _NOT_SET = object()

    def __init__(self):
        self._undo = []

    def _resolve(self, target, name):
        if isinstance(target, str) and name is MonkeyPatch._NOT_SET:
            module, _, attr = target.rpartition(".")
            parts = module.split(".")
            obj = __import__(module, fromlist=["_"]) if module else None
            return obj, attr
        return target, name

    def setattr(self, target, name=_NOT_SET, value=_NOT_SET, raising=True):
        if value is MonkeyPatch._NOT_SET:
            target, name, value = (*self._resolve(target, MonkeyPatch._NOT_SET), name)
        old = getattr(target, name, MonkeyPatch._NOT_SET)
        if old is MonkeyPatch._NOT_SET and raising:
            raise AttributeError(repr(target) + " has no attribute " + repr(name))
        self._undo.append(("attr", target, name, old))
        setattr(target, name, value)

    def delattr(self, target, name=_NOT_SET, raising=True):
        if name is MonkeyPatch._NOT_SET:
            target, name = self._resolve(target, MonkeyPatch._NOT_SET)
        if not hasattr(target, name):
            if raising:
                raise AttributeError(name)
            return
        self._undo.append(("attr", target, name, getattr(target, name)))
        delattr(target, name)

    def setitem(self, d, key, value):
        self._undo.append(("item", d, key, d.get(key, MonkeyPatch._NOT_SET)))
        d[key] = value

    def delitem(self, d, key, raising=True):
        if key not in d:
            if raising:
                raise KeyError(key)
            return
        self._undo.append(("item", d, key, d[key]))
        del d[key]

    def setenv(self, name, value, prepend=None):
        self.setitem(_os.environ, name, str(value))

    def delenv(self, name, raising=True):
        self.delitem(_os.environ, name, raising)

    def chdir(self, path):
        self._undo.append(("cwd", None, None, _os.getcwd()))
        _os.chdir(path)

    def syspath_prepend(self, path):
        self._undo.append(("path", None, None, list(_sys.path)))
        _sys.path.insert(0, str(path))

    def undo(self):
        for kind, target, name, old in reversed(self._undo):
            if kind == "attr":
                if old is MonkeyPatch._NOT_SET:
                    delattr(target, name)
                else:
                    setattr(target, name, old)
            elif kind == "item":
                if old is MonkeyPatch._NOT_SET:
                    target.pop(name, None)
                else:
                    target[name] = old
            elif kind == "cwd":
                _os.chdir(old)
            elif kind == "path":
                _sys.path[:] = old
        self._undo = []


def _capsys(capture_class, cap):
    c = CaptureFixture(lambda: capture_class(cap))
    try:
        yield c
    finally:
        c.close()


def _monkeypatch():
    m = MonkeyPatch()
    try:
        yield m
    finally:
        m.undo()


_tmp_count = [0]


def _tmp_path():
    _tmp_count[0] += 1
    p = _pathlib.Path("/sandbox/tmp_path_" + str(_tmp_count[0]))
    p.mkdir(parents=True, exist_ok=True)
    yield p


BUILTIN_FIXTURES = {"capsys": _capsys, "capfd": _capsys, "monkeypatch": _monkeypatch, "tmp_path": _tmp_path,
                    "tmpdir": _tmp_path}
'''
