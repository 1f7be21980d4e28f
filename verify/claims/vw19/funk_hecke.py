"""vw19 note §2.1: the Funk-Hecke theorem (probability measure) and its surface-measure
eigenvalue: C7, C7b."""

from __future__ import annotations

from flint import arb, fmpq, fmpq_poly

from verify import decide
from verify.checks import CheckResult
from verify.claims.base import Profile, all_of, ball_equal, claim
from verify.conventions import sphere_area
from verify.numbers import workprec

from ._shared import (
    _A,
    _P,
    _T,
    _WHERE,
    PAPER,
    _bi,
    _core_coefficient,
    _core_surface,
    _dims,
    _lift,
    _poly_acb,
    _sigma_times,
)

# =============================================================================================
# C7 -- Funk-Hecke; C7b -- the surface eigenvalue.

def _product_formula(n: int, k: int, s_dim: int | None = None) -> CheckResult:
    """``E_s P_k(a t + sqrt((1-a^2)(1-t^2)) s) = P_k(a) P_k(t)`` as polynomials in (a, t)."""
    lhs = _lift(_P(k, n), n, s_dim=s_dim)
    rhs = _bi(_P(k, n), _A) * _bi(_P(k, n), _T)
    return decide.polynomial_identity(
        f"E_x[P_k(<z,x>) | <w,x> = t] = P_k(<w,z>) P_k(t), n={n}, k={k}", lhs - rhs,
        method="exact two-dimensional reduction (bivariate fmpq polynomials in (a, t))")


_C7_ACTS = ("relu", "tanh", "exp", "sigmoid")
_C7_DIMS = (3, 8)


def _funk_hecke_activation(name: str, n: int, k: int, a: fmpq, factor: arb,
                           digits: int, prec: int) -> CheckResult:
    """``E_x[sigma(<w,x>) P_k(<z,x>)]`` by the reduction (certified integral of sigma(t) Q_a(t))
    against ``factor * c_k P_k(a)`` with c_k from the package's sphere tier."""
    q = _lift(_P(k, n), n)
    qa = fmpq_poly([fmpq(0)] * 1)
    for (i, j), c in q.terms():
        qa += c * a**i * fmpq_poly([0] * j + [1])
    with workprec(prec):
        lhs = _sigma_times(name, _poly_acb(qa), n)
        rhs = factor * _core_coefficient(name, k, n, digits) * arb(_P(k, n)(a))
        return ball_equal(f"E[{name}(<w,x>) P_k(<z,x>)] = c_k P_k({a}), n={n}, k={k}", lhs, rhs,
                          method="certified integral of the reduced integrand vs sphere tier",
                          digits=digits)


def _c7_activation_cases(p: Profile, surface: bool) -> list[CheckResult]:
    cases = []
    for n in _C7_DIMS:
        with workprec(p.prec_bits):
            factor = sphere_area(n) if surface else arb(1)
        for k in (1, 2, 3):
            for a in (fmpq(-3, 4), fmpq(1, 3)):
                for name in _C7_ACTS:
                    cases.append(_funk_hecke_activation(name, n, k, a, factor, p.digits,
                                                        p.prec_bits))
    return cases


@claim("C7", paper=PAPER, where=_WHERE + " (note §2.1, standard)",
       statement=r"\mathbb E_x[\sigma(\langle w,x\rangle)P_{k,n}(\langle z,x\rangle)]=c_k\,"
                 r"P_{k,n}(\langle w,z\rangle),\quad c_k=\mathbb E[\sigma(x_1)P_{k,n}(x_1)]",
       source="derived", methods=("exact: the Gegenbauer product formula behind it, as a "
                                  "bivariate polynomial identity (any sigma)",
                                  "certified: relu/tanh/exp/logistic, reduced integral vs the "
                                  "package's coefficient"))
def c7(p: Profile) -> CheckResult:
    cases = [_product_formula(n, k) for n in _dims(p) for k in range(min(p.k_max, 20) + 1)]
    cases += _c7_activation_cases(p, surface=False)
    return all_of(f"C7: product formula for n in {_dims(p)}, k <= {min(p.k_max, 20)}; "
                  f"relu/tanh/exp/logistic for n in {_C7_DIMS}, k in (1,2,3), <w,z> in (-3/4, 1/3)",
                  "exact identity and certified integrals", cases)


@c7.planted("conditional law of <z,x> taken on S^(n-1) instead of S^(n-2)",
            r"\mathbb E_{s\sim p_n}P_{k,n}(at+\sqrt{1-a^2}\sqrt{1-t^2}s)=P_{k,n}(a)P_{k,n}(t)")
def c7_wrong_law(p: Profile) -> CheckResult:
    cases = [_product_formula(n, k, s_dim=n) for n in _dims(p, lo=3)
             for k in range(2, min(p.k_max, 20) + 1)]
    return all_of("product formula with s ~ p_n", "exact", cases)


@c7.planted("surface eigenvalue omega_(n-1) c_k on the probability-measure side",
            r"\mathbb E_x[\sigma(\langle w,x\rangle)P_{k,n}(\langle z,x\rangle)]="
            r"\omega_{n-1}c_kP_{k,n}(\langle w,z\rangle)")
def c7_surface(p: Profile) -> CheckResult:
    return all_of("Funk-Hecke with the surface eigenvalue", "certified",
                  _c7_activation_cases(p, surface=True))


def _c7b_check(p: Profile, area_shift: int) -> CheckResult:
    cases = []
    dims = [n for n in _dims(p, lo=3) if n <= (10 if p.name == "quick" else 100)]
    for n in dims:
        for k in range(4 if p.name == "quick" else 6):
            for name in ("relu", "tanh", "sigmoid", "exp"):
                with workprec(p.prec_bits):
                    raw = _sigma_times(name, _poly_acb(_P(k, n)), n, surface=True)
                    lam = sphere_area(n - 1 + area_shift) * raw
                    cases.append(ball_equal(f"lambda_k = omega_(n-2) int sigma P_k w = "
                                            f"omega_(n-1) c_k, {name}, n={n}, k={k}", lam,
                                            _core_surface(name, k, n, p.digits),
                                            method="own Arb integral vs "
                                            "funk_hecke(normalization='surface')",
                                            digits=p.digits))
    return all_of(f"C7b for n in {dims}, k <= {3 if p.name == 'quick' else 5}, "
                  "relu/tanh/logistic/exp", "certified", cases)


@claim("C7b", paper=PAPER, where=_WHERE + " (note §2.1, standard)",
       statement=r"\lambda_k=\omega_{n-2}\int_{-1}^1\sigma(t)P_{k,n}(t)(1-t^2)^{\frac{n-3}2}dt="
                 r"\omega_{n-1}c_k",
       source="derived", methods=("certified: Arb integral of sigma P_k (1-t^2)^((n-3)/2) "
                                  "times |S^(n-2)|",
                                  "certified: the package's funk_hecke, surface normalization"))
def c7b(p: Profile) -> CheckResult:
    return _c7b_check(p, 0)


@c7b.planted("omega_(n-1) for omega_(n-2) in front of the integral",
             r"\lambda_k=\omega_{n-1}\int\sigma P_{k,n}(1-t^2)^{\frac{n-3}2}dt")
def c7b_wrong_area(p: Profile) -> CheckResult:
    return _c7b_check(p, 1)

