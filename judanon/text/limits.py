"""Bounds on the work one decision may cost.

A regular expression that could backtrack without end runs through the ``regex`` module
with a timeout (:func:`compile`, :class:`TimedPattern`). The timeouts of one decision come from one budget
(:func:`document_deadline`, set by the pipeline): a pattern that backtracks without end
on a hostile input raises ``TimeoutError`` (:class:`judanon.errors.TimeBudgetError`) instead of hanging, and the pipeline turns it
into :class:`judanon.AnonymizationError` naming the detector. Outside a pipeline call,
each regex call gets the budget of a decision of the text's length.

The budget is generous (seconds per megabyte, far above what the shipped detectors
need), so that it never cuts short honest work on a slow machine.

A pattern that cannot backtrack without end needs no timeout, and a timeout is costly
(the engine's clock checks cost several times a short match): :func:`linear` compiles
such a pattern for the fastest engine that reads it right, with none, and registers it
by name. The tests run every registered pattern over the pathological inputs
(``tests/benchmarks/bench_pathological.py``) and check that its work grows linearly
with the input (``tests/text/test_linear_patterns.py``): a pattern that fails there
goes back under the budget.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import time
import warnings
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

import regex

from judanon.errors import TimeBudgetError

#: Seconds every decision may spend in regular expressions, whatever its length ...
BUDGET_BASE_S = 60.0
#: ... plus this many per million characters.
BUDGET_PER_MILLION_CHARS_S = 600.0

_deadline: contextvars.ContextVar = contextvars.ContextVar("judanon_regex_deadline", default=None)


def document_budget(length: int) -> float:
    """Seconds of regex work allowed for a text of ``length`` characters."""
    return BUDGET_BASE_S + BUDGET_PER_MILLION_CHARS_S * length / 1e6


@contextlib.contextmanager
def document_deadline(length: int, seconds: Optional[float] = None) -> Iterator[float]:
    """Within this block, every timed regex call shares one deadline: ``seconds`` from
    now (default: :func:`document_budget` of ``length``). An enclosing, earlier deadline
    stays in force."""
    budget = document_budget(length) if seconds is None else seconds
    deadline = time.monotonic() + budget
    outer = _deadline.get()
    if outer is not None and outer < deadline:
        deadline = outer
    token = _deadline.set(deadline)
    try:
        yield deadline
    finally:
        _deadline.reset(token)


def timeout_for(string: str) -> float:
    """The timeout of one regex call over ``string`` (raises ``TimeoutError`` once the
    current deadline has passed)."""
    deadline = _deadline.get()
    if deadline is None:
        return document_budget(len(string))
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeBudgetError("regex time budget of this decision spent")
    return left


_RE_TO_REGEX_FLAGS = (
    (re.IGNORECASE, regex.IGNORECASE),
    (re.MULTILINE, regex.MULTILINE),
    (re.DOTALL, regex.DOTALL),
    (re.VERBOSE, regex.VERBOSE),
    (re.ASCII, regex.ASCII),
)


#: A pattern that is one character class repeated (``([^\W_]+)``): it cannot backtrack.
_ONE_CLASS_RUN = regex.compile(r"\(?(?:\[(?:\\.|[^\]\\])*\]|\\[wdsWDS])[+*]\)?")


class TimedPattern:
    """A compiled ``regex`` pattern whose matching methods always pass a timeout
    (:func:`timeout_for`); everything else is the pattern's own.

    A pattern that is one character class repeated runs without one: it cannot
    backtrack, and the engine's clock checks would triple the cost of splitting a
    decision into words."""

    __slots__ = ("pattern_object", "linear")
    pattern_object: "regex.Pattern"
    linear: bool

    def __init__(self, pattern: Union["regex.Pattern", "re.Pattern", str], flags: int = 0,
                 linear: bool = False):
        if isinstance(pattern, TimedPattern):
            pattern = pattern.pattern_object
        elif isinstance(pattern, re.Pattern):
            converted = 0
            for re_flag, regex_flag in _RE_TO_REGEX_FLAGS:
                if pattern.flags & re_flag:
                    converted |= regex_flag
            pattern = regex.compile(pattern.pattern, converted)
        elif isinstance(pattern, str):
            pattern = regex.compile(pattern, flags)
        self.pattern_object = pattern
        self.linear = linear or _ONE_CLASS_RUN.fullmatch(pattern.pattern) is not None
        if self.linear:
            _register("one class run", pattern)

    def _timeout(self, string) -> Optional[float]:
        return None if self.linear else timeout_for(string)

    # match and search run thousands of times per decision: no argument packing
    def match(self, string, pos=None, endpos=None):
        return self.pattern_object.match(string, pos, endpos, timeout=self._timeout(string))

    def search(self, string, pos=None, endpos=None):
        return self.pattern_object.search(string, pos, endpos, timeout=self._timeout(string))

    def fullmatch(self, string, *args, **kw):
        return self.pattern_object.fullmatch(string, *args, timeout=self._timeout(string), **kw)

    def finditer(self, string, *args, **kw):
        return self.pattern_object.finditer(string, *args, timeout=self._timeout(string), **kw)

    def findall(self, string, *args, **kw):
        return self.pattern_object.findall(string, *args, timeout=self._timeout(string), **kw)

    def split(self, string, *args, **kw):
        return self.pattern_object.split(string, *args, timeout=self._timeout(string), **kw)

    def sub(self, repl, string, *args, **kw):
        return self.pattern_object.sub(repl, string, *args, timeout=self._timeout(string), **kw)

    def __getattr__(self, name):  # pattern, groupindex, flags ...
        if name in TimedPattern.__slots__:  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.pattern_object, name)

    def __reduce__(self):  # an Anonymizer holding timed patterns pickles (worker processes)
        return (TimedPattern, (self.pattern_object, 0, self.linear))

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern_object.pattern!r})"


def compile(pattern: str, flags: int = 0, linear: bool = False) -> TimedPattern:  # noqa: A001 - mirrors regex.compile
    """``regex.compile`` whose matches run under the document's time budget.

    ``linear=True`` says the pattern cannot backtrack (read by hand: alternatives that
    each take a run of one kind of character and never give it back, like the
    tokenizer's): it then runs without the engine's clock checks."""
    return TimedPattern(regex.compile(pattern, flags), linear=linear)


# --- Patterns that run with no timeout ------------------------------------------------

#: Every pattern compiled by :func:`linear`: ``(name, source, flags) -> pattern``.
_LINEAR: Dict[Tuple[str, str, int], Any] = {}
#: Class escapes that the two engines read differently (``\w`` holds combining marks for
#: ``regex``, not for ``re``): a pattern using one stays on the engine it was written for.
_ENGINE_DEPENDENT = regex.compile(r"(?<!\\)(?:\\\\)*\\[wWbBsS]")
#: Flags both engines share, with the same values.
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE


def _register(name: str, compiled: Any) -> None:
    _LINEAR[(name, compiled.pattern, compiled.flags)] = compiled
    _LINEAR_IDS.add(id(compiled))


#: ``id`` of every registered pattern (the registry holds them, so no id is reused).
_LINEAR_IDS: set = set()


def is_linear(pattern: Any) -> bool:
    """Whether ``pattern`` (a compiled pattern) was declared linear (:func:`linear`)."""
    return id(pattern) in _LINEAR_IDS


def _stdlib(source: str, flags: int) -> Optional["re.Pattern"]:
    """``source`` compiled by the stdlib, when it accepts it and reads it as ``regex`` does."""
    if flags & ~_SHARED_FLAGS or _ENGINE_DEPENDENT.search(source):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "possible nested set": the engines would disagree
        try:
            return re.compile(source, flags)
        except (re.error, FutureWarning, DeprecationWarning):
            return None


def linear(pattern: Union[str, "re.Pattern", "regex.Pattern"], flags: int = 0, *, name: str,
           engine: Optional[str] = None) -> Any:
    """A pattern that cannot backtrack without end, compiled with no timeout.

    For a pattern whose every repeat takes a run of one kind of character and never
    gives it back, or is bounded (``{0,60}``), the work of a scan grows linearly with the
    text; the engine's clock checks would only slow it down. ``name`` registers it for
    the test that runs every such pattern over the pathological inputs
    (:func:`linear_patterns`). A compiled pattern keeps its engine; a source goes to the
    stdlib ``re`` when it accepts it and reads it as ``regex`` does (``engine=None``), or
    to the ``engine`` named (``"re"``, ``"regex"``: where one measured faster)."""
    if isinstance(pattern, (re.Pattern, regex.Pattern)):
        compiled = pattern
    elif engine == "regex":
        compiled = regex.compile(pattern, flags)
    elif engine == "re":
        compiled = re.compile(pattern, flags)
    elif engine is None:
        compiled = _stdlib(pattern, flags) or regex.compile(pattern, flags)
    else:
        raise ValueError(f"engine must be None, 're' or 'regex', not {engine!r}")
    _register(name, compiled)
    return compiled


def linear_patterns() -> List[Tuple[str, Any]]:
    """``(name, pattern)`` of every pattern compiled so far to run with no timeout."""
    return [(name, compiled) for (name, _, _), compiled in _LINEAR.items()]


def timed_module_patterns(namespace: dict, linear: tuple = ()) -> None:
    """Wrap every compiled pattern (``re`` or ``regex``) bound at a module's top level in
    :class:`TimedPattern`: call it once, at the end of a detector module.

    ``linear`` names patterns that cannot backtrack without end: they keep their engine,
    run with no timeout, and are registered (:func:`linear`) under the module's name."""
    owner = namespace.get("__name__", "?")
    for name, value in list(namespace.items()):
        if name in linear and isinstance(value, (re.Pattern, regex.Pattern)):
            _register(f"{owner}.{name}", value)
            continue
        if isinstance(value, (re.Pattern, regex.Pattern)):
            namespace[name] = TimedPattern(value)
