"""Simulated time: every date and timestamp derives from the event it belongs to, never from the clock.

Days are numpy datetime64[D]; timestamps datetime64[s]. OpenDental writes 0001-01-01 for "no date".
"""
import numpy as np

from core.config import END_OF_DAY

CLOSING_HOUR = END_OF_DAY.hour  # "now" is the end of the simulated day's office hours

NO_DATE = np.datetime64("0001-01-01", "D")
NO_TIME = np.datetime64("0001-01-01T00:00:00", "s")
MINUTE = np.timedelta64(60, "s")


def day(text):
    return np.datetime64(text, "D")


def day_in_window(ctx, text):
    """A calendar day clamped into the run's [start, today] window."""
    return min(max(day(text), ctx.start), ctx.today)


def stamp(days, seconds=0):
    """Timestamps: a day (or array of days) plus seconds after midnight."""
    return np.asarray(days).astype("datetime64[s]") + np.asarray(seconds).astype("timedelta64[s]")


HOLIDAYS = (  # the office closes; name, and a fixed month-day (taken on Friday or Monday when on a weekend)
    ("New Year's Day", "01-01"), ("Memorial Day", ("06", "Mon", -1)), ("Independence Day", "07-04"),  # or
    ("Labor Day", ("09", "Mon", 0)), ("Thanksgiving Day", ("11", "Thu", 3)), ("Christmas Day", "12-25"))  # (month, weekday, nth)


def weekday(days):
    """Monday 0 ... Sunday 6 (1970-01-01 was a Thursday)."""
    return (np.asarray(days).astype("datetime64[D]").astype(np.int64) + 3) % 7


def us_holidays(first, last):
    """Observed dates and names of the HOLIDAYS between two days."""
    dates, names = [], []
    for year in range(int(str(first)[:4]), int(str(last)[:4]) + 2):
        for name, rule in HOLIDAYS:
            if isinstance(rule, str):
                fixed = np.datetime64(f"{year}-{rule}")
                dates.append(fixed + {5: -1, 6: 1}.get(int(weekday(fixed)), 0))
            else:
                month, day_name, nth = rule
                dates.append(np.busday_offset(f"{year}-{month}", nth, roll="forward", weekmask=day_name))
            names.append(name)
    dates, names = np.array(dates, dtype="datetime64[D]"), np.array(names)
    inside = (dates >= first) & (dates <= last)
    return dates[inside], names[inside]


CLOSED = us_holidays(day("1990-01-01"), day("2100-12-31"))[0]


def is_open(days):
    """Whether the office is open: Monday to Friday, not a holiday."""
    return np.is_busday(days, holidays=CLOSED)


def open_day_offset(days, offsets, roll="forward", weekmask="1111100"):
    """np.busday_offset over the days the office is open (holidays closed)."""
    return np.busday_offset(days, offsets, roll=roll, weekmask=weekmask, holidays=CLOSED)


def business_days(first, last):
    """Every day the office is open from first to last inclusive."""
    days = np.arange(first, last + 1, dtype="datetime64[D]")
    return days[is_open(days)]


def clamp(days, low, high):
    return np.minimum(np.maximum(days, low), high)




def end_of_today(ctx):
    """The last moment of the run: today at closing time."""
    return stamp(ctx.today, CLOSING_HOUR * 3600)


def at_hours(rng, days, first_hour, last_hour):
    """Timestamps on the given days between two hours of the day."""
    return stamp(days, rng.integers(first_hour * 3600, last_hour * 3600, len(days)))


def office_hours(rng, days):
    """Timestamps on the given days while the office is open (8:00 to 17:00)."""
    return at_hours(rng, days, 8, 17)


def day_between(rng, first, last):
    """A uniformly drawn day from first to last inclusive (arrays)."""
    span = (last - first).astype(np.int64) + 1
    return first + (rng.random(len(span)) * span).astype(np.int64).astype("timedelta64[D]")


def days(amount):
    """Days, rounded to the nearest whole day, as timedelta64[D]."""
    return np.rint(amount).astype(int).astype("timedelta64[D]")


def whole_days(amount):
    """The whole days in each amount (fractions dropped) as timedelta64[D]."""
    return np.asarray(amount).astype(np.int64).astype("timedelta64[D]")


def seconds_after_midnight(moments):
    """Seconds of each timestamp since its day began (int64)."""
    return (moments - moments.astype("datetime64[D]")).astype(np.int64)


def seconds(amount):
    """The whole seconds in each amount (fractions dropped) as timedelta64[s]."""
    return np.asarray(amount).astype(np.int64).astype("timedelta64[s]")


def random_minutes(rng, low, high, n):
    """n durations drawn between `low` and `high` minutes, to the second (timedelta64[s])."""
    return (rng.integers(low * 60, high * 60, n)).astype("timedelta64[s]")


def office_day(days, last):
    """The day when the office is open that day, else its next open day; the open day before when the next one is
    after `last` (work done by `last`, e.g. today)."""
    later = open_day_offset(days, 0, roll="forward")
    return np.where(later <= last, later, open_day_offset(days, 0, roll="backward"))
