"""OpenDental's enumerations as stored in the raw schema (DOMAIN.md section 5): what each number or letter means.

IntEnum members compare and sort as the integers OpenDental stores and format into SQL as those integers.
"""
from enum import Enum, IntEnum


class SqlEnum(IntEnum):
    """An integer enumeration that formats as its number, in f-strings and SQL alike."""

    __str__ = int.__repr__
    __format__ = int.__format__

    @classmethod
    def sql(cls, *members):
        """`(1, 4)`: members as a SQL list for IN."""
        return f"({', '.join(str(int(m)) for m in members)})"


class SqlLetter(str, Enum):
    """A letter (or word) code stored in a text column; it is its value as a string, and `.sql` its SQL literal."""

    __str__ = str.__str__
    __format__ = str.__format__

    @property
    def sql(self):
        return f"'{self.value}'"


class ProcStatus(SqlEnum):
    """procedurelog.ProcStatus"""
    TREATMENT_PLANNED = 1
    COMPLETE = 2
    EXISTING_CURRENT_PROVIDER = 3
    EXISTING_OTHER_PROVIDER = 4
    REFERRED_OUT = 5
    DELETED = 6
    CONDITION = 7
    TREATMENT_PLAN_INACTIVE = 8


class AptStatus(SqlEnum):
    """appointment.AptStatus (only 1, 2, 3, 5 and 6 pass the analytics' tests)"""
    NONE = 0
    SCHEDULED = 1
    COMPLETE = 2
    UNSCHEDULED_LIST = 3
    ASAP = 4
    BROKEN = 5
    PLANNED = 6
    PATIENT_NOTE = 7
    PATIENT_NOTE_COMPLETED = 8


class ClaimProcStatus(SqlEnum):
    """claimproc.Status"""
    NOT_RECEIVED = 0
    RECEIVED = 1
    PREAUTH = 2
    ADJUSTMENT = 3
    SUPPLEMENTAL = 4
    CAP_CLAIM = 5
    ESTIMATE = 6
    CAP_COMPLETE = 7
    CAP_ESTIMATE = 8
    INS_HIST = 9


class ClaimStatus(SqlLetter):
    """claim.ClaimStatus (only these six pass the analytics' tests)"""
    UNSENT = "U"
    HOLD_UNTIL_PRIMARY_RECEIVED = "H"
    WAITING_TO_SEND = "W"
    SENT = "S"
    RECEIVED = "R"
    HOLD_FOR_IN_PROCESS = "I"


class ClaimType(SqlLetter):
    """claim.ClaimType (only these three pass the analytics' tests)"""
    PRIMARY = "P"
    SECONDARY = "S"
    OTHER = "Other"


class PatStatus(SqlEnum):
    """patient.PatStatus"""
    PATIENT = 0
    NON_PATIENT = 1
    INACTIVE = 2
    ARCHIVED = 3
    DELETED = 4
    DECEASED = 5


class ContactMethod(SqlEnum):
    """patient.PreferContactMethod, PreferConfirmMethod and PreferRecallMethod"""
    NONE = 0
    DO_NOT_CALL = 1
    HOME_PHONE = 2
    WORK_PHONE = 3
    WIRELESS_PHONE = 4
    EMAIL = 5
    SEE_NOTES = 6
    MAIL = 7
    TEXT_MESSAGE = 8


class CommItemMode(SqlEnum):
    """commlog.Mode_"""
    NONE = 0
    EMAIL = 1
    MAIL = 2
    PHONE = 3
    IN_PERSON = 4
    TEXT = 5
    EMAIL_AND_TEXT = 6
    PHONE_AND_TEXT = 7
    FAX = 8


class CommSentOrReceived(SqlEnum):
    """commlog.SentOrReceived"""
    NEITHER = 0
    SENT = 1
    RECEIVED = 2


class CommItemSource(SqlEnum):
    """commlog.CommSource"""
    USER = 0
    WEB_SCHED = 1
    PROGRAM_LINK = 2
    APPOINTMENT_REMINDER = 3
    ESERVICES = 4
    SUPPLEMENTAL_BACKUP = 5
    THANK_YOU = 6
    API = 7
    NEW_PATIENT_THANK_YOU = 8
    MESSAGE_TO_PAY = 9


class StatementMode(SqlEnum):
    """statement.Mode_"""
    MAIL = 0
    IN_PERSON = 1
    EMAIL = 2
    ELECTRONIC = 3


class StatementProdType(SqlEnum):
    """statementprod.ProdType"""
    PROCEDURE = 0
    ADJUSTMENT = 1
    PAY_PLAN_CHARGE = 2


class HistApptAction(SqlEnum):
    """histappointment.HistApptAction"""
    CREATED = 0
    CHANGED = 1
    MISSED = 2
    CANCELLED = 3
    DELETED = 4


class SubstitutionCondition(SqlEnum):
    """procedurecode.SubstOnlyIf: when a downgrading plan pays a code as its SubstitutionCode"""
    ALWAYS = 0
    MOLAR = 1
    SECOND_MOLAR = 2


# procedurelog.ToothNum of the molars (SubstitutionCondition.MOLAR): permanent 1-3, 14-19, 30-32 and primary
MOLAR_TEETH = ("1", "2", "3", "14", "15", "16", "17", "18", "19", "30", "31", "32", "A", "B", "I", "J", "K", "L", "S",
               "T")


class ScheduleType(SqlEnum):
    """schedule.SchedType (4, Web Sched ASAP, fails the analytics' tests)"""
    PRACTICE = 0
    PROVIDER = 1
    BLOCKOUT = 2
    EMPLOYEE = 3


class ScheduleStatus(SqlEnum):
    """schedule.Status"""
    OPEN = 0
    CLOSED = 1
    HOLIDAY = 2


class TaskStatus(SqlEnum):
    """task.TaskStatus"""
    NEW = 0
    VIEWED = 1
    DONE = 2


class TaskObjectType(SqlEnum):
    """task.ObjectType: what task.KeyNum points at"""
    NONE = 0
    PATIENT = 1
    APPOINTMENT = 2


class InsVerifyType(SqlEnum):
    """insverify.VerifyType: what insverify.FKey points at"""
    INSURANCE_BENEFIT = 1
    PATIENT_ENROLLMENT = 2


class YN(SqlEnum):
    """OpenDental's three-valued yes/no (patient.TxtMsgOk, claim.EmployRelated)"""
    UNKNOWN = 0
    YES = 1
    NO = 2


class Relat(SqlEnum):
    """patplan.Relationship, claim.PatRelat: the patient's relation to the subscriber"""
    SELF = 0
    SPOUSE = 1
    CHILD = 2
    EMPLOYEE = 3
    HANDICAP_DEP = 4
    SIGNIFICANT_OTHER = 5
    INJURED_PLAINTIFF = 6
    LIFE_PARTNER = 7
    DEPENDENT = 8


class Gender(SqlEnum):
    """patient.Gender (3, other, fails the analytics' tests)"""
    MALE = 0
    FEMALE = 1
    UNKNOWN = 2


class PatientPosition(SqlEnum):
    """patient.Position (marital status)"""
    SINGLE = 0
    MARRIED = 1
    CHILD = 2
    WIDOWED = 3
    DIVORCED = 4


class TreatmentArea(SqlEnum):
    """procedurecode.TreatArea, benefit.TreatArea"""
    NONE = 0
    SURFACE = 1
    TOOTH = 2
    MOUTH = 3
    QUADRANT = 4
    SEXTANT = 5
    ARCH = 6
    TOOTH_RANGE = 7


class BenefitType(SqlEnum):
    """benefit.BenefitType (0 fails the analytics' tests)"""
    ACTIVE_COVERAGE = 0
    COINSURANCE = 1
    DEDUCTIBLE = 2
    COPAYMENT = 3
    EXCLUSIONS = 4
    LIMITATIONS = 5
    WAITING_PERIOD = 6


class BenefitTimePeriod(SqlEnum):
    """benefit.TimePeriod"""
    NONE = 0
    SERVICE_YEAR = 1
    CALENDAR_YEAR = 2
    LIFETIME = 3
    YEARS = 4
    NUMBER_IN_LAST_12_MONTHS = 5


class BenefitQuantity(SqlEnum):
    """benefit.QuantityQualifier"""
    NONE = 0
    NUMBER_OF_SERVICES = 1
    AGE_LIMIT = 2
    VISITS = 3
    YEARS = 4
    MONTHS = 5


class BenefitCoverageLevel(SqlEnum):
    """benefit.CoverageLevel"""
    NONE = 0
    INDIVIDUAL = 1
    FAMILY = 2


class FeeScheduleType(SqlEnum):
    """feesched.FeeSchedType"""
    NORMAL = 0
    COPAY = 1
    OUT_OF_NETWORK = 2
    FIXED_BENEFIT = 3
    MANUAL_BLUE_BOOK = 4


class Permission(SqlEnum):
    """securitylog.PermType: OpenDental's Permissions enum (only what the practice's audit trail logs)."""
    FEE_SCHED_EDIT = 92


class ToothInitialType(SqlEnum):
    """toothinitial.InitialType"""
    MISSING = 0
    HIDDEN = 1
    PRIMARY = 2
    SHIFT_M = 3
    SHIFT_O = 4
    SHIFT_B = 5
    ROTATE = 6
    TIP_M = 7
    TIP_B = 8
    DRAWING = 9
    TEXT = 10


class RefToStatus(SqlEnum):
    """refattach.RefToStatus"""
    NONE = 0
    DECLINED = 1
    SCHEDULED = 2
    CONSULTED = 3
    IN_TREATMENT = 4
    COMPLETE = 5


class HasIns(SqlLetter):
    """patient.HasIns"""
    INSURED = "I"
    NOT_INSURED = ""


class ImageType(SqlEnum):
    """document.ImgType"""
    DOCUMENT = 0
    RADIOGRAPH = 1
    PHOTO = 2
    FILE = 3
    ATTACHMENT = 4


class TaskReminderType(SqlEnum):
    """task.ReminderType"""
    NO_REMINDER = 0
    ONCE = 1


class SheetFieldType(SqlEnum):
    """sheetfielddef.FieldType, sheetfield.FieldType"""
    OUTPUT_TEXT = 0
    INPUT_FIELD = 1
    STATIC_TEXT = 2
    PARAMETER = 3
    IMAGE = 4
    DRAWING = 5
    LINE = 6
    RECTANGLE = 7
    CHECK_BOX = 8
    SIG_BOX = 9
    PAT_IMAGE = 10
    SPECIAL = 11
    GRID = 12
    COMBO_BOX = 13
    SCREEN_CHART = 14
    MOBILE_HEADER = 15
    SIG_BOX_PRACTICE = 16


class RxSendStatus(SqlEnum):
    """rxpat.SendStatus"""
    UNSENT = 0
    IN_ELECT_QUEUE = 1
    SENT_ELECT = 2
    PRINTED = 3
    FAXED = 4


class AutoCommStatus(SqlEnum):
    """statement.SmsSendStatus (and the other automated-message statuses)"""
    UNDEFINED = 0
    DO_NOT_SEND = 1
    SEND_NOT_ATTEMPTED = 2
    SEND_SUCCESSFUL = 3
    SEND_FAILED = 4
    SENT_AWAITING_RECEIPT = 5


class SheetType(SqlEnum):
    """sheetdef.SheetType, sheet.SheetType (the members up to the ones the practice's forms use)"""
    LABEL_PATIENT = 0
    LABEL_CARRIER = 1
    LABEL_REFERRAL = 2
    REFERRAL_SLIP = 3
    LABEL_APPOINTMENT = 4
    RX = 5
    CONSENT = 6
    PATIENT_LETTER = 7
    REFERRAL_LETTER = 8
    PATIENT_FORM = 9
    ROUTING_SLIP = 10
    MEDICAL_HISTORY = 11


class PerioSequenceType(SqlEnum):
    """periomeasure.SequenceType"""
    MOBILITY = 0
    FURCATION = 1
    GING_MARGIN = 2
    MGJ = 3
    PROBING = 4
    SKIP_TOOTH = 5
    BLEEDING = 6
    CAL = 7


class CobRule(SqlEnum):
    """insplan.CobRule"""
    BASIC = 0
    STANDARD = 1
    CARVE_OUT = 2
    SECONDARY_MEDICAID = 3


# userodpref.FkeyType and entrylog.LogSource (LogSources): only the members the practice stores.
UserOdFkeyType = SqlEnum("UserOdFkeyType", {"DEFINITION": 0, "ACCT_PROC_BREAKDOWN": 3})
LogSource = SqlEnum("LogSource", {"NONE": 0, "WEB_SCHED": 1})
