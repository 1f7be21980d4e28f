"""Catalogue entries of gkk19: Goel, Karmalkar, Klivans, "Time/accuracy tradeoffs for learning a
ReLU with respect to Gaussian marginals" (NeurIPS 2019, arXiv:1911.01462).

Only the abstract and the opening of the paper were available; nearly every identity is a
reconstruction ([derived] in the note /work/shared/papers/gkk19.md), and the lemma numbers are
unknown except where a secondary source names them (Claim 1, Claim 2, Theorem 1). The
mathematics, in our own words, is in proofs_notes/gkk19.md.

The entries are registrations over the core, one module per part of the paper:

* :mod:`.coefficients` -- Hermite coefficients of ReLU, sign, step, |x| (B1, B2, B3, B8);
* :mod:`.parseval` -- Parseval sums, tails and the dual kernel of ReLU (B4, B5, B6);
* :mod:`.ridge` -- Claim 2, the Gaussian lift and sign correlations (B7, B9, B10, B24);
* :mod:`.beta` -- the correlation beta_k by Dawson's function, and the loss gap (B11-B13);
* :mod:`.geometry` -- moments, arc-cosine kernel, g(theta), Sheppard, anti-concentration
  (B15-B20);
* :mod:`.reconstruction` -- Lemma A, the chain to O(opt^{2/3}), the scale step (B21-B23).

Importing the package registers every claim.
"""

from verify.claims.base import arb_of
from verify.claims.gkk19 import (  # noqa: F401  (importing registers the claims)
    beta,
    coefficients,
    geometry,
    parseval,
    reconstruction,
    ridge,
)
from verify.claims.gkk19._common import PAPER

__all__ = ["PAPER", "arb_of", "beta", "coefficients", "geometry", "parseval", "reconstruction",
           "ridge"]
