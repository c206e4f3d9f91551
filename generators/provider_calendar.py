"""The providers' calendar: who works which day, in which hours and which chair. Computed once per office,
when the clinical phase books (clinical/booking.py lays the appointments on it), and handed over as
ctx.practice.calendar (handover.ProviderCalendar) to the supporting phase, whose provider schedules are its
rows - so the book and the schedule agree by construction.

- Days: the office's open days (weekdays, not the observed holidays of timeline.py) from ctx.start to well
  past the book's horizon.
- A week, set anew each calendar year: each provider works as many weekdays as their own patients' visits
  need in a busy quarter of that year, so that about TARGET_UTILISATION of their time is booked then (a dentist
  busy with the opening years' first treatment works more days then than once the practice is settled; the
  book ahead keeps the last year's week) - full days, a half day (the morning only)
  for the fraction of a day, or for a very small practice one day every second to fourth week; the other weekdays are their
  regular days off. Hygienists take the weekdays most dentists work: a hygiene visit ends with the dentist's
  exam, so a hygienist works only when a dentist is in (on a half day of every dentist, the morning).
- Hours: 08:00-12:00 and 13:00-17:00, lunch in between; a half day 08:00-12:00. Every appointment starts on
  the book's GRID_MINUTES grid and lasts a multiple of it.
- Vacations: VACATION_WEEKS weeks a year per dentist, in the seasons practices close (summer, the year-end
  holidays, spring break); each hygienist takes a dentist's.
- Chairs: each provider works in their own chair of their kind (hygiene or doctor) in the clinic of the
  patient; foundation.operatories gives every clinic a chair per provider of each kind.
"""

import numpy as np

from .handover import ProviderCalendar
from .parameters import parameters
from .timeline import business_days, weekday

GRID_MINUTES = 10
MORNING = (8 * 60, 12 * 60)  # minutes after midnight
AFTERNOON = (13 * 60, 17 * 60)
FULL_DAY_MINUTES = (MORNING[1] - MORNING[0]) + (AFTERNOON[1] - AFTERNOON[0])
CALENDAR_DAYS_AHEAD = 730  # past today: the book never pushes a visit further
QUARTER_DAYS = 91
# a year's days are set for a busy quarter of it, not the busiest: a hygienist's, and a dentist's
HYGIENIST_BUSY_PERCENTILE, DENTIST_BUSY_PERCENTILE = 75, 90
# a vacation week holds a day drawn from each range (days after 1 January): July-August, the week after
# Christmas week (the one holding 22-23 December), April
VACATION_SEASONS = ((181, 237), (356, 357), (90, 115))
LONGEST_PERIOD_WEEKS = 4  # a provider of a tiny practice works at least one day every four weeks (a power of 2)
TARGET_UTILISATION, VACATION_WEEKS = parameters("provider_calendar.target_utilisation",
                                                "provider_calendar.vacation_weeks")


def plan(ctx, provider, minutes, day):
    """The office's calendar from the demand on the book: per appointment (`provider`: ProvNum, `minutes`,
    wished `day`). Each year has its own week, from that year's demand."""
    rng = ctx.rng("provider-calendar")
    providers = ctx.practice.providers
    people = np.concatenate([providers.dentists, providers.hygienists])
    hygienist = np.arange(len(people)) >= len(providers.dentists)
    days = business_days(ctx.start, ctx.today + CALENDAR_DAYS_AHEAD)
    years = days.astype("datetime64[Y]")
    needed = days_a_week(ctx, people, hygienist, provider, minutes, day, np.unique(years))
    # a dentist is in whenever a hygienist works: the dentists together work at least the busiest hygienist's days
    needed[~hygienist] = np.maximum(needed[~hygienist], needed[hygienist].max(axis=0, initial=0) / (~hygienist).sum())
    works, half = weekly(rng, days, np.searchsorted(np.unique(years), years), needed, hygienist)
    works &= ~vacations(rng, days, hygienist)
    present, present_all_day = works[~hygienist].any(axis=0), (works & ~half)[~hygienist].any(axis=0)
    works[hygienist] &= present
    half[hygienist] |= ~present_all_day
    chair = np.where(hygienist, np.cumsum(hygienist), np.cumsum(~hygienist)) - 1
    return ProviderCalendar(providers=people, hygienist=hygienist, days=days, works=works, half=half & works,
                            chair=chair, worked=np.flatnonzero(works.ravel()))


def on_duty(calendar, provider, day, pinned):
    """The provider of each visit, those `pinned` to their day (a first visit on the DateFirstVisit written) going
    to the providers of their kind at work that day, in turn; when nobody of its kind works then, it stays with
    its own provider, on their next working day (booking.chairs_and_times)."""
    rows = row_of(calendar, provider[pinned])
    column = np.searchsorted(calendar.days, day[pinned])
    kind = calendar.hygienist[rows]
    same_kind = calendar.works[:, column] & (calendar.hygienist[:, None] == kind[None, :])
    rows = np.where(same_kind.any(axis=0), shared_out(same_kind, column, kind), rows)
    provider = provider.copy()
    provider[pinned] = calendar.providers[rows]
    return provider


def shared_out(candidates, column, kind):
    """Per visit (a column of `candidates`: the providers it may go to), one of its candidates, the visits of
    the same day and kind taking them in turn."""
    order = np.lexsort((kind, column))
    key = column[order] * 2 + kind[order]
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - np.searchsorted(key, key)
    taken = np.cumsum(candidates, axis=0)
    return np.argmax(taken > rank % np.maximum(taken[-1], 1), axis=0)  # (no candidate: row 0, unused)


def days_a_week(ctx, people, hygienist, provider, minutes, day, years):
    """Working days a week each provider needs at the target utilisation (float) in each of `years`
    (datetime64[Y]): for a busy quarter of that year, the full quarters before today only (the book ahead is
    still filling; a quarter's backlog would push visits on for months). A year with no full quarter before
    today (the last ones, the book ahead) takes the latest year that has one."""
    inside = (day >= ctx.start) & (day < ctx.today)
    quarter = (day[inside] - ctx.start).astype(int) // QUARTER_DAYS
    quarters = max(int((ctx.today - ctx.start).astype(int) // QUARTER_DAYS), 1)
    full = quarter < quarters  # a last, partial quarter is left out
    demand = np.zeros((len(people), quarters))
    np.add.at(demand, (np.searchsorted(people, provider[inside][full]), quarter[full]), minutes[inside][full])
    quarter_starts = ctx.start + np.arange(quarters) * QUARTER_DAYS
    year_of_quarter = np.searchsorted(years, quarter_starts.astype("datetime64[Y]"))
    busy = np.zeros((len(people), len(years)))
    for y in range(len(years)):
        of_year = demand[:, year_of_quarter == min(y, year_of_quarter.max())]
        busy[:, y] = np.where(hygienist, np.percentile(of_year, HYGIENIST_BUSY_PERCENTILE, axis=1),
                              np.percentile(of_year, DENTIST_BUSY_PERCENTILE, axis=1))
    weeks = QUARTER_DAYS / 7
    open_share = len(business_days(ctx.start, ctx.today)) / max((ctx.today - ctx.start).astype(int) * 5 / 7, 1)
    available = open_share * (1 - VACATION_WEEKS / 52)
    return busy / weeks / (FULL_DAY_MINUTES * TARGET_UTILISATION * available)


def weekly(rng, days, year, needed, hygienist):
    """Whether each provider works each day, and whether it is a half day: in each year (`year`, per day: its
    column of `needed`) that year's `needed` days a week rounded up to half days (full days and at most one
    half day), or below half a day a full day every few weeks; on weekdays of their own, the same from year to
    year as far as the days allow (hygienists on the dentists' busiest weekdays)."""
    order = rng.random((len(needed), 5)).argsort(axis=1)  # each provider's weekdays in order of preference
    phase = rng.integers(0, LONGEST_PERIOD_WEEKS)  # one for the office: part-timers' weeks coincide
    week = (days.astype(np.int64) + 3) // 7  # weeks numbered from a Monday
    works = np.zeros((len(needed), len(days)), dtype=bool)
    half = np.zeros_like(works)
    for y in range(needed.shape[1]):
        of_year = year == y
        works[:, of_year], half[:, of_year] = week_of_year(needed[:, y], order, hygienist, weekday(days[of_year]),
                                                           week[of_year] + phase)
    return works, half


def week_of_year(needed, order, hygienist, weekdays, weeks):
    """weekly for one year's days (their `weekdays` and `weeks`): at work, and on a half day."""
    capacity = np.clip(np.ceil(needed * 2) / 2, 1, 5)
    full = np.floor(capacity).astype(int)
    half_day = (capacity > full).astype(int)
    # every second or fourth week (a power of two): a part-timer's weeks are among those of anyone working more
    # often (the office's weeks share one phase), so a hygienist's days fall on weeks their dentist works
    every = np.exp2(np.floor(np.log2(1 / np.clip(needed, 1 / LONGEST_PERIOD_WEEKS, 1))))
    period = np.where(needed <= 0.5, every, 1).astype(int)
    dentist_days = np.zeros(5)
    rank = np.empty((len(needed), 5), dtype=int)
    for p in np.argsort(hygienist, kind="stable"):  # dentists first, each on the weekdays the others work least;
        busiest = np.lexsort((order[p], -dentist_days))  # hygienists on the days most dentists work all day
        preference = busiest if hygienist[p] else busiest[::-1]
        rank[p, preference] = np.arange(5)
        if not hygienist[p]:
            dentist_days[preference[:full[p]]] += 1
            dentist_days[preference[full[p]:full[p] + half_day[p]]] += 0.5
    week_rank = rank[:, weekdays]
    works = (week_rank < (full + half_day)[:, None]) & (weeks[None, :] % period[:, None] == 0)
    return works, works & (week_rank == full[:, None])


def vacations(rng, days, hygienist):
    """Per provider and day: on vacation, VACATION_WEEKS weeks each year, one in each of the first of
    VACATION_SEASONS (a summer week, Christmas week, a spring-break week); a hygienist
    takes the weeks of a dentist, when the office is closed to hygiene anyway."""
    week = (days.astype(np.int64) + 3) // 7  # weeks from Monday to Sunday
    first, last = week.min(), week.max()
    n_dentists = (~hygienist).sum()
    seasons = np.array(VACATION_SEASONS[:int(VACATION_WEEKS)])
    away = np.zeros((n_dentists, last - first + 1), dtype=bool)
    years = np.arange(days.min().astype("datetime64[Y]"), days.max().astype("datetime64[Y]") + 1)
    for new_year in years.astype("datetime64[D]").astype(np.int64).tolist():
        weeks = (new_year + rng.integers(seasons[:, 0], seasons[:, 1], (n_dentists, len(seasons))) + 3) // 7
        away[np.arange(n_dentists)[:, None], np.clip(weeks, first, last) - first] = True
    whose = np.where(hygienist, np.cumsum(hygienist) - 1, np.arange(len(hygienist))) % n_dentists
    return away[whose][:, week - first]


def row_of(calendar, provider):
    """The calendar row of each ProvNum."""
    order = np.argsort(calendar.providers)
    return order[np.searchsorted(calendar.providers, provider, sorter=order)]


def working_day(calendar, row, day, later=0):
    """The provider's working day on or after `day` (later=0), the `later`-th working day after it, or for a
    negative `later` the -`later`-th working day before it (the provider's first or last day at the ends)."""
    n_days, worked = len(calendar.days), calendar.worked
    key = row * n_days + np.searchsorted(calendar.days, day)
    later = np.broadcast_to(later, len(key))
    position = np.where(later > 0, np.searchsorted(worked, key, side="right") + later - 1,
                        np.searchsorted(worked, key, side="left") + np.minimum(later, 0))
    first_of_row = np.searchsorted(worked, row * n_days, side="left")
    last_of_row = np.searchsorted(worked, (row + 1) * n_days, side="left") - 1
    return calendar.days[worked[np.clip(position, first_of_row, last_of_row)] % n_days]


def working_day_before(calendar, row, day, limit, later=0, back=1):
    """working_day, except that a day before `limit` stays before it: it goes `back` working days earlier
    instead (a visit that has taken place stays before today)."""
    after = working_day(calendar, row, day, later)
    before = working_day(calendar, row, day, -np.asarray(back))
    return np.where((day < limit) & (after >= limit) & (before < day), before, after)


def provider_days(calendar, row, day):
    """One key per provider and day: row * days + the day's index."""
    return row.astype(np.int64) * len(calendar.days) + np.searchsorted(calendar.days, day)


def sessions(calendar, provider_day):
    """How long the morning and the afternoon of each provider-day (provider_days) last, in minutes (an
    afternoon of 0 on a half day)."""
    half = calendar.half.ravel()[provider_day]
    return MORNING[1] - MORNING[0], np.where(half, 0, AFTERNOON[1] - AFTERNOON[0])
