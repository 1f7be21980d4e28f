"""A user family in Python: define family() returning a Family or a list of Networks."""

from verify.networks import parity_network


def family():
    # Three parity networks with the sigmoid, on R^5, with odd k = 3.
    return [parity_network(5, s, "sigmoid") for s in [(0, 1, 2), (1, 2, 3), (2, 3, 4)]]
