"""Property-based fuzzing of every operation in the app's own OpenAPI spec (schemathesis): whatever a client sends
that the spec allows (positive cases) or refuses (negative cases), the server answers without a 5xx and only with a status and media type the spec
documents, and a JSON body of the documented shape. Bounded: a couple of dozen examples per operation, the same
ones every run (derandomized), so the suite stays fast and a failure reproduces."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from postgres_server import URL, fresh_database
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from newsledger.api import Ledger, sample_paths
from newsledger.web import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 30


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not URL, reason="no server"))])
def served(request, ledger_path: Path):
    """The web tests' ledger on SQLite; the seeds on PostgreSQL (which refuses what SQLite lets pass: NUL, mixed
    types in a comparison)."""
    if request.param == "sqlite":
        yield str(ledger_path)
        return
    for location in fresh_database():
        with Ledger(location) as ledger:
            ledger.ingest(sample_paths())
        yield location


def test_no_operation_answers_a_5xx_or_an_undocumented_status(served: str):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(served))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20  # every page and API operation, not an empty spec

    for operation in operations:

        @given(case=st.one_of(operation.as_strategy(mode) for mode in schemathesis.GenerationMode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def answers_as_documented(case):
            case.call_and_validate(checks=CHECKS)

        answers_as_documented()
