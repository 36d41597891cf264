"""Property-based requests from the published OpenAPI schema: no 5xx, and every answer fits the schema.

Driven through hypothesis directly: schemathesis' own pytest plugin does not run on this pytest (9.x).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from sitrep.web.app import create_app
from sitrep.web.store import Store
from tests.web import handmade
from tests.web.conftest import TOKEN

OPERATIONS = [
    ("/api/events", "GET"), ("/api/articles", "GET"), ("/api/articles", "POST"),
    ("/api/articles/{article_id}", "GET"), ("/api/incidents", "GET"), ("/api/incidents/{incident_id}", "GET"),
    ("/api/actors", "GET"), ("/api/places", "GET"), ("/api/quotes", "GET"), ("/api/stats", "GET"),
    ("/api/status", "GET"),
]  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    """Its own store: the fuzzer may POST, and must not change what other tests read."""
    path = handmade.build(tmp_path_factory.mktemp("fuzz") / "sitrep.duckdb")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Store.from_duckdb(path), token=TOKEN))


def test_schema_lists_every_operation(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().path, op.ok().method.upper()) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "method", "mode"),
    [(*op, mode) for op in OPERATIONS for mode in GenerationMode
     if mode is GenerationMode.POSITIVE or op != ("/api/status", "GET")],  # status takes nothing to negate
)  # fmt: skip
def test_api_conforms_to_its_schema(
    api_schema: schemathesis.BaseSchema, path: str, method: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()
