"""Which volumes --volume can set, the range the practice can produce for each, and what drives the others.

An overridable volume is met exactly. Its range scales with the practice: patients, and for the visits and
what they chart, the patient-years of the window. A value outside it
is refused before anything connects, with the range; inside it the generator steers and trims to the count.

The other tables are consequences of the practice's events, not targets: a plan and subscriber per insured
patient, a claim per insured visit, a claimproc per claimed procedure and plan, a payment when a bill is
paid... Their defaults in VOLUMES are what a 5,000-patient practice shows; --volume refuses them and names
the option that moves them.
"""
from core.errors import UserError

# name: (low, high) per patient-year of the window, or per patient for what is not kept up over time
PER_PATIENT_YEAR = {"appointments": (0.7, 1.6), "procedures": (2.5, 8.0), "documents": (0.5, 8.0)}
PER_PATIENT = {"recalls": (0.01, 1.5), "referral_attachments": (0.005, 0.5), "commlogs": (0.01, 40.0)}
DRIVEN = {
    "patient_plans": "one per insured patient and plan: set the insured share with --coverage-rate",
    "subscribers": "one per policy holder of the insured families: set the insured share with --coverage-rate",
    "claims": "one per insured visit with completed work: set --coverage-rate or --completion-rate",
    "claimprocs": "one per claimed procedure and plan, plus payments: set --coverage-rate or --completion-rate",
    "claim_payments": "one per carrier check paying claims: set --coverage-rate",
    "payments": "one per payment the patients make towards their balances: set --patients or --volume procedures",
    "paysplits": "one per procedure a payment pays: set --patients or --volume procedures",
    "adjustments": "the discounts, write-offs and fees the balances call for: set --patients or --volume procedures",
}


class VolumeNotReached(UserError):
    """The practice could not produce a volume inside its range (the run is rolled back)."""


def overridable():
    return [*PER_PATIENT_YEAR, *PER_PATIENT]


def feasible(config, name):
    """The (lowest, highest) count of an overridable volume in one office of the practice."""
    years = (config.end_date - config.start_date).days / 365.25
    if name in PER_PATIENT_YEAR:
        low, high = PER_PATIENT_YEAR[name]
        scale = config.patients * years
    else:
        low, high = PER_PATIENT[name]
        scale = config.patients
    return max(1, round(low * scale)), max(1, int(high * scale))


def problems(config):
    """One line per --volume the practice cannot meet: a driven table, or a count outside its range."""
    found = []
    for name, count in config.volume_overrides.items():
        if name in DRIVEN:
            found.append(f"--volume {name} cannot be set: it is {DRIVEN[name]}")
            continue
        ranges = [feasible(office, name) for office in config.offices()]
        low, high = sum(r[0] for r in ranges), sum(r[1] for r in ranges)
        if not all(r[0] <= office.volume(name) <= r[1] for r, office in zip(ranges, config.offices())):
            found.append(f"--volume {name}={count:,} is outside what {config.patients:,} patients from "
                         f"{config.start_date} to {config.end_date} can produce: {low:,} to {high:,}")
    return found


def check(config):
    found = problems(config)
    if found:
        raise UserError(found[0])
