"""What the phases hand to each other: the practice's reference data (built once by each phase's practice step)
and each office's own state (built by its office step), as frozen values.

Arrays are numpy; "per code" means aligned with ProcedureCodes.nums (a code index), "per patient" with the
office's Patients.nums (a patient index).
"""
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np


# --- foundation --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Definitions:
    """The definition table's visible entries. by_category: {Category: [(DefNum, ItemName), ...]} in item
    order; names / values: {DefNum: ItemName / ItemValue} of every entry, hidden ones too."""
    by_category: dict
    names: dict
    values: dict

    @property
    def billing_standard(self) -> int:
        """The first billing type (category 4): a patient's and a plan's default."""
        return self.by_category[4][0][0]

    def named(self, category: int, name: str) -> int:
        """The DefNum of a visible entry."""
        return next(num for num, item in self.by_category[category] if item == name)

    def nums(self, category: int) -> np.ndarray:
        """The visible DefNums of a category (int64), in item order."""
        return np.array([num for num, _ in self.by_category[category]], dtype=np.int64)


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
    a share of UCR (float); cents: int64 [schedule index, code index], row 0 the UCR."""
    nums: np.ndarray
    ucr: int
    ppo: np.ndarray
    share: np.ndarray
    cents: np.ndarray


@dataclass(frozen=True)
class FoundationReference:
    """setup_day: the day the practice was set up in OpenDental (datetime64[D]); clinics: ClinicNums (int64; [0]
    without clinics); user_groups: {group name: UserGroupNum}; login_names: the practice's UserNames, which
    OpenDental keeps unique: each office's logins add theirs."""
    setup_day: np.datetime64
    defs: Definitions
    clinics: np.ndarray
    fee_scheds: FeeSchedules
    codes: ProcedureCodes
    user_groups: dict
    login_names: set


# --- patients ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ZipCodes:
    """rows: the zipcode table as read from zipcodes.csv (dicts); weight: how often a patient lives in each (the
    frequent ones six times as often; float, sums to one)."""
    rows: tuple
    weight: np.ndarray


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
    providers: SimpleNamespace = None
    operatories: SimpleNamespace = None
    users: SimpleNamespace = None
    zipcodes: ZipCodes = None
    employers: np.ndarray = None
    families: SimpleNamespace = None
    patients: SimpleNamespace = None
    insurance: SimpleNamespace = None
    clinical: SimpleNamespace = None
    financial: SimpleNamespace = None
    communication: SimpleNamespace = None
    records: SimpleNamespace = None


# --- supporting ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MedicalReference:
    """The medical pick lists and forms (generators/supporting/medical.py builds each; see its functions):
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
    """The ReferralNums of the marketing channels (communication.MARKETING, then the retired ones): the first
    office enters the rows, numbered among its own referrals, and fills this list; the others attach to them."""
    nums: list


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
