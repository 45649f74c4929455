"""schema/application.schema.json (JSON Schema draft 2020-12, generated from the reader by
`beiancheck schema`; core/tests/schema.rs keeps it equal to the generated one) validates every
example and every shared case, refuses a bad document, and agrees with the engine: a document
the schema accepts is read without an input error, and one it refuses is answered with one."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO

INPUT_CODES = {"INPUT_UNKNOWN_FIELD", "INPUT_MISSING_FIELD", "INPUT_INVALID_VALUE"}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schema" / "application.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def examples():
    files = sorted((REPO / "examples").glob("*.json"))
    assert len(files) >= 5
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def input_codes(engine, app) -> set:
    return {f["code"] for f in engine.check(app).to_dict()["findings"]} & INPUT_CODES


def problems(validator, app) -> list:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(app)]


def test_every_example_validates(validator):
    bad = {name: problems(validator, app) for name, app in examples() if problems(validator, app)}
    assert not bad, bad


def test_every_case_validates_unless_it_is_an_input_error(validator, engine, cases):
    # A case whose expected answer is an input finding (032: a misspelt field) is refused; every
    # other case is accepted. Either way the schema and the engine agree on the case.
    refused = []
    for cid, c in cases:
        app = c["application"]
        errs = problems(validator, app)
        codes = input_codes(engine, app)
        assert bool(errs) == bool(codes), f"case {cid}: schema says {errs or 'valid'}, engine reports {codes or 'no input error'}"
        if errs:
            refused.append(cid)
    assert len(refused) < len(cases) // 4, refused


def test_chinese_vocabulary_names_validate(validator, engine):
    name, app = examples()[0]
    app = copy.deepcopy(dict(examples())["first-filing-shanghai-enterprise.json"])
    app["subject"]["kind"] = "企业"
    app["account"]["kind"] = "企业"
    app["resources"][0]["billing"] = "包年包月"
    app["resources"][0]["kind"] = "云服务器"
    app["websites"][0]["service_content"] = ["单位门户网站"]
    assert problems(validator, app) == []
    assert input_codes(engine, app) == set()
    personal = copy.deepcopy(app)
    personal["subject"]["kind"] = "个人"
    personal["websites"][0]["service_content"] = ["博客", "论坛"]
    personal["resources"][0]["billing"] = "按量计费"
    assert problems(validator, personal) == []


@pytest.mark.parametrize(
    "where, value",
    [
        (("subject", "kind"), "individul"),  # not a value (the engine suggests "individual")
        (("resources", 0, "billing"), "monthly"),
        (("websites", 0, "resource"), -1),
        (("websites", 0, "service_content"), "blog"),  # a list, not a word
        (("subject", "name"), None),  # null where it means nothing
        (("domains", 0, "expires_at"), "31/12/2029"),
        (("as_of",), "2026-02-30"),
        (("subject", "certificate", "valid_until"), True),
        (("websites", 0, "domian"), "example.com"),  # a misspelt field
    ],
)
def test_a_bad_document_is_refused_by_schema_and_engine(validator, engine, where, value):
    app = copy.deepcopy(dict(examples())["first-filing-shanghai-enterprise.json"])
    at = app
    for step in where[:-1]:
        at = at[step]
    at[where[-1]] = value
    assert problems(validator, app), f"{where}={value!r} passed the schema"
    assert input_codes(engine, app), f"{where}={value!r} passed the engine"


def test_required_fields_are_required(validator):
    app = copy.deepcopy(dict(examples())["first-filing-shanghai-enterprise.json"])
    del app["province"]
    del app["websites"][0]["domain"]
    found = " ".join(problems(validator, app))
    assert "'province' is a required property" in found and "'domain' is a required property" in found


@pytest.mark.parametrize("doc", [[1, 2], "42", 42, None])
def test_a_document_that_is_not_an_object_is_refused(validator, doc):
    assert problems(validator, doc)


def test_the_hostile_corpus_gets_the_same_answer_from_schema_and_engine(validator, engine):
    import beiancheck

    checked = 0
    for f in sorted((REPO / "tests" / "hostile").glob("*.json")):
        if f.name == "manifest.json":
            continue
        raw = f.read_bytes()
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue  # not JSON at all: nothing for a schema to say
        try:
            engine_refuses = bool(input_codes(engine, raw))
        except beiancheck.InputError:
            engine_refuses = True
        assert bool(problems(validator, doc)) == engine_refuses, f"{f.name}: schema {problems(validator, doc)[:2]}, engine refuses: {engine_refuses}"
        checked += 1
    assert checked >= 15, checked
