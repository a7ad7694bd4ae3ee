"""Batch records (:mod:`judanon.batch.records`): what a record must hold, said in one line."""

from __future__ import annotations

from judanon.batch.records import Job, to_job
from judanon.errors import DocumentError


def test_a_text_that_is_not_a_string_is_named_so():
    missing = to_job({"id": "a"}, 0)
    null = to_job({"id": "b", "text": None}, 1)
    number = to_job({"id": "c", "text": 12}, 2)
    assert isinstance(missing, DocumentError) and "no 'text' field" in missing.reason
    assert isinstance(null, DocumentError) and "not a string (null)" in null.reason
    assert isinstance(number, DocumentError) and "not a string (int)" in number.reason


def test_a_bare_text_is_a_job():
    assert isinstance(to_job("M. Morvan", 0), Job)
