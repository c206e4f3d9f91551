"""One seeded random source for the whole run.

Every table or business event draws from its own named stream, derived from the run's seed and the
stream's name, so the data of one table does not shift when another table changes how much it draws.
Names come from Faker's own US frequency tables, drawn into pools once; rows sample from the pools.
"""
import zlib
from functools import cached_property

import numpy as np
from faker.providers.lorem.en_US import Provider as Lorem
from faker.providers.person.en_US import Provider as Person

POOL_SIZE = 4000
FEISTEL_ROUNDS = 4


class RandomSource:
    def __init__(self, seed):
        self.seed = seed

    def stream(self, name):
        """A numpy Generator that depends only on the seed and the name."""
        return np.random.Generator(np.random.PCG64(np.random.SeedSequence([self.seed, zlib.crc32(name.encode())])))

    def scatter(self, name, keys, space):
        """A bijection of range(space), named and seeded like a stream, applied to `keys` (each below `space`):
        distinct keys, in any office of the run, give distinct values, spread like random draws."""
        rounds = self.stream(name).integers(0, 2**32, FEISTEL_ROUNDS, dtype=np.uint64)
        half = (int(space - 1).bit_length() + 1) // 2
        values = _feistel(np.asarray(keys, dtype=np.uint64), half, rounds)
        outside = values >= space
        while outside.any():  # walk the cycle back into range
            values[outside] = _feistel(values[outside], half, rounds)
            outside = values >= space
        return values.astype(np.int64)

    @cached_property
    def pools(self):
        return FakerPools(self.seed)


class FakerPools:
    """Realistic US names, streets and companies, drawn once from Faker's own frequency tables."""

    STREET_SUFFIXES = (("Street", 5), ("Avenue", 4), ("Road", 3), ("Drive", 3), ("Lane", 2), ("Court", 2),
                       ("Way", 2), ("Place", 1), ("Boulevard", 1), ("Terrace", 1), ("Circle", 1), ("Loop", 1))
    COMPANY_SUFFIXES = ("Inc", "LLC", "Group", "and Sons", "PLC", "Ltd", "Co")

    def __init__(self, seed):
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, zlib.crc32(b"faker-pools")])))
        self.female_first = self._weighted(rng, Person.first_names_female)
        self.male_first = self._weighted(rng, Person.first_names_male)
        self.last = self._weighted(rng, Person.last_names)
        names = np.where(rng.random(POOL_SIZE) < 0.5, self.last, self.male_first)
        suffix = weighted_choice(rng, self.STREET_SUFFIXES, POOL_SIZE)
        number = rng.integers(100, 20000, POOL_SIZE).astype(str)
        self.street = np.array([f"{n} {name} {s}" for n, name, s in zip(number, names, suffix)], dtype=object)
        partners = self.last[rng.permutation(POOL_SIZE)]
        kind = rng.integers(0, 3, POOL_SIZE)
        company_suffix = rng.choice(self.COMPANY_SUFFIXES, POOL_SIZE)
        self.company = np.array([f"{a} {c}" if k == 0 else f"{a}-{b}" if k == 1 else f"{a}, {b} and {c2}"
                                 for a, b, c, c2, k in zip(self.last, partners, company_suffix,
                                                           self.last[::-1], kind)], dtype=object)
        self.word = rng.choice(np.array(Lorem.word_list, dtype=object), 1000)
        self.sentence = np.array([" ".join(rng.choice(Lorem.word_list, 8)).capitalize() + "."
                                  for _ in range(200)], dtype=object)

    @staticmethod
    def _weighted(rng, table):
        names = np.array(list(table), dtype=object)
        weights = np.array(list(table.values()), dtype=float)
        return rng.choice(names, POOL_SIZE, p=weights / weights.sum())

    def pick(self, rng, pool, n):
        return pool[rng.integers(0, len(pool), n)]


def weighted_choice(rng, pairs, n):
    """n draws from ((value, share), ...); shares need not sum to one."""
    values, shares = zip(*pairs)
    shares = np.array(shares, dtype=float)
    return rng.choice(np.array(values), n, p=shares / shares.sum())


def _feistel(values, half, rounds):
    """A permutation of range(4**half): a Feistel network over the two halves of each value's bits."""
    mask = np.uint64((1 << half) - 1)
    left, right = values >> np.uint64(half), values & mask
    for key in rounds:
        mixed = (right + key) * np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
        left, right = right, left ^ (mixed * np.uint64(0xBF58476D1CE4E5B9) >> np.uint64(32) & mask)
    return left << np.uint64(half) | right
