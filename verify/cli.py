"""The ``verify`` command. It only parses, calls the library, and presents.

Exit codes: 0 all verified (or all values delivered to the requested digits) · 1 something
refuted · 2 bad input or usage, or an environment failure on a path the user named (a full disk,
no permission) · 3 inconclusive (nothing refuted, or digits not met) · 4 internal error (a bug in
verify) · 130 interrupted. Every exception ends as one line on stderr (``--debug`` adds the
traceback); exit code 1 comes only from a command's own verdict, never from an exception.

Start-up: this module imports only the standard library and ``verify.__version__``; each
handler imports what its command needs (SymPy and python-flint for a coefficient, SciPy for
Monte Carlo, matplotlib for a plot), so ``verify --help`` loads none of them
(tests/test_cli_startup.py). A library message that names one of its parameters with the value
the user gave on the command line (``digits=900``) gets the option that set it appended
(``(on the command line: --digits 900)``): the library does not know the CLI's words.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import __version__
from .exits import (
    EXIT_INCONCLUSIVE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUTED,
    UsageError,
    report,
)

#: Caps on command-line-only quantities (degree, digits and dimension are capped by the
#: library's check_degree / check_digits / check_dimension).
MAX_SAMPLES = 10_000_000
MAX_PLOT_SAMPLES = 1_000_000
MIN_SAMPLES = 100
MAX_SEED = 2**63 - 1
#: --samples times the input dimension n: the Monte Carlo work, about a minute at the cap
MAX_SAMPLE_COORDINATES = 100_000_000
MAX_PARITY_N = 20_000


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="verify", description="Exact, certified and statistical checks of the "
                "identities behind one-hidden-layer network lower bounds.")
    p.add_argument("--version", action="version", version=f"verify {__version__}")
    p.add_argument("--debug", action="store_true",
                   help="show the traceback of an error (accepted anywhere on the line)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("coeffs", help="expansion coefficients of an activation")
    c.add_argument("activation", metavar="ACT")
    _basis_args(c)
    c.add_argument("--max-degree", type=int, default=10)
    c.add_argument("--digits", type=int, default=15)
    c.add_argument("--exact", action="store_true", help="exact values only (error if none)")
    c.add_argument("--float", action="store_true", dest="float_tier",
                   help="fast double-precision screening values (no guarantee)")
    c.add_argument("--json", action="store_true")
    c.add_argument("--quiet", action="store_true", help="no progress bar")

    claim = sub.add_parser("claim", help="decide a claimed coefficient, formula or kernel value")
    csub = claim.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    cc = csub.add_parser("coeff", help="c_K(ACT) = EXPR")
    cc.add_argument("activation", metavar="ACT")
    cc.add_argument("--degree", type=int, required=True)
    cc.add_argument("--value", required=True, metavar="EXPR")
    cc.add_argument("--rounded", action="store_true",
                    help="VALUE is a decimal rounded to the digits shown: check |c_K - VALUE| "
                         "<= half a unit in its last place")
    cf = csub.add_parser("formula", help="c_k(ACT) = EXPR(k) over a range of degrees")
    cf.add_argument("activation", metavar="ACT")
    cf.add_argument("--formula", required=True, metavar="EXPR")
    cf.add_argument("--degrees", required=True, metavar="A:B[:STEP]")
    ck = csub.add_parser("kernel", help="K_ACT(rho) = EXPR")
    ck.add_argument("activation", metavar="ACT")
    ck.add_argument("--rho", required=True, metavar="R")
    ck.add_argument("--value", required=True, metavar="EXPR")
    for q in (cc, cf, ck):
        _basis_args(q)
        q.add_argument("--digits", type=int, default=30)
        q.add_argument("--json", action="store_true")
        q.add_argument("--latex", action="store_true",
                       help="also print the decided statement as LaTeX (with its verdict)")
        q.add_argument("--quiet", action="store_true", help="no progress bar")

    fam = sub.add_parser("family", help="orthogonality, norms, controls and SQ bound of a "
                         "family of networks")
    fam.add_argument("target", metavar="parity|FILE",
                     help="'parity' for the GGJKK parity family, or a .json/.py family file")
    fam.add_argument("--n", type=int, help="input dimension (parity family)")
    fam.add_argument("--k", type=int, help="subset size (parity family)")
    fam.add_argument("--activation", default=None, metavar="ACT")
    fam.add_argument("--tau", default="1/100", help="query tolerance for the SQ bound")
    fam.add_argument("--samples", type=int, default=100_000,
                     help="Monte Carlo samples per control law")
    fam.add_argument("--seed", type=int, default=1)
    fam.add_argument("--digits", type=int, default=20)
    fam.add_argument("--json", action="store_true")
    fam.add_argument("--quiet", action="store_true", help="no progress indicator")

    run = sub.add_parser("run", help="re-check the identities of the four papers")
    run.add_argument("--paper", action="append", default=[], metavar="P",
                     help="only this paper (ggjkk20, gkk19, vw19, sl22); repeatable")
    run.add_argument("--id", action="append", default=[], metavar="ID",
                     help="only this catalogue ID (e.g. A7); repeatable")
    run.add_argument("--profile", default="quick", choices=("quick", "full"))
    run.add_argument("--planted", action="store_true",
                     help="run the planted wrong variants instead: each must be REFUTED")
    run.add_argument("--json", metavar="PATH", help="write the JSON report to PATH ('-': stdout)")
    run.add_argument("--markdown", metavar="PATH", help="write a Markdown table to PATH")
    run.add_argument("--latex", metavar="PATH", help="write a LaTeX table to PATH")
    run.add_argument("--quiet", action="store_true", help="no progress bar, no table")

    plot = sub.add_parser("plot", help="figures (PNG/PDF; needs the 'plot' extra)")
    psub = plot.add_subparsers(dest="what", required=True, parser_class=_Parser)
    pc = psub.add_parser("coeffs", help="|c_k| on a log axis with error bars and exact zeros")
    pc.add_argument("activation", metavar="ACT")
    _basis_args(pc)
    pc.add_argument("--max-degree", type=int, default=30)
    pc.add_argument("--digits", type=int, default=15)
    pk = psub.add_parser("kernel", help="K(rho): the certified series beside the closed form")
    pk.add_argument("activation", metavar="ACT")
    pk.add_argument("--dim", type=int, default=None, metavar="D",
                    help="the sphere S^(D-1) instead of the Gaussian")
    pf = psub.add_parser("family", help="Gram matrix heat map and Monte Carlo convergence")
    pf.add_argument("target", metavar="parity|FILE")
    pf.add_argument("--n", type=int)
    pf.add_argument("--k", type=int)
    pf.add_argument("--activation", default=None, metavar="ACT")
    pf.add_argument("--samples", type=int, default=100_000)
    pf.add_argument("--seed", type=int, default=1)
    for q in (pc, pk, pf):
        q.add_argument("--out", required=True, metavar="PATH", help="a .png or .pdf file")
        q.add_argument("--quiet", action="store_true", help="no progress indicator")

    lst = sub.add_parser("list", help="the catalogue of identities and the activations")
    lst.add_argument("--paper", action="append", default=[], metavar="P")
    return p


def _basis_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--basis", default="hermite", choices=("hermite", "gegenbauer"))
    p.add_argument("--dim", type=int, default=None, metavar="D",
                   help="sphere S^(D-1) in R^D (gegenbauer only; D >= 2)")
    p.add_argument("--radius", default=None, metavar="R",
                   help="radius r > 0 (rational) of the sphere, gegenbauer only (default 1)")


class _Interrupt:
    """Ctrl-C, made safe. A KeyboardInterrupt raised inside a python-flint callback (the
    integrand of ``acb.integral``) surfaces as a SystemError with a traceback, so the first
    Ctrl-C only sets a flag that the command checks between steps (each coefficient, each
    catalogue entry): it then stops and reports what finished. A second Ctrl-C stops at once."""

    requested = False

    @classmethod
    def handler(cls, signum: int, frame: Any) -> None:
        if cls.requested:
            print("verify: interrupted", file=sys.stderr, flush=True)
            os._exit(130)
        cls.requested = True
        print("verify: stopping after the current step (Ctrl-C again to stop at once)",
              file=sys.stderr, flush=True)


def checkpoint() -> None:
    """Raise KeyboardInterrupt here, between steps, if Ctrl-C was pressed."""
    if _Interrupt.requested:
        raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``verify`` console script; returns the exit code.

    Every exception becomes one line on stderr and an exit code: bad input 2 (ValueError,
    TypeError and usage errors from validation; an OSError on a path, naming the path and the
    system's reason; MemoryError), internal error 4 (anything else: AssertionError,
    RecursionError, OverflowError, ... -- a bug in verify, since input that could cause them
    must be refused by a cap first), Ctrl-C 130. ``--debug`` prints the traceback as well.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in words
    words = [w for w in words if w != "--debug"]
    previous = signal.signal(signal.SIGINT, _Interrupt.handler)
    args: argparse.Namespace | None = None
    try:
        args = _parser().parse_args(_join_negative_values(words))
        code = _dispatch(args)
        if code != EXIT_INTERRUPTED:
            checkpoint()  # a Ctrl-C during a command without steps: say so, exit 130
        return code
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except SystemExit as exc:  # --help and --version; rich exits 1 on a broken pipe
        if exc.code in (None, 0):
            return EXIT_OK
        if isinstance(exc.__context__, BrokenPipeError):
            return report(exc.__context__, debug)
        return report(exc, debug)
    except Exception as exc:  # the one place where every failure becomes a line
        return report(exc, debug, args)
    finally:
        signal.signal(signal.SIGINT, previous)
        _Interrupt.requested = False


_VALUE_OPTIONS = ("--rho", "--value", "--formula", "--radius", "--tau")


def _join_negative_values(argv: list[str]) -> list[str]:
    """``--rho -1/2`` -> ``--rho=-1/2``: argparse would read ``-1/2`` as an option name."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] in _VALUE_OPTIONS and i + 1 < len(argv) and argv[i + 1].startswith("-"):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "list":
        from .activations import NAMES
        from .claims import select
        from .report import catalogue_table

        catalogue_table(select(papers=args.paper))
        print("activations: " + ", ".join(NAMES)
              + "; or any SymPy expression in x, e.g. 'Max(x, 0)**2' or 'x*erf(x)'")
        return EXIT_OK
    if args.command == "run":
        return _run(args)
    if args.command == "plot":
        return _plot(args)
    if args.command == "family":
        return _family(args)
    basis = _basis(args)
    if args.command == "coeffs":
        return _coeffs(args, basis)
    return _claim(args, basis)


def _basis(args: argparse.Namespace) -> Any:
    from .basis import Basis

    if args.basis == "hermite":
        if args.dim is not None or args.radius is not None:
            raise UsageError("--dim and --radius apply only to --basis gegenbauer; drop them")
        return Basis()
    if args.dim is None:
        raise UsageError("--basis gegenbauer needs --dim D (the sphere S^(D-1) in R^D, D >= 2)")
    radius = _parse_radius(args.radius) if args.radius is not None else 1
    return Basis("gegenbauer", args.dim, radius)


def _parse_radius(text: str) -> Any:
    from .expressions import parse

    value = parse(text, symbols=())
    if not value.is_Rational or value <= 0:
        raise UsageError(f"--radius {text} must be a positive rational number, e.g. 1 or 3/2")
    return value


def _activation(text: str) -> Any:
    from .activations import activation

    return activation(text)


def _coefficient_request(args: argparse.Namespace) -> Any:
    """The activation of ``coeffs`` / ``plot coeffs``, after checking --max-degree, --digits."""
    from .conventions import check_degree
    from .numbers import check_digits

    check_degree(args.max_degree, name="max_degree")
    check_digits(args.digits)
    return _activation(args.activation)


def _coefficients(basis: Any, act: Any, args: argparse.Namespace, **options: Any) -> Any:
    """c_0..c_K (Hermite) or a_0..a_K (Gegenbauer, on ``basis``'s sphere), K = --max-degree."""
    if basis.name == "hermite":
        from .hermite import hermite_coefficients

        return hermite_coefficients(act, args.max_degree, digits=args.digits, **options)
    from .gegenbauer import gegenbauer_coefficients

    return gegenbauer_coefficients(act, args.max_degree, d=basis.d, r=basis.r,
                                   digits=args.digits, **options)


def _coeffs(args: argparse.Namespace, basis: Any) -> int:
    from .numbers import Tier, report_ball

    act = _coefficient_request(args)
    if args.exact and args.float_tier:
        raise UsageError("--exact and --float exclude each other; choose one")
    tier: Tier = "exact" if args.exact else "float" if args.float_tier else "auto"
    from .report import progress

    show = not args.quiet and sys.stderr.isatty()
    finished: list[Any] = []
    interrupted = False
    with progress(args.max_degree + 1, enabled=show, label="coefficient") as advance:
        def tick(c: Any) -> None:
            finished.append(c)
            advance(f"k={c.k}")
            checkpoint()

        try:
            coeffs = _coefficients(basis, act, args, tier=tier, progress=tick)
        except KeyboardInterrupt:
            coeffs, interrupted = finished, True
    rows = []
    for c in coeffs:
        mid, rad = report_ball(c.ball, args.digits)
        exact = str(c.exact) if c.exact is not None else None
        if c.tier == "float":
            rad = "inf"  # a double carries no error bound
        rows.append({"k": c.k, "exact": exact, "mid": mid,
                     "rad": "0" if exact is not None else rad, "tier": c.tier, "met": c.met})
    all_met = all(c.met for c in coeffs) and tier != "float"
    if args.json:
        doc = {"activation": act.name, "basis": args.basis, "dim": args.dim,
               "radius": str(basis.r) if basis.name == "gegenbauer" else None,
               "digits": args.digits, "coefficients": rows}
        doc["provenance"] = _provenance()
        print(json.dumps(doc))
    else:
        from .report import coefficient_table

        coefficient_table(basis.label("k", act.name), args.digits, rows)
    if interrupted:
        print(f"verify: interrupted after {len(coeffs)} of {args.max_degree + 1} "
              "coefficients; those finished are shown", file=sys.stderr)
        return 130
    return EXIT_OK if all_met else EXIT_INCONCLUSIVE


def _claim(args: argparse.Namespace, basis: Any) -> int:
    from .numbers import check_digits
    from .referee import (
        check_coefficient_claim,
        check_formula_claim,
        check_kernel_claim,
        parse_claim_expression,
        parse_degrees,
        rounding_half_width,
    )
    from .report import latex_statement

    check_digits(args.digits)
    act = _activation(args.activation)
    if args.kind == "coeff":
        from .conventions import check_degree

        k = check_degree(args.degree, name="degree")
        half = rounding_half_width(args.value) if args.rounded else None
        value = parse_claim_expression(args.value)
        result = check_coefficient_claim(act, k, args.value, digits=args.digits,
                                         half_width=half, basis=basis)
        latex = latex_statement("coeff", act, basis, value, k=k, half_width=half,
                                typed=args.value)
    elif args.kind == "formula":
        from .report import progress

        formula, degrees = parse_claim_expression(args.formula), parse_degrees(args.degrees)
        with progress(len(degrees), enabled=not args.quiet and sys.stderr.isatty(),
                      label="degree") as advance:
            def tick(c: Any) -> None:
                advance(f"k={c.k}")
                checkpoint()

            result = check_formula_claim(act, args.formula, degrees, digits=args.digits,
                                         basis=basis, progress=tick)
        latex = latex_statement("formula", act, basis, formula, degrees=degrees)
    else:
        rho = _parse_rho(args.rho)
        value = parse_claim_expression(args.value)
        result = check_kernel_claim(act, rho, args.value, digits=args.digits, basis=basis)
        latex = latex_statement("kernel", act, basis, value, rho=rho, typed=args.value)
    if args.json:
        doc = result.to_json()
        if args.latex:
            doc["latex"] = latex
        doc["provenance"] = _provenance()
        print(json.dumps(doc))
    else:
        from .provenance import latex_verdict_line
        from .report import claim_summary

        claim_summary(result)
        if args.latex:
            print(latex_verdict_line(result))
            print(f"\\[ {latex} \\]")
    return {"verified": EXIT_OK, "refuted": EXIT_REFUTED}.get(result.verdict.value,
                                                             EXIT_INCONCLUSIVE)


def _family(args: argparse.Namespace) -> int:
    from .expressions import parse
    from .family_check import check_family
    from .numbers import check_digits
    from .report import status

    check_digits(args.digits)
    tau = parse(args.tau, symbols=())
    if not tau.is_Rational or not 0 < tau <= 1:
        raise UsageError(f"--tau {args.tau} must be a rational number in (0, 1], e.g. 1/100")
    family = _target_family(args, "verify family")
    parity_k: int | None = args.k if args.target == "parity" else None
    with status("certificates, norms, Monte Carlo controls",
                enabled=not args.quiet and sys.stderr.isatty()):
        report = check_family(family, parity_k=parity_k, digits=args.digits,
                              mc_samples=args.samples, seed=args.seed, tau=tau,
                              progress=lambda _step: checkpoint())
    if args.json:
        doc = report.to_json()
        doc["provenance"] = _provenance(seeds=[args.seed, args.seed + 1])
        print(json.dumps(doc))
    else:
        from .report import family_summary

        family_summary(report)
    return report.exit_code


def _provenance(**kwargs: Any) -> dict[str, Any]:
    from .provenance import provenance_json

    return provenance_json(**kwargs)


def _plot(args: argparse.Namespace) -> int:
    from .report import status

    with status(f"drawing {args.what}", enabled=not args.quiet and sys.stderr.isatty()):
        out = _draw(args)
    if not args.quiet:
        print(f"wrote {out}")
    return EXIT_OK


def _draw(args: argparse.Namespace) -> Any:
    from . import plots

    out = plots.check_output(args.out, label=f"--out {args.out}")
    if args.what == "coeffs":
        basis = _basis(args)
        act = _coefficient_request(args)
        plots.require_matplotlib()  # fail early, before computing, when matplotlib is missing
        plots.plot_coefficients(_coefficients(basis, act, args), act, out, d=basis.d, r=basis.r)
    elif args.what == "kernel":
        if args.dim is not None:
            from .conventions import check_dimension

            check_dimension(args.dim)
        act = _activation(args.activation)
        plots.require_matplotlib()
        plots.plot_kernel(act, out, dim=args.dim)
    else:
        family = _target_family(args, "verify plot family")
        plots.require_matplotlib()
        plots.plot_family(family, out, samples=args.samples, seed=args.seed)
    return out


def _run(args: argparse.Namespace) -> int:
    from .claims import PROFILES, run, select
    from .files import check_outputs, write_whole
    from .report import RunReport, progress

    targets = {flag: getattr(args, flag) for flag in ("json", "markdown", "latex")
               if getattr(args, flag) is not None}
    to_stdout = [flag for flag, path in targets.items() if path == "-"]
    if len(to_stdout) > 1:
        raise UsageError(f"only one report can go to stdout; got '-' for --{to_stdout[0]} "
                         f"and --{to_stdout[1]}")
    outputs = check_outputs({f"--{flag} {path}": path for flag, path in targets.items()
                             if path != "-"})
    files = dict(zip([flag for flag, path in targets.items() if path != "-"],
                     outputs.values(), strict=True))
    if to_stdout:
        _refuse_second_stdout(to_stdout[0], files)
    entries = select(papers=args.paper, ids=args.id)
    profile = PROFILES[args.profile]
    report = RunReport(profile=profile.name, planted=args.planted)
    show = not args.quiet and not to_stdout
    try:
        with progress(len(entries), enabled=show and sys.stderr.isatty()) as advance:
            for entry in entries:
                report.extend(run([entry], profile, planted=args.planted))
                advance(entry.id)
                checkpoint()
    except KeyboardInterrupt:
        report.interrupted = True
    for flag in targets:
        text = report.render(flag)
        if flag in files:
            write_whole(files[flag], text)
        else:
            sys.stdout.write(text)
    if show:
        from .report import run_table

        run_table(report)
    if report.interrupted:
        print(f"verify: interrupted after {len(report.entries)} of {len(entries)} entries; "
              "the reports hold what finished", file=sys.stderr)
        return EXIT_INTERRUPTED
    return report.exit_code


def _refuse_second_stdout(flag: str, files: dict[str, Any]) -> None:
    """``--json - --markdown /dev/stdout``: two reports into one stream, refused."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return  # stdout is not a file descriptor (captured): no path can name it
    for other, out in files.items():
        if out.key == (st.st_dev, st.st_ino):
            raise UsageError(f"--{flag} - and --{other} {out.given} are both standard output; "
                             "give each report its own path")


def _check_int(flag: str, value: int, low: int, high: int, why: str) -> int:
    """A CLI-only count or seed within its cap, or a one-line refusal naming the cap."""
    if value < low:
        raise UsageError(f"{flag} {value} must be at least {low}; {why}")
    if value > high:
        raise UsageError(f"{flag} {value} must be at most {high}; {why}")
    return value


def _target_family(args: argparse.Namespace, command: str) -> Any:
    """The family named by ``parity --n N --k K --activation ACT`` or by a family file."""
    from .family_io import load_family_file
    from .networks import parity_family

    most = MAX_PLOT_SAMPLES if command.startswith("verify plot") else MAX_SAMPLES
    _check_int("--samples", args.samples, MIN_SAMPLES, most,
               f"use --samples from {MIN_SAMPLES} to {most} (Monte Carlo never verifies; more "
               "samples only narrow its estimate)")
    _check_int("--seed", args.seed, 0, MAX_SEED, f"use a seed from 0 to 2**63-1 = {MAX_SEED}")
    if args.target == "parity":
        missing = [f"--{name}" for name in ("n", "k", "activation")
                   if getattr(args, name) is None]
        if missing:
            raise UsageError(f"{command} parity needs {', '.join(missing)}")
        if args.n > MAX_PARITY_N:  # before C(n, k) is computed; the library checks the rest
            raise UsageError(f"--n {args.n} must be at most {MAX_PARITY_N}: the family has "
                             f"C(n, k) >= n members and the limit is {MAX_PARITY_N}; use a "
                             "smaller --n")
        family = parity_family(args.n, args.k, _activation(args.activation))
    else:
        if args.n is not None or args.k is not None or args.activation is not None:
            raise UsageError(f"--n, --k and --activation apply only to '{command} parity'; "
                             "a family file sets them itself")
        family = load_family_file(args.target)
    if args.samples * family.n > MAX_SAMPLE_COORDINATES:  # Monte Carlo time grows with both
        raise UsageError(f"--samples {args.samples} in dimension n={family.n} draws "
                         f"{args.samples * family.n} normal coordinates, more than "
                         f"{MAX_SAMPLE_COORDINATES}; use --samples <= "
                         f"{max(MAX_SAMPLE_COORDINATES // family.n, 1)}")
    return family


def _parse_rho(text: str) -> Any:
    import sympy as sp

    from .expressions import parse

    value = parse(text, symbols=())
    if not value.is_Rational:
        raise UsageError(f"--rho {text} must be a rational number in [-1, 1], e.g. 0.5 or 1/3")
    if abs(value) > 1:
        raise UsageError(f"--rho {text} must lie in [-1, 1] (a correlation)")
    return sp.Rational(value)


if __name__ == "__main__":
    raise SystemExit(main())
