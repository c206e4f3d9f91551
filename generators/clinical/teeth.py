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


def distinct(rng, teeth, count):
    """Teeth for groups of count[i] procedures, different within a group: spaced around `teeth` from a
    random one."""
    group = np.repeat(np.arange(len(count)), count)
    stride = max(1, len(teeth) // max(int(count.max(initial=1)), 1))
    position = rng.integers(0, len(teeth), len(count))[group] + rank_in_group(group) * stride
    return np.array(teeth).astype(str)[position % len(teeth)]


def sites(rng, kind, primary):
    """A tooth (or arch) for each case of one site kind; `primary` marks young children (baby teeth)."""
    n = len(primary)
    if kind == "posterior":
        return np.where(primary, pick(rng, PRIMARY_MOLARS, n), pick(rng, POSTERIOR, n).astype(str))
    if kind == "any":
        return np.where(primary, pick(rng, PRIMARY, n), pick(rng, PERMANENT, n).astype(str))
    if kind == "primary_molar":
        return pick(rng, PRIMARY_MOLARS, n)
    if kind == "arch":
        return pick(rng, ARCHES, n)
    if kind == "upper_arch":
        return np.full(n, "U")
    pools = {"anterior": ANTERIOR, "wisdom": WISDOM, "pontic": PONTIC_SITES}
    return pick(rng, pools[kind], n).astype(str)


def site_numbers(site):
    """A small integer per tooth or arch name (from its one or two characters), to compare sites quickly."""
    characters = np.asarray(site, dtype="<U2").view(np.uint32).reshape(-1, 2).astype(np.int64)
    return characters[:, 0] * 128 + characters[:, 1]


def neighbor(tooth, step):
    """The tooth next to `tooth` in the same arch, one universal number lower (-1) or higher (+1)."""
    return (tooth.astype(int) + step).astype(str)


def wisdom_partner(tooth, relation):
    """The wisdom tooth on the other side of the same arch ("opposite") or in the other arch ("above_or_below")."""
    return np.array([WISDOM_PARTNERS[relation][t] for t in tooth.tolist()], dtype="<U2")


def is_front(tooth):
    """Incisors and canines, permanent or primary."""
    number = np.char.isdigit(tooth)
    permanent = np.isin(tooth, np.array(ANTERIOR).astype(str))
    return np.where(number, permanent, np.isin(tooth, PRIMARY[len(PRIMARY_MOLARS):]))


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
