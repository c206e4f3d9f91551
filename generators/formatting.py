"""Text as OpenDental stores it, built column-wise: concatenation, zero padding, dates, clock times, money,
random tokens and signature data.

Strings built here are numpy variable-width strings (StringDType): notes of millions of rows stay compact.
"""
from functools import reduce

import numpy as np
from numpy.dtypes import StringDType

STRING = StringDType()
ALPHANUMERIC = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
HEX = ALPHANUMERIC[np.r_[52:62, 0:6]]
BASE64 = np.r_[ALPHANUMERIC, ["+", "/"]]
SIGNATURE_LENGTH = 400
CLOCK = np.array([f"{minute // 60:02d}:{minute % 60:02d}:00" for minute in range(24 * 60)])


def text(*parts):
    """Element-wise concatenation of strings, numbers and arrays of them."""
    return reduce(np.strings.add, (np.asarray(part).astype(STRING) for part in parts))


def padded(numbers, width):
    """Numbers as zero-padded strings ('07')."""
    numbers = np.asarray(numbers).astype(STRING)
    return np.strings.zfill(numbers, width) if numbers.size else numbers


def _calendar(days):
    days = np.asarray(days, dtype="datetime64[D]")
    month = days.astype("datetime64[M]")
    return (days.astype("datetime64[Y]").astype(int) + 1970, month.astype(int) % 12 + 1,
            (days - month.astype("datetime64[D]")).astype(int) + 1)


def mdy(days):
    """'03/12/2024', the way forms and notes print a date."""
    year, month, day = _calendar(days)
    return text(padded(month, 2), "/", padded(day, 2), "/", year)


def ymd(days):
    """'20240312', as file names carry a date."""
    year, month, day = _calendar(days)
    return text(year, padded(month, 2), padded(day, 2))


def appointment_time(moments):
    """'6/12 10:00 AM', as reminders quote an appointment."""
    _, month, day = _calendar(moments.astype("datetime64[D]"))
    minutes = (moments - moments.astype("datetime64[D]")).astype("timedelta64[m]").astype(int)
    hour, minute = np.divmod(minutes, 60)
    return text(month, "/", day, " ", (hour + 11) % 12 + 1, ":", padded(minute, 2),
                np.where(hour < 12, " AM", " PM"))


def clock_time(seconds):
    """'HH:MM:00' of seconds after midnight (a time column; seconds are dropped)."""
    return CLOCK[np.asarray(seconds) // 60]


def dollars(cents):
    """'$1,234.50'."""
    whole, fraction = np.divmod(np.abs(cents), 100)
    thousands, units = np.divmod(whole, 1000)
    body = np.where(thousands > 0, text(thousands, ",", padded(units, 3)), units.astype(str))
    return text(np.where(np.asarray(cents) < 0, "-$", "$"), body, ".", padded(fraction, 2))


def tokens(rng, n, width, alphabet=ALPHANUMERIC):
    """n random strings of `width` characters of the alphabet."""
    drawn = np.ascontiguousarray(np.asarray(alphabet)[rng.integers(0, len(alphabet), (n, width))])
    return drawn.view(f"<U{width}").reshape(n)


def hex_ids(rng, n, widths, separator="-"):
    """Random hexadecimal strings in groups of the given widths (at most 12), e.g. GUIDs."""
    groups = [np.char.mod(f"%0{w}x", rng.integers(0, 16 ** w, n)) for w in widths]
    joined = groups[0]
    for group in groups[1:]:
        joined = joined + separator + group
    return joined


def signature_data(rng, topaz):
    """Signature data of a signed form or document: a Topaz pad's signature string (hex) or the on-screen
    signature box's encrypted points (base64). Random characters: they sign nothing real."""
    n = len(topaz)
    return np.where(topaz, tokens(rng, n, SIGNATURE_LENGTH, HEX), tokens(rng, n, SIGNATURE_LENGTH, BASE64))


def signature_hashes(rng, n):
    """The signature of a clinical note or treatment plan as OpenDental stores it: an encrypted hash of the
    signature (64 hexadecimal digits)."""
    digits = np.array(list("0123456789ABCDEF"))[rng.integers(0, 16, (n, 64), dtype=np.uint8)]
    return np.ascontiguousarray(digits).view("<U64").ravel()
