# Grading harness, run once in each fresh interpreter before any student code. The grader sends it over
# IPC. It captures what it needs before student code runs and returns raw results as JSON text built with
# captured builtins (comparison happens outside the sandbox). An interpreter serves one submission and is
# dropped, so nothing needs resetting. Anything inside the interpreter can be reached by a determined
# submission; the checks below are there to make tampering visible, the real verdicts come from outside.
def _grader_preload():
    """Imports what the factory imports; the child runs it before taking its memory snapshot, so an
    interpreter loaded from the snapshot starts the harness without importing anything again."""
    import builtins, sys, io, json, unittest, unittest.case, unittest.result, unittest.loader, types
    import math, random, collections, itertools, functools, re, string, heapq, bisect, statistics
    import fractions, decimal, datetime, typing, dataclasses, copy, operator, os, time, traceback
    import difflib, pprint


def _grader_factory():
    import builtins, sys, io, json, unittest, unittest.case, unittest.result, unittest.loader, types
    import math, random, collections, itertools, functools, re, string, heapq, bisect, statistics
    import fractions, decimal, datetime, typing, dataclasses, copy, operator, os, time, traceback

    _type, _isinstance, _len, _str, _repr, _int, _float = type, isinstance, len, str, repr, int, float
    _list, _dict, _tuple, _set, _frozenset, _bool = list, dict, tuple, set, frozenset, bool
    _sorted, _getattr, _id, _callable, _exec, _compile = sorted, getattr, id, callable, exec, compile
    _BaseException, _Exception, _SystemExit, _KeyboardInterrupt = BaseException, Exception, SystemExit, KeyboardInterrupt
    _MemoryError, _RecursionError, _SyntaxError, _AssertionError = MemoryError, RecursionError, SyntaxError, AssertionError
    _ModuleType, _StringIO = types.ModuleType, io.StringIO
    _enc_str = json.encoder.encode_basestring_ascii
    # The C scanner of `_json`: decoding a test's arguments after student code ran uses no Python-level
    # code the submission could have replaced (JSONDecoder.decode looks up `len` in builtins).
    _scan = json.JSONDecoder().scan_once
    if _getattr(_type(_scan), "__module__", "") != "_json":
        raise ImportError("the C JSON scanner is not available")

    def _loads(text):
        return _scan(text, 0)[0]
    _int_repr, _float_repr = int.__repr__, float.__repr__
    _isfinite = math.isfinite
    _setrecursionlimit, _getrecursionlimit = sys.setrecursionlimit, sys.getrecursionlimit
    _modules = sys.modules
    _mon = sys.monitoring
    del sys.monitoring
    DEFAULT_LIMIT = _getrecursionlimit()
    MAX_RECURSION = 3000

    class OutputLimit(_BaseException):
        pass

    class Capture:
        def __init__(self, cap):
            self.parts, self.n, self.cap, self.over = [], 0, cap, False
        def write(self, s):
            if _type(s) is not _str:
                raise TypeError("write() argument must be str")
            self.n += _len(s)
            if self.n > self.cap:
                self.over = True
                raise OutputLimit("output limit exceeded")
            self.parts.append(s)
            return _len(s)
        def writelines(self, lines):
            for line in lines:
                self.write(line)
        def flush(self):
            pass
        def isatty(self):
            return False
        def text(self):
            return "".join(self.parts)

    # --- Import deny-list: a seat belt in front of Node's permission model and bubblewrap.
    DENIED = {
        "js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "micropip", "ctypes", "_ctypes",
        "subprocess", "_posixsubprocess", "socket", "_socket", "select", "ssl", "_ssl", "multiprocessing",
        "threading", "_thread", "gc", "urllib", "http", "asyncio", "pyodide_http", "webbrowser", "signal",
        "resource", "pty", "fcntl", "mmap", "_pyrepl", "sqlite3", "shutil", "tempfile",
    }

    class DenyFinder:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name.split(".")[0] in DENIED:
                raise ImportError(f"module {name} is not available in the grader")
            return None

    def _blocked(*a, **k):
        raise PermissionError("not allowed in the grader")

    os.environ.clear()
    for attr in ("system", "popen", "fork", "forkpty", "execv", "execve", "execl", "execle", "execlp",
                 "execvp", "execvpe", "spawnl", "spawnle", "spawnv", "spawnve", "posix_spawn", "posix_spawnp",
                 "kill", "killpg", "putenv", "unsetenv", "_exit"):
        if hasattr(os, attr):
            setattr(os, attr, _blocked)
    sys.setrecursionlimit = lambda n: _setrecursionlimit(min(_int(n), MAX_RECURSION))
    sys.meta_path.insert(0, DenyFinder)
    for name in _list(_modules):
        if name.split(".")[0] in DENIED and name.split(".")[0] not in ("threading", "_thread", "signal"):
            del _modules[name]
    os.makedirs("/sandbox", exist_ok=True)
    os.chdir("/sandbox")

    base_std = (sys.stdin, sys.stdout, sys.stderr)

    # --- JSON of results, built only with captured builtins.
    def enc(v, depth=0):
        t = _type(v)
        if depth > 100:
            return '{"$repr":"(too deep)"}'
        if v is None:
            return "null"
        if t is _bool:
            return "true" if v else "false"
        if t is _int or (_isinstance(v, _int) and t is not _bool and not _isinstance(v, _bool)):
            r = _int_repr(v)
            return r if _len(r) <= 15 else '{"$int":"' + r + '"}'
        if t is _float or _isinstance(v, _float):
            if _isfinite(v):
                return _float_repr(v)
            return '{"$float":"' + _float_repr(v) + '"}'
        if t is _str or _isinstance(v, _str):
            return _enc_str(_str.__str__(v))
        if t in (_list, _tuple) or _isinstance(v, (_list, _tuple)):
            return "[" + ",".join([enc(x, depth + 1) for x in v]) + "]"
        if t in (_set, _frozenset):
            items = [enc(x, depth + 1) for x in v]
            items.sort()
            return "[" + ",".join(items) + "]"
        if t is _dict or _isinstance(v, _dict):
            parts = []
            for k, x in _dict.items(v):
                key = k if _type(k) is _str else _repr(k)
                parts.append(_enc_str(key) + ":" + enc(x, depth + 1))
            return "{" + ",".join(parts) + "}"
        return '{"$repr":' + _enc_str(_repr(v)[:10000]) + "}"

    def trimmed_traceback(e, files):
        lines = []
        tb = e.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename in files:
                src = files[code.co_filename]
                text = src[tb.tb_lineno - 1].strip() if 0 < tb.tb_lineno <= _len(src) else ""
                lines.append(f'  File "{code.co_filename}", line {tb.tb_lineno}, in {code.co_name}\n    {text}')
            tb = tb.tb_next
        try:
            msg = _str(e)
        except _BaseException:
            msg = ""
        head = "Traceback (most recent call last):\n" if lines else ""
        return head + "\n".join(lines[-20:]) + ("\n" if lines else "") + _type(e).__name__ + (": " + msg if msg else "")

    def classify(e, files, out):
        if out is not None and out.over or _isinstance(e, OutputLimit):
            return '{"s":"output"}'
        if _isinstance(e, _MemoryError):
            return '{"s":"memory"}'
        return '{"s":"error","etype":' + _enc_str(_type(e).__name__) + ',"tb":' + _enc_str(trimmed_traceback(e, files)[:20000]) + "}"

    state = {}

    def prepare(code, module_name, cap):
        """Compiles the submission; function tests then load it once as module `module_name`."""
        state.clear()
        state["cap"] = cap
        state["files"] = {"solution.py": code.split("\n")}
        try:
            state["code"] = _compile(code, "solution.py", "exec")
        except (_SyntaxError, ValueError) as e:
            return '{"s":"syntax","msg":' + _enc_str(f"line {_getattr(e, 'lineno', '?')}: {_type(e).__name__}: {_getattr(e, 'msg', e)}") + "}"
        state["module_name"] = module_name
        return '{"s":"ok"}'

    def load_module(out):
        mod = _ModuleType(state["module_name"])
        mod.__file__ = "solution.py"
        _modules[state["module_name"]] = mod
        sys.stdout = sys.stderr = out
        sys.stdin = _StringIO("")
        try:
            _exec(state["code"], mod.__dict__)
        finally:
            sys.stdout, sys.stderr = base_std[1], base_std[2]
        return mod

    def call(fn, args_json):
        """A function test: loads the module once, then calls `fn` with the test's arguments. Arguments
        come one test at a time (visible tests first), so no hidden input is in the interpreter before
        its own test runs."""
        out = Capture(state["cap"])
        try:
            if "module" not in state:
                state["module"] = load_module(out)
            f = state["module"].__dict__.get(fn)
            if not _callable(f):
                return '{"s":"error","etype":"NameError","tb":' + _enc_str(f"NameError: function {fn} is not defined") + "}"
            sys.stdout = sys.stderr = out
            v = f(*_loads(args_json))
            sys.stdout, sys.stderr = base_std[1], base_std[2]
            return '{"s":"ok","v":' + enc(v) + ',"out":' + _enc_str(out.text()) + "}"
        except _BaseException as e:
            sys.stdout, sys.stderr = base_std[1], base_std[2]
            if "module" not in state:
                state["module"] = None
            return classify(e, state["files"], out)

    def run_io(stdin):
        """I/O test: runs the whole program as __main__ with stdin, capturing stdout."""
        out = Capture(state["cap"])
        err = Capture(state["cap"])
        g = {"__name__": "__main__", "__builtins__": builtins, "__file__": "solution.py"}
        sys.stdin, sys.stdout, sys.stderr = _StringIO(stdin), out, err
        code = 0
        try:
            _exec(state["code"], g)
        except _SystemExit as e:
            code = e.code
        except _BaseException as e:
            sys.stdin, sys.stdout, sys.stderr = base_std
            return classify(e, state["files"], out)
        finally:
            sys.stdin, sys.stdout, sys.stderr = base_std
        if out.over or err.over:
            return '{"s":"output"}'
        if code not in (0, None):
            return '{"s":"error","etype":"SystemExit","tb":' + _enc_str(f"SystemExit: {code!r}") + ',"out":' + _enc_str(out.text()) + "}"
        return '{"s":"ok","out":' + _enc_str(out.text()) + "}"

    # --- Teacher unittest files (fresh interpreter each time).
    def snapshot_framework():
        """Identity of every attribute of unittest's modules and classes, and of builtins."""
        snap = []
        for name, m in _list(_modules.items()):
            if name == "unittest" or name.startswith("unittest.") or name in ("builtins", "sys", "traceback", "difflib", "pprint"):
                d = m.__dict__
                snap.append((d, _tuple((k, _id(v)) for k, v in d.items() if k not in ("stdout", "stderr", "stdin", "last_exc", "last_value", "last_type", "last_traceback"))))
                for k, v in _list(d.items()):
                    if _isinstance(v, _type) and _getattr(v, "__module__", "").startswith("unittest"):
                        snap.append((v.__dict__, _tuple((a, _id(x)) for a, x in v.__dict__.items())))
        return snap

    def framework_changed(snap):
        for d, items in snap:
            if _len(d) != _len(items) and _type(d) is not _dict:
                return True
            for k, i in items:
                if k not in d or _id(d[k]) != i:
                    return True
        return False

    assert_codes = {}
    for k, v in _list(unittest.case.TestCase.__dict__.items()):
        if (k.startswith("assert") or k.startswith("fail") or k == "_baseAssertEqual") and _isinstance(v, types.FunctionType):
            assert_codes[v.__code__] = k
    counter = [0]
    TOOL = 4

    def on_start(code, offset):
        if code in assert_codes:
            counter[0] += 1

    def monitoring_on():
        _mon.use_tool_id(TOOL, "grader")
        _mon.register_callback(TOOL, _mon.events.PY_START, on_start)
        for c in assert_codes:
            _mon.set_local_events(TOOL, c, _mon.events.PY_START)

    def monitoring_intact():
        try:
            if _mon.get_tool(TOOL) != "grader":
                return False
            prev = _mon.register_callback(TOOL, _mon.events.PY_START, on_start)
            if prev is not on_start:
                return False
            return all(_mon.get_local_events(TOOL, c) == _mon.events.PY_START for c in assert_codes)
        except _BaseException:
            return False

    def uses_asserts(fn):
        code = _getattr(fn, "__code__", None)
        if code is None:
            return False
        names = _list(code.co_names)
        for c in code.co_consts:
            if _isinstance(c, types.CodeType):
                names.extend(c.co_names)
        return any(n.startswith("assert") or n.startswith("fail") for n in names)

    ut = {}

    def unittest_prepare(code, module_name, test_source, cap):
        """Loads the teacher's file and the submission; returns the test names (JSON list) or an error."""
        r = prepare(code, module_name, cap)
        if r != '{"s":"ok"}':
            return r
        state["files"]["tests.py"] = test_source.split("\n")
        tests_code = _compile(test_source, "tests.py", "exec")
        ut["snap"] = snapshot_framework()
        monitoring_on()
        out = Capture(cap)
        ut["import_error"] = None
        try:
            state["module"] = load_module(out)
        except _BaseException as e:
            ut["import_error"] = classify(e, state["files"], out)
        ut["tampered"] = framework_changed(ut["snap"]) or not monitoring_intact()
        tmod = _ModuleType("tests")
        tmod.__file__ = "tests.py"
        if ut["import_error"] is None:
            _modules[module_name] = state["module"]
        _exec(tests_code, tmod.__dict__)
        cases = []
        for k, v in _list(tmod.__dict__.items()):
            if _isinstance(v, _type) and _isinstance(v, _type) and issubclass(v, unittest.case.TestCase):
                for name in _sorted(unittest.loader.TestLoader().getTestCaseNames(v)):
                    cases.append((v, name))
        ut["cases"] = cases
        return '{"s":"ok","names":[' + ",".join(_enc_str(c.__name__ + "." + n) for c, n in cases) + "]}"

    class Result(unittest.result.TestResult):
        pass

    def unittest_run(i):
        cls, name = ut["cases"][i]
        if ut["import_error"] is not None:
            return ut["import_error"]
        if ut["tampered"]:
            return '{"s":"tampered"}'
        out = Capture(state["cap"])
        result = Result()
        counter[0] = 0
        sys.stdout = sys.stderr = out
        try:
            case = cls(name)
            case.run(result)
        except _BaseException as e:
            sys.stdout, sys.stderr = base_std[1], base_std[2]
            return classify(e, state["files"], out)
        finally:
            sys.stdout, sys.stderr = base_std[1], base_std[2]
        if framework_changed(ut["snap"]) or not monitoring_intact():
            ut["tampered"] = True
            return '{"s":"tampered"}'
        if out.over:
            return '{"s":"output"}'
        for _case, err in result.errors:
            exc = result_excs.get(_id(_case))
            return exc if exc is not None else '{"s":"error","etype":"Error","tb":' + _enc_str(err[-4000:]) + "}"
        for _case, err in result.failures:
            return '{"s":"fail","msg":' + _enc_str(err[-4000:]) + "}"
        if result.skipped or result.expectedFailures or result.unexpectedSuccesses:
            return '{"s":"fail","msg":"skipped or expected failure"}'
        if counter[0] == 0 and uses_asserts(_getattr(cls, name)):
            ut["tampered"] = True
            return '{"s":"tampered"}'
        return '{"s":"pass"}'

    result_excs = {}
    _orig_add_error = unittest.result.TestResult.addError

    def add_error(self, test, err):
        e = err[1]
        if _isinstance(e, (_MemoryError, OutputLimit)) or _isinstance(e, _BaseException):
            result_excs[_id(test)] = classify(e, state["files"], None)
        return _orig_add_error(self, test, err)

    Result.addError = add_error
    return {"prepare": prepare, "call": call, "run_io": run_io,
            "unittest_prepare": unittest_prepare, "unittest_run": unittest_run}
