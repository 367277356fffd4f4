"""GitHub Actions expressions (`${{ ... }}`), the part the project's workflows use: contexts,
literals, ! == != < <= > >= && || and parentheses, and the status functions.

Semantics as GitHub documents them ("Evaluate expressions in workflows and actions"): strings
compare ignoring case; values of different types compare as numbers (null 0, false 0, true 1, ''
0, other strings parsed, else NaN); && and || return one of their operands; a missing property
is null.
"""
import math
import re

TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?)|(?P<op>==|!=|<=|>=|&&|\|\||[!<>().,\[\]])|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))")


class ExpressionError(Exception):
    pass


def tokens(text):
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = TOKEN.match(text, pos)
        if not m:
            raise ExpressionError(f"cannot read {text[pos:]!r} in {text!r}")
        pos = m.end()
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "str":
            value = value[1:-1].replace("''", "'")
        elif kind == "num":
            value = float(value)
        out.append((kind, value))
    return out


def to_number(v):
    if v is None:
        return 0.0
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.strip()
        if s == "":
            return 0.0
        try:
            return float(s)
        except ValueError:
            return math.nan
    return math.nan


def truthy(v):
    if v is None or v is False or v == "":
        return False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v != 0 and not math.isnan(v)
    return True


def compare(a, b, op):
    if isinstance(a, str) and isinstance(b, str):
        a, b = a.lower(), b.lower()
    elif type(a) is not type(b) or a is None:
        a, b = to_number(a), to_number(b)
    if op == "==":
        return a == b
    if op == "!=":
        return a != b
    if isinstance(a, float) and (math.isnan(a) or math.isnan(b)):
        return False
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


class Parser:
    """Recursive descent: or → and → comparison → unary → primary."""

    def __init__(self, text, contexts, functions):
        self.toks = tokens(text)
        self.i = 0
        self.contexts = contexts
        self.functions = functions
        self.text = text

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, value=None):
        tok = self.peek()
        if tok[0] is None or (value is not None and tok[1] != value):
            raise ExpressionError(f"expected {value or 'more'} in {self.text!r}")
        self.i += 1
        return tok

    def parse(self):
        v = self.or_()
        if self.i != len(self.toks):
            raise ExpressionError(f"unexpected {self.peek()[1]!r} in {self.text!r}")
        return v

    def or_(self):
        v = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.and_()
            v = v if truthy(v) else right
        return v

    def and_(self):
        v = self.cmp()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.cmp()
            v = right if truthy(v) else v
        return v

    def cmp(self):
        v = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("==", "!=", "<", "<=", ">", ">="):
            op = self.take()[1]
            v = compare(v, self.unary(), op)
        return v

    def unary(self):
        if self.peek() == ("op", "!"):
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, value = self.take()
        if kind in ("str", "num"):
            return value
        if (kind, value) == ("op", "("):
            v = self.or_()
            self.take(")")
            return v
        if kind != "name":
            raise ExpressionError(f"unexpected {value!r} in {self.text!r}")
        if value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if self.peek() == ("op", "("):
            self.take()
            self.take(")")
            if value not in self.functions:
                raise ExpressionError(f"unknown function {value}() in {self.text!r}")
            return self.functions[value]()
        if value not in self.contexts:
            raise ExpressionError(f"unknown context {value!r} in {self.text!r}")
        v = self.contexts[value]
        while self.peek() in (("op", "."), ("op", "[")):
            if self.take()[1] == ".":
                key = self.take()[1]
            else:
                key = self.take()[1]
                self.take("]")
            v = v.get(key) if isinstance(v, dict) else None
        return v


STATUS = ("success", "failure", "always", "cancelled")


def evaluate(text, contexts, functions):
    return Parser(text, contexts, functions).parse()


def condition(text, contexts, functions):
    """An `if:` value: with or without ${{ }}; success() && (...) unless it calls a status function."""
    if text is None:
        text = "success()"
    if isinstance(text, bool):
        return text
    text = text.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    if not any(re.search(rf"\b{f}\s*\(", text) for f in STATUS):
        text = f"success() && ({text})"
    return truthy(evaluate(text, contexts, functions))


def render(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def interpolate(text, contexts, functions):
    """A string with ${{ expr }} parts, each replaced by its value as text."""
    if not isinstance(text, str):
        return render(text)
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: render(evaluate(m.group(1), contexts, functions)), text)
