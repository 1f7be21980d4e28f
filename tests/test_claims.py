"""The verification suite enforces itself: `verify run` (quick profile) shows every catalogue
entry as expected (VERIFIED; errata: printed REFUTED beside corrected VERIFIED; statistical-only:
consistent), `verify run --planted` REFUTES every planted variant, and proofs_notes/ covers
exactly the catalogue's IDs.

Both runs go through the command line once per test session (subprocess, JSON parsed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from verify.claims import PAPERS, catalogue
from verify.claims.base import SOURCES

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "proofs_notes"


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[subprocess.CompletedProcess, dict]]:
    """`verify run` and `verify run --planted`, started together (two cores, half the wait)."""
    commands = {"quick": ["run", "--json", "-"], "planted": ["run", "--planted", "--json", "-"]}
    procs = {key: subprocess.Popen([sys.executable, "-m", "verify.cli", *args], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for key, args in commands.items()}
    out = {}
    for key, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=900)
        done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
        out[key] = (done, json.loads(stdout))
    return out


@pytest.fixture(scope="module")
def quick(runs) -> tuple[subprocess.CompletedProcess, dict]:
    return runs["quick"]


@pytest.fixture(scope="module")
def planted(runs) -> tuple[subprocess.CompletedProcess, dict]:
    return runs["planted"]


def test_catalogue_is_well_formed() -> None:
    entries = catalogue()
    assert len(entries) >= 80, len(entries)
    for c in entries:
        assert re.fullmatch(r"[ABCD]\d+b?", c.id), c.id
        assert c.paper in PAPERS and c.source in SOURCES, c.id
        assert c.statement and c.where and c.methods, c.id
        assert c.planted_variants, f"{c.id} has no planted variant: a check that cannot fail"


def test_quick_run_verifies_every_entry(quick) -> None:
    proc, doc = quick
    assert proc.returncode == 0, (proc.stderr[-2000:], [r for r in doc["results"]
                                                      if not r["as_expected"]])
    ids = {r["id"] for r in doc["results"]}
    assert ids == {c.id for c in catalogue()}
    for r in doc["results"]:
        if r["kind"] == "printed":
            assert r["verdict"] == "refuted" and r["erratum"], r
        elif r["statistical_only"]:
            assert (r["verdict"], r["strength"]) == ("inconclusive", "statistical"), r
        else:
            assert r["verdict"] == "verified" and r["strength"] in ("exact", "certified"), r


def test_every_erratum_shows_printed_beside_corrected(quick) -> None:
    _, doc = quick
    errata = {c.id for c in catalogue() if c.erratum}
    kinds = {(r["id"], r["kind"]) for r in doc["results"]}
    for cid in errata:
        assert {(cid, "printed"), (cid, "claim")} <= kinds, cid


def test_planted_run_refutes_every_variant(planted) -> None:
    proc, doc = planted
    bad = [r for r in doc["results"] if r["verdict"] != "refuted"]
    assert not bad, bad
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = sum(len(c.planted_variants) for c in catalogue())
    assert len(doc["results"]) == expected and doc["summary"]["as_expected"] == expected


def _note_ids(path: Path) -> list[str]:
    return re.findall(r"^### ([ABCD]\d+b?) ", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.mark.parametrize("paper", list(PAPERS))
def test_notes_and_catalogue_do_not_drift(paper: str) -> None:
    path = NOTES / f"{paper}.md"
    assert path.exists(), f"proofs_notes/{paper}.md is missing"
    in_notes = _note_ids(path)
    assert len(in_notes) == len(set(in_notes)), "an ID has two sections"
    in_catalogue = {c.id for c in catalogue() if c.paper == paper}
    assert set(in_notes) == in_catalogue, (
        f"only in notes: {sorted(set(in_notes) - in_catalogue)}; "
        f"only in catalogue: {sorted(in_catalogue - set(in_notes))}")


def test_run_json_is_schema_valid(quick, planted) -> None:
    import jsonschema

    schema = json.loads((ROOT / "verify" / "schemas" / "run.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for _, doc in (quick, planted):
        jsonschema.validate(doc, schema)
    broken = json.loads(json.dumps(quick[1]))
    broken["results"][0]["verdict"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


#: Entries whose checks go through the public claim / family paths (verify.referee,
#: verify.family_check), so that a bug there makes `verify run` fail. Value: the paths used.
ROUTED = {
    "A5": ("check_family",), "A6": ("check_kernel_claim",),
    "A7": ("check_formula_claim", "check_coefficient_claim"), "A9": ("check_family",),
    "A10": ("check_family",), "A12": ("check_coefficient_claim",),
    "B3": ("check_formula_claim",), "B6": ("check_kernel_claim",),
    "B8": ("check_formula_claim",), "B19": ("check_kernel_claim",),
    "C9": ("check_formula_claim", "check_coefficient_claim"), "C21": ("check_coefficient_claim",),
}
#: Of those, the entries whose every planted variant the referee itself must REFUTE.
REFEREE_REFUTES = {"A6", "A7", "A12", "B6", "B19", "C9"}


def _spied(monkeypatch, broken: bool) -> dict[str, list]:
    """Wrap the public paths: record each returned verdict, or (``broken``) simulate a bug in
    them by turning every answer INCONCLUSIVE."""
    import verify.family_check as family_check
    import verify.referee as referee
    from verify.checks import CheckResult, Strength, Verdict

    calls: dict[str, list] = {}
    for module, name in ((referee, "check_formula_claim"), (referee, "check_coefficient_claim"),
                         (referee, "check_kernel_claim"), (family_check, "check_family")):
        original = getattr(module, name)

        def wrapper(*args, _name=name, _original=original, **kwargs):
            result = _original(*args, **kwargs)
            verdict = result.verdict if isinstance(result, CheckResult) \
                else result.orthogonality.verdict
            calls.setdefault(_name, []).append(verdict)
            if broken and isinstance(result, CheckResult):
                return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, result.claim,
                                   "simulated bug")
            if broken:
                result.orthogonality = CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED,
                                                   "simulated bug", "simulated bug")
                result.degenerate = False
                result.norms = {"squared_norm": {"exact": "1", "mid": "1", "rad": "0",
                                                 "method": "simulated bug"}}
            return result

        monkeypatch.setattr(module, name, wrapper)
    return calls


@pytest.mark.parametrize("cid", sorted(ROUTED))
def test_catalogue_goes_through_the_public_paths(monkeypatch, cid: str) -> None:
    from verify.checks import Verdict
    from verify.claims import run, select

    calls = _spied(monkeypatch, broken=False)
    (outcome,) = [o for o in run(select(ids=[cid])) if o.kind == "claim"]
    assert outcome.as_expected, outcome.result
    assert set(ROUTED[cid]) <= set(calls), (cid, sorted(calls))
    calls.clear()
    for o in run(select(ids=[cid]), planted=True):
        assert o.result.verdict is Verdict.REFUTED, o.result
        assert set(calls) & set(ROUTED[cid]), (cid, sorted(calls))
        if cid in REFEREE_REFUTES:
            assert any(v is Verdict.REFUTED for name, vs in calls.items()
                       if name != "check_family" for v in vs), (cid, calls)


@pytest.mark.parametrize("cid", sorted(ROUTED))
def test_a_bug_in_the_public_paths_fails_the_run(monkeypatch, cid: str) -> None:
    from verify.claims import run, select

    _spied(monkeypatch, broken=True)
    (outcome,) = [o for o in run(select(ids=[cid])) if o.kind == "claim"]
    assert not outcome.as_expected, (cid, outcome.result)
