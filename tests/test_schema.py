"""The JSON Schemas for editors agree with the loader: generated from the same model, and
accepting and refusing the same files where a schema can tell."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DATA, FIXTURES, ROOT, run
from tracker.data.schema import SCHEMA_KINDS, data_dictionary, json_schema

KIND_OF_FOLDER = {"rounds": "round", "dialogues": "dialogue", "documents": "document"}
KIND_OF_FILE = {"partners.yaml": "partners", "topics.yaml": "topics", "people.yaml": "people"}


class StringDates(yaml.SafeLoader):
    """YAML as a language server sees it for the schema: dates stay text."""


StringDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def kind_of(path: Path) -> str | None:
    return KIND_OF_FILE.get(path.name) or KIND_OF_FOLDER.get(path.parent.name)


def validator(kind: str):
    return jsonschema.Draft202012Validator(json_schema(SCHEMA_KINDS[kind]))


@pytest.mark.parametrize("kind", sorted(SCHEMA_KINDS))
def test_shipped_schemas_are_generated_from_the_model(kind):
    shipped = json.loads((DATA / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema(SCHEMA_KINDS[kind]), "run: tracker schema KIND > data/schema/KIND.schema.json"
    assert json.loads(run("schema", kind).out) == shipped


def test_every_shipped_file_satisfies_its_schema():
    files = [p for p in DATA.rglob("*.yaml") if kind_of(p)]
    assert len(files) > 20
    for path in files:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StringDates)
        errors = list(validator(kind_of(path)).iter_errors(data))
        assert not errors, f"{path}: {errors[0].message}"


STRUCTURAL = [
    "unknown-field", "expected-list", "expected-text-mapping", "not-a-number", "missing-required",
    "unknown-enum-value", "empty-text", "top-level-list", "yaml11-boolean", "participant-without-name",
]


@pytest.mark.parametrize("case", STRUCTURAL)
def test_schema_and_loader_refuse_the_same_broken_files(case, tmp_path):
    from test_data_errors import build

    files = [p for p in (FIXTURES / "errors" / case / "files").rglob("*.yaml")]
    assert files
    folder = build(tmp_path, case)
    loaded = run("validate", str(folder))
    assert loaded.code == 1, f"{case}: the loader accepts the broken file"
    for path in files:
        loader_errors = [line for line in loaded.err.splitlines() if path.name in line and ": warning: " not in line]
        assert loader_errors, f"{case}: the loader finds nothing wrong in {path.name}"
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StringDates)
        schema_errors = list(validator(kind_of(path)).iter_errors(data))
        if case == "participant-without-name":
            assert not schema_errors  # a rule across fields: only the loader knows it
        else:
            assert schema_errors, f"{case}: the schema accepts what the loader refuses"


def test_the_data_dictionary_of_docs_data_md_is_generated_from_the_model():
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    start = doc.index("<!-- data-dictionary:start -->\n") + len("<!-- data-dictionary:start -->\n")
    end = doc.index("<!-- data-dictionary:end -->")
    assert doc[start:end] == data_dictionary(), "regenerate the data dictionary of docs/data.md (CONTRIBUTING.md says how)"
