"""Simulated time: every date and timestamp derives from the event it belongs to, never from the clock.

Days are numpy datetime64[D]; timestamps datetime64[s]. OpenDental writes 0001-01-01 for "no date".
"""
import numpy as np

NO_DATE = np.datetime64("0001-01-01", "D")
NO_TIME = np.datetime64("0001-01-01T00:00:00", "s")


def day(text):
    return np.datetime64(text, "D")


def day_in_window(ctx, text):
    """A calendar day clamped into the run's [start, today] window."""
    return min(max(day(text), ctx.start), ctx.today)


def stamp(days, seconds=0):
    """Timestamps: a day (or array of days) plus seconds after midnight."""
    return np.asarray(days).astype("datetime64[s]") + np.asarray(seconds).astype("timedelta64[s]")


def business_days(first, last):
    """Every Monday to Friday from first to last inclusive."""
    return np.arange(first, last + 1, dtype="datetime64[D]")[np.is_busday(np.arange(first, last + 1, dtype="datetime64[D]"))]


def clamp(days, low, high):
    return np.minimum(np.maximum(days, low), high)
