"""How OpenDental tells an incremental extractor what changed: the column it stamps with the moment of every insert
and update of a row, and the deletions it logs in deletedobject."""
from .codes import ScheduleType, SqlEnum

# The "last modified" columns OpenDental sets on every insert and update (DOMAIN.md, "Timestamps used for
# incremental loading"), in the order read when a table has several: histappointment copies the appointment's
# DateTStamp and stamps its own row in HistDateTStamp; taskhist copies the task's SecDateTEdit.
CHANGE_STAMPS = ("HistDateTStamp", "DateTStamp", "SecDateTEdit")


class DeletedObjectType(SqlEnum):
    """deletedobject.ObjectType (OpenDental's DeletedObjectType), the types this schema has tables for."""
    APPOINTMENT = 0
    SCHEDULE_PROV = 1  # provider schedules only
    RECALL_PAT_NUM = 2  # ObjectNum is the patient whose recall was deleted, not the recall
    RX_PAT = 3
    LAB_PANEL = 4
    LAB_RESULT = 5
    DRUG_UNIT = 6
    MEDICATION = 7
    MEDICATION_PAT = 8
    ALLERGY = 9
    ALLERGY_DEF = 10
    DISEASE = 11
    DISEASE_DEF = 12
    ICD9 = 13
    PROVIDER = 14
    PHARMACY = 15
    STATEMENT = 16
    DOCUMENT = 17


# The tables whose deleted rows OpenDental logs in deletedobject: table -> (ObjectType, the column whose value the
# row's ObjectNum holds). A deletion in any other table leaves no trace but the row's absence.
LOGGED_DELETIONS = {
    "appointment": (DeletedObjectType.APPOINTMENT, "AptNum"),
    "schedule": (DeletedObjectType.SCHEDULE_PROV, "ScheduleNum"),
    "recall": (DeletedObjectType.RECALL_PAT_NUM, "PatNum"),
    "rxpat": (DeletedObjectType.RX_PAT, "RxNum"),
    "labpanel": (DeletedObjectType.LAB_PANEL, "LabPanelNum"),
    "labresult": (DeletedObjectType.LAB_RESULT, "LabResultNum"),
    "drugunit": (DeletedObjectType.DRUG_UNIT, "DrugUnitNum"),
    "medication": (DeletedObjectType.MEDICATION, "MedicationNum"),
    "medicationpat": (DeletedObjectType.MEDICATION_PAT, "MedicationPatNum"),
    "allergy": (DeletedObjectType.ALLERGY, "AllergyNum"),
    "allergydef": (DeletedObjectType.ALLERGY_DEF, "AllergyDefNum"),
    "disease": (DeletedObjectType.DISEASE, "DiseaseNum"),
    "diseasedef": (DeletedObjectType.DISEASE_DEF, "DiseaseDefNum"),
    "icd9": (DeletedObjectType.ICD9, "ICD9Num"),
    "provider": (DeletedObjectType.PROVIDER, "ProvNum"),
    "pharmacy": (DeletedObjectType.PHARMACY, "PharmacyNum"),
    "statement": (DeletedObjectType.STATEMENT, "StatementNum"),
    "document": (DeletedObjectType.DOCUMENT, "DocNum"),
}


# The rows of a table of LOGGED_DELETIONS whose deletion is logged, when not all are (SQL on the table's row).
LOGGED_ONLY_WHERE = {"schedule": f'"SchedType" = {ScheduleType.PROVIDER}'}


def change_stamp(table):
    """The column of `table` (a core.schema.Table) OpenDental stamps on every change, or None."""
    names = set(table.column_names)
    return next((stamp for stamp in CHANGE_STAMPS if stamp in names), None)
