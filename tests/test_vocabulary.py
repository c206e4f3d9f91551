"""OpenDental's vocabulary (opendental/): the codes name every value the practice stores, definitions resolve to
the DefNums the foundation writes, and the layers import one way."""
import ast

import pytest

from conftest import PROJECT, query
from opendental import codes
from opendental.definitions import DefCat, defnum, defnums, rows

# (table, column, the enumeration naming every value the practice may store there)
STORED = [("procedurelog", "ProcStatus", codes.ProcStatus), ("appointment", "AptStatus", codes.AptStatus),
          ("claimproc", "Status", codes.ClaimProcStatus), ("claim", "ClaimStatus", codes.ClaimStatus),
          ("claim", "ClaimType", codes.ClaimType), ("patient", "PatStatus", codes.PatStatus),
          ("patient", "PreferContactMethod", codes.ContactMethod), ("patient", "PreferConfirmMethod", codes.ContactMethod),
          ("patient", "PreferRecallMethod", codes.ContactMethod), ("patient", "Gender", codes.Gender),
          ("patient", "Position", codes.PatientPosition), ("patient", "TxtMsgOk", codes.YN),
          ("patient", "HasIns", codes.HasIns), ("commlog", "Mode_", codes.CommItemMode),
          ("commlog", "SentOrReceived", codes.CommSentOrReceived), ("commlog", "CommSource", codes.CommItemSource),
          ("statement", "Mode_", codes.StatementMode), ("statementprod", "ProdType", codes.StatementProdType),
          ("histappointment", "HistApptAction", codes.HistApptAction), ("schedule", "SchedType", codes.ScheduleType),
          ("schedule", "Status", codes.ScheduleStatus), ("task", "TaskStatus", codes.TaskStatus),
          ("task", "ObjectType", codes.TaskObjectType), ("insverify", "VerifyType", codes.InsVerifyType),
          ("claim", "EmployRelated", codes.YN), ("patplan", "Relationship", codes.Relat),
          ("procedurecode", "TreatArea", codes.TreatmentArea), ("benefit", "BenefitType", codes.BenefitType),
          ("benefit", "TreatArea", codes.TreatmentArea), ("feesched", "FeeSchedType", codes.FeeScheduleType),
          ("toothinitial", "InitialType", codes.ToothInitialType), ("refattach", "RefToStatus", codes.RefToStatus),
          ("document", "ImgType", codes.ImageType), ("task", "ReminderType", codes.TaskReminderType),
          ("sheetfielddef", "FieldType", codes.SheetFieldType), ("sheetfield", "FieldType", codes.SheetFieldType)]


@pytest.mark.parametrize("table, column, enum", STORED, ids=[f"{t}.{c}" for t, c, _ in STORED])
def test_every_value_the_practice_stores_is_named(practice_db, table, column, enum):
    server, name = practice_db
    stored = {v for (v,) in query(server, name, f'SELECT DISTINCT "{column}" FROM raw."{table}"')}
    assert stored and stored <= {m.value for m in enum}, stored


def test_definitions_resolve_to_the_defnums_the_practice_wrote(practice_db):
    server, name = practice_db
    written = query(server, name, 'SELECT "DefNum", "Category", "ItemName", "IsHidden" FROM raw.definition')
    assert set(written) == set(rows())
    assert {c for _, c, _, _ in rows()} == {c.value for c in DefCat}


def test_a_definition_is_found_by_category_and_name_the_shown_one_first():
    assert defnum(DefCat.PAYMENT_TYPES, "Patient Refund") == 72
    assert defnums(DefCat.PAYMENT_TYPES, "Credit Card", "Stripe") == (71, 412)
    assert defnums(DefCat.PAYSPLIT_UNEARNED_TYPE) == (288, 439, 598, 641)  # hidden ones too
    broken_fees = [n for n, c, item, _ in rows() if c == DefCat.ADJ_TYPES and item == "Broken Appointment Fee"]
    assert len(broken_fees) == 2 and defnum(DefCat.ADJ_TYPES, "Broken Appointment Fee") == broken_fees[0]
    hidden = next((n, c, item) for n, c, item, is_hidden in rows() if is_hidden)
    assert defnum(hidden[1], hidden[2]) == hidden[0]
    with pytest.raises(KeyError, match="no definition 'Bitcoin' in category 10"):
        defnum(DefCat.PAYMENT_TYPES, "Bitcoin")


def test_codes_format_into_sql_as_what_opendental_stores():
    assert f'"ProcStatus" = {codes.ProcStatus.COMPLETE}' == '"ProcStatus" = 2'
    assert str(codes.AptStatus.BROKEN) == "5" and codes.AptStatus.BROKEN == 5
    assert codes.ClaimProcStatus.sql(codes.ClaimProcStatus.RECEIVED, codes.ClaimProcStatus.SUPPLEMENTAL) == "(1, 4)"
    assert codes.ClaimStatus.RECEIVED == "R" and f"{codes.ClaimStatus.RECEIVED}" == "R"
    assert codes.ClaimStatus.RECEIVED.sql == "'R'" and codes.HasIns.NOT_INSURED.sql == "''"


def imported_packages(package):
    """The top-level project packages each module of `package` imports (absolute imports only)."""
    found = {}
    for path in (PROJECT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(path.relative_to(PROJECT).as_posix())
    return found


@pytest.mark.parametrize("package, forbidden", [("core", {"generators", "checks", "app", "opendental"}),
                                                ("checks", {"generators", "app"}),
                                                ("opendental", {"core", "generators", "checks", "app"})])
def test_the_layers_import_one_way(package, forbidden):
    imported = imported_packages(package)
    assert {p: sorted(imported[p]) for p in forbidden & set(imported)} == {}
