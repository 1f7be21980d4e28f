"""Bad command lines -> exit 2 and exactly one line on stderr naming the offending value.

One row per input, every command (coeffs, claim coeff/formula/kernel, family, plot, run, list)
and every cap of the command line and of the expression language. Each row runs
``verify.cli.main`` in-process (the refusals come before any work, so the table is fast) and
checks: the exit code is 2, stdout is empty, stderr is one line ``verify: error: ...`` holding
every fragment (always including the value typed), and no traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from verify.cli import main

_LONG_SUM = "+".join(["x"] * 1001)  # 2001 characters
_DEEP = "(" * 51 + "x" + ")" * 51
_RELU_K = "(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))"

_ROWS = [
    # verify coeffs
    pytest.param(["coeffs", "swish2"], ["'swish2'"], id="coeffs-unknown-activation"),
    pytest.param(["coeffs", "x+y"], ["'x+y'", "'y'"], id="coeffs-second-variable"),
    pytest.param(["coeffs", "exp(x**2)"], ["'exp(x**2)'", "L2"], id="coeffs-not-l2"),
    pytest.param(["coeffs", "relu", "--max-degree", "-1"], ["-1"], id="coeffs-negative-degree"),
    pytest.param(["coeffs", "relu", "--max-degree", "1000000000"], ["1000000000", "at most"],
                 id="coeffs-degree-cap"),
    pytest.param(["coeffs", "relu", "--max-degree", "abc"], ["'abc'", "--max-degree"],
                 id="coeffs-degree-not-int"),
    pytest.param(["coeffs", "sigmoid", "--digits", "0"], ["digits=0"], id="coeffs-digits-0"),
    pytest.param(["coeffs", "sigmoid", "--digits", "100000"], ["digits=100000"],
                 id="coeffs-digits-cap"),
    pytest.param(["coeffs", "relu", "--exact", "--float"], ["--exact and --float"],
                 id="coeffs-exact-and-float"),
    pytest.param(["coeffs", "sigmoid", "--exact"], ["sigmoid", "exact"],
                 id="coeffs-exact-unavailable"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer"], ["--dim"],
                 id="coeffs-gegenbauer-without-dim"),
    pytest.param(["coeffs", "relu", "--dim", "3"], ["--dim", "gegenbauer"],
                 id="coeffs-dim-with-hermite"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "1"], ["d=1"],
                 id="coeffs-dim-1"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "1000000000"],
                 ["1000000000", "at most"], id="coeffs-dim-cap"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "3", "--radius", "-1"],
                 ["--radius -1", "positive rational"], id="coeffs-radius-negative"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "3", "--radius", "pi"],
                 ["--radius pi", "rational"], id="coeffs-radius-irrational"),
    pytest.param(["coeffs", "relu", "--basis", "fourier"], ["'fourier'", "--basis"],
                 id="coeffs-unknown-basis"),
    # the expression language, through verify coeffs ACT
    pytest.param(["coeffs", "x**(10**9)"], ["'x**(10**9)'", "exponents of at most 10000"],
                 id="expr-symbolic-huge-exponent"),
    pytest.param(["coeffs", "10**10**10"], ["'10**10**10'", "at most 10000"],
                 id="expr-power-tower"),
    pytest.param(["coeffs", "2**2**2**2**2"], ["'2**2**2**2**2'", "at most 10000"],
                 id="expr-2-tower"),
    pytest.param(["coeffs", "x*(9**9999)**9999"], ["(9**9999)**9999", "14000 bits"],
                 id="expr-huge-exact-number"),
    pytest.param(["coeffs", "x*1e99999"], ["'x*1e99999'", "decimal exponents of at most 10000"],
                 id="expr-decimal-exponent"),
    pytest.param(["coeffs", "x*factorial(10**8)"], ["factorial(10**8)", "at most 100000"],
                 id="expr-factorial-arg"),
    pytest.param(["coeffs", "x*factorial(20000)"], ["factorial(20000)", "14000 bits"],
                 id="expr-factorial-size"),
    pytest.param(["coeffs", "x*binomial(10**9, 10**8)"], ["binomial(10**9, 10**8)"],
                 id="expr-binomial"),
    pytest.param(["coeffs", "x*gamma(10**20)"], ["gamma(10**20)"], id="expr-gamma"),
    pytest.param(["coeffs", "x*gamma(100000 + 1/2)"], ["gamma(100000 + 1/2)"],
                 id="expr-gamma-half-integer"),
    pytest.param(["coeffs", _DEEP], ["nesting depth of at most 50", "(((((("],
                 id="expr-deep-brackets"),
    pytest.param(["coeffs", "1" + " -" * 60 + " x"], ["nesting depth of at most 50", "1 - -"],
                 id="expr-unary-chain"),
    pytest.param(["coeffs", _LONG_SUM], ["x+x+x+x", "at most 2000 characters"],
                 id="expr-too-long"),
    pytest.param(["coeffs", "__import__('os').system('true')"], ["__import__", "known functions"],
                 id="expr-code"),
    pytest.param(["coeffs", "x.real"], ["'x.real'", "Attribute"], id="expr-attribute"),
    pytest.param(["coeffs", "1/(x-x)"], ["'1/(x-x)'", "divide by zero"], id="expr-zero-divisor"),
    # verify claim coeff
    pytest.param(["claim", "coeff", "relu", "--degree", "-3", "--value", "0"], ["-3"],
                 id="claim-coeff-negative-degree"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2"], ["--value"],
                 id="claim-coeff-missing-value"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "1/0"], ["'1/0'"],
                 id="claim-coeff-divide-by-zero"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "10**10**10"],
                 ["'10**10**10'"], id="claim-coeff-huge-value"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "9**9999"],
                 ["'9**9999'", "14000 bits"], id="claim-coeff-value-too-many-digits"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "1e5000"],
                 ["'1e5000'", "14000 bits"], id="claim-coeff-decimal-too-many-digits"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "0", "--digits", "2000"],
                 ["digits=2000"], id="claim-coeff-digits-cap"),
    pytest.param(["claim", "coeff", "relu", "--degree", "2", "--value", "x"],
                 ["'x'", "'x'"], id="claim-coeff-value-with-x"),
    # verify claim formula
    pytest.param(["claim", "formula", "relu", "--formula", "0", "--degrees", "5:2"], ["'5:2'"],
                 id="claim-formula-reversed"),
    pytest.param(["claim", "formula", "relu", "--formula", "0", "--degrees", "a:b"], ["'a:b'"],
                 id="claim-formula-not-integers"),
    pytest.param(["claim", "formula", "relu", "--formula", "0", "--degrees", "0:100000"],
                 ["'0:100000'", "at most"], id="claim-formula-too-many-degrees"),
    pytest.param(["claim", "formula", "relu", "--formula", "k**(10**6)", "--degrees", "2:4"],
                 ["'k**(10**6)'", "at most 10000"], id="claim-formula-huge-exponent"),
    pytest.param(["claim", "formula", "relu", "--formula", "(" * 60 + "k" + ")" * 60,
                  "--degrees", "2:4"], ["nesting depth"], id="claim-formula-deep"),
    pytest.param(["claim", "formula", "relu", "--formula", _RELU_K + "+y", "--degrees", "2:4"],
                 ["'y'"], id="claim-formula-unknown-variable"),
    # verify claim kernel
    pytest.param(["claim", "kernel", "relu", "--rho", "2", "--value", "0"], ["--rho 2"],
                 id="claim-kernel-rho-outside"),
    pytest.param(["claim", "kernel", "relu", "--rho", "1e400", "--value", "0"], ["--rho 1e400"],
                 id="claim-kernel-rho-huge"),
    pytest.param(["claim", "kernel", "relu", "--rho", "nan", "--value", "0"], ["'nan'"],
                 id="claim-kernel-rho-nan"),
    pytest.param(["claim", "kernel", "relu", "--rho", "pi/4", "--value", "0"], ["--rho pi/4"],
                 id="claim-kernel-rho-irrational"),
    pytest.param(["claim", "kernel", "relu", "--rho", "1/2", "--value", "rho**(10**5)"],
                 ["'rho**(10**5)'", "at most 10000"], id="claim-kernel-huge-exponent"),
    pytest.param(["claim", "nonsense", "relu"], ["'nonsense'"], id="claim-unknown-kind"),
    # verify family
    pytest.param(["family", "parity", "--n", "4", "--k", "2"], ["--activation"],
                 id="family-missing-activation"),
    pytest.param(["family", "parity", "--n", "1000000", "--k", "2", "--activation", "relu"],
                 ["--n 1000000", "at most 20000"], id="family-n-cap"),
    pytest.param(["family", "parity", "--n", "0", "--k", "1", "--activation", "relu"],
                 ["n=0", "positive integer"], id="family-n-zero"),
    pytest.param(["family", "parity", "--n", "30", "--k", "25", "--activation", "relu"],
                 ["k=25", "k <= 20"], id="family-k-cap"),
    pytest.param(["family", "parity", "--n", "4", "--k", "5", "--activation", "relu"],
                 ["k=5 must be at most n=4"], id="family-k-above-n"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--samples", "10"], ["--samples 10", "at least 100"], id="family-samples-few"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--samples", "1000000000000"], ["--samples 1000000000000", "at most 10000000"],
                 id="family-samples-cap"),
    pytest.param(["family", "parity", "--n", "2000", "--k", "1", "--activation", "relu",
                  "--samples", "100000"], ["--samples 100000", "n=2000", "--samples <= 50000"],
                 id="family-samples-times-dimension"),
    pytest.param(["family", "{tmp}/wide.json", "--samples", "10000000"],
                 ["--samples 10000000", "n=20", "--samples <= 5000000"],
                 id="family-file-samples-times-dimension"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--seed", "-1"], ["--seed -1", "at least 0"], id="family-seed-negative"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--seed", str(2**64)], [f"--seed {2**64}", "at most"], id="family-seed-cap"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--tau", "0"], ["--tau 0"], id="family-tau-zero"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--tau", "1e400"], ["--tau 1e400"], id="family-tau-huge"),
    pytest.param(["family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--digits", "0"], ["digits=0"], id="family-digits-0"),
    pytest.param(["family", "{tmp}/nosuch.json"], ["nosuch.json", "does not exist"],
                 id="family-missing-file"),
    pytest.param(["family", "{tmp}/fam.txt"], ["fam.txt", ".json or .py"],
                 id="family-wrong-suffix"),
    pytest.param(["family", "{tmp}/broken.json"], ["broken.json", "not valid JSON"],
                 id="family-invalid-json"),
    pytest.param(["family", "{tmp}/syntax.py"], ["syntax.py", "SyntaxError", "line 2"],
                 id="family-python-syntax-error"),
    pytest.param(["family", "{tmp}/raises.py"], ["raises.py", "ZeroDivisionError"],
                 id="family-python-raises"),
    pytest.param(["family", "{tmp}/fam.json", "--n", "3"], ["--n", "apply only"],
                 id="family-file-with-n"),
    # verify plot
    pytest.param(["plot", "coeffs", "relu", "--out", "{tmp}/x.svg"], ["x.svg", ".png or .pdf"],
                 id="plot-suffix"),
    pytest.param(["plot", "coeffs", "relu", "--out", "/no/such/dir/x.png"],
                 ["/no/such/dir/x.png", "does not exist"], id="plot-missing-folder"),
    pytest.param(["plot", "coeffs", "relu", "--out", "{tmp}/d.png"], ["d.png", "directory"],
                 id="plot-out-directory"),
    pytest.param(["plot", "coeffs", "relu", "--max-degree", "-2", "--out", "{tmp}/x.png"],
                 ["-2"], id="plot-negative-degree"),
    pytest.param(["plot", "kernel", "relu", "--dim", "1", "--out", "{tmp}/x.png"], ["d=1"],
                 id="plot-kernel-dim-1"),
    pytest.param(["plot", "family", "parity", "--n", "4", "--k", "2", "--activation", "relu",
                  "--samples", "10000000", "--out", "{tmp}/x.png"],
                 ["--samples 10000000", "at most 1000000"], id="plot-samples-cap"),
    pytest.param(["plot", "coeffs", "relu"], ["--out"], id="plot-missing-out"),
    # verify run
    pytest.param(["run", "--paper", "nosuch"], ["nosuch"], id="run-unknown-paper"),
    pytest.param(["run", "--id", "ZZ99"], ["ZZ99"], id="run-unknown-id"),
    pytest.param(["run", "--profile", "huge"], ["'huge'"], id="run-unknown-profile"),
    pytest.param(["run", "--json", "-", "--markdown", "-"], ["'-'", "stdout"],
                 id="run-two-reports-to-stdout"),
    pytest.param(["run", "--json", "{tmp}/r.txt", "--markdown", "{tmp}/./r.txt"],
                 ["--json {tmp}/r.txt", "--markdown {tmp}/./r.txt", "same file"],
                 id="run-two-reports-one-file"),
    pytest.param(["run", "--json", "{tmp}/r.txt", "--latex", "{tmp}/link.txt"],
                 ["--latex {tmp}/link.txt", "same file"], id="run-two-reports-via-symlink"),
    pytest.param(["run", "--json", "{tmp}"], ["--json {tmp}", "directory"],
                 id="run-report-directory"),
    pytest.param(["run", "--markdown", "/nonexistent-dir/r.md"],
                 ["/nonexistent-dir/r.md", "does not exist"], id="run-report-missing-folder"),
    pytest.param(["run", "--json", "{tmp}/loop.json"], ["loop.json", "symbolic links"],
                 id="run-report-symlink-loop"),
    # verify list, and the command itself
    pytest.param(["list", "--paper", "nosuch"], ["nosuch"], id="list-unknown-paper"),
    pytest.param(["frobnicate"], ["'frobnicate'"], id="unknown-command"),
    pytest.param([], ["command"], id="no-command"),
]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "fam.txt").write_text("{}")
    (tmp_path / "broken.json").write_text('{"activation": "relu", ')
    (tmp_path / "fam.json").write_text('{"activation": "relu", "networks": '
                                       '[{"weights": [[1, 0]], "outputs": [1]}]}')
    (tmp_path / "wide.json").write_text('{"activation": "relu", "networks": '
                                        '[{"weights": [[1' + ', 0' * 19 + ']], "outputs": [1]}]}')
    (tmp_path / "syntax.py").write_text("def family():\n    return [\n")
    (tmp_path / "raises.py").write_text("def family():\n    return 1 / 0\n")
    (tmp_path / "d.png").mkdir()
    (tmp_path / "link.txt").symlink_to(tmp_path / "r.txt")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    return tmp_path


@pytest.mark.parametrize("argv,fragments", _ROWS)
def test_bad_command_line(capsys, monkeypatch, files, argv, fragments):
    def no_work(*args, **kwargs):
        raise AssertionError("work started before the input was checked")

    monkeypatch.setattr("verify.claims.run", no_work)  # run rows: refused before the catalogue
    tmp = str(files)
    code = main([a.replace("{tmp}", tmp) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert code == 2, (code, err)
    assert out == ""
    assert lines[0].startswith("verify: error: "), lines[0]
    for fragment in fragments:
        assert fragment.replace("{tmp}", tmp) in lines[0], (fragment, lines[0])


def test_the_table_covers_every_command_and_is_large_enough():
    commands = {p.values[0][0] if p.values[0] else "" for p in _ROWS}
    assert {"coeffs", "claim", "family", "plot", "run", "list"} <= commands
    kinds = {p.values[0][1] for p in _ROWS if p.values[0][:1] == ["claim"]}
    assert {"coeff", "formula", "kernel"} <= kinds
    assert len(_ROWS) >= 45


def test_valid_neighbours_of_the_rows_pass(capsys, tmp_path):
    """The refusals are specific: the same commands just inside the caps are accepted."""
    assert main(["claim", "kernel", "relu", "--rho", "-1/2", "--value",
                 "(sqrt(1-rho**2)+(pi-acos(rho))*rho)/(2*pi)", "--json"]) == 0
    assert main(["coeffs", "x*factorial(1000)", "--max-degree", "1", "--exact", "--json"]) == 0
    assert main(["coeffs", "(" * 50 + "x" + ")" * 50, "--max-degree", "1", "--exact",
                 "--json"]) == 0
    report = tmp_path / "r.json"
    assert main(["run", "--id", "A1", "--quiet", "--json", str(report),
                 "--markdown", os.path.join(str(tmp_path), "r.md")]) == 0
    assert report.stat().st_size > 0
    capsys.readouterr()
