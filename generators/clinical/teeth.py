"""Where on the mouth a procedure is charted (DOMAIN.md 7): universal tooth numbers 1-32, primary teeth A-T,
surfaces, quadrants and arches.

Surface conventions: occlusal (O) only on back teeth, incisal (I) only on front teeth, listed mesial to
distal the way charts write them (MO, DO, MOD, MODB).
"""
import numpy as np

from core.arrays import rank_in_group

from ..rows import pick

WISDOM = (1, 16, 17, 32)
MOLARS = (2, 3, 14, 15, 18, 19, 30, 31)
PREMOLARS = (4, 5, 12, 13, 20, 21, 28, 29)
POSTERIOR = MOLARS + PREMOLARS
ANTERIOR = (6, 7, 8, 9, 10, 11, 22, 23, 24, 25, 26, 27)
PERMANENT = POSTERIOR + ANTERIOR
# A bridge replaces a tooth between two others of the same arch.
PONTIC_SITES = (3, 4, 5, 12, 13, 14, 19, 20, 21, 28, 29, 30)
PRIMARY_MOLARS = ("A", "B", "I", "J", "K", "L", "S", "T")
PRIMARY = PRIMARY_MOLARS + ("C", "D", "E", "F", "G", "H", "M", "N", "O", "P", "Q", "R")
PRIMARY_FRONT = PRIMARY[len(PRIMARY_MOLARS):]
SEALANT_MOLARS = (3, 14, 19, 30)
WISDOM_PARTNERS = {"opposite": {"1": "16", "16": "1", "17": "32", "32": "17"},
                   "above_or_below": {"1": "32", "32": "1", "16": "17", "17": "16"}}
QUADRANTS = ("UR", "UL", "LL", "LR")
ARCHES = ("U", "L")

SURFACES = {
    # (front tooth, number of surfaces): the combinations a chart shows
    (False, 1): ("O", "O", "O", "B", "L"), (False, 2): ("MO", "DO", "OB", "OL"),
    (False, 3): ("MOD", "MOB", "DOB", "MOL", "DOL"), (False, 4): ("MODB", "MODL", "MOBL"),
    (True, 1): ("M", "D", "F", "L", "I"), (True, 2): ("MF", "DF", "ML", "DL", "MI", "DI"),
    (True, 3): ("MIF", "DIF", "MFL", "DFL"), (True, 4): ("MIDF", "MIDL"),
}
SURFACE_COUNT_SHARES = (0.35, 0.35, 0.2, 0.1)

# The age (years) a tooth comes in, and the age a primary tooth is shed (when its successor comes in): the early
# end of the ADA eruption charts, so a tooth is charted only once most children have it. Universal numbers
# 1-16 upper right to upper left, 17-32 lower left to lower right; A-J upper, K-T lower primary teeth.
PERMANENT_ERUPTION = {1: 15, 2: 12, 3: 6, 4: 10, 5: 10, 6: 11, 7: 8, 8: 7}  # upper right; wisdom: extractable
LOWER_ERUPTION = {17: 15, 18: 11, 19: 6, 20: 11, 21: 10, 22: 9, 23: 7, 24: 6}  # lower left
PRIMARY_ERUPTION = {"A": 2.5, "B": 1.5, "C": 1.75, "D": 1.0, "E": 1.0, "K": 2.5, "L": 1.5, "M": 1.75, "N": 1.0,
                    "O": 0.75}  # upper right and lower left halves; shed when the permanent tooth below comes in
SUCCESSOR = {"A": 4, "B": 5, "C": 6, "D": 7, "E": 8, "K": 20, "L": 21, "M": 22, "N": 23, "O": 24}


def _mirrored():
    """(comes in, shed) per tooth name, both halves of each arch."""
    ages = {}
    for half in (PERMANENT_ERUPTION, LOWER_ERUPTION):
        for tooth, age in half.items():
            ages[str(tooth)] = ages[str(49 - tooth if tooth > 16 else 17 - tooth)] = (age, np.inf)
    for tooth, age in PRIMARY_ERUPTION.items():
        shed = ages[str(SUCCESSOR[tooth])][0]
        mirror = chr(ord("J") - (ord(tooth) - ord("A"))) if tooth < "K" else chr(ord("T") - (ord(tooth) - ord("K")))
        ages[tooth] = ages[mirror] = (age, shed)
    return ages


TOOTH_AGES = _mirrored()
PRIMARY_TEETH_AGE = 12  # every primary tooth is shed by then
SITE_POOLS = {  # the teeth a case of each site kind may be on, before the patient's age narrows them down
    "posterior": POSTERIOR + PRIMARY_MOLARS, "anterior": ANTERIOR + PRIMARY_FRONT, "any": PERMANENT + PRIMARY,
    "primary_molar": PRIMARY_MOLARS, "permanent": PERMANENT, "permanent_posterior": POSTERIOR,
    "permanent_anterior": ANTERIOR, "wisdom": WISDOM, "pontic": PONTIC_SITES,
}


def distinct(rng, teeth, count):
    """Teeth for groups of count[i] procedures, different within a group: spaced around `teeth` from a
    random one."""
    group = np.repeat(np.arange(len(count)), count)
    stride = max(1, len(teeth) // max(int(count.max(initial=1)), 1))
    position = rng.integers(0, len(teeth), len(count))[group] + rank_in_group(group) * stride
    return np.array(teeth).astype(str)[position % len(teeth)]


def sites(rng, kind, age):
    """A tooth (or arch) for each case of one site kind, among the teeth the patient has at `age` (years):
    primary, permanent or both in a mixed dentition. '' where the patient has no such tooth."""
    n = len(age)
    if kind == "arch":
        return pick(rng, ARCHES, n)
    if kind == "upper_arch":
        return np.full(n, "U")
    pool = np.array(SITE_POOLS[kind]).astype("<U2")
    present = in_mouth(pool, age)
    count = present.sum(axis=1)
    nth = (rng.random(n) * count).astype(int)
    chosen = (np.cumsum(present, axis=1) > nth[:, None]).argmax(axis=1)
    return np.where(count > 0, pool[chosen], "")


def in_mouth(teeth, age):
    """(len(age), len(teeth)): whether each tooth is in the mouth at each age (years)."""
    comes_in, shed = np.array([TOOTH_AGES[tooth] for tooth in teeth.tolist()]).reshape(-1, 2).T
    age = np.asarray(age, dtype=float)[:, None]
    return (age >= comes_in) & (age < shed)


def is_primary(tooth):
    """Primary teeth (letters A-T)."""
    return np.isin(tooth, PRIMARY)


def site_numbers(site):
    """A small integer per tooth or arch name (from its one or two characters), to compare sites quickly."""
    characters = np.asarray(site, dtype="<U2").view(np.uint32).reshape(-1, 2).astype(np.int64)
    return characters[:, 0] * 128 + characters[:, 1]


def neighbor(tooth, step):
    """The tooth next to `tooth` in the same arch, one universal number lower (-1) or higher (+1)."""
    return np.where(tooth == "", "", (np.where(tooth == "", "0", tooth).astype(int) + step).astype(str))


def wisdom_partner(tooth, relation):
    """The wisdom tooth on the other side of the same arch ("opposite") or in the other arch ("above_or_below")."""
    return np.array([WISDOM_PARTNERS[relation].get(t, "") for t in tooth.tolist()], dtype="<U2")


def is_front(tooth):
    """Incisors and canines, permanent or primary."""
    return np.isin(tooth, np.array(ANTERIOR).astype(str)) | np.isin(tooth, PRIMARY_FRONT)


def tooth_class(tooth):
    """0 front tooth, 1 premolar, 2 molar: picks the root canal code (D3310, D3320, D3330)."""
    premolar = np.isin(tooth, np.array(PREMOLARS).astype(str))
    return np.where(is_front(tooth), 0, np.where(premolar, 1, 2))


def surface_counts(rng, n):
    return rng.choice(np.arange(1, 5), n, p=SURFACE_COUNT_SHARES)


def surfaces(rng, tooth, count):
    """Surface letters for fillings: `count` surfaces of a front or back tooth."""
    front = is_front(tooth)
    out = np.empty(len(tooth), dtype="<U5")
    for (is_front_tooth, k), combos in SURFACES.items():
        rows = (front == is_front_tooth) & (count == k)
        out[rows] = pick(rng, combos, int(rows.sum()))
    return out


def permanent_teeth(tooth):
    """Universal numbers 1-32 of tooth strings; 0 for primary letters, supernumeraries and no tooth."""
    tooth = np.asarray(tooth)
    value = np.where(np.char.isdigit(tooth), tooth, "0").astype(int) if tooth.size else np.zeros(0, dtype=int)
    return np.where(value <= 32, value, 0)
