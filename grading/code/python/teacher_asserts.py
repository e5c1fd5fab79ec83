# Teacher files' assertions, rewritten so their operands reach the grader (sent with the harness, before it).
# `assert a == b, m`, `self.assertEqual(a, b)`, `self.assertTrue(a == b)`, `assert not x`... become calls
# of the grader's check function, which records the operands as plain data (JSON) for the grader to
# compare outside the interpreter (grading/code/python-values.ts). The check function is put into the
# compiled code as a constant, so nothing in the file's namespace or in unittest can replace it.

_GRADER_CHECKED_METHODS = frozenset({
    "assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "assertListEqual", "assertTupleEqual",
    "assertDictEqual", "assertSetEqual", "assertSequenceEqual", "assertMultiLineEqual", "assertCountEqual",
    "assertIn", "assertNotIn", "assertGreater", "assertGreaterEqual", "assertLess", "assertLessEqual",
    "assertAlmostEqual", "assertAlmostEquals", "assertNotAlmostEqual", "assertIsNone", "assertIsNotNone",
    "assertTrue", "assertFalse", "assert_", "failUnless", "failIf", "failUnlessEqual", "assertIs", "assertIsNot",
})

_GRADER_CHECK_SENTINEL = "\x00grader-check\x00"


def _grader_rewrite_asserts(tree, ast, _methods=_GRADER_CHECKED_METHODS, _sentinel=_GRADER_CHECK_SENTINEL):
    """Returns `tree` with every assertion of the file rewritten into a call of the sentinel constant
    (replaced by the check function after compiling, see `_grader_bind_check`)."""
    ops = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
           ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}

    def source(node):
        try:
            return ast.unparse(node)[:300]
        except Exception:
            return "?"

    def approx_in(node):
        """Whether the teacher wrote `approx(...)` in this operand: only there may a pytest.approx value
        widen a comparison (a submission returning one of its own must not)."""
        for n in ast.walk(node):
            if isinstance(n, ast.Call) and (
                (isinstance(n.func, ast.Name) and n.func.id == "approx")
                or (isinstance(n.func, ast.Attribute) and n.func.attr == "approx")
            ):
                return True
        return False

    def call(node, mode, what, receiver, msg, operands, keywords=()):
        approx_at = tuple(i for i, o in enumerate(operands) if approx_in(o))
        return ast.copy_location(ast.Call(
            func=ast.Constant(_sentinel),
            args=[ast.Constant(mode), ast.Constant(what), ast.Constant(getattr(node, "lineno", 0)),
                  ast.Constant(source(node)), ast.Constant(approx_at), receiver, msg, *operands],
            keywords=list(keywords)), node)

    def truth(node, test, receiver, msg, negated):
        """`test` decomposed: a comparison's operands go out one by one, anything else as its value."""
        mode = "false" if negated else "true"
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return truth(node, test.operand, receiver, msg, not negated)
        if isinstance(test, ast.Compare) and all(type(o) in ops for o in test.ops):
            return call(node, mode, tuple(ops[type(o)] for o in test.ops), receiver, msg,
                        [test.left, *test.comparators])
        return call(node, mode, (), receiver, msg, [test])

    class Rewriter(ast.NodeTransformer):
        def visit_Assert(self, node):
            self.generic_visit(node)
            msg = node.msg if node.msg is not None else ast.Constant(None)
            return ast.copy_location(ast.Expr(truth(node, node.test, ast.Constant(None), msg, False)), node)

        def visit_Call(self, node):
            self.generic_visit(node)
            f = node.func
            if not isinstance(f, ast.Attribute) or f.attr not in _methods:
                return node
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
                return node
            if f.attr in ("assertTrue", "assertFalse", "assert_", "failUnless", "failIf") and node.args:
                msg = node.args[1] if len(node.args) > 1 else next(
                    (k.value for k in node.keywords if k.arg == "msg"), ast.Constant(None))
                if len(node.args) > 2 or any(k.arg != "msg" for k in node.keywords):
                    return node
                return truth(node, node.args[0], f.value, msg, f.attr in ("assertFalse", "failIf"))
            return call(node, "method", f.attr, f.value, ast.Constant(None), node.args, node.keywords)

    return ast.fix_missing_locations(Rewriter().visit(tree))


def _grader_bind_check(code, check, code_type, _sentinel=_GRADER_CHECK_SENTINEL):
    """`code` and every code object inside it with the sentinel constant replaced by `check`."""
    def bind(code):
        consts = []
        changed = False
        for c in code.co_consts:
            if isinstance(c, str) and c == _sentinel:
                consts.append(check)
                changed = True
            elif isinstance(c, code_type):
                inner = bind(c)
                changed = changed or inner is not c
                consts.append(inner)
            else:
                consts.append(c)
        return code.replace(co_consts=tuple(consts)) if changed else code
    return bind(code)


def _grader_compile_teacher_file(source, filename, _rewrite=_grader_rewrite_asserts):
    """Parses and compiles a teacher file with its assertions rewritten; the check is bound later."""
    import ast, warnings
    tree = ast.parse(source, filename)
    rewritten = _rewrite(ast.parse(source, filename), ast)
    with warnings.catch_warnings():
        # Calling a constant is what the rewrite does on purpose (the compiler warns of `"str"()`).
        warnings.simplefilter("ignore")
        code = compile(rewritten, filename, "exec")
    return tree, code
