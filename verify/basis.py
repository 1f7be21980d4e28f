"""One interface for the two expansions a claim can be about: Hermite and Gegenbauer.

Conventions (DESIGN.md, "Conventions"):

* **Hermite** (Gaussian, :data:`HERMITE`): ``c_k(sigma) = E[sigma(g) h_k(g)]``, ``g ~ N(0, 1)``,
  ``h_k = He_k / sqrt(k!)`` (probabilists'); the kernel is ``E[sigma(g) sigma(g')]`` for
  standard Gaussians with correlation rho. Symbol ``c``.
* **Gegenbauer** (sphere, :func:`sphere`): x uniform on ``S^{d-1}``, ``t = <w, x>``;
  ``a_k(sigma; d, r) = E[sigma(r t) P_{k,d}(t)]``, ``P_{k,d} = C_k^lambda / C_k^lambda(1)``,
  ``lambda = (d-2)/2``; the kernel is ``E[sigma(r<u,x>) sigma(r<v,x>)]`` with ``<u,v> = rho``.
  Symbol ``a``; the claim language's symbol ``d`` is bound to the dimension.

A :class:`Basis` computes coefficients in any tier (``auto``, ``exact``, ``certified``,
``float``) and kernel values through the PUBLIC functions of :mod:`verify.hermite` and
:mod:`verify.gegenbauer` only; it says whether an activation has an exact form in it.

>>> sphere(5).label(3, "relu"), HERMITE.label("k", "relu")
('a_3(relu; d=5, r=1)', 'c_k(relu)')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import sympy as sp

from .activations import Activation
from .conventions import check_dimension
from .expressions import SYMBOLS
from .numbers import Coefficient

Tier = Literal["auto", "exact", "certified", "float"]
TIERS = ("auto", "exact", "certified", "float")
NAMES = ("hermite", "gegenbauer")


@dataclass(frozen=True)
class Basis:
    """Which expansion a claim is about: Hermite (Gaussian) or Gegenbauer on S^{d-1} at radius r.

    ``Basis()`` is the Hermite basis; ``Basis("gegenbauer", d, r)`` (or :func:`sphere`) the
    Gegenbauer basis of dimension ``d >= 2`` at radius ``r`` (an exact positive number).
    Raises TypeError/ValueError for a bad name, dimension or radius.

    >>> Basis("gegenbauer", 5).label(3, "relu")
    'a_3(relu; d=5, r=1)'
    """

    name: str = "hermite"
    d: int | None = None
    r: sp.Rational = sp.Integer(1)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or self.name not in NAMES:
            raise ValueError(f"basis={self.name!r} must be 'hermite' or 'gegenbauer'")
        if self.name == "gegenbauer":
            from .gegenbauer import check_radius

            object.__setattr__(self, "d", check_dimension(self.d))
            object.__setattr__(self, "r", check_radius(self.r))
        elif self.d is not None or self.r != 1:
            raise ValueError("d and r apply only to basis='gegenbauer'; drop them")

    @property
    def symbol(self) -> str:
        """The coefficient's letter: ``c`` (Hermite) or ``a`` (Gegenbauer)."""
        return "c" if self.name == "hermite" else "a"

    def label(self, k: object, name: str) -> str:
        """``c_k(name)`` or ``a_k(name; d=.., r=..)``."""
        if self.name == "hermite":
            return f"c_{k}({name})"
        return f"a_{k}({name}; d={self.d}, r={self.r})"

    def substitutions(self) -> dict[sp.Symbol, sp.Expr]:
        """Values of the claim language's symbols this basis fixes (``d`` on the sphere)."""
        return {SYMBOLS["d"]: sp.Integer(self.d)} if self.d is not None else {}

    def has_exact_form(self, act: Activation) -> bool:
        """True when the exact tier applies to ``act`` in this basis."""
        if self.name == "hermite":
            from .hermite import has_exact_form

            return has_exact_form(act)
        from .gegenbauer import has_exact_sphere_form

        return has_exact_sphere_form(act, self.r)

    def coefficients(self, act: Activation, degrees: int | Sequence[int], digits: int, *,
                     tier: Tier = "auto",
                     progress: Callable[[Coefficient], None] | None = None
                     ) -> list[Coefficient]:
        """The coefficients at ``degrees`` (an int K means 0..K), to ``digits`` relative digits.

        ``tier="auto"`` uses the exact tier where it applies (one table to the top degree),
        else one certified coefficient per degree asked (``progress(c)`` after each);
        ``exact``, ``certified`` and ``float`` force that tier (a table to the top degree,
        for ``certified`` one coefficient per degree). The tiers validate ``act`` and
        ``digits`` themselves (accepting guard digits above the cap).
        """
        if tier not in TIERS:
            raise ValueError(f"tier={tier!r} must be one of {', '.join(TIERS)}")
        ks = list(range(degrees + 1)) if isinstance(degrees, int) else list(degrees)
        if not ks:
            return []
        top = max(ks)
        if tier == "certified" or tier == "auto" and not self.has_exact_form(act):
            return [_tick(self._certified(act, k, digits), progress) for k in ks]
        table = self._table(act, top, digits, tier)
        return [table[k] for k in ks]

    def _certified(self, act: Activation, k: int, digits: int) -> Coefficient:
        if self.name == "hermite":
            from .hermite import hermite_coefficient

            return hermite_coefficient(act, k, digits=digits, tier="certified")
        from .gegenbauer import certified_sphere_coefficient

        assert self.d is not None  # set in __post_init__
        return certified_sphere_coefficient(act, k, d=self.d, r=self.r, digits=digits)

    def _table(self, act: Activation, top: int, digits: int, tier: Tier) -> list[Coefficient]:
        if self.name == "hermite":
            from .hermite import hermite_coefficients

            return hermite_coefficients(act, top, digits=digits, tier=tier)
        from .gegenbauer import gegenbauer_coefficients

        assert self.d is not None
        return gegenbauer_coefficients(act, top, d=self.d, r=self.r, digits=digits, tier=tier)

    def kernel(self, act: Activation, rho: object, *, digits: int = 20,
               max_terms: int | None = None) -> Coefficient:
        """The dual kernel at ``rho`` as a certified series (``met`` says whether ``digits``
        relative digits were reached): :func:`verify.kernels.dual_kernel_coefficient` or
        :func:`verify.kernels.sphere_dual_kernel_coefficient`."""
        if self.name == "hermite":
            from .kernels import dual_kernel_coefficient

            if max_terms is None:
                return dual_kernel_coefficient(act, rho, digits=digits)  # type: ignore[arg-type]
            return dual_kernel_coefficient(act, rho, digits=digits,  # type: ignore[arg-type]
                                           max_terms=max_terms)
        from .kernels import sphere_dual_kernel_coefficient

        assert self.d is not None
        if max_terms is None:
            return sphere_dual_kernel_coefficient(act, rho, d=self.d,  # type: ignore[arg-type]
                                                  r=self.r, digits=digits)
        return sphere_dual_kernel_coefficient(act, rho, d=self.d, r=self.r,  # type: ignore[arg-type]
                                              digits=digits, max_terms=max_terms)


#: The Hermite basis.
HERMITE = Basis()


def sphere(d: int, r: object = 1) -> Basis:
    """The Gegenbauer basis on ``S^{d-1}`` at radius ``r``: ``Basis("gegenbauer", d, r)``."""
    return Basis("gegenbauer", d, r)


def check_basis(basis: object) -> Basis:
    """``basis`` itself when it is a :class:`Basis`; else TypeError."""
    if not isinstance(basis, Basis):
        raise TypeError(f"basis={basis!r} must be a Basis, e.g. Basis() or "
                        "Basis('gegenbauer', 3)")
    return basis


def _tick(c: Coefficient, progress: Callable[[Coefficient], None] | None) -> Coefficient:
    if progress is not None:
        progress(c)
    return c
