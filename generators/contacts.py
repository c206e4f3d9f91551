"""How the front desk reaches each patient and tells them apart: the phone numbers of a household, e-mail
addresses and social security numbers.

- Phones: all fake, and none shared outside a household. Portland's area codes (503, 971) with a central office
  code of 100-199, which the North American Numbering Plan never assigns (a central office code starts with
  2-9), so no number rings anyone; the 555-0100..0199 range kept for fiction holds only 100 numbers an area
  code, too few for a practice. A family shares its landline (HmPhone); each adult has a cell of their own,
  teenagers mostly too; a child under 13 has none, or the guarantor's. Blocks of central office codes keep
  households, emergency contacts and employers apart.
- E-mail: adults their own (mostly), some teenagers their own, a child under 13 none or the guarantor's.
- Preferred ways to reach a patient (contact, confirmation, recall) use what is on file: a way whose number or
  address the office lacks gives way to the cell, else the home phone, else none.
- SSN: recorded for most adults and some children (the office asks for it for insurance; many families do not
  give a child's), never one the Social Security Administration issues: area 900-999 with group 01-49 (the SSA
  never issues area 9xx, and the IRS's ITINs, also 9xx, use groups 50-65, 70-88, 90-92 and 94-99, so none
  looks like a taxpayer number either), a share with area 666 (never issued); no two patients share one.
"""
import numpy as np

from opendental.codes import ContactMethod

from .parameters import parameters

AREA_CODES = np.array([503, 971])
HOUSEHOLD_EXCHANGES, ICE_EXCHANGES, EMPLOYER_EXCHANGES = range(100, 180), range(180, 190), range(190, 200)
LINES = 10**4  # numbers per central office code
CHILD_YEARS, ADULT_YEARS = 13, 18
(HOME_PHONE_SHARE, SENIOR_HOME_PHONE_SHARE, ADULT_CELL_SHARE, TEEN_CELL_SHARE, PARENT_CELL_SHARE, WORK_PHONE_SHARE,
 ADULT_EMAIL_SHARE, TEEN_EMAIL_SHARE, PARENT_EMAIL_SHARE, ADULT_SSN_SHARE, MINOR_SSN_SHARE,
 AREA_666_SHARE) = parameters(
    "contacts.home_phone_share", "contacts.senior_home_phone_share", "contacts.adult_cell_share",
    "contacts.teen_cell_share", "contacts.parent_cell_share", "contacts.work_phone_share",
    "contacts.adult_email_share", "contacts.teen_email_share", "contacts.parent_email_share",
    "contacts.adult_ssn_share", "contacts.minor_ssn_share", "contacts.area_666_share")
EMAIL_NUMBERS = 9999
SSN_GROUPS, SSN_SERIALS = 49, 9999  # groups 01-49, serials 0001-9999 (00 and 0000 are never issued)
NEEDS = {ContactMethod.TEXT_MESSAGE: "WirelessPhone", ContactMethod.WIRELESS_PHONE: "WirelessPhone",
         ContactMethod.HOME_PHONE: "HmPhone", ContactMethod.WORK_PHONE: "WkPhone", ContactMethod.EMAIL: "Email"}


def phone_numbers(ctx, keys, exchanges):
    """Fake numbers such as "(971)142-0387": an area code of AREA_CODES, a central office code in `exchanges`
    (inside 100-199, which the numbering plan never assigns) and a line number, one per key:
    distinct keys get distinct numbers across the offices of the run while the block lasts (households: about
    500,000 patients; emergency contacts and employers: 200,000 keys)."""
    per_area = len(exchanges) * LINES
    space = len(AREA_CODES) * per_area
    area, local = np.divmod(ctx.random.scatter(f"phone numbers {exchanges.start}", keys % space, space), per_area)
    return _written(AREA_CODES[area] * 10**7 + exchanges.start * LINES + local)


def _written(digits):
    """Ten-digit numbers as OpenDental shows them, 5031234567 -> "(503)123-4567"."""
    n = len(digits)
    chars = digits.astype("U10").view("U1").reshape(n, 10)
    text = np.empty((n, 13), dtype="U1")
    text[:, [0, 4, 8]] = ["(", ")", "-"]
    text[:, 1:4], text[:, 5:8], text[:, 9:] = chars[:, :3], chars[:, 3:6], chars[:, 6:]
    return text.view("U13").ravel().astype(object)


def age_groups(age_days):
    """0 a child under 13, 1 a teenager, 2 an adult."""
    return np.digitize(age_days, [CHILD_YEARS * 365.25, ADULT_YEARS * 365.25])


def phones(ctx, pt, fam):
    """HmPhone, WkPhone and WirelessPhone of each patient (pt: people, fam: families)."""
    rng = ctx.rng("patient-phones")
    n, n_fam = len(pt.nums), len(fam.first)
    home, own_cell, direct_line = (phone_numbers(ctx, 3 * pt.nums + slot, HOUSEHOLD_EXCHANGES) for slot in range(3))
    senior = pt.age_days[fam.first] >= 65 * 365
    landline = rng.random(n_fam) < np.where(senior, SENIOR_HOME_PHONE_SHARE, HOME_PHONE_SHARE)
    group = age_groups(pt.age_days)
    own = rng.random(n) < np.choose(group, [0.0, TEEN_CELL_SHARE, ADULT_CELL_SHARE])
    cell = np.where(own, own_cell, "")
    parents = (group < 2) & ~own & (rng.random(n) < PARENT_CELL_SHARE)
    cell = np.where(parents, cell[fam.first[pt.family]], cell)
    works = (group == 2) & (pt.employer > 0) & (rng.random(n) < WORK_PHONE_SHARE)
    return {"HmPhone": np.where(landline[pt.family], home[fam.first[pt.family]], ""),
            "WkPhone": np.where(works, direct_line, ""), "WirelessPhone": cell}


def emails(ctx, pt, fam, first, last):
    """Email of each patient: their own address (first, last: their names; a number after them tells every
    patient's apart), the guarantor's, or none."""
    rng = ctx.rng("patient-email")
    n = len(pt.nums)
    number = 1 + ctx.random.scatter("e-mail numbers", pt.nums % EMAIL_NUMBERS, EMAIL_NUMBERS)
    own_address = np.array([f"{f.lower()}.{l.lower().replace(' ', '')}{x}@example.{d}" for f, l, x, d in
                            zip(first, last, number.tolist(), rng.choice(["com", "net", "org"], n))], dtype=object)
    group = age_groups(pt.age_days)
    own = rng.random(n) < np.choose(group, [0.0, TEEN_EMAIL_SHARE, ADULT_EMAIL_SHARE])
    email = np.where(own, own_address, "")
    parents = (group < 2) & ~own & (rng.random(n) < PARENT_EMAIL_SHARE)
    return np.where(parents, email[fam.first[pt.family]], email)


def reachable(method, contact):
    """Each preferred ContactMethod the patient can be reached by (contact: the HmPhone, WkPhone, WirelessPhone and
    Email columns); a method whose number or address is not on file falls back to the cell, else the home phone,
    else none."""
    missing = np.zeros(len(method), dtype=bool)
    for needed, column in NEEDS.items():
        missing |= (method == needed) & (contact[column] == "")
    fallback = np.where(contact["WirelessPhone"] != "", ContactMethod.WIRELESS_PHONE,
                        np.where(contact["HmPhone"] != "", ContactMethod.HOME_PHONE, ContactMethod.NONE))
    return np.where(missing, fallback, method)


def ssns(ctx, pt):
    """SSN of each patient: nine digits never issued as an SSN, or '' when the family did not give it."""
    rng = ctx.rng("patient-ssn")
    n = len(pt.nums)
    recorded = rng.random(n) < np.where(pt.age_days < ADULT_YEARS * 365.25, MINOR_SSN_SHARE, ADULT_SSN_SHARE)
    area_666 = rng.random(n) < AREA_666_SHARE
    nine_space, six_space = 100 * SSN_GROUPS * SSN_SERIALS, 99 * SSN_SERIALS
    nine = ctx.random.scatter("ssn 9xx", pt.nums % nine_space, nine_space)
    six = ctx.random.scatter("ssn 666", pt.nums % six_space, six_space)
    area = np.where(area_666, 666, 900 + nine // (SSN_GROUPS * SSN_SERIALS))
    group = np.where(area_666, 1 + six // SSN_SERIALS, 1 + nine // SSN_SERIALS % SSN_GROUPS)
    serial = 1 + np.where(area_666, six, nine) % SSN_SERIALS
    return np.where(recorded, ((area * 100 + group) * 10**4 + serial).astype("U9"), "").astype(object)
