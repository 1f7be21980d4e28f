"""Catalogue of Safran-Lee, "Optimization-Based Separations for Neural Networks" (COLT 2022).

IDs D1-D28 and D6b follow the paper's note (``shared/papers/sl22.md``, section 5); the
mathematics, in our own words, is in ``proofs_notes/sl22.md``. One module per part of the
paper, each a set of registrations over the core (:mod:`verify.special`, :mod:`verify.moments`,
:mod:`verify.orthopoly`, :mod:`verify.decide`):

* :mod:`.bessel_law` -- the heavy-tailed law D_d, its Bessel^2 component (D1-D4, D6, D6b,
  D28): Arb balls for Bessel functions, the radial CDF in closed form
  ``F_d(x) = J_nu(cx)^2 + 2 sum_{k>=1} J_{nu+k}(cx)^2`` (a telescoping identity with a proved
  tail), SymPy for the symbolic identities;
* :mod:`.gaussian_part` -- its Gaussian component N(0, I/d) (D5, D7, D8);
* :mod:`.compact_law` -- the compact law D'_d and the Gegenbauer lower bound (D9-D15): exact
  rational arithmetic (moments, harmonic dimensions, least squares for odd perfect-square d)
  and Arb;
* :mod:`.construction` -- the positive construction's random features (D16-D19): Owen's T by
  two algorithms, the erf/arctan expectations checked through the identities of Prop. 21 (not
  by simulating the network), Lemma 19 and Prop. 22;
* :mod:`.theorems` -- the good vector of Thm 9, the conditional law of one feature and the
  bookkeeping constants (D20-D25, D27).

Errata (printed statement REFUTED, corrected one VERIFIED): D5 (C1, covariance), D13 (the
indicator count; found here, not in the note), D21 (C3, the weights of Thm 9), D22 (C4a, the
law of a feature at norm 1), D25 (C5, the threshold 1/400).
"""

from . import bessel_law, compact_law, construction, gaussian_part, theorems
from ._shared import P

__all__ = ["P", "bessel_law", "compact_law", "construction", "gaussian_part", "theorems"]
