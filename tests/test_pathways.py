"""Clinical pathways a dentist would sign (issue 15, item 3, and the filling surfaces of item 8): every rule is
checked over all the procedures of a generated practice."""
from types import SimpleNamespace

import numpy as np
import pytest

from conftest import first_office, one
from generators import foundation
from generators.clinical import treatment
from generators.clinical.teeth import TOOTH_AGES

PROCEDURES = """(SELECT l.*, c."ProcCode" AS code, (l."ProcDate" - p."Birthdate") / 365.25 AS age
                 FROM raw.procedurelog l JOIN raw.procedurecode c USING ("CodeNum") JOIN raw.patient p USING ("PatNum")
                 WHERE l."ProcStatus" IN (1, 2))"""
DONE = f"""(SELECT * FROM {PROCEDURES} d WHERE "ProcStatus" = 2)"""
SURFACES = {"D2140": 1, "D2330": 1, "D2391": 1, "D2150": 2, "D2331": 2, "D2392": 2, "D2160": 3, "D2332": 3,
            "D2393": 3, "D2161": 4, "D2335": 4, "D2394": 4}
ANTERIOR_TEETH = "'^([6-9]|1[01]|2[2-7]|[C-H]|[M-R])$'"
UPPER = "'^([1-9]|1[0-6]|[A-J])$'"


def values(pairs):
    return ", ".join(f"('{a}', {b})" for a, b in pairs)


def test_fillings_have_the_surfaces_their_code_says(practice_db):
    """1, 2, 3 or 4+ surfaces as the code says; anterior codes on front teeth, posterior ones on back teeth."""
    wrong = one(practice_db, f"""
        WITH need(code, surfaces) AS (VALUES {values(SURFACES.items())})
        SELECT count(*) FILTER (WHERE least(length("Surf"), 4) <> need.surfaces OR ("ToothNum" ~ {ANTERIOR_TEETH})
                                      <> (code IN ('D2330', 'D2331', 'D2332', 'D2335'))),
               count(*) FILTER (WHERE need.surfaces >= 3)
        FROM raw.procedurelog l JOIN raw.procedurecode c USING ("CodeNum") JOIN need ON need.code = c."ProcCode"
        WHERE "ProcStatus" <> 6""")
    assert wrong[0] == 0 and wrong[1] > 0


def test_teeth_are_ones_the_patient_has_at_that_age(practice_db):
    """No tooth is treated before it comes in, nor a primary tooth more than a year after it is usually shed;
    primary teeth get primary-tooth codes, and no ridge graft, implant or root canal."""
    ages = values((tooth, f"{comes_in}, {'NULL' if shed == np.inf else shed}")
                  for tooth, (comes_in, shed) in TOOTH_AGES.items())
    wrong = one(practice_db, f"""
        WITH tooth(num, comes_in, shed) AS (VALUES {ages})
        SELECT count(*) FILTER (WHERE age < comes_in OR age > shed + 1),
               count(*) FILTER (WHERE (code IN ('D2930', 'D3220')) <> (num ~ '^[A-T]$')
                                  AND code IN ('D2930', 'D3220', 'D7953', 'D6010', 'D3310', 'D3320', 'D3330')),
               count(*) FILTER (WHERE num ~ '^[A-T]$'), count(*) FILTER (WHERE age < 12 AND num ~ '^[0-9]+$')
        FROM {PROCEDURES} d JOIN tooth ON tooth.num = d."ToothNum" """)
    assert wrong[:2] == (0, 0) and wrong[2] > 0 and wrong[3] > 0


def test_under_threes_have_the_under_three_exam(practice_db):
    wrong = one(practice_db, f"""SELECT count(*) FILTER (WHERE (code = 'D0145') <> (age < 3)),
                                        count(*) FILTER (WHERE code = 'D0145')
                                 FROM {DONE} d WHERE code IN ('D0145', 'D0150', 'D0120')""")
    assert wrong[0] == 0 and wrong[1] > 0


def test_no_natural_tooth_work_in_an_arch_after_its_complete_denture(practice_db):
    """Nothing on a tooth or quadrant of the arch on the denture's day or later (D5110 upper, D5120 lower)."""
    wrong = one(practice_db, f"""
        WITH denture AS (SELECT "PatNum", code = 'D5110' AS upper, min("ProcDate") AS day FROM {DONE} d
                         WHERE code IN ('D5110', 'D5120') GROUP BY 1, 2)
        SELECT count(*) FILTER (WHERE d."ProcDate" >= denture.day AND (
                                 ("ToothNum" <> '' AND ("ToothNum" ~ {UPPER}) = upper)
                                 OR ("ToothNum" = '' AND "Surf" IN ('U', 'UR', 'UL', 'L', 'LR', 'LL')
                                     AND ("Surf" LIKE 'U%') = upper
                                     AND code NOT IN ('D5110', 'D5120', 'D6114', 'D6115')))),
               count(DISTINCT denture."PatNum")
        FROM denture JOIN {PROCEDURES} d USING ("PatNum")""")
    assert wrong[0] == 0 and wrong[1] > 0


def test_a_pulled_tooth_is_never_treated_or_pulled_again(practice_db):
    """After a tooth's extraction only the work that replaces it: an implant, a pontic, a ridge graft."""
    wrong = one(practice_db, f"""
        WITH pulled AS (SELECT "PatNum", "ToothNum", min("ProcDate") AS day, count(*) AS times FROM {DONE} d
                        WHERE code IN ('D7140', 'D7210') GROUP BY 1, 2)
        SELECT count(*) FILTER (WHERE d."ProcDate" > pulled.day
                                  AND code NOT IN ('D6010', 'D6057', 'D6058', 'D6065', 'D6240', 'D7953')),
               (SELECT count(*) FROM pulled WHERE times > 1), (SELECT count(*) FROM pulled)
        FROM pulled JOIN {PROCEDURES} d USING ("PatNum", "ToothNum")""")
    assert wrong[:2] == (0, 0) and wrong[2] > 0


def too_soon(codes, allowed, days):
    """SQL: how many completed procedures of `codes` come less than `days` after the `allowed`-th before them."""
    return f"""(SELECT count(*) FROM (SELECT "ProcDate" - lag("ProcDate", {allowed}) OVER w AS gap FROM {DONE} d
                                     WHERE code IN {codes} WINDOW w AS (PARTITION BY "PatNum" ORDER BY "ProcDate")) t
               WHERE gap < {days})"""


def test_exams_and_films_as_often_as_a_real_chart(practice_db):
    """Periodic exams at most two within 365 days, full-mouth series or panoramic films at least three years
    apart, one D0220 a day (more films that day are D0230, never without a D0220)."""
    wrong = one(practice_db, f"""
        SELECT {too_soon(('D0120', 'D0145'), 2, 365)}, {too_soon(('D0210', 'D0330'), 1, 3 * 365)},
               (SELECT count(*) FROM (SELECT 1 FROM {DONE} d WHERE code IN ('D0220', 'D0230')
                                      GROUP BY "PatNum", "ProcDate"
                                      HAVING count(*) FILTER (WHERE code = 'D0220') <> 1) t),
               (SELECT count(*) FROM {DONE} d WHERE code = 'D0230')""")
    assert wrong[:3] == (0, 0, 0) and wrong[3] > 0


def test_periodic_exams_about_twice_a_year(practice_db):
    """Most recall cleanings come with a periodic exam: the ones that would make a third within a year go
    without (every recall visit had one before, three or four a year for perio patients)."""
    share = one(practice_db, f"""
        WITH cleaning AS (SELECT "PatNum", "ProcDate", bool_or(code IN ('D0120', 'D0145')) AS examined,
                                 bool_or(code = 'D0150') AS first_visit
                          FROM {DONE} d GROUP BY 1, 2 HAVING bool_or(code IN ('D1110', 'D1120', 'D4910')))
        SELECT avg(examined::int) FROM cleaning WHERE NOT first_visit""")[0]
    assert 0.7 < share < 0.97


def test_scaling_and_root_planing_leads_to_perio_maintenance(practice_db):
    """After SRP the patient has perio maintenance (D4910), never an adult prophylaxis again; most of the
    patients with SRP half a year before the end have come back for maintenance (75% return, less those who left
    the practice since: about 0.68, and a 200-patient office has some 50 SRP patients, so the floor is 0.5)."""
    after = one(practice_db, f"""
        WITH srp AS (SELECT "PatNum", min("ProcDate") AS day FROM {DONE} d WHERE code IN ('D4341', 'D4342') GROUP BY 1),
        later AS (SELECT srp."PatNum", srp.day, bool_or(code = 'D1110' AND d."ProcDate" >= srp.day) AS prophy,
                         bool_or(code = 'D4910' AND d."ProcDate" > srp.day) AS maintenance
                  FROM srp JOIN {DONE} d USING ("PatNum") GROUP BY 1, 2)
        SELECT count(*) FILTER (WHERE prophy),
               avg(maintenance::int) FILTER (WHERE day < (SELECT max("ProcDate") FROM raw.procedurelog) - 183)
        FROM later""")
    assert after[0] == 0 and after[1] > 0.5


@pytest.fixture(scope="module")
def cases():
    practice = first_office(None, (foundation,))
    return treatment.load_cases(SimpleNamespace(practice=practice))


def test_case_shares_change_gradually_with_age(cases):
    """No treatment stops at an age: from one year of age to the next no case's share moves by more than two
    points, and wisdom teeth (surgical extractions, nitrous) are taken out at every adult age."""
    shares = treatment.case_weights(cases, np.arange(0, 96, dtype=float))
    assert np.abs(np.diff(shares, axis=0)).max() < 0.02
    assert (shares[17:, cases.names.index("wisdom_teeth")] > 0).all()
