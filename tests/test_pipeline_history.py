"""A run's transitions are stored and published while its stages work (pipeline._Transitions):
the history is still each stage once, in order, with the failure last, and each stage's time is
when it was entered. Real worker, PostgreSQL, Redis and S3."""

from __future__ import annotations

import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from tests.conftest import WorkerProcess
from tests.helpers import PIPELINE, SAMPLE_PDF, upload, wait_terminal, watch_all

pytestmark = pytest.mark.timeout(300)


async def test_a_failure_comes_after_the_stages_entered_before_it(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess
) -> None:
    """Text with nothing of a resume in it fails once normalized, after GROUPING and NORMALIZING
    were entered while their transitions were still being stored."""
    uploaded = await upload(stub, b"xq zv\n", filename="nothing.txt", content_type="text/plain")
    events = await watch_all(stub, uploaded.resume.id)
    resume = await wait_terminal(stub, uploaded.resume.id)

    history = [pb.STAGE_QUEUED, pb.STAGE_EXTRACTING, pb.STAGE_GROUPING, pb.STAGE_NORMALIZING, pb.STAGE_FAILED]
    assert resume.stage == pb.STAGE_FAILED
    assert (resume.error.reason, resume.error.stage) == ("NOTHING_RECOGNIZED", pb.STAGE_NORMALIZING)
    assert [t.stage for t in resume.stage_timings] == history
    stages = [e.stage for e in events]
    assert stages == history[history.index(stages[0]) :]  # a suffix of the history, no repeats
    sequences = [e.sequence for e in events]
    assert sequences == list(range(sequences[0], sequences[0] + len(sequences)))


async def test_each_stage_is_timed_from_when_it_was_entered(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess
) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
    resume = await wait_terminal(stub, uploaded.resume.id)

    assert [t.stage for t in resume.stage_timings] == PIPELINE
    entered = [t.enter_time.ToNanoseconds() for t in resume.stage_timings]
    assert entered == sorted(entered)
    assert resume.update_time.ToNanoseconds() == entered[-1]
