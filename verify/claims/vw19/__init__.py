"""Catalogue entries of vw19: Vempala, Wilmes, "Gradient descent for one-hidden-layer neural
networks: polynomial convergence and SQ lower bounds" (COLT 2019, arXiv:1805.02677).

The paper's full text was not available to the note (../shared/papers/vw19.md): its IDs C1-C24
are standard harmonic analysis on S^{n-1} ([derived; standard]), new derivations ([derived])
and reconstructions of the paper's mechanics ([derived; reconstruction]); none is read from the
paper, so ``where`` says "unknown" throughout. The paper's n is the package's d: x uniform on
S^{n-1}, t = <w, x>, P_{k,n} = C_k^{(n-2)/2}/C_k^{(n-2)/2}(1), c_k = E[sigma(t) P_{k,n}(t)]
(probability measure), which is :func:`verify.gegenbauer.gegenbauer_coefficients` at r = 1.

One module per section of the note: :mod:`.sphere` and :mod:`.harmonics` (§1, standard harmonic
analysis), :mod:`.funk_hecke` (§2.1), :mod:`.relu` (§2.2), :mod:`.smooth` (§2.3 and the
asymptotics), :mod:`.operator` (§3, GD as an operator), :mod:`.sq` (§4, the SQ lower bound);
:mod:`._shared` holds the paper's two-dimensional reduction and registration glue. Moments,
polynomials and the certified sphere integrator are the core's (:mod:`verify.moments`,
:mod:`verify.orthopoly`); precision comes from the :class:`~verify.claims.base.Profile`.
Importing this package registers every claim.
"""

from __future__ import annotations

from . import funk_hecke, harmonics, operator, relu, smooth, sphere, sq
from .funk_hecke import c7, c7b
from .harmonics import c6, c6b, c8, c12, c20
from .operator import c15, c18, c22
from .relu import c9, c10, c21
from .smooth import c11, c13, c14
from .sphere import c1, c2, c3, c4, c5, c19
from .sq import c16, c17, c23, c24

__all__ = ["funk_hecke", "harmonics", "operator", "relu", "smooth", "sphere", "sq",
           "c1", "c2", "c3", "c4", "c5", "c6", "c6b", "c7", "c7b", "c8", "c9", "c10", "c11",
           "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20", "c21", "c22", "c23",
           "c24"]
