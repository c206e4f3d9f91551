"""The metrics of a practice that lives through the years (issue 15): each one computed on a small practice built
by hand in an empty raw schema, where the answer is known, so a metric that measures the wrong thing fails."""
from datetime import date, datetime, timedelta

import numpy as np
import psycopg2
import pytest

from checks import fidelity, fidelity_living, fidelity_sets
from core import database
from core.config import GeneratorConfig
from generators import timeline
from opendental.codes import AptStatus, CommItemMode, CommItemSource, PatStatus, ProcStatus, ScheduleType
from opendental.definitions import DefCat, defnum

START, TODAY = date(2024, 1, 1), date(2025, 6, 30)   # the window of every hand-built practice
CODES = ["D0120", "D0140", "D0145", "D0150", "D0210", "D0220", "D0230", "D0330", "D1110", "D2391", "D2392",
         "D2740", "D4341", "D4910", "D5110", "D6010", "D7140", "D7210", "D7953", "D9230", "~GRP~"]
BY_NAME = {m.name: m for m in fidelity_living.LIVING_PRACTICE}
PLANNED = ProcStatus.TREATMENT_PLANNED


class Practice:
    """An empty raw schema and run marker (window START to TODAY) and helpers that insert rows."""

    def __init__(self, connection):
        self.connection, self.cursor = connection, connection.cursor()
        self.ids = iter(range(1, 10**6))
        self.executemany('INSERT INTO raw.procedurecode ("CodeNum", "ProcCode") VALUES (%s, %s)',
                         list(enumerate(CODES, 1)))

    def executemany(self, sql, rows):
        self.cursor.executemany(sql, rows)

    def insert(self, table, **columns):
        names = ", ".join(f'"{c}"' for c in columns)
        self.cursor.execute(f"INSERT INTO raw.{table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})",
                            list(columns.values()))

    def patient(self, born="1980-01-01", guarantor=None, status=PatStatus.PATIENT, first_visit="0001-01-01", entered="2015-01-01",
                **columns):
        number = next(self.ids)
        self.insert("patient", PatNum=number, Guarantor=guarantor or number, Birthdate=born, PatStatus=status,
                    DateFirstVisit=first_visit, SecDateEntry=entered, **columns)
        return number

    def procedure(self, patient, day, code, tooth="", status=ProcStatus.COMPLETE, fee=100, visit=0):
        self.insert("procedurelog", ProcNum=next(self.ids), PatNum=patient, ProcDate=day, ProcStatus=status,
                    CodeNum=CODES.index(code) + 1, ToothNum=tooth, ProcFee=fee, AptNum=visit)

    def visit(self, patient, when, status=AptStatus.COMPLETE, slots=6, hygiene=False, dentist=1, hygienist=0, entered=None):
        number = next(self.ids)
        when = datetime.fromisoformat(str(when))
        self.insert("appointment", AptNum=number, PatNum=patient, AptDateTime=when, AptStatus=status,
                    Pattern="X" * slots, IsHygiene=hygiene, ProvNum=dentist, ProvHyg=hygienist,
                    SecDateTEntry=entered or when - timedelta(days=20))
        return number

    def measure(self, name):
        with fidelity_sets.built(self.cursor):
            self.cursor.execute(BY_NAME[name].sql)
            value, cases, *_ = self.cursor.fetchone()
        return (None if value is None else round(float(value), 4)), int(cases)


@pytest.fixture
def practice(server, schema_database):
    connection = psycopg2.connect(dbname=schema_database, **server)
    config = GeneratorConfig(patients=10, seed=1, start_date=START, end_date=TODAY)
    database.begin_run(connection, config, tables=None)
    yield Practice(connection)
    connection.rollback()
    connection.close()


def months(first, count):
    return [date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 15) for i in range(count)]


def test_steady_state_compares_the_first_window_months_with_the_median_month(practice):
    patient = practice.patient()
    window = months(START, 18)
    for month, visits in zip(window, [5, 10, 12] + [10] * 15):
        for _ in range(visits):
            practice.visit(patient, f"{month} 09:00")
    for _ in range(50):
        practice.visit(patient, "2023-12-15 09:00")                       # history before the window is left out
    practice.procedure(patient, "2023-06-01", "D2740", fee=10_000)
    for month in window:
        for _ in range(10):
            practice.procedure(patient, month, "D1110", fee=130 if month == window[0] else 100)
        for _ in range(6 if month == window[1] else 3):
            practice.insert("payment", PayNum=next(practice.ids), PatNum=patient, PayDate=month, PayAmt=100)
        if month != window[2]:
            practice.insert("claimpayment", ClaimPaymentNum=next(practice.ids), CheckDate=month, CheckAmt=500)
    assert practice.measure("first window months / median month: completed visits") == (0.5, 10)
    fees = np.array([130] * 10 + [100] * 170)                              # the window's, not the history's crown
    evenness = fees.mean() ** 2 / np.mean(fees ** 2)
    assert practice.measure("first window months / median month: production") == (1.3, int(10 * evenness))
    assert practice.measure("first window months / median month: patient collections") == (2.0, 3)
    assert practice.measure("first window months / median month: insurance collections") == (0.0, 1)


def test_steady_state_needs_six_window_months(practice):
    practice.cursor.execute("""UPDATE dental_synth.generator_run SET options = options || '{"end_date": "2024-05-31", "as_of": "2024-05-31T18:00:00"}'""")
    patient = practice.patient()
    for month in months(START, 5):
        practice.visit(patient, f"{month} 09:00")
    assert practice.measure("first window months / median month: completed visits") == (1.0, 0)


def test_start_day_bookings_and_recalls_without_a_visit(practice):
    patient = practice.patient()
    for _ in range(3):
        practice.visit(patient, "2024-02-01 09:00", status=AptStatus.BROKEN, entered=datetime(2024, 1, 1, 8))
    for _ in range(10):
        practice.visit(patient, "2024-02-15 09:00", entered=datetime(2024, 1, 26, 8))
    practice.visit(patient, "2024-03-15 09:00", entered=datetime(2024, 2, 24, 8))   # after the first 30 days
    assert practice.measure("appointments entered on the window's first day, of its first 30 days") == (0.2308, 13)
    practice.insert("recalltype", RecallTypeNum=1, Description="Prophy")
    practice.insert("recalltrigger", RecallTriggerNum=1, RecallTypeNum=1, CodeNum=CODES.index("D1110") + 1)
    other = practice.patient()
    practice.procedure(patient, "2022-07-01", "D1110", status=ProcStatus.EXISTING_OTHER_PROVIDER)  # charted as found
    practice.procedure(patient, "2023-07-01", "D1110")
    practice.procedure(patient, "2023-08-01", "D0150")                                 # not a trigger of Prophy
    practice.procedure(patient, "2023-09-01", "D1110", status=PLANNED)
    practice.procedure(other, "2022-07-01", "D1110", status=ProcStatus.EXISTING_OTHER_PROVIDER)
    for patient_, previous in ((patient, "2023-07-01"), (patient, "2022-07-01"), (patient, "2023-08-01"),
                               (patient, "2023-09-01"), (patient, "0001-01-01"), (other, "2022-07-01"),
                               (practice.patient(), "0001-01-01")):
        practice.insert("recall", RecallNum=next(practice.ids), PatNum=patient_, RecallTypeNum=1, DatePrevious=previous)
    assert practice.measure("recalls whose DatePrevious is not their last trigger procedure (must be 0)") == (4, 7)


def test_returning_patients_and_the_prebooked_book(practice):
    seen = practice.patient(first_visit="2020-01-01")
    practice.visit(seen, "2025-03-01 09:00")
    lapsed = practice.patient(first_visit="2020-01-01")
    practice.visit(lapsed, "2023-05-01 09:00")
    practice.visit(practice.patient(first_visit="2020-01-01"), "2025-02-01 09:00", status=AptStatus.BROKEN) # a no-show
    practice.patient(first_visit="2025-01-01")                              # new this year: not judged
    practice.patient(first_visit="2020-01-01", status=PatStatus.INACTIVE)                    # inactive
    assert practice.measure("active patients seen in the last 12 months") == (0.3333, 3)
    booked, unbooked, earlier = practice.patient(), practice.patient(), practice.patient()
    for month in months(date(2024, 7, 1), 12):
        practice.visit(earlier, f"{month} 10:00", hygiene=True)
    practice.visit(earlier, "2023-01-10 10:00", hygiene=True)              # more than a year ago
    for patient in (booked, unbooked):
        practice.visit(patient, "2025-05-02 10:00", hygiene=True)
    for when in ("2025-11-03 10:00", "2025-12-01 10:00", "2026-01-05 10:00", "2025-06-30 15:00"):
        practice.visit(booked, when, status=AptStatus.SCHEDULED, hygiene=True)
    practice.visit(unbooked, "2025-08-01 10:00", status=AptStatus.SCHEDULED)  # not a hygiene visit
    assert practice.measure("pre-booked hygiene: months of hygiene in the future book") == (round(4 / 14 * 12, 4), 14)
    assert practice.measure("hygiene patients of the last 6 months with their next visit booked") == (0.3333, 3)


def test_emergency_new_patients_lapses_and_attrition(practice):
    emergency = practice.patient(first_visit="2024-03-01")
    practice.procedure(emergency, "2024-03-01", "D0140")
    routine = practice.patient(first_visit="2024-04-01")
    practice.procedure(routine, "2024-04-01", "D0150")
    practice.procedure(routine, "2024-09-01", "D0140")                     # a later emergency is not the first visit
    established = practice.patient(first_visit="2019-01-01")
    practice.procedure(established, "2024-02-01", "D0140")
    assert practice.measure("new patients arriving as emergencies (D0140 on the first visit)") == (0.5, 2)
    for day in ("2021-01-05", "2022-11-01", "2023-02-01"):
        practice.visit(emergency, f"{day} 09:00")
    for day in ("2024-01-05", "2024-07-01"):
        practice.visit(routine, f"{day} 09:00")
    practice.visit(established, "2024-01-05 09:00")
    assert practice.measure("patients back after a lapse of 18+ months") == (0.5, 2)
    assert practice.measure("inactive share of patients") == (0.0, 3)


def test_denture_arches_get_no_natural_tooth_work(practice):
    patient = practice.patient(born="1945-01-01")
    practice.procedure(patient, "2024-03-01", "D5110")
    practice.procedure(patient, "2024-03-01", "D7140", tooth="5")           # extracted before the denture
    practice.procedure(patient, "2024-03-01", "D2391", tooth="8")
    practice.procedure(patient, "2024-05-01", "D2391", tooth="3")
    practice.procedure(patient, "2024-05-01", "D2391", tooth="19")          # the other arch
    practice.procedure(patient, "2024-01-01", "D2391", tooth="4")           # before the denture
    assert practice.measure("natural-tooth work in an arch after its complete denture (must be 0)") == (2, 1)


def test_children_teeth_follow_their_dentition(practice):
    child, older = practice.patient(born="2020-01-01"), practice.patient(born="2016-01-01")
    practice.procedure(child, "2024-06-01", "D2391", tooth="3")
    practice.procedure(child, "2024-06-01", "D2391", tooth="A")
    practice.procedure(child, "2024-07-01", "D2392", tooth="30", status=PLANNED)  # planned counts too
    practice.procedure(older, "2024-06-01", "D2391", tooth="3")
    assert practice.measure("permanent-tooth restorations on children under 6 (must be 0)") == (2, 3)
    practice.procedure(older, "2024-06-01", "D7953", tooth="K")
    practice.procedure(older, "2024-06-01", "D6010", tooth="B", status=PLANNED)
    practice.procedure(older, "2024-06-01", "D7953", tooth="19")
    assert practice.measure("ridge grafts or implants on primary teeth (must be 0)") == (2, 3)
    toddler = practice.patient(born="2022-01-01")
    practice.procedure(toddler, "2024-02-01", "D0150")
    practice.procedure(toddler, "2024-08-01", "D0145")
    practice.procedure(older, "2024-02-01", "D0150")
    assert practice.measure("D0150 on children under 3 (must be 0)") == (1, 2)


def test_an_extracted_tooth_is_never_treated_again(practice):
    patient = practice.patient()
    practice.procedure(patient, "2024-01-01", "D2392", tooth="14")
    practice.procedure(patient, "2024-02-01", "D7140", tooth="14")
    practice.procedure(patient, "2024-05-01", "D2392", tooth="14")
    practice.procedure(patient, "2024-07-01", "D7140", tooth="14")
    practice.procedure(patient, "2024-02-01", "D7140", tooth="30")
    practice.procedure(patient, "2024-05-01", "D2740", tooth="31")
    practice.procedure(patient, "2024-05-01", "D6010", tooth="30")          # an implant replaces it
    assert practice.measure("treatment of a tooth after its extraction (must be 0)") == (2, 3)


def test_film_and_exam_frequencies(practice):
    first, second, third = practice.patient(), practice.patient(), practice.patient()
    practice.procedure(first, "2024-03-01", "D0220")
    practice.procedure(first, "2024-03-01", "D0220")
    practice.procedure(first, "2024-04-01", "D0220")
    practice.procedure(first, "2024-04-01", "D0230")
    practice.procedure(first, "2024-04-01", "D0220", status=PLANNED)     # planned that day for a later visit
    assert practice.measure("patient-days with D0220 twice (must be 0)") == (1, 2)
    for day, code in (("2020-01-01", "D0210"), ("2020-01-20", "D0330"), ("2024-01-01", "D0330")):
        practice.procedure(first, day, code)
    practice.procedure(second, "2024-02-01", "D0330")
    assert practice.measure("FMX or panoramic repeated within 30 days (must be 0)") == (1, 4)
    assert practice.measure("FMX or panoramic repeated within 3 years") == (0.25, 4)
    for day in ("2024-01-01", "2024-05-01", "2024-11-01"):
        practice.procedure(first, day, "D0120")
    for day in ("2024-01-01", "2024-07-01", "2025-01-15"):
        practice.procedure(second, day, "D0120")
    practice.procedure(third, "2024-01-01", "D0120")
    assert practice.measure("patients with 3 periodic exams inside 365 days (must be 0)") == (1, 3)


def test_no_age_cut_offs_and_srp_followed_by_maintenance(practice):
    senior, adult = practice.patient(born="1950-01-01"), practice.patient(born="1990-01-01")
    practice.procedure(senior, "2024-06-01", "D7210")
    practice.procedure(senior, "2024-06-01", "D9230")
    for _ in range(3):
        practice.procedure(adult, "2024-06-01", "D7210")
    practice.procedure(adult, "2024-06-01", "D9230")
    practice.procedure(adult, "2024-06-01", "D7210", status=PLANNED)  # planned only
    assert practice.measure("surgical extractions (D7210) on patients 65+") == (0.25, 4)
    assert practice.measure("nitrous (D9230) on patients 60+") == (0.5, 2)
    maintained, dropped, recent, before = (practice.patient() for _ in range(4))
    for patient, srp in ((maintained, "2024-01-01"), (dropped, "2024-01-01"), (recent, "2025-05-01"),
                         (before, "2024-06-01")):
        practice.procedure(patient, srp, "D4341")
    practice.procedure(maintained, "2024-04-01", "D4910")
    practice.procedure(before, "2024-05-01", "D4910")
    assert practice.measure("scaling and root planing followed by periodontal maintenance") == (0.3333, 3)


def test_visit_size_length_and_the_grid(practice):
    patient = practice.patient()
    big, nine, empty = (practice.visit(patient, "2024-03-04 09:00") for _ in range(3))
    for _ in range(10):
        practice.procedure(patient, "2024-03-04", "D2391", visit=big)
    for _ in range(9):
        practice.procedure(patient, "2024-03-04", "D2391", visit=nine)
    practice.procedure(patient, "2024-03-04", "~GRP~", visit=nine)          # a group note is not a procedure
    assert practice.measure("completed visits with 10+ procedures") == (0.3333, 3)
    practice.cursor.execute("TRUNCATE raw.appointment")
    for slots, status in ((36, AptStatus.COMPLETE), (35, AptStatus.COMPLETE), (40, AptStatus.BROKEN),
                          (40, AptStatus.UNSCHEDULED_LIST)):
        practice.visit(patient, "2024-03-04 09:00", status=status, slots=slots)
    assert practice.measure("appointments of 3 hours or more") == (0.6667, 3)
    practice.cursor.execute("TRUNCATE raw.appointment")
    for minute in ("00", "10", "15", "05", "45"):
        practice.visit(patient, f"2024-03-04 08:{minute}")
    assert practice.measure("appointment starts on the book's 10/15-minute grid") == (0.8, 5)


def schedule(practice, provider, day, *blocks):
    for start, stop in blocks:
        practice.insert("schedule", ScheduleNum=next(practice.ids), SchedType=ScheduleType.PROVIDER, ProvNum=provider,
                        SchedDate=day, StartTime=start, StopTime=stop)


def test_the_provider_calendar(practice):
    patient = practice.patient()
    schedule(practice, 1, "2024-03-04", ("08:00", "12:00"), ("13:00", "17:00"))
    schedule(practice, 1, "2024-03-05", ("08:00", "17:00"))
    schedule(practice, 1, "2024-03-06", ("08:00", "12:00"))                 # a half day needs no lunch
    schedule(practice, 1, "2024-03-08", ("08:00", "17:00"))                 # Thursday off
    schedule(practice, 1, "2025-07-01", ("08:00", "12:00"))                 # after today
    schedule(practice, 2, "2024-07-03", ("08:00", "17:00"))
    schedule(practice, 2, "2024-07-05", ("08:00", "17:00"))                 # July 4 closed between
    assert practice.measure("provider-days of 6+ hours with a lunch break") == (0.2, 5)
    assert practice.measure("open weekdays a provider is scheduled") == (round(6 / 7, 4), 7)
    for when, slots in (("2024-03-04 08:00", 12), ("2024-03-04 11:30", 12), ("2024-03-04 12:15", 6),
                        ("2024-03-04 13:00", 12)):
        practice.visit(patient, when, slots=slots)
    practice.visit(patient, "2024-03-04 09:00", hygiene=True, hygienist=3)  # the hygienist has no schedule
    assert practice.measure("appointments outside their provider's scheduled hours (must be 0)") == (3, 5)


def test_hygienist_load_and_booked_chair_time(practice):
    practice.insert("provider", ProvNum=1, IsSecondary=False)
    practice.insert("provider", ProvNum=3, IsSecondary=True)
    patient = practice.patient()
    for day, patients in (("2024-03-04", 8), ("2024-03-05", 6), ("2024-03-06", 3)):
        for hour in range(patients):
            practice.visit(patient, f"{day} {8 + hour:02d}:00", hygiene=True, hygienist=3)
    practice.visit(patient, "2024-03-04 08:00", hygiene=True, hygienist=1)  # a dentist cleaning teeth
    for day in ("2024-03-04", "2024-03-05"):
        schedule(practice, 3, day, ("08:00", "12:00"), ("13:00", "17:00"))
    schedule(practice, 3, "2024-03-06", ("08:00", "12:00"))                 # a half day: not a full day's load
    with fidelity_sets.built(practice.cursor):
        practice.cursor.execute(BY_NAME["patients per full hygienist-day"].sql)
        mean, days, sd = practice.cursor.fetchone()
    assert (mean, days, round(sd, 4)) == (7.0, 2, round(2 ** 0.5, 4))
    practice.cursor.execute("TRUNCATE raw.appointment, raw.schedule")
    schedule(practice, 1, "2024-03-04", ("08:00", "12:00"), ("13:00", "17:00"))
    schedule(practice, 1, "2024-03-05", ("08:00", "16:00"))
    practice.visit(patient, "2024-03-04 08:00", slots=24)
    practice.visit(patient, "2024-03-04 13:00", slots=24, status=AptStatus.BROKEN)  # a no-show still held the chair
    practice.visit(patient, "2024-03-04 15:00", slots=24, status=AptStatus.UNSCHEDULED_LIST)  # moved to the unscheduled list
    practice.visit(patient, "2024-03-05 08:00", slots=96)
    practice.visit(patient, "2024-03-06 08:00", slots=24)                   # no schedule that day
    assert practice.measure("booked share of scheduled provider time") == (0.75, 2)


CLOSED = ["2024-07-04", "2024-07-06", "2024-07-07", "2021-12-31", "2023-01-02", "2024-05-27", "2024-09-02",
          "2024-11-28", "2024-12-25"]
OPEN = ["2024-07-05", "2024-11-29", "2024-05-28", "2024-12-24", "2021-12-30"]


@pytest.mark.parametrize("label, table, column, extra", [
    ("insurance checks", "claimpayment", "CheckDate", {}),
    ("deposits", "deposit", "DateDeposit", {}),
    ("cash and check payments", "payment", "PayDate", {"PayType": defnum(DefCat.PAYMENT_TYPES, "Cash")}),
    ("adjustments", "adjustment", "AdjDate", {}),
    ("staff phone calls", "commlog", "CommDateTime", {"Mode_": CommItemMode.PHONE, "CommSource": CommItemSource.USER})])
def test_back_office_on_closed_days(practice, label, table, column, extra):
    key = {"claimpayment": "ClaimPaymentNum", "deposit": "DepositNum", "payment": "PayNum", "adjustment": "AdjNum",
           "commlog": "CommlogNum"}[table]
    for day in CLOSED + OPEN:
        practice.insert(table, **{key: next(practice.ids), column: day, **extra})
    if table == "payment":
        card = defnum(DefCat.PAYMENT_TYPES, "Credit Card")                  # paid online: any day
        practice.insert(table, PayNum=next(practice.ids), PayDate="2024-07-07", PayType=card)
    if table == "commlog":
        practice.insert(table, CommlogNum=next(practice.ids), CommDateTime="2024-07-07 10:00", Mode_=CommItemMode.TEXT,
                        CommSource=CommItemSource.APPOINTMENT_REMINDER)
    assert practice.measure(f"{label} on closed days") == (round(9 / 14, 4), 14)


def test_the_closed_days_are_the_timelines(practice):
    practice.cursor.execute(f"SELECT day FROM {fidelity_living.HOLIDAYS} h WHERE day BETWEEN '2000-01-01' AND '2099-12-31'")
    closed = sorted(np.datetime64(day, "D") for (day,) in practice.cursor.fetchall())
    inside = (timeline.CLOSED >= np.datetime64("2000-01-01")) & (timeline.CLOSED <= np.datetime64("2099-12-31"))
    expected = timeline.CLOSED[inside]
    assert closed == sorted(expected)


def test_phones_e_mail_and_ssn_of_a_real_patient_base(practice):
    first = practice.patient(WirelessPhone="(503)555-0101", HmPhone="(503)555-0103")
    practice.patient(guarantor=first, WirelessPhone="(503)555-0102")
    second = practice.patient(WirelessPhone="(971)555-0101", HmPhone="(503)555-0103")   # another family's home line
    practice.patient(guarantor=second)
    practice.patient()
    assert practice.measure("phone numbers shared by two families (must be 0)") == (1, 4)
    assert practice.measure("distinct cell numbers per family with a cell") == (1.5, 2)
    practice.cursor.execute("TRUNCATE raw.patient")
    parent = practice.patient(Email="parent@example.com", SSN="900000001")
    practice.patient(born="2017-01-01", guarantor=parent, Email="parent@example.com", SSN="900000002")
    practice.patient(born="2015-01-01", guarantor=parent, Email="kid@example.com", SSN="")
    practice.patient(born="2013-01-01", guarantor=parent, Email="", SSN="900000003")
    practice.patient(born="2010-01-01", guarantor=parent, Email="teen@example.com", SSN="")
    practice.patient(Email="", SSN="")
    assert practice.measure("children under 13 with an e-mail of their own") == (0.3333, 3)
    assert practice.measure("children under 18 with an SSN on file") == (0.5, 4)
    assert practice.measure("adults with an SSN on file") == (0.5, 2)


def test_records_follow_the_patients_life(practice):
    patient = practice.patient(entered="2024-03-01")
    practice.visit(patient, "2024-03-10 09:00", entered=datetime(2024, 2, 20, 9))
    practice.visit(patient, "2024-03-10 09:00", entered=datetime(2024, 3, 1, 9))
    practice.visit(patient, "2024-03-10 09:00", entered=datetime(1, 1, 1))
    assert practice.measure("appointments entered before their patient record (must be 0)") == (1, 2)
    practice.cursor.execute("TRUNCATE raw.patient")
    practice.patient(born="2024-05-01", entered="2024-04-01")
    practice.patient(born="2020-01-01", first_visit="2019-12-01", entered="2020-02-01")
    child = practice.patient(born="2010-01-01", entered="2012-01-01")
    practice.procedure(child, "2009-06-01", "D0120")
    assert practice.measure("records dated before the patient's birth (must be 0)") == (3, 3)
    practice.cursor.execute("TRUNCATE raw.patient")
    deceased, living = practice.patient(status=PatStatus.DECEASED), practice.patient()
    practice.patient(guarantor=deceased)
    practice.patient(guarantor=deceased, status=PatStatus.INACTIVE)
    practice.patient(guarantor=living)
    assert practice.measure("active dependants of a deceased or deleted guarantor (must be 0)") == (1, 2)


def test_fees_rise_yearly_and_discounts_are_round(practice):
    patient = practice.patient()
    for year, code, fee, count in ((2023, "D0120", 60, 12), (2024, "D0120", 63, 12), (2023, "D1110", 100, 10),
                                   (2024, "D1110", 103, 10), (2025, "D1110", 106.09, 10), (2024, "D0150", 90, 5),
                                   (2025, "D0150", 120, 5)):
        for _ in range(count):
            practice.procedure(patient, f"{year}-03-01", code, fee=fee)
    practice.procedure(patient, "2023-05-01", "D0120", fee=54)              # 10% off
    practice.procedure(patient, "2024-05-01", "D1110", fee=95)              # not a round share
    practice.procedure(patient, "2024-05-01", "D1110", fee=123)             # above the usual fee
    assert practice.measure("yearly change of a code's usual fee, median") == (0.03, 3)
    assert practice.measure("non-standard fees that are round-percentage discounts") == (0.3333, 3)


def test_counts_that_must_be_zero_fail_on_one_and_ratios_know_their_noise():
    zero = BY_NAME["treatment of a tooth after its extraction (must be 0)"]
    assert fidelity.evaluate(zero, (0, 5), None).status == "pass"
    assert fidelity.evaluate(zero, (1, 50_000), None).status == "FAIL"
    assert fidelity.evaluate(zero, (0, 0), None).status == "info"
    assert fidelity.format_value(1234, fidelity.evaluate(zero, (1234, 9), None)) == "1,234"
    ratio = BY_NAME["first window months / median month: completed visits"]
    assert fidelity.evaluate(ratio, (0.75, 400), None).status == "pass"     # 3 / sqrt(400) = 0.15 of noise
    assert fidelity.evaluate(ratio, (0.75, 40_000), None).status == "FAIL"
    assert fidelity.evaluate(ratio, (0.75, 10), None).status == "info"


def test_one_switch_gates_the_living_practice_metrics():
    informational = {"patients back after a lapse of 18+ months", "inactive share of patients",
                     "nitrous (D9230) on patients 60+", "booked share of scheduled provider time"}
    day = {"appointment starts on the book's 10/15-minute grid", "provider-days of 6+ hours with a lunch break",
           "open weekdays a provider is scheduled", "patients per full hygienist-day",
           "appointments outside their provider's scheduled hours (must be 0)"}
    assert {m.name for m in fidelity_living.LIVING_PRACTICE if m.gated != fidelity_living.GATED} == \
        informational | (day if not fidelity_living.DAY_GATED else set())
    assert all(m in fidelity.METRICS for m in fidelity_living.LIVING_PRACTICE)
    assert len({m.name for m in fidelity.METRICS}) == len(fidelity.METRICS)
