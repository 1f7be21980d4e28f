"""verify: exact, certified and statistical checks of the identities behind one-hidden-layer
network lower bounds (Hermite and Gegenbauer expansions, dual kernels, orthogonal families).

Three tiers of evidence, never confused: exact, certified (Arb balls with proved tails),
statistical (never verifies alone). See README.md and proofs_notes/.
"""

__version__ = "0.1.0"
