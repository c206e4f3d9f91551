"""Which volumes --volume can set, the range the practice can produce for each, and what drives the others.

An overridable volume is met exactly. Its range scales with the practice: its patients, and for the visits and
what they chart the years it has been open (its history and the window). A count outside it is refused before anything connects, with the
range; inside it the generator steers and trims to the count. Without --volume the visits follow the patients'
behaviour and the defaults of VOLUMES are what that behaviour produces (procedures, commlogs and documents are
filled to theirs).

The other tables are consequences of the practice's events, not targets: a plan and subscriber per insured
patient, a claim per insured visit, a claimproc per claimed procedure and plan, a payment when a bill is
paid... Their defaults in VOLUMES are what a 5,000-patient practice shows; --volume refuses them and names
the option that moves them.
"""
from core.errors import UserError

# name: the lowest and highest count, each `patients * (per_patient + per_patient_year * simulated years)` (the
# years since the practice opened). Measured (seed 7: 150 patients to 2025-06-30, 1,000 to 2026-11-30, both with
# three years of history): the book needs every patient's first visit and the treatment planned (3.2-3.4
# appointments a patient), the attendance at its highest books 1.8 a patient-year; the visits booked need 17-19
# procedures a patient; recalls and referrals are at most one per patient and kind; payments at most one per
# split; the signed treatment plans are filed as documents (0.4 a patient-year); the rest can be topped up.
RANGES = {
    "appointments": ((3.3, 0.2), (0.2, 1.65)),
    "procedures": ((6.0, 2.6), (10.0, 6.0)),
    "documents": ((0.05, 0.45), (4.0, 4.0)),
    "recalls": ((0.01, 0.0), (1.5, 0.0)),
    "referral_attachments": ((0.005, 0.0), (0.5, 0.0)),
    "commlogs": ((0.01, 0.0), (40.0, 0.0)),
    "payments": ((0.05, 0.08), (0.4, 1.5)),
    "adjustments": ((0.045, 0.1), (0.05, 0.22)),
}
DRIVEN = {
    "patient_plans": "one per insured patient and plan: set the insured share with --coverage-rate",
    "subscribers": "one per policy holder of the insured families: set the insured share with --coverage-rate",
    "claims": "one per insured visit with completed work: set --coverage-rate or --completion-rate",
    "claimprocs": "one per claimed procedure and plan, plus payments: set --coverage-rate or --completion-rate",
    "claim_payments": "one per carrier check paying claims: set --coverage-rate",
    "paysplits": "one per procedure a payment pays: set --patients or --volume procedures",
}


class VolumeNotReached(UserError):
    """The practice could not produce a volume inside its range (the run is rolled back)."""


def overridable():
    return list(RANGES)


def feasible(config, name):
    """The (lowest, highest) count of an overridable volume in one office of the practice."""
    years = config.simulated_years
    (low, low_yearly), (high, high_yearly) = RANGES[name]
    return (max(1, round(config.patients * (low + low_yearly * years))),
            max(1, int(config.patients * (high + high_yearly * years))))


def problems(config):
    """One line per --volume the practice cannot meet: a driven table, or a count outside its range."""
    found = []
    for name, count in config.volume_overrides.items():
        given = config.sources.get(f"volume:{name}", f"--volume {name}")
        if name in DRIVEN:
            found.append(f"{given} cannot be set: {name} is {DRIVEN[name]}")
            continue
        ranges = [feasible(office, name) for office in config.offices()]
        low, high = sum(r[0] for r in ranges), sum(r[1] for r in ranges)
        if not all(r[0] <= office.volume(name) <= r[1] for r, office in zip(ranges, config.offices())):
            found.append(f"{given} asks for {count:,}, outside what {config.patients:,} patients from "
                         f"{config.start_date} to {config.end_date} can produce: {low:,} to {high:,}")
    return found


def check(config):
    found = problems(config)
    if found:
        raise UserError(found[0])
