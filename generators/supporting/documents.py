"""Supporting: documents filed in the patients' charts.

Radiographs at visits with x-ray codes, photos at new-patient and cosmetic visits, registration forms and
insurance cards at first visits, referral letters, consult reports, EOBs of denied claims, signed treatment
plans; updated medical-history forms fill up to the volume; with what the staff did to them (crops, flips,
windowing, notes, signatures, printed headings). Statement PDFs are filed by billing.py, on top of the volume.
"""
import numpy as np

from core.arrays import concat_rows, groups, lookup, rank_in_group, sorted_by, take_rows
from opendental.codes import AptStatus, ImageType, ProcStatus
from opendental.definitions import DefCat, defnum

from ..clinical.chart import sliced
from ..data import read_table
from ..formatting import dollars, mdy, signature_data, text, ymd
from ..parameters import parameters
from ..rows import appointment_rows, fit_to_volume, pick, rows_of
from ..volumes import VolumeNotReached
from ..timeline import MINUTE, NO_DATE, at_hours, end_of_today, stamp

DOCUMENT, RADIOGRAPH, PHOTO, FILE, ATTACHMENT = (ImageType.DOCUMENT, ImageType.RADIOGRAPH, ImageType.PHOTO,
                                                 ImageType.FILE, ImageType.ATTACHMENT)
CROPPED_SHARE, FLIPPED_SHARE, ROTATED_SHARE, WINDOWED_SHARE = parameters(
    "supporting.documents.cropped_share", "supporting.documents.flipped_share", "supporting.documents.rotated_share",
    "supporting.documents.windowed_share")
HISTORY_REVIEWS = ("Reviewed with patient - no changes", "Reviewed - medication list updated",
                   "Reviewed - new allergy noted in medical tab", "Reviewed - premed not indicated")
DAY_STEP = 100_000  # more days than from 1970 to any date of a run
COSMETIC_CODES = ("D2960", "D2961", "D2962", "D9972", "D9975")


def _number_within(*keys):
    """1, 2, 3... among rows with equal keys."""
    order = sorted_by(*keys)
    group, _, _ = groups(*keys)
    number = np.empty(len(order), dtype=np.int64)
    number[order] = rank_in_group(group[order]) + 1
    return number


def _doc(patient, when, category, img_type, prefix, description, prov=0, tooth="", extension="jpg", note="",
         signed=False, topaz=False, num=0):
    """Documents: `note` is the Document Info note, `signed` that someone signed it (`topaz`: on the front desk's
    Topaz pad, else in the on-screen signature box); `num` a DocNum another module reserved (0: numbered here)."""
    return rows_of(len(patient), patient=patient, when=when, category=defnum(DefCat.IMAGE_CATS, category),
                   img_type=img_type, prefix=prefix, description=description, prov=prov, tooth=tooth,
                   extension=extension, note=note, signed=signed, topaz=topaz, num=num)


def documents(ctx, sources, attached, denials):
    """Images and scans on the days they were taken (each kind drawing from its own stream), thinned (or topped up
    with medical-history updates) to the volume, which includes every signed treatment plan's PDF (records.py
    reserved their DocNums); a file name unique per patient and day."""
    rng = ctx.rng("document")
    plans = signed_plans(ctx)
    docs = concat_rows([radiographs(ctx), photos(ctx), first_visit_forms(ctx),
                        referral_documents(ctx, sources, attached), eob_scans(ctx, denials)])
    docs = take_rows(docs, np.flatnonzero((docs["when"] >= stamp(ctx.start)) & (docs["when"] <= end_of_today(ctx))))
    room = ctx.config.volume("documents") - len(plans["num"])
    if room < 0:
        raise VolumeNotReached(f"documents: the {len(plans['num']):,} signed treatment plans alone are filed as "
                               f"documents, more than {ctx.config.volume('documents'):,}")
    docs = fit_to_volume(rng, docs, room,
                         lambda n: history_updates(ctx, n))
    docs = concat_rows([docs, plans])
    docs = take_rows(docs, np.argsort(docs["when"], kind="stable"))
    n = len(docs["patient"])
    day = docs["when"].astype("datetime64[D]")
    number = _number_within(docs["patient"], day.astype(np.int64), np.unique(docs["prefix"], return_inverse=True)[1])
    stamp_text = ymd(day)
    printed, note = referral_copies(docs, sources, attached)
    signed = np.flatnonzero(docs["signed"])
    signature = np.full(n, "", dtype=object)
    signature[signed] = signature_data(ctx.rng("document-signatures"), docs["topaz"][signed])
    ctx.out.copy("document", sliced({
        "DocNum": numbered(ctx, docs["num"]), "Description": docs["description"], "DateCreated": docs["when"],
        "DocCategory": docs["category"], "PatNum": ctx.practice.patients.nums[docs["patient"]],
        "FileName": text(docs["prefix"], "_", stamp_text, "_", number, ".", docs["extension"]),
        "ImgType": docs["img_type"], "ToothNumbers": docs["tooth"], "Note": note, "SigIsTopaz": docs["topaz"],
        "Signature": signature, "MountItemNum": 0, "RawBase64": "", "Thumbnail": "",
        "DateTStamp": np.minimum(docs["when"] + rng.integers(5, 900, n).astype("timedelta64[s]"), end_of_today(ctx)),
        "ProvNum": docs["prov"], "IsCropOld": False, "PrintHeading": printed, "ImageCaptureType": False,
        **image_edits(ctx, docs["img_type"]),
    }))


def numbered(ctx, reserved):
    """DocNums: the reserved ones, the next free numbers for the rest (in the order of the rows)."""
    nums = np.array(reserved, dtype=np.int64)
    free = np.flatnonzero(nums == 0)
    nums[free] = ctx.ids.take("document", len(free))
    return nums


def referral_copies(docs, sources, attached):
    """Radiographs taken the day a patient is referred out are printed with the heading (patient, date) for the
    specialist, and the Document Info note says so. Returns (PrintHeading, Note) of every document."""
    out = np.flatnonzero(attached.out)
    referred, first = np.unique(attached.patient[out] * DAY_STEP + attached.day[out].astype(np.int64),
                                return_index=True)
    taken = docs["patient"] * DAY_STEP + docs["when"].astype("datetime64[D]").astype(np.int64)
    printed = (docs["img_type"] == RADIOGRAPH) & np.isin(taken, referred)
    referral = lookup(attached.referral[out[first]], np.where(printed, np.searchsorted(referred, taken), -1), 0)
    doctor = text("Printed with heading for referral to Dr. ", sources.lname[referral])
    return printed, np.where(printed, doctor, docs["note"])


def image_edits(ctx, img_type):
    """What the staff did to images in the Imaging module: photos cropped (the rectangle in image pixels of an
    intraoral camera's 1280x1024 frame), mirror shots flipped, some turned upright; radiographs' brightness and
    contrast windowed (0-255 levels; 0/0 is OpenDental's untouched full range)."""
    rng = ctx.rng("document-edits")
    n = len(img_type)
    photo, radiograph = img_type == PHOTO, img_type == RADIOGRAPH
    cropped = photo & (rng.random(n) < CROPPED_SHARE)
    x, y = rng.integers(0, 300, n), rng.integers(0, 200, n)
    width, height = rng.integers(700, 980, n), rng.integers(500, 820, n)
    turned = photo & (rng.random(n) < ROTATED_SHARE)
    windowed = radiograph & (rng.random(n) < WINDOWED_SHARE)
    return {"CropX": np.where(cropped, x, 0), "CropY": np.where(cropped, y, 0), "CropW": np.where(cropped, width, 0),
            "CropH": np.where(cropped, height, 0), "IsFlipped": photo & (rng.random(n) < FLIPPED_SHARE),
            "DegreesRotated": np.where(turned, pick(rng, (90.0, 180.0, 270.0), n), 0.0),
            "WindowingMin": np.where(windowed, rng.integers(5, 60, n), 0),
            "WindowingMax": np.where(windowed, rng.integers(190, 250, n), 0)}


def radiographs(ctx):
    """One image per x-ray procedure, taken during its visit; a periapical shows the tooth treated that visit."""
    rng = ctx.rng("document-x-rays")
    pr, ap, codes = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.codes
    table = read_table("communication_x_rays")
    kind = np.full(len(codes.nums), -1)
    kind[[codes.index[row["code"]] for row in table]] = np.arange(len(table))
    proc = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (kind[pr.code] >= 0) & (pr.apt_num > 0))
    row = appointment_rows(ctx.practice.clinical.appointments, pr.apt_num[proc])
    x_ray = kind[pr.code[proc]]
    prefix = np.array([r["prefix"] for r in table])[x_ray]
    tooth = np.where(prefix == "PA", _tooth_treated(ctx, rng, pr.apt_num[proc]), "")
    description = np.array([r["description"] for r in table])[x_ray]
    return _doc(pr.patient[proc], ap.seated[row] + rng.integers(2, 15, len(proc)) * MINUTE, "Xrays", RADIOGRAPH,
                prefix,
                np.where(tooth != "", text(description, " #", tooth), description), prov=pr.prov[proc], tooth=tooth)


def _tooth_treated(ctx, rng, apt_nums):
    """The tooth of a procedure on the same appointment, else a tooth the dentist looked at (1-32)."""
    pr = ctx.practice.clinical.procedures
    guess = rng.integers(1, 33, len(apt_nums)).astype(str)
    toothed = np.flatnonzero((pr.apt_num > 0) & (pr.tooth != ""))
    known, first = np.unique(pr.apt_num[toothed], return_index=True)
    if not len(known):
        return guess
    at = np.minimum(np.searchsorted(known, apt_nums), len(known) - 1)
    return np.where(known[at] == apt_nums, pr.tooth[toothed[first]][at], guess)


def photos(ctx):
    """Intraoral photos at new-patient visits, pre-op photos at cosmetic work."""
    rng = ctx.rng("document-photos")
    ap, pr, codes = ctx.practice.clinical.appointments, ctx.practice.clinical.procedures, ctx.practice.codes
    new = np.flatnonzero((ap.status == AptStatus.COMPLETE) & ap.is_new_patient)
    cosmetic = np.flatnonzero((pr.status == ProcStatus.COMPLETE)
                              & np.isin(pr.code, [codes.index[c] for c in COSMETIC_CODES]) & (pr.apt_num > 0))
    cosmetic_row = appointment_rows(ctx.practice.clinical.appointments, pr.apt_num[cosmetic])
    return concat_rows([
        _doc(ap.patient[new], ap.seated[new] + rng.integers(1, 10, len(new)) * MINUTE, "Photos", PHOTO, "PHOTO",
             "Intraoral photos", prov=ap.prov[new]),
        _doc(pr.patient[cosmetic], ap.seated[cosmetic_row] + rng.integers(1, 5, len(cosmetic)) * MINUTE, "Photos",
             PHOTO, "PHOTO", text("Pre-op photo ", codes.abbr[pr.code[cosmetic]]), prov=pr.prov[cosmetic]),
    ])


def first_visit_forms(ctx):
    """Registration and HIPAA forms scanned at check-in of a new patient's first visit (the patient signs the
    privacy-notice acknowledgement on the signature pad), and the insurance card."""
    rng = ctx.rng("document-forms")
    ap, pt = ctx.practice.clinical.appointments, ctx.practice.patients
    new = np.flatnonzero((ap.status == AptStatus.COMPLETE) & ap.is_new_patient)
    insured = new[pt.insured[ap.patient[new]]]
    return concat_rows([
        _doc(ap.patient[new], ap.arrived[new] + rng.integers(1, 6, len(new)) * MINUTE, "Patient Forms", DOCUMENT,
             "FORM",
             "New patient registration and HIPAA", extension="pdf",
             note="Notice of privacy practices acknowledged", signed=True, topaz=True),
        _doc(ap.patient[insured], ap.arrived[insured] + rng.integers(1, 6, len(insured)) * MINUTE,
             "Insurance Cards", DOCUMENT, "INSCARD", "Insurance card front and back"),
    ])


def referral_documents(ctx, sources, attached):
    """Referral letters out, and the specialists' consult reports, which the dentist signs off as reviewed in the
    on-screen signature box."""
    rng = ctx.rng("document-referrals")
    out = np.flatnonzero(attached.out)
    reported = np.flatnonzero(attached.report != NO_DATE)
    doctor = text("Dr. ", sources.lname[attached.referral])
    return concat_rows([
        _doc(attached.patient[out], at_hours(rng, attached.day[out], 10, 16), "Referral Letters", DOCUMENT, "REF",
             text("Referral to ", doctor[out], " - ", sources.specialty_name[attached.referral[out]]),
             prov=attached.prov[out], extension="pdf"),
        _doc(attached.patient[reported], at_hours(rng, attached.report[reported], 9, 17), "Correspondence", FILE,
             "CONSULT", text("Consult report from ", doctor[reported]), extension="pdf",
             note="Reviewed by the treating dentist", signed=True),
    ])


def signed_plans(ctx):
    """The PDF of every signed treatment plan (records.py), saved when the last signature was, with its DocNum."""
    plans = ctx.practice.records.signed_plans
    return _doc(plans.patient, plans.filed, "Treatment Plans", FILE, "TP",
                text("Signed treatment plan ", dollars(plans.fee_cents)), prov=plans.dentist, extension="pdf",
                num=plans.doc_num)


def eob_scans(ctx, denials):
    rng = ctx.rng("document-eobs")
    return _doc(denials.patient, at_hours(rng, denials.received, 9, 17), "EOBs", ATTACHMENT, "EOB",
                text("EOB ", denials.carrier, " DOS ", mdy(denials.service)), extension="pdf",
                note=text("Denied: ", denials.reason))


def history_updates(ctx, n):
    """Updated medical-history forms signed at check-in of completed visits; the dentist notes the review and
    signs it in the on-screen signature box."""
    rng = ctx.rng("document-history-updates")
    ap = ctx.practice.clinical.appointments
    completed = np.flatnonzero((ap.status == AptStatus.COMPLETE) & (ap.date >= ctx.start))
    visit = pick(rng, completed, n if len(completed) else 0)
    return _doc(ap.patient[visit], ap.arrived[visit] + rng.integers(1, 6, len(visit)) * MINUTE, "Patient Forms",
                DOCUMENT, "FORM", "Medical history update", extension="pdf",
                note=pick(rng, HISTORY_REVIEWS, len(visit)), signed=True)
