r"""Catalogue entries of ggjkk20: the orthogonal parity family of Goel, Gollakota, Jin,
Karmalkar and Klivans (ICML 2020), IDs A1-A23 and A10b of the paper's note.

The family is ``f_S(x) = sum_{w in {+-1}^k} chi(w) sigma(<w, x_S>/sqrt(k))`` (output weights
``chi(w) = prod_i w_i``); ``verify.networks.parity_network`` builds it with exact weights.
Every entry states where its evidence comes from (exact / certified / statistical); the
mathematics is in ``proofs_notes/ggjkk20.md``. Activations: ReLU (exact tier: closed-form
Hermite coefficients and arc-cosine kernel) and the logistic sigmoid (certified tier: Arb
coefficients with proved tails). Monte Carlo appears only as recorded evidence, never as a case
that decides a verdict.

One module per section of the note; importing this package registers every entry:

* :mod:`.hermite_algebra` -- A1-A3, multivariate Hermite algebra;
* :mod:`.norms` -- A4, A5, A8, the norm of f_S (quantities in :mod:`._norms`);
* :mod:`.relu` -- A6, A7, the ReLU coefficients and kernel;
* :mod:`.degenerate` -- A9, degenerate parities;
* :mod:`.orthogonality` -- A10, A10b, A13; :mod:`.symmetry` -- A14, A19;
* :mod:`.finite_difference` -- A11, A12; :mod:`.counting` -- A15, A16;
* :mod:`.asymptotics` -- A17, A18; :mod:`.reductions` -- A20-A22; :mod:`.ridge` -- A23.
"""

from __future__ import annotations

from . import (  # noqa: F401  (importing a section registers its entries)
    asymptotics,
    counting,
    degenerate,
    finite_difference,
    hermite_algebra,
    norms,
    orthogonality,
    reductions,
    relu,
    ridge,
    symmetry,
)
from ._common import RELU, SIGMOID, P

__all__ = ["P", "RELU", "SIGMOID"]
