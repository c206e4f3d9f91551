"""Supporting: the medical pick lists and forms of the practice, written once (generators/data/medical_*.csv):
medications (brands point at their generic), allergies, problems (diseasedef with ICD-10 and SNOMED codes),
prescription templates (rxdef) and their RxNorm concepts, pharmacies, dental laboratories, patient forms
(sheetdef, sheetfielddef); retired allergies and problems hidden.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import rank_in_group
from opendental.codes import SheetFieldType, SheetType
from opendental.definitions import NONE, DefCat, defnum

from ..context import RunContext
from ..data import read_columns
from ..handover import MedicalReference
from ..timeline import stamp

FONT = "Microsoft Sans Serif"
BLACK = -16777216
SIGNATURE_BOXES = (SheetFieldType.SIG_BOX, SheetFieldType.SIG_BOX_PRACTICE)  # the patient's, the provider's
TEXT_FIELDS = (SheetFieldType.OUTPUT_TEXT, SheetFieldType.STATIC_TEXT)  # no tab stop
PATIENT_FIELDS = ("LName", "FName", "MiddleI", "Preferred", "Address", "Address2", "City", "State", "Zip",
                  "HmPhone", "WirelessPhone", "WkPhone", "Email")
FORM_DETAILS = PATIENT_FIELDS + ("nameFL", "Birthdate")  # what a form's 'patient:' fields can print
SOURCES = ("static", "patient", "gender", "problem", "allergy", "physician", "comment", "date", "signature",
           "checked")  # of field values
HOUR = 3600


def practice(ctx: RunContext) -> MedicalReference:
    """The pick lists and the patient forms every office uses."""
    medications = medication_list(ctx)
    allergy_defs = allergy_definitions(ctx, medications)
    problem_defs = problem_definitions(ctx)
    return MedicalReference(allergies=allergy_defs, problems=problem_defs,
                            forms=form_definitions(ctx, allergy_defs, problem_defs),
                            rx=prescription_templates(ctx, medications), pharmacies=pharmacies(ctx),
                            laboratories=laboratories(ctx))


def numbers(column, empty):
    return np.where(column == "", str(empty), column).astype(float)


def options(lists):
    """Pipe-separated option lists as a padded 2-D array and the count of each row."""
    split = [text.split("|") for text in lists]
    width = max(len(s) for s in split)
    return np.array([s + [""] * (width - len(s)) for s in split], dtype=object), np.array([len(s) for s in split])


def setup_time(ctx):
    return stamp(ctx.practice.setup_day, 9 * HOUR)


def medication_list(ctx):
    """medication: a generic's GenericNum is its own number, a brand's the number of its generic."""
    meds = read_columns("medical_medications")
    nums = ctx.ids.take("medication", len(meds["name"]))
    num_of = dict(zip(meds["name"].tolist(), nums.tolist()))
    rxcui = numbers(meds["rxcui"], 0).astype(np.int64)
    ctx.out.copy("medication", {
        "MedicationNum": nums, "MedName": meds["name"], "Notes": meds["notes"], "DateTStamp": setup_time(ctx),
        "GenericNum": np.array([num_of[g or name] for g, name in zip(meds["generic"], meds["name"])]), "RxCui": rxcui,
    })
    return SimpleNamespace(num=num_of, names=meds["name"], rxcui=rxcui)


def allergy_definitions(ctx, medications):
    """allergydef; duplicates the staff retired are hidden (weight 0: no patient gets them any more)."""
    defs = read_columns("medical_allergies")
    nums = ctx.ids.take("allergydef", len(defs["description"]))
    ctx.out.copy("allergydef", {
        "AllergyDefNum": nums, "Description": defs["description"], "IsHidden": defs["hidden"] == "1",
        "DateTStamp": setup_time(ctx), "SnomedType": defs["snomed_type"].astype(int),
        "MedicationNum": np.array([medications.num.get(m, 0) for m in defs["medication"]]),
    })
    weight = defs["weight"].astype(float)
    return SimpleNamespace(nums=nums, names=defs["description"].tolist(), share=weight / weight.sum(),
                           reactions=options(defs["reactions"]), drug_group=defs["drug_group"])


def problem_definitions(ctx):
    """diseasedef; retired entries are hidden (no prevalence)."""
    defs = read_columns("medical_diseases")
    n = len(defs["name"])
    nums = ctx.ids.take("diseasedef", n)
    ctx.out.copy("diseasedef", {
        "DiseaseDefNum": nums, "DiseaseName": defs["name"], "ItemOrder": np.arange(n),
        "IsHidden": defs["hidden"] == "1", "DateTStamp": setup_time(ctx), "ICD9Code": defs["icd9"],
        "SnomedCode": defs["snomed"], "Icd10Code": defs["icd10"],
    })
    return SimpleNamespace(
        nums=nums, names=defs["name"].tolist(),
        prevalence=np.array([defs[group].astype(float) for group in ("child", "adult", "senior")]),
        female_only=defs["sex"] == "F", min_age=numbers(defs["min_age"], 0), max_age=numbers(defs["max_age"], 200),
        resolved_share=defs["resolved_share"].astype(float), lasts_days=numbers(defs["lasts_days"], 0).astype(int),
        premed_share=defs["premed"].astype(float), notes=options(defs["notes"]))


def prescription_templates(ctx, medications):
    """rxdef, and rxnorm: the RxNorm concepts of the templates and of the medication list."""
    rx = read_columns("medical_rx")
    keys = rx["key"].tolist()
    rxcui = numbers(rx["rxcui"], 0).astype(np.int64)
    controlled, proc_required = rx["controlled"] == "1", rx["proc_required"] == "1"
    ctx.out.copy("rxdef", {
        "RxDefNum": ctx.ids.take("rxdef", len(keys)), "Drug": rx["drug"], "Sig": rx["sig"], "Disp": rx["disp"],
        "Refills": rx["refills"], "Notes": rx["notes"], "IsControlled": controlled, "RxCui": rxcui,
        "IsProcRequired": proc_required, "PatientInstruction": rx["patient_instruction"],
    })
    concept = np.concatenate([rxcui, medications.rxcui])
    description = np.concatenate([rx["rxnorm_description"], np.char.lower(medications.names)])
    mmsl = np.concatenate([rx["mmsl"], np.full(len(medications.rxcui), "")])
    _, first = np.unique(concept, return_index=True)
    first = np.sort(first[concept[first] > 0])
    ctx.out.copy("rxnorm", {"RxNormNum": ctx.ids.take("rxnorm", len(first)), "RxCui": concept[first].astype(str),
                            "MmslCode": mmsl[first], "Description": description[first]})
    return SimpleNamespace(
        index={k: i for i, k in enumerate(keys)}, columns=rx, rxcui=rxcui, controlled=controlled,
        proc_required=proc_required, drug_group=rx["drug_group"],
        instead=np.array([keys.index(k) if k else -1 for k in rx["instead"]]))


def pharmacies(ctx):
    """Local pharmacies (chains with a store number) in the practice's zip codes, linked to every clinic."""
    rng = ctx.rng("pharmacy")
    rows = read_columns("medical_pharmacies")
    n = len(rows["name"])
    nums = ctx.ids.take("pharmacy", n)
    zips = ctx.practice.zipcodes
    where = rng.choice(len(zips.rows), n, p=zips.weight)
    city = np.array([zips.rows[i]["City"] for i in where])
    store = np.where(rows["chain"] == "1", np.char.mod(rows["name"] + " #%d", rng.integers(1000, 9999, n)),
                     rows["name"])
    street = ctx.random.pools.pick(rng, ctx.random.pools.street, n).astype(str)
    phone = lambda: np.char.mod("(503)555-01%02d", rng.integers(0, 100, n))  # noqa: E731
    ctx.out.copy("pharmacy", {
        "PharmacyNum": nums, "PharmID": np.char.mod("%07d", rng.integers(3_800_000, 3_899_999, n)), "StoreName": store,
        "Phone": phone(), "Fax": phone(), "Address": street, "Address2": rows["address2"], "City": city,
        "State": [zips.rows[i]["State"] for i in where], "Zip": [zips.rows[i]["ZipCodeDigits"] for i in where],
        "Note": rows["note"], "DateTStamp": setup_time(ctx),
    })
    clinics = ctx.practice.clinics
    ctx.out.copy("pharmclinic", {"PharmClinicNum": ctx.ids.take("pharmclinic", n * len(clinics)),
                                 "PharmacyNum": np.repeat(nums, len(clinics)), "ClinicNum": np.tile(clinics, n)})
    weight = rows["weight"].astype(float)
    return SimpleNamespace(nums=nums, share=weight / weight.sum(), info=store + ", " + street + ", " + city)


def laboratories(ctx):
    labs = read_columns("medical_laboratories")
    n = len(labs["description"])
    nums = ctx.ids.take("laboratory", n)
    ctx.out.copy("laboratory", {
        "LaboratoryNum": nums, "Description": labs["description"], "Phone": labs["phone"], "Notes": labs["notes"],
        "Address": labs["address"], "City": labs["city"], "State": labs["state"], "Zip": labs["zip"],
        "Email": labs["email"], "WirelessPhone": labs["cell"], "IsHidden": labs["hidden"] == "1",
    })
    return SimpleNamespace(nums=nums, specialty=labs["specialty"], weight=labs["weight"].astype(float))


def form_definitions(ctx, allergy_defs, problem_defs):
    """sheetdef (medical_sheets.csv); returns the forms with their fields."""
    sheets = read_columns("medical_sheets")
    names = sheets["description"].tolist()
    form_nums = ctx.ids.take("sheetdef", len(names))
    sheet_type = sheets["sheet_type"].astype(int)
    patient_form = sheet_type != SheetType.CONSENT
    pages = sheets["pages"].astype(int)
    ctx.out.copy("sheetdef", {
        "SheetDefNum": form_nums, "Description": names, "SheetType": sheet_type, "FontName": FONT,
        "FontSize": sheets["font_size"].astype(float), "Width": sheets["width"].astype(int),
        "Height": sheets["height"].astype(int), "IsLandscape": False, "PageCount": pages, "IsMultiPage": pages > 1,
        "BypassGlobalLock": False, "HasMobileLayout": sheets["mobile"] == "1", "DateTCreated": setup_time(ctx),
        "RevID": sheets["rev_id"].astype(int), "AutoCheckSaveImage": patient_form,
        "AutoCheckSaveImageDocCategory": np.where(patient_form, defnum(DefCat.IMAGE_CATS, "Patient Forms"), NONE),
    })
    field, count = field_definitions(ctx, sheets, form_nums, allergy_defs, problem_defs)
    return SimpleNamespace(
        nums=form_nums, names=np.array(names), sheet_type=sheet_type, font_size=sheets["font_size"].astype(float),
        width=sheets["width"].astype(int), height=sheets["height"].astype(int), multi_page=pages > 1,
        mobile=sheets["mobile"] == "1",
        web_share=sheets["web_share"].astype(float), rev_id=sheets["rev_id"].astype(int), patient_form=patient_form,
        events=[e.split("|") for e in sheets["event"]], codes=[c.split("|") if c else [] for c in sheets["codes"]],
        medical_history=sheet_type == SheetType.MEDICAL_HISTORY, field=field, field_count=count,
        first_field=np.cumsum(count) - count)


def field_definitions(ctx, sheets, form_nums, allergy_defs, problem_defs):
    """sheetfielddef (medical_sheet_fields.csv): the fields grouped by form in layout order, with the source of
    each filled value; returns them and the number of fields of each form."""
    fields = read_columns("medical_sheet_fields")
    names = sheets["description"].tolist()
    form = np.array([names.index(s) for s in fields["sheet"]])
    order = np.argsort(form, kind="stable")
    fields, form = {column: values[order] for column, values in fields.items()}, form[order]
    field_type = np.array([SheetFieldType[name] for name in fields["field_type"]], dtype=int)
    tab_stop = ~np.isin(field_type, TEXT_FIELDS)
    tab_order = np.zeros(len(form), dtype=int)
    tab_order[tab_stop] = rank_in_group(form[tab_stop]) + 1
    layout = {
        "FieldType": field_type, "FieldName": fields["field_name"], "FontName": FONT,
        "FontSize": np.where(fields["font_size"] == "", sheets["font_size"][form], fields["font_size"]).astype(float),
        "FontIsBold": fields["bold"] == "1", "XPos": fields["x"].astype(int), "YPos": fields["y"].astype(int),
        "Width": fields["width"].astype(int), "Height": fields["height"].astype(int),
        "RadioButtonValue": fields["radio_value"], "IsRequired": fields["required"] == "1", "TabOrder": tab_order,
        "TabOrderMobile": tab_order, "ItemColor": BLACK, "IsLocked": False,
        "CanElectronicallySign": np.isin(field_type, SIGNATURE_BOXES),
        "IsSigProvRestricted": field_type == SheetFieldType.SIG_BOX_PRACTICE,
        "TextAlign": numbers(fields["align"], 0).astype(int),
        "GrowthBehavior": numbers(fields["growth"], 0).astype(int),
        "RadioButtonGroup": fields["radio_group"], "ReportableName": fields["reportable_name"],
        "UiLabelMobile": fields["mobile_label"], "UiLabelMobileRadioButton": fields["mobile_option"],
    }
    layout = {column: v.astype(object) if isinstance(v, np.ndarray) and v.dtype.kind == "U" else v
              for column, v in layout.items()}  # each field repeats per sheet: share the strings, not copies
    nums = ctx.ids.take("sheetfielddef", len(form))
    ctx.out.copy("sheetfielddef", {**layout, "SheetFieldDefNum": nums, "SheetDefNum": form_nums[form],
                                   "FieldValue": fields["field_value"], "IsPaymentOption": False, "LayoutMode": False})
    source, _, argument = np.char.partition(fields["source"], ":").T
    answer_of = {"problem": problem_defs.names, "allergy": allergy_defs.names}
    asked = np.array([answer_of[s].index(name.split(":")[1]) if s in answer_of else 0  # 0: under_care's one question
                      for s, name in zip(source, fields["field_name"])])
    field = SimpleNamespace(
        nums=nums, layout=layout, value=fields["field_value"].astype(object),
        source=np.array([SOURCES.index(s) for s in source]),
        detail=np.array([FORM_DETAILS.index(a) if s == "patient" else -1 for s, a in zip(source, argument)]),
        gender=np.where(source == "gender", argument, "-1").astype(int), asked=asked,
        yes=(fields["radio_value"] == "Y") | (argument == "Y"))
    return field, np.bincount(form, minlength=len(names))
