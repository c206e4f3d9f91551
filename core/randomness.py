"""One seeded random source for the whole run.

Every table or business event draws from its own named stream, derived from the run's seed and the
stream's name, so the data of one table does not shift when another table changes how much it draws.
Faker is called only to fill pools once; rows sample from the pools.
"""
import zlib
from functools import cached_property

import numpy as np
from faker import Faker

POOL_SIZE = 4000


class RandomSource:
    def __init__(self, seed):
        self.seed = seed

    def stream(self, name):
        """A numpy Generator that depends only on the seed and the name."""
        return np.random.Generator(np.random.PCG64(np.random.SeedSequence([self.seed, zlib.crc32(name.encode())])))

    @cached_property
    def pools(self):
        return FakerPools(self.seed)


class FakerPools:
    """Realistic US names and addresses, drawn once from a seeded Faker."""

    def __init__(self, seed):
        fake = Faker("en_US")
        fake.seed_instance(seed)
        self.female_first = self._draw(fake.first_name_female)
        self.male_first = self._draw(fake.first_name_male)
        self.last = self._draw(fake.last_name)
        self.street = self._draw(fake.street_address, size=POOL_SIZE * 2)
        self.company = self._draw(fake.company)
        self.word = self._draw(fake.word, size=1000)
        self.sentence = self._draw(lambda: fake.sentence(nb_words=8), size=1000)

    @staticmethod
    def _draw(method, size=POOL_SIZE):
        return np.array([method() for _ in range(size)], dtype=object)

    def pick(self, rng, pool, n):
        return pool[rng.integers(0, len(pool), n)]


def weighted_choice(rng, pairs, n):
    """n draws from ((value, share), ...); shares need not sum to one."""
    values, shares = zip(*pairs)
    shares = np.array(shares, dtype=float)
    return rng.choice(np.array(values), n, p=shares / shares.sum())
