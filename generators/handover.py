"""What the phases hand to each other: the practice's reference data (built once by each phase's practice step)
and each office's own state (built by its office step), as frozen values.

Arrays are numpy; "per code" means aligned with ProcedureCodes.nums (a code index), "per patient" with the
office's Patients.nums (a patient index).
"""
from dataclasses import dataclass
from typing import Callable
from types import SimpleNamespace

import numpy as np


# --- foundation --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Definitions:
    """The texts of the definition table, for rows that print them: names / values: {DefNum: ItemName /
    ItemValue} of every entry, hidden ones too. DefNums themselves are resolved by category and name through
    opendental.definitions.defnum."""
    names: dict
    values: dict


@dataclass(frozen=True)
class ProcedureCodes:
    """The CDT catalog, one entry per code (the code index). nums: CodeNum (int64); code: "D0120" (str);
    index / num: {code: code index / CodeNum}; ucr_cents: the office's fee (int64); category: ProcCat DefNum;
    treat_area: TreatArea; is_hygiene, is_multi_visit: bool; minutes: 5 per pattern slot; pattern: ProcTime
    ("/XX/"); abbr: AbbrDesc."""
    nums: np.ndarray
    code: np.ndarray
    index: dict
    num: dict
    ucr_cents: np.ndarray
    category: np.ndarray
    treat_area: np.ndarray
    is_hygiene: np.ndarray
    minutes: np.ndarray
    pattern: np.ndarray
    abbr: np.ndarray
    is_multi_visit: np.ndarray


@dataclass(frozen=True)
class FeeSchedules:
    """The fee schedules, one per row of foundation_fee_schedules.csv (the schedule index). nums: FeeSchedNum
    (int64); ucr: the UCR schedule's FeeSchedNum; ppo: the PPO tiers' FeeSchedNums; share: each schedule's fee as
    a share of UCR (float); use: the csv's use of each schedule ("ucr", "ppo", "senior_discount"...); cents: int64
    [schedule index, code index], row 0 the UCR: the fees in force today; raised / raise_rates: the days the
    practice raised its fees (datetime64[D], ascending) and by how much (a fraction); raises_applied: per
    schedule, how many of them it took (a hidden schedule none after it was hidden); by_period: int64 [period,
    schedule index, code index], the fees before the first raise, then after each (the last = cents)."""
    nums: np.ndarray
    ucr: int
    ppo: np.ndarray
    share: np.ndarray
    use: np.ndarray
    cents: np.ndarray
    raised: np.ndarray
    raise_rates: np.ndarray
    raises_applied: np.ndarray
    by_period: np.ndarray

    def in_force(self, sched, code, days):
        """The fee in cents of schedule indices `sched` for code indices `code` on `days` (arrays that broadcast)."""
        return self.by_period[np.searchsorted(self.raised, days, side="right"), sched, code]


@dataclass(frozen=True)
class FoundationReference:
    """setup_day: the day the practice was set up in OpenDental (datetime64[D]); clinics: ClinicNums (int64; [0]
    without clinics); user_groups: {group name: UserGroupNum}."""
    setup_day: np.datetime64
    defs: Definitions
    clinics: np.ndarray
    fee_scheds: FeeSchedules
    codes: ProcedureCodes
    user_groups: dict


@dataclass(frozen=True)
class Providers:
    """The office's providers (int64 ProvNums): nums, every one, in the order written; dentists and hygienists,
    the active ones; billing, the non-person billing entity; former, the hidden ones. abbr / names: {ProvNum:
    "DOC1" / "Jane Smith, DDS"}."""
    nums: np.ndarray
    dentists: np.ndarray
    hygienists: np.ndarray
    billing: int
    former: np.ndarray
    abbr: dict
    names: dict


@dataclass(frozen=True)
class Operatories:
    """The office's chairs in use (the hidden consult room is not among them): nums (OperatoryNum), clinic
    (ClinicNum), hygiene (bool: a hygiene chair)."""
    nums: np.ndarray
    clinic: np.ndarray
    hygiene: np.ndarray


@dataclass(frozen=True)
class Users:
    """The office's logins (int64 UserNums). nums: every login, the Admin first, then the active providers',
    then the employees' (current ones in STAFF_ROLES order, the hidden ones of former employees last); admin;
    front_desk (front desk and office manager), billing (billing and insurance coordinators), coordinators
    (treatment coordinators): the current employees' logins; by_provider: {ProvNum: UserNum}; employees: the
    current EmployeeNums."""
    nums: np.ndarray
    admin: int
    front_desk: np.ndarray
    billing: np.ndarray
    coordinators: np.ndarray
    by_provider: dict
    employees: np.ndarray


@dataclass(frozen=True)
class ProviderCalendar:
    """The office's provider calendar (generators/provider_calendar.py), one row per active provider: providers
    (ProvNum: the dentists, then the hygienists), hygienist (bool), chair (the provider's chair among the
    clinic's chairs of their kind); per open day (days, datetime64[D]) works and half (bool [provider, day]:
    at work; a half day, the morning only); worked: the provider-days at work as sorted keys, provider row *
    len(days) + day index."""
    providers: np.ndarray
    hygienist: np.ndarray
    days: np.ndarray
    works: np.ndarray
    half: np.ndarray
    chair: np.ndarray
    worked: np.ndarray


# --- patients ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ZipCodes:
    """rows: the zipcode table as read from zipcodes.csv (dicts); weight: how often a patient lives in each (the
    frequent ones six times as often; float, sums to one)."""
    rows: tuple
    weight: np.ndarray


@dataclass(frozen=True)
class Families:
    """One entry per family (the family index), in PatNum order. guarantor (PatNum), first (patient index of
    its first member, the guarantor), size (members), insured, has_spouse (bool)."""
    guarantor: np.ndarray
    first: np.ndarray
    size: np.ndarray
    insured: np.ndarray
    has_spouse: np.ndarray


@dataclass(frozen=True)
class Patients:
    """One entry per patient (the patient index), families contiguous, guarantor first. nums (PatNum), guarantor
    (PatNum), family (family index), role (0 guarantor, 1 spouse, 2 child or other dependant), birth (datetime64[D]), gender,
    status (PatStatus), first_visit (datetime64[D], NO_DATE if never seen), new_in_window (bool: first came
    inside the window), left (datetime64[D]: the day the patient left the practice,
    9999-12-31 if still with it), active (status 0 and seen), pri_prov / sec_prov (ProvNum of the office's dentist /
    hygienist), clinic (ClinicNum), insured (bool: the family is insured and the chart not merged away),
    employer (EmployerNum, 0 none), age_days (int, today), merged_into (patient index of the chart a duplicate
    was merged into, -1), contact_method (PreferContactMethod), premed (bool: antibiotic premedication
    required), details (the written name, address, phone, e-mail and contact-preference columns as written to
    raw.patient, keyed by column name), entered (datetime64[s]: when the record was made; no appointment of the
    patient is entered before it)."""
    nums: np.ndarray
    guarantor: np.ndarray
    family: np.ndarray
    role: np.ndarray
    birth: np.ndarray
    gender: np.ndarray
    status: np.ndarray
    first_visit: np.ndarray
    new_in_window: np.ndarray
    left: np.ndarray
    active: np.ndarray
    pri_prov: np.ndarray
    sec_prov: np.ndarray
    clinic: np.ndarray
    insured: np.ndarray
    employer: np.ndarray
    age_days: np.ndarray
    merged_into: np.ndarray
    contact_method: np.ndarray
    premed: np.ndarray
    details: dict
    entered: np.ndarray


# --- insurance ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CoverageCategories:
    """OpenDental's insurance categories (covcat), one per row of coverage_categories.csv. nums: CovCatNum;
    index: {Description: category index}; of_code: per code, the category covering it (-1: none);
    benefit_class: index into insurance.BENEFIT_CLASSES."""
    nums: np.ndarray
    index: dict
    of_code: np.ndarray
    benefit_class: np.ndarray


@dataclass(frozen=True)
class Carriers:
    """The carriers of carriers.csv (the carrier index). rows: the file's rows; nums: CarrierNum; names; group:
    CarrierGroupName DefNum (0 none); fee_tier: the PPO schedule index their network prices at; weight: share of
    the offered plans (sums to one); member_prefix: of SubscriberIDs; hidden: left the market; filing_code: X12
    indicator ('' follows the plan type); dependent_ids: a member ID per family member."""
    rows: tuple
    nums: np.ndarray
    names: np.ndarray
    group: np.ndarray
    fee_tier: np.ndarray
    weight: np.ndarray
    member_prefix: np.ndarray
    hidden: np.ndarray
    filing_code: np.ndarray
    dependent_ids: np.ndarray


@dataclass(frozen=True)
class CarrierEntries:
    """When each carrier was entered (datetime64[D], per carrier index): the practice's setup day, or the earlier
    entry of a plan of any office that uses it. The one value the offices add to: each office's insurance step
    records its plans (used), and the carriers are written once every office is done."""
    first: np.ndarray

    def used(self, entered: np.ndarray, carrier: np.ndarray) -> None:
        np.minimum.at(self.first, carrier, entered)


@dataclass(frozen=True)
class InsuranceReference:
    """filing_codes: {X12 claim filing indicator: InsFilingCodeNum}."""
    categories: CoverageCategories
    carriers: Carriers
    filing_codes: dict
    carrier_entered: CarrierEntries


@dataclass(frozen=True)
class InsurancePlans:
    """The office's group plans (the plan index): the offered plans first, then the retired ones. nums (PlanNum),
    carrier_idx (carrier index), carrier (CarrierNum), carrier_name, employer (EmployerNum), is_ppo, offered (how
    many plans employers still offer), hidden (retired), claim_form (ClaimFormNum), group_num, excluded (bool
    [plan, rule] of plan_benefits.EXCLUDED_CODES), fee_sched_index (row of FeeSchedules.cents holding the allowed
    fee; 0 = UCR for percentage plans), percent (int [plan, coverage category]), annual_max_cents,
    ortho_max_cents, deductible_cents (individual), family_deductible_cents (int64), month_renew (0 = calendar
    year), cob_rule, entered (datetime64[D]) and edited (datetime64[s]) as written; deductible_waived (bool per
    code index: its coverage category waives the deductible), four_cleanings (PatPlanNums whose own benefit
    allows four cleanings a year, sorted), perio_with_prophy (bool: periodontal maintenance counts in the
    cleanings' limit), code_subst_none (bool: the plan pays posterior composites as composites, no downgrade),
    waiting_months (months from DateEffective the plan pays no major work, 0 none), waiting_codes (bool per code
    index: its category has the waiting period); coverage_percent(plan index,
    code index) -> int array; allowed_cents(plan index, code index, days) -> int64 array (the plan's fee in force
    on the days)."""
    nums: np.ndarray
    carrier_idx: np.ndarray
    employer: np.ndarray
    is_ppo: np.ndarray
    fee_sched_index: np.ndarray
    percent: np.ndarray
    annual_max_cents: np.ndarray
    ortho_max_cents: np.ndarray
    deductible_cents: np.ndarray
    family_deductible_cents: np.ndarray
    month_renew: np.ndarray
    cob_rule: np.ndarray
    group_num: np.ndarray
    offered: int
    hidden: np.ndarray
    carrier: np.ndarray
    carrier_name: np.ndarray
    claim_form: int
    excluded: np.ndarray
    deductible_waived: np.ndarray
    four_cleanings: np.ndarray
    perio_with_prophy: np.ndarray
    code_subst_none: np.ndarray
    waiting_months: np.ndarray
    waiting_codes: np.ndarray
    coverage_percent: Callable
    allowed_cents: Callable
    entered: np.ndarray
    edited: np.ndarray


@dataclass(frozen=True)
class Insurance:
    """The office's plans and, per patient: primary_plan, secondary_plan (plan index or -1), primary_sub,
    secondary_sub (InsSubNum or 0), primary_patplan, secondary_patplan (PatPlanNum or 0), primary_plan_num,
    secondary_plan_num (PlanNum or 0), relationship, secondary_relationship (patplan.Relationship to that plan's
    subscriber, -1 without it), primary_since, secondary_since (DateEffective of that subscription, NO_DATE
    without it); former_plan, former_sub, former_since, former_until: the ended subscription the primary one
    replaced when its holder changed jobs (the days it was in force; -1, 0, NO_DATE without one), which has no
    patplan any more but covered the patient then; former_secondary_plan, ... the same of the secondary one.
    carriers: the practice's."""
    carriers: Carriers
    plans: InsurancePlans
    primary_plan: np.ndarray
    primary_sub: np.ndarray
    primary_patplan: np.ndarray
    primary_plan_num: np.ndarray
    primary_since: np.ndarray
    secondary_plan: np.ndarray
    secondary_sub: np.ndarray
    secondary_patplan: np.ndarray
    secondary_plan_num: np.ndarray
    secondary_relationship: np.ndarray
    secondary_since: np.ndarray
    relationship: np.ndarray
    former_plan: np.ndarray
    former_sub: np.ndarray
    former_since: np.ndarray
    former_until: np.ndarray
    former_secondary_plan: np.ndarray
    former_secondary_sub: np.ndarray
    former_secondary_since: np.ndarray
    former_secondary_until: np.ndarray

    def primary_on(self, patient, day):
        """The plan (index, -1 none) covering each patient first on each day: the primary one from its
        DateEffective on, before it the ended subscription it replaced while that was in force."""
        return self._on(patient, day, self.primary_plan, self.primary_since, self.former_plan,
                        self._in_former(patient, day))

    def secondary_on(self, patient, day):
        """The plan (index, -1 none) covering each patient second on each day, as primary_on the first."""
        return self._on(patient, day, self.secondary_plan, self.secondary_since, self.former_secondary_plan,
                        self._in_former_secondary(patient, day))

    @staticmethod
    def _on(patient, day, plan, since, former_plan, in_former):
        current = (plan[patient] >= 0) & (since[patient] <= day)
        return np.where(current, plan[patient], np.where(in_former, former_plan[patient], -1))

    def subscription(self, patient, plan, day):
        """The InsSubNum, its DateEffective and the PatPlanNum (0 for an ended one) through which `plan` covers
        each patient on each day."""
        former = self._in_former(patient, day) & (self.former_plan[patient] == plan)
        former_secondary = self._in_former_secondary(patient, day) & (self.former_secondary_plan[patient] == plan)
        pick = np.select([former, self.primary_plan[patient] == plan, former_secondary], [0, 1, 3], 2)
        return tuple(np.choose(pick, [column[patient] for column in columns]) for columns in (
            (self.former_sub, self.primary_sub, self.secondary_sub, self.former_secondary_sub),
            (self.former_since, self.primary_since, self.secondary_since, self.former_secondary_since),
            (np.zeros_like(self.primary_patplan), self.primary_patplan, self.secondary_patplan,
             np.zeros_like(self.primary_patplan))))

    def _in_former(self, patient, day):
        return (self.former_since[patient] <= day) & (day <= self.former_until[patient])  # (none: until NO_DATE)

    def _in_former_secondary(self, patient, day):
        return (self.former_secondary_since[patient] <= day) & (day <= self.former_secondary_until[patient])


# --- clinical ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecallTypes:
    """The recall types of recall_types.csv. nums: RecallTypeNum; names: Description; interval: DefaultInterval
    (OpenDental's encoded interval); time_pattern; triggers: per type, the code indices that set it."""
    nums: np.ndarray
    names: list
    interval: np.ndarray
    time_pattern: np.ndarray
    triggers: list


@dataclass(frozen=True)
class ClinicalReference:
    """appointment_types: AppointmentTypeNums (int64)."""
    appointment_types: np.ndarray
    recall_types: RecallTypes


@dataclass(frozen=True)
class Appointments:
    """The office's appointments (the appointment index), in AptNum order. nums (AptNum), patient (patient
    index), date (datetime64[D]), start (AptDateTime, datetime64[s]), minutes, status (AptStatus 1 scheduled, 2
    complete, 3 unscheduled list, 5 broken, 6 planned), prov, prov_hyg (ProvNum), op (OperatoryNum, 0 for
    planned), clinic, is_hygiene, is_new_patient, type_num (AppointmentTypeNum), booked (SecDateTEntry,
    datetime64[s]), confirmed (DefNum), arrived, seated, dismissed (datetime64[s], NO_TIME unless complete);
    the other appointment columns as written: pattern, note, descript (ProcDescript), unsched_status,
    ins_plan1, ins_plan2, entry_user, assistant, color_override, asked_to_arrive, item_order_planned,
    next_apt_num, pattern_secondary, priority, procs_colored, time_locked; web_sched (booked online by the
    patient, OpenDental's ApptSource)."""
    nums: np.ndarray
    patient: np.ndarray
    date: np.ndarray
    start: np.ndarray
    minutes: np.ndarray
    status: np.ndarray
    prov: np.ndarray
    prov_hyg: np.ndarray
    op: np.ndarray
    clinic: np.ndarray
    is_hygiene: np.ndarray
    is_new_patient: np.ndarray
    type_num: np.ndarray
    booked: np.ndarray
    confirmed: np.ndarray
    arrived: np.ndarray
    seated: np.ndarray
    dismissed: np.ndarray
    pattern: np.ndarray
    note: np.ndarray
    descript: np.ndarray
    unsched_status: np.ndarray
    ins_plan1: np.ndarray
    ins_plan2: np.ndarray
    entry_user: np.ndarray
    procs_colored: np.ndarray
    assistant: np.ndarray
    color_override: np.ndarray
    asked_to_arrive: np.ndarray
    priority: np.ndarray
    time_locked: np.ndarray
    next_apt_num: np.ndarray
    item_order_planned: np.ndarray
    pattern_secondary: np.ndarray
    web_sched: np.ndarray


@dataclass(frozen=True)
class Procedures:
    """The office's procedures (the procedure index), in ProcNum order. nums (ProcNum), patient (patient index),
    apt_num, planned_apt_num (AptNum, 0 if none), code (code index), date (ProcDate), date_tp (datetime64[D]),
    status (ProcStatus), fee_cents, discount_cents (int64, procedurelog.Discount), prov, clinic, tooth, surf,
    dx / priority / prognosis (DefNums of categories 16, 20, 30; 0 if none), prosthesis ('' none, 'I' initial,
    'R' replacement), original_prosth (DateOriginalProsth of a replacement, else NO_DATE)."""
    nums: np.ndarray
    patient: np.ndarray
    apt_num: np.ndarray
    planned_apt_num: np.ndarray
    code: np.ndarray
    date: np.ndarray
    date_tp: np.ndarray
    status: np.ndarray
    fee_cents: np.ndarray
    prov: np.ndarray
    clinic: np.ndarray
    tooth: np.ndarray
    surf: np.ndarray
    dx: np.ndarray
    priority: np.ndarray
    prognosis: np.ndarray
    discount_cents: np.ndarray
    prosthesis: np.ndarray
    original_prosth: np.ndarray


@dataclass(frozen=True)
class Recalls:
    """The office's recalls: nums (RecallNum), patient (patient index), type_num (RecallTypeNum), due, previous,
    scheduled (datetime64[D]; NO_DATE if not booked)."""
    nums: np.ndarray
    patient: np.ndarray
    type_num: np.ndarray
    due: np.ndarray
    previous: np.ndarray
    scheduled: np.ndarray


@dataclass(frozen=True)
class Clinical:
    """The office's appointment book, procedure log and recall list, and the practice's appointment types
    (AppointmentTypeNums) and recall types."""
    appointments: Appointments
    procedures: Procedures
    recalls: Recalls
    appointment_types: np.ndarray
    recall_types: RecallTypes


# --- financial ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Financial:
    """The office's money. claims: (primary, secondary) claimproc lines with their claims and claimproc_nums (per
    line proc: procedure index, status, date_cp, paid, write_off, money; supplemental, supplemental_paid,
    supplemental_write_off; per claim call, lost, resent, corrected, appealed, tracking (CustomTracking DefNum),
    supplemental_day, check, supplemental_check); estimates: the insurance estimate of every procedure as
    presented, (primary, secondary) of proc, plan, money, no_bill (financial/claims.estimates); checks (carrier, date, amount, nums, check_num, pay_type, partial,
    deposit...); adjustments (patient, proc, amount in cents, date, type DefNum, note, nums, prov); payments
    (splits, and per payment nums, family, amount, type, date, deposit...); aging (per family: buckets, total);
    per procedure (int64 cents): insurance_paid, write_off, adjusted; collections (per family: sent_day, the day
    the account went to the collection agency, NO_DATE if never; billing_type, the guarantor's DefNum, and the
    day it last changed, changed)."""
    claims: tuple
    estimates: tuple
    checks: SimpleNamespace
    adjustments: SimpleNamespace
    payments: SimpleNamespace
    aging: dict
    insurance_paid: np.ndarray
    write_off: np.ndarray
    adjusted: np.ndarray
    collections: SimpleNamespace


# --- supporting ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MedicalReference:
    """The medical pick lists and forms (generators/supporting/medical_lists.py builds each; see its functions):
    allergies (allergydef), problems (diseasedef), forms (sheetdef with their fields), rx (rxdef), pharmacies,
    laboratories."""
    allergies: SimpleNamespace
    problems: SimpleNamespace
    forms: SimpleNamespace
    rx: SimpleNamespace
    pharmacies: SimpleNamespace
    laboratories: SimpleNamespace


@dataclass(frozen=True)
class ReferralChannels:
    """The ReferralNums of the marketing channels (referrals.MARKETING, then the retired ones), numbered by the
    practice step: the first office enters the rows; every office attaches to them."""
    nums: np.ndarray


@dataclass(frozen=True)
class DailyChecklists:
    """The dated copies of the repeating Daily Checklist, one per business day from the setup day to today.
    template: the repeating list's TaskListNum; days (datetime64[D]); nums: the copies' TaskListNums; opened:
    when each copy was made (datetime64[s])."""
    template: int
    days: np.ndarray
    nums: np.ndarray
    opened: np.ndarray


@dataclass(frozen=True)
class TaskLists:
    """teams: {TaskListNum: the roles whose users work the list ('front_desk', 'billing', 'admin', 'dentists')}."""
    teams: dict
    checklist: DailyChecklists


@dataclass(frozen=True)
class SupportingReference:
    medical: MedicalReference
    channels: ReferralChannels
    task_lists: TaskLists


@dataclass(frozen=True)
class ContactPreferences:
    """Per patient, the ContactMethod used to reach them: contact (PreferContactMethod), confirm
    (PreferConfirmMethod), recall (PreferRecallMethod)."""
    contact: np.ndarray
    confirm: np.ndarray
    recall: np.ndarray


@dataclass(frozen=True)
class SlowClaims:
    """Claims without an answer after a month, that the billing office called about: patient (patient index),
    service (the claim's date of service), carrier (name), called, answered (datetime64[D], NO_DATE if never)."""
    patient: np.ndarray
    service: np.ndarray
    carrier: np.ndarray
    called: np.ndarray
    answered: np.ndarray


@dataclass(frozen=True)
class DeniedClaims:
    """Denied claims the billing office followed up: patient (patient index), received (the EOB's day), service,
    carrier (name), reason."""
    patient: np.ndarray
    received: np.ndarray
    service: np.ndarray
    carrier: np.ndarray
    reason: np.ndarray


@dataclass(frozen=True)
class Communication:
    preferences: ContactPreferences
    slow_claims: SlowClaims
    denied_claims: DeniedClaims


@dataclass(frozen=True)
class SignedPlans:
    """The signed treatment plans OpenDental saved to PDF in the Images module: doc_num (the DocNum reserved for
    the PDF, which documents.py files), patient (patient index), filed (when the last signature was saved,
    datetime64[s]), dentist (ProvNum), fee_cents (the plan's total fee)."""
    doc_num: np.ndarray
    patient: np.ndarray
    filed: np.ndarray
    dentist: np.ndarray
    fee_cents: np.ndarray


@dataclass(frozen=True)
class Records:
    signed_plans: SignedPlans


# --- the practice as the phases see it ---------------------------------------------------------------------

@dataclass
class Practice:
    """An office's view of the practice: the reference data every office shares and the office's own state,
    each set once, by the phase that makes it."""
    setup_day: np.datetime64 = None
    defs: Definitions = None
    clinics: np.ndarray = None
    fee_scheds: FeeSchedules = None
    codes: ProcedureCodes = None
    providers: Providers = None
    operatories: Operatories = None
    calendar: ProviderCalendar = None
    users: Users = None
    zipcodes: ZipCodes = None
    employers: np.ndarray = None
    families: Families = None
    patients: Patients = None
    insurance: Insurance = None
    clinical: Clinical = None
    financial: Financial = None
    communication: Communication = None
    records: Records = None
