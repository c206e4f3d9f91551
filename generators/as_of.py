"""The practice as of a moment (--as-of): what OpenDental's database held then.

The phases simulate the whole timeline, to --end-date and the appointment book beyond it; `project` rewrites the
loaded tables, in SQL, to the state they had at the moment:
- a row exists once it was entered (BORN: its entry stamp, or the entry of the row it belongs to);
- a row that changed after the moment is put back the way it was (_statements): an appointment is the version its
  history (histappointment) held, a procedure completed later is still treatment-planned, a claim received later
  is still sent and its lines not received, a payment is not yet made;
- references to rows that did not exist yet are dropped (0, OpenDental's "none") or, where the reference is
  required, the referring row did not exist either (schema/foreign_keys.csv);
- every change is stamped: a row that changed by the moment carries a change stamp no later than it, and one
  that changed later the stamp of its last change before (or its entry);
- the families' balances and aging are OpenDental's aging run at the moment (opendental/aging.py).
"""
from core import schema
from opendental import aging
from opendental.codes import (AptStatus, ClaimProcStatus, ClaimStatus, CommSentOrReceived, PatStatus, ProcStatus,
                              TaskStatus)
from opendental.definitions import DefCat, defnum

# The column that says when a row was entered, in the order they are looked for; a table with none of them is
# entered with its parent (_orphans) or was part of the practice's setup.
ENTRY_COLUMNS = ("SecDateTEntry", "DateTEntry", "DateTimeEntry", "DateTCreated", "DateTimeCreated", "EntryDateTime",
                 "DateCreated", "DateTimeSheet", "DateTimeNote", "TimeEntry", "LogDateTime", "DateTimeLink",
                 "HistDateTStamp")
END_OF_DAY = "interval '17 hours'"  # claims and statements go out in the evening batch
# When a claim (aliased t) was first paid in the timeline (pg_temp.as_of_claims, made before anything changes).
FIRST_POSTED = '(SELECT f.posted FROM as_of_claims f WHERE f."ClaimNum" = t."ClaimNum")'
SENT = f'least("DateSent" + {END_OF_DAY}, {FIRST_POSTED})'
PAID_LINES = ClaimProcStatus.sql(ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)
ON_ACCOUNT = ClaimProcStatus.sql(ClaimProcStatus.NOT_RECEIVED, ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)
# Tables whose entry is dated without a time, entered when they were last stamped (never edited), or at the
# moment given here.
BORN = {
    "adjustment": '"SecDateTEdit"', "payment": '"SecDateTEdit"',
    # an insurance check is entered with the EOB posted to its lines
    "claimpayment": '''greatest("SecDateTEdit", (SELECT max(l."SecDateTEdit") FROM {s}.claimproc l
                                                 WHERE l."ClaimPaymentNum" = t."ClaimPaymentNum"))''',
    "paysplit": '(SELECT p."SecDateTEdit" FROM {s}.payment p WHERE p."PayNum" = t."PayNum")',
    "proctp": '"SecDateTEdit"', "treatplan": '"SecDateTEdit"',
    "claim": f'least("SecDateEntry" + {END_OF_DAY}, {FIRST_POSTED})',  # made by the time it was first paid
    # a claim line is the procedure's estimate until the claim is made (a supplemental payment: its own row)
    "claimproc": f"""CASE WHEN "Status" = {int(ClaimProcStatus.SUPPLEMENTAL)} THEN "SecDateTEdit"
                          ELSE (SELECT p."SecDateEntry" FROM {{s}}.procedurelog p WHERE p."ProcNum" = t."ProcNum") END""",
    "procedurelog": '"SecDateEntry"',
    "patient": '"SecDateEntry" + interval \'8 hours\'',
    "inssub": '"SecDateEntry" + interval \'8 hours\'', "insplan": '"SecDateEntry" + interval \'8 hours\'',
    "carrier": '"SecDateEntry" + interval \'8 hours\'',
    "statement": f'"DateSent" + {END_OF_DAY}', "deposit": f'"DateDeposit" + {END_OF_DAY}',
    "perioexam": '"DateTMeasureEdit"', "rxpat": '"DateTStamp"', "disease": '"DateTStamp"', "allergy": '"DateTStamp"',
    "refattach": '"DateTStamp"',
    "schedule": 'least("DateTStamp", "SchedDate" - interval \'366 days\')',  # set up a year ahead
    "sheetfield": None, "document": '"DateCreated"',  # a sheet's fields are filled with it
    "histappointment": '"HistDateTStamp"', "taskhist": '"DateTStamp"', "insverifyhist": '"SecDateTEdit"',
}
# The events a row is stamped with when they happen (the later edits of the timeline may have been stamped over).
EVENTS_STAMPED = {"appointment": ("DateTStamp", ('"DateTimeArrived"', '"DateTimeSeated"', '"DateTimeDismissed"')),
                  "labcase": ("DateTStamp", ('"DateTimeSent"', '"DateTimeRecd"', '"DateTimeChecked"')),
                  "task": ("SecDateTEdit", ('"DateTimeFinished"',)),
                  "claim": ("SecDateTEdit", ('"DateResent"', SENT)),
                  "inssub": ("SecDateTEdit", ('"DateTerm"',))}
# Rows whose history table keeps their versions: (table, history, key, the history's stamp, whether a history row
# is the row after the change (histappointment: creation, then each change) or before it (taskhist)).
VERSIONS = (("appointment", "histappointment", "AptNum", "HistDateTStamp", "after"),
            ("insverify", "insverifyhist", "InsVerifyNum", "SecDateTEdit", "after"),
            ("task", "taskhist", "TaskNum", "DateTStamp", "before"))
CHANGE_STAMPS = ("DateTStamp", "SecDateTEdit")
# Tables entered at the practice's setup whatever their stamps say (reference data).
SETUP = {"definition", "procedurecode", "provider", "operatory", "feesched", "fee", "clinic", "usergroup", "userod",
         "program", "programproperty", "medication", "pharmacy", "pharmclinic", "diseasedef", "allergydef", "referral",
         "employer", "employee", "laboratory", "recalltype", "recalltrigger", "appointmenttype", "apptview",
         "apptviewitem", "autocode", "covcat", "covspan", "codegroup", "sheetdef", "sheetfielddef", "claimform",
         "insfilingcode", "rxdef", "rxnorm", "zipcode", "usergroupattach", "userodapptview", "userodpref",
         "tasksubscription"}
# Columns of events that had not happened yet at the moment: "no date" then (and the status they imply, _statements).
NOT_YET = {"appointment": ("DateTimeArrived", "DateTimeSeated", "DateTimeDismissed"), "claim": ("DateResent",),
           "labcase": ("DateTimeSent", "DateTimeRecd", "DateTimeChecked"), "patient": ("DateFirstVisit", "DateTimeDeceased"),
           "task": ("DateTimeFinished",), "userod": ("DateTFail", "DateTLastLogin"), "inssub": ("DateTerm",),
           "insverify": ("DateLastVerified", "DateLastAssigned")}


def birth(table, s):
    """SQL of the moment a row of `table` (aliased t) of schema `s` was entered, or None (entered with its parent or
    at setup)."""
    if table in SETUP:
        return None
    if table in BORN:
        return BORN[table] and BORN[table].replace("{s}", s)
    columns = schema.table(table).column_names
    return next((f'"{c}"' for c in ENTRY_COLUMNS if c in columns), None)


def _with_another(table):
    """Whether a row of `table` is entered with a row of another table (its birth reads that table)."""
    return "{s}" in (BORN.get(table) or "")


def _statements(s):
    """The rules putting rows back to their state at the moment, in order, for schema `s` (SQL)."""
    planned, done = int(ProcStatus.TREATMENT_PLANNED), int(ProcStatus.COMPLETE)
    not_received, received = int(ClaimProcStatus.NOT_RECEIVED), int(ClaimProcStatus.RECEIVED)
    return [
        # An insurance verification not checked yet by the moment (no insverifyhist row then).
        f"""UPDATE {s}.insverify t SET "DateLastVerified" = '0001-01-01', "SecDateTEdit" = "DateTimeEntry"
            WHERE NOT EXISTS (SELECT 1 FROM {s}.insverifyhist h WHERE h."InsVerifyNum" = t."InsVerifyNum")""",
        # A family whose guarantor's record was made later (one who took over the account) had its first member
        # entered as guarantor.
        f"""
            UPDATE {s}.patient t SET "Guarantor" = f.first FROM (
              SELECT DISTINCT ON ("Guarantor") "Guarantor" AS family, "PatNum" AS first FROM {s}.patient m
              WHERE NOT EXISTS (SELECT 1 FROM {s}.patient g WHERE g."PatNum" = m."Guarantor")
              ORDER BY "Guarantor", "SecDateEntry", "PatNum") f
            WHERE t."Guarantor" = f.family""",
        # A visit still ahead (or under way) was scheduled; a patient who died later was a patient; a task finished
        # later was still open.
        f"""
            UPDATE {s}.appointment SET "AptStatus" = {int(AptStatus.SCHEDULED)}
            WHERE "AptStatus" IN ({int(AptStatus.COMPLETE)}, {int(AptStatus.BROKEN)})
              AND ("AptDateTime" > %(moment)s OR ("AptStatus" = {int(AptStatus.COMPLETE)}
                                                  AND "DateTimeDismissed" = '0001-01-01'))""",
        f"""UPDATE {s}.patient SET "PatStatus" = {int(PatStatus.PATIENT)}
                        WHERE "PatStatus" = {int(PatStatus.DECEASED)} AND "DateTimeDeceased" = '0001-01-01'""",
        f"""UPDATE {s}.task SET "TaskStatus" = {int(TaskStatus.VIEWED)}
                     WHERE "TaskStatus" = {int(TaskStatus.DONE)} AND "DateTimeFinished" = '0001-01-01'""",
        # A claim line of a claim not made yet was the procedure's estimate.
        f"""
            UPDATE {s}.claimproc t SET "Status" = {int(ClaimProcStatus.ESTIMATE)}, "ClaimNum" = 0, "InsPayAmt" = 0,
                   "ClaimPaymentNum" = 0, "DedApplied" = 0, "WriteOff" = 0, "LineNumber" = 0, "PaymentRow" = 0,
                   "DateCP" = "ProcDate", "DateEntry" = "SecDateEntry", "ClaimAdjReasonCodes" = '', "Remarks" = '',
                   "DateInsFinalized" = '0001-01-01', "ClaimPaymentTracking" = 0, "PaidOtherIns" = 0,
                   "SecDateTEdit" = (SELECT p."SecDateEntry" FROM {s}.procedurelog p WHERE p."ProcNum" = t."ProcNum")
            WHERE "ClaimNum" <> 0 AND NOT EXISTS (SELECT 1 FROM {s}.claim c WHERE c."ClaimNum" = t."ClaimNum")""",
        # A claim line whose check was not posted by the moment was waiting for the carrier: its estimate, no payment yet.
        f"""
            UPDATE {s}.claimproc t SET "Status" = {not_received}, "InsPayAmt" = 0, "ClaimPaymentNum" = 0,
                   "DateCP" = "ProcDate", "DateEntry" = "ProcDate", "PaymentRow" = 0, "ClaimAdjReasonCodes" = '',
                   "DateInsFinalized" = '0001-01-01', "Remarks" = '', "ClaimPaymentTracking" = 0,
                   "WriteOff" = greatest("WriteOffEst", 0),
                   "SecDateTEdit" = (SELECT c."SecDateEntry" + {END_OF_DAY} FROM {s}.claim c
                                     WHERE c."ClaimNum" = t."ClaimNum")
            WHERE "Status" = {received} AND NOT EXISTS (SELECT 1 FROM {s}.claimpayment k
                                                        WHERE k."ClaimPaymentNum" = t."ClaimPaymentNum")""",
        # A claim is received once its last line was; sent once its send day's batch went out.
        f"""
            UPDATE {s}.claim c SET "ClaimStatus" = {ClaimStatus.SENT.sql}, "DateReceived" = '0001-01-01',
                   "InsPayAmt" = 0, "WriteOff" = 0,
                   "SecDateTEdit" = least("SecDateTEdit", "DateSent" + {END_OF_DAY})
            WHERE "ClaimStatus" = {ClaimStatus.RECEIVED.sql}
              AND EXISTS (SELECT 1 FROM {s}.claimproc l WHERE l."ClaimNum" = c."ClaimNum"
                          AND l."Status" = {not_received})""",
        f"""
            UPDATE {s}.claim c SET "InsPayAmt" = l.paid, "WriteOff" = l.write_off
            FROM (SELECT "ClaimNum", sum("InsPayAmt") paid, sum("WriteOff") write_off FROM {s}.claimproc
                  GROUP BY 1) l
            WHERE l."ClaimNum" = c."ClaimNum" AND (c."InsPayAmt" <> l.paid OR c."WriteOff" <> l.write_off)""",
        f"""
            UPDATE {s}.claim t SET "ClaimStatus" = {ClaimStatus.WAITING_TO_SEND.sql}, "DateSent" = '0001-01-01',
                   "DateSentOrig" = '0001-01-01', "SecDateTEdit" = {BORN["claim"]}
            WHERE {SENT} > %(moment)s AND "ClaimStatus" <> {ClaimStatus.WAITING_TO_SEND.sql}""",
        # A procedure completed (or deleted) after the moment was still planned, dated for its visit, unless it was
        # on a claim or paid by then (the desk takes the payment and the office bills the day's work as it is done).
        f"""
            UPDATE {s}.procedurelog p SET "ProcStatus" = {planned}, "DateComplete" = '0001-01-01',
                   "DateEntryC" = '0001-01-01', "DateTStamp" = "SecDateEntry"
            WHERE "DateTStamp" > %(moment)s AND "ProcStatus" IN ({done}, {int(ProcStatus.DELETED)})
              AND NOT EXISTS (SELECT 1 FROM {s}.paysplit x WHERE x."ProcNum" = p."ProcNum")
              AND NOT EXISTS (SELECT 1 FROM {s}.claimproc c WHERE c."ProcNum" = p."ProcNum" AND c."ClaimNum" <> 0)""",
        # ... and one kept complete was completed by the time it was first paid or billed.
        f"""
            UPDATE {s}.procedurelog p SET "DateTStamp" = m.first FROM (
              SELECT "ProcNum", min(moment) AS first FROM (
                SELECT "ProcNum", "SecDateTEdit" AS moment FROM {s}.paysplit WHERE "ProcNum" <> 0
                UNION ALL SELECT l."ProcNum", c."SecDateEntry" + {END_OF_DAY} FROM {s}.claimproc l
                          JOIN {s}.claim c USING ("ClaimNum")) e GROUP BY 1) m
            WHERE m."ProcNum" = p."ProcNum" AND p."DateTStamp" > %(moment)s AND p."ProcStatus" = {done}""",
        f"""UPDATE {s}.procedurelog SET "DateTStamp" = "SecDateEntry" WHERE "DateTStamp" > %(moment)s""",
        _billing_types(s),
        # A child under 13 then was reached at the guarantor's e-mail; their own came when they were older.
        f"""
            UPDATE {s}.patient c SET "Email" = g."Email" FROM {s}.patient g
            WHERE g."PatNum" = c."Guarantor" AND c."PatNum" <> c."Guarantor" AND c."Email" <> ''
              AND c."Email" <> g."Email" AND c."Birthdate" > %(moment)s::date - interval '13 years'""",
    ]


def _recalls(s):
    """A recall as of the moment: from the last procedure with one of its type's trigger codes (OpenDental reads
    C, EC and EO), due its interval later, scheduled on the first booked visit with a trigger; none before the
    first such procedure."""
    charted = ProcStatus.sql(ProcStatus.COMPLETE, ProcStatus.EXISTING_CURRENT_PROVIDER,
                             ProcStatus.EXISTING_OTHER_PROVIDER)
    triggers = f"""SELECT r."RecallNum", p."ProcDate", p."ProcStatus", p."DateTStamp", p."AptNum"
                   FROM {s}.recall r JOIN {s}.recalltrigger g USING ("RecallTypeNum")
                   JOIN {s}.procedurelog p ON p."PatNum" = r."PatNum" AND p."CodeNum" = g."CodeNum" """
    last = f"""SELECT "RecallNum", max("ProcDate") previous, max("DateTStamp") stamped FROM ({triggers}) t
               WHERE "ProcStatus" IN {charted} GROUP BY 1"""
    booked = f"""SELECT t."RecallNum", min(t."ProcDate") FILTER (WHERE a."AptStatus" = {int(AptStatus.SCHEDULED)})
                        AS scheduled, max(a."DateTStamp") AS changed
                 FROM ({triggers}) t JOIN {s}.appointment a USING ("AptNum")
                 WHERE t."ProcStatus" = {int(ProcStatus.TREATMENT_PLANNED)} GROUP BY 1"""
    due = ("""(l.previous + make_interval(months => 12 * (r."RecallInterval" >> 24) + ((r."RecallInterval" >> 16) & 255)))::date
              + 7 * ((r."RecallInterval" >> 8) & 255) + (r."RecallInterval" & 255)""")
    return [
        f"""DELETE FROM {s}.recall r WHERE NOT EXISTS (SELECT 1 FROM ({last}) l
                       WHERE l."RecallNum" = r."RecallNum")""",
        # Stamped when its trigger was charted or a visit booking it was made, moved or cancelled.
        f"""
            UPDATE {s}.recall r SET "DatePrevious" = l.previous, "DateDueCalc" = {due}, "DateDue" = {due},
                   "DateScheduled" = coalesce(b.scheduled, '0001-01-01'),
                   "DateTStamp" = least(greatest(l.stamped, b.changed), %(moment)s)
            FROM ({last}) l LEFT JOIN ({booked}) b USING ("RecallNum") WHERE l."RecallNum" = r."RecallNum" """,
    ]


def _billing_types(s):
    """A guarantor's billing type changed after the moment is what the billing office's collections notes say it
    was: Bad Debt once a bad debt was written off, Collections from the note sending the account to the agency
    until the note settling it, else Standard Account; stamped with the last of those notes."""
    standard, collections, bad_debt, no_statements = (
        defnum(DefCat.BILLING_TYPES, name) for name in ("Standard Account", "Collections", "Bad Debt", "No Statements"))
    note_type, write_off = defnum(DefCat.COMMLOG_TYPES, "Collections"), defnum(DefCat.ADJ_TYPES, "Bad Debt Write-off")
    notes = f"""SELECT p."Guarantor", max(c."CommDateTime") last,
                       bool_or(c."SentOrReceived" = {int(CommSentOrReceived.RECEIVED)}) settled
                FROM {s}.commlog c JOIN {s}.patient p USING ("PatNum") WHERE c."CommType" = {note_type} GROUP BY 1"""
    return f"""
        UPDATE {s}.patient g SET
            "BillingType" = CASE WHEN EXISTS (SELECT 1 FROM {s}.adjustment a JOIN {s}.patient m USING ("PatNum")
                                              WHERE m."Guarantor" = g."PatNum" AND a."AdjType" = {write_off})
                                 THEN {bad_debt} WHEN n.last IS NOT NULL AND NOT n.settled THEN {collections}
                                 ELSE {standard} END,
            "DateTStamp" = coalesce(n.last, g."DateTStamp")
        FROM {s}.patient x LEFT JOIN ({notes}) n ON n."Guarantor" = x."PatNum"
        WHERE x."PatNum" = g."PatNum" AND g."Guarantor" = g."PatNum" AND g."DateTStamp" > %(moment)s
          AND g."BillingType" <> {no_statements}"""


def _versions(s, table, history, key, stamp, side):
    """The rows of `table` changed after the moment, put back to the version their history holds."""
    columns = [c for c in schema.table(table).column_names
               if c != key and c in schema.table(history).column_names and (side == "after" or c != stamp)]
    order = schema.table(history).primary_key  # two versions of one moment: the later one written
    pick = (f'"{stamp}" <= %(moment)s ORDER BY "{key}", "{stamp}" DESC, "{order}" DESC' if side == "after"
            else f'"{stamp}" > %(moment)s ORDER BY "{key}", "{stamp}", "{order}"')
    return f"""
        UPDATE {s}.{table} t SET {", ".join(f'"{c}" = h."{c}"' for c in columns)}
        FROM (SELECT DISTINCT ON ("{key}") * FROM {s}.{history} WHERE {pick}) h
        WHERE h."{key}" = t."{key}" AND EXISTS (SELECT 1 FROM {s}.{history} l
              WHERE l."{key}" = t."{key}" AND l."{stamp}" > %(moment)s)"""


def _filled(cursor, s):
    """The tables of schema `s` that hold rows (the rewrite leaves the others alone)."""
    names = sorted(schema.tables())
    cursor.execute(" UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM {s}.{t})" for t in names))
    return {t for (t,) in cursor.fetchall()}


def _orphans(cursor, s, filled):
    """References to rows that did not exist yet: the row goes where the reference is required, else the
    reference becomes 0; repeated until nothing changes (a row gone may orphan its own children)."""
    keys = [fk for fk in schema.foreign_keys()
            if fk.parent != "definition" and fk.parent not in SETUP and fk.table in filled]
    changed = True
    while changed:
        changed = False
        for fk in keys:
            parent_key = schema.table(fk.parent).primary_key
            missing = (f'"{fk.column}" <> 0 AND NOT EXISTS (SELECT 1 FROM {s}.{fk.parent} p '
                       f'WHERE p."{parent_key}" = t."{fk.column}")')
            action = "DELETE FROM" if fk.required else "UPDATE"
            tail = f'WHERE {missing}' if fk.required else f'SET "{fk.column}" = 0 WHERE {missing}'
            cursor.execute(f"{action} {s}.{fk.table} t {tail}")
            changed |= cursor.rowcount > 0


def _change_stamp(table):
    return next((c for c in CHANGE_STAMPS if c in schema.table(table).column_names), None)


def _references_stamped(cursor, s, filled):
    """A row is stamped no earlier than it was entered, nor than a row it refers to was entered (a procedure
    attached to a visit booked later, a check put on a deposit, a line of a claim); an insurance check's lines were
    posted with it, when the last of them was; a claim is received with its last line; a row is stamped with its
    own events (EVENTS_STAMPED)."""
    received = ClaimProcStatus.sql(ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)
    cursor.execute(f"""
        UPDATE {s}.claimpayment t SET "SecDateTEdit" = {birth("claimpayment", s)}""")
    for table in sorted(filled):
        stamp, born = _change_stamp(table), birth(table, s)
        if stamp and born and not _with_another(table):
            cursor.execute(f'UPDATE {s}.{table} t SET "{stamp}" = {born} WHERE "{stamp}" < {born}')
    for fk in schema.foreign_keys():
        stamp = _change_stamp(fk.table)
        # a check's stamp is its posting (its birth) by now
        parent_born = '"SecDateTEdit"' if fk.parent == "claimpayment" else birth(fk.parent, s)
        if not stamp or not parent_born or fk.table not in filled:
            continue
        key = schema.table(fk.parent).primary_key
        cursor.execute(f"""
            UPDATE {s}.{fk.table} c SET "{stamp}" = x.entered
            FROM (SELECT t."{key}", {parent_born} AS entered FROM {s}.{fk.parent} t) x
            WHERE x."{key}" = c."{fk.column}" AND c."{fk.column}" <> 0 AND c."{stamp}" < x.entered""")
    cursor.execute(f"""
        UPDATE {s}.claimproc l SET "SecDateTEdit" = k."SecDateTEdit" FROM {s}.claimpayment k
        WHERE k."ClaimPaymentNum" = l."ClaimPaymentNum" AND l."Status" IN {received}
          AND l."SecDateTEdit" <> k."SecDateTEdit" """)
    cursor.execute(f"""
        UPDATE {s}.claim c SET "SecDateTEdit" = l.posted
        FROM (SELECT "ClaimNum", max("SecDateTEdit") posted FROM {s}.claimproc WHERE "Status" IN {received}
              GROUP BY 1) l
        WHERE l."ClaimNum" = c."ClaimNum" AND c."SecDateTEdit" < l.posted""")
    for table, (stamp, events) in EVENTS_STAMPED.items():
        latest = f"greatest({', '.join(events)})"
        cursor.execute(f'UPDATE {s}.{table} t SET "{stamp}" = {latest} WHERE "{stamp}" < {latest}')


def _stamps(cursor, s, moment, filled):
    """A row entered by the moment but stamped later was not yet edited: its stamp is its entry (reference data:
    the practice's setup, its table's first stamp)."""
    for table in sorted(filled):
        columns = schema.table(table).column_names
        born = birth(table, s)
        for stamp in (c for c in CHANGE_STAMPS if c in columns):
            entered = born or f'(SELECT min("{stamp}") FROM {s}.{table})'
            cursor.execute(f'UPDATE {s}.{table} t SET "{stamp}" = least("{stamp}", {entered}) '
                           f'WHERE "{stamp}" > %(moment)s', {"moment": moment})


def _balances(cursor, s, moment):
    """OpenDental's aging run at the moment: every guarantor's family balance and buckets, every patient's own."""
    today = cursor.mogrify("%s::date", (moment,)).decode()
    cursor.execute(f"""
        UPDATE {s}.patient g SET "BalTotal" = round(coalesce(a.total, 0)::numeric, 2),
               "Bal_0_30" = round(coalesce(a.b0, 0)::numeric, 2), "Bal_31_60" = round(coalesce(a.b30, 0)::numeric, 2),
               "Bal_61_90" = round(coalesce(a.b60, 0)::numeric, 2), "BalOver90" = round(coalesce(a.b90, 0)::numeric, 2),
               "InsEst" = round(coalesce(i.estimate, 0)::numeric, 2)
        FROM {s}.patient p LEFT JOIN ({aging.family_aging(today, s)}) a ON a.family = p."PatNum"
             LEFT JOIN ({aging.pending_insurance(s)}) i ON i.family = p."PatNum"
        WHERE p."PatNum" = g."PatNum" AND g."Guarantor" = g."PatNum" """)
    cursor.execute(f"""
        UPDATE {s}.patient t SET "EstBalance" = round(coalesce(b.balance, 0)::numeric, 2)
        FROM {s}.patient p LEFT JOIN ({aging.patient_balances(s)}) b USING ("PatNum") WHERE p."PatNum" = t."PatNum" """)
    _balance_stamps(cursor, s, today)


def _balance_stamps(cursor, s, today):
    """OpenDental stamps a patient row when its balance changes: a guarantor's with the family's last posting
    (charge, payment, adjustment, claim line) or the last midnight one of its charges aged into the next bucket
    (any charge, paid or not: whether it was still unpaid then is not known here, and a stamp must never go back);
    every patient's with their own last posting."""
    posted = f"""
        SELECT "PatNum", max(moment) AS moment FROM (
          SELECT "PatNum", "DateTStamp" AS moment FROM {s}.procedurelog WHERE "ProcStatus" = {int(ProcStatus.COMPLETE)}
          UNION ALL SELECT "PatNum", "SecDateTEdit" FROM {s}.adjustment
          UNION ALL SELECT "PatNum", "SecDateTEdit" FROM {s}.paysplit
          UNION ALL SELECT "PatNum", "SecDateTEdit" FROM {s}.claimproc WHERE "Status" IN {ON_ACCOUNT}) e
        GROUP BY 1"""
    aged = f"""
        SELECT family, max(CASE WHEN age > 90 THEN day + 91 WHEN age > 60 THEN day + 61 ELSE day + 31 END)::timestamp
               AS moment FROM ({aging.unpaid_charges(today, s)}) u WHERE age > 30 GROUP BY 1"""
    cursor.execute(f"""
        UPDATE {s}.patient t SET "DateTStamp" = greatest(t."DateTStamp", o.moment, f.moment, a.moment)
        FROM {s}.patient p LEFT JOIN ({posted}) o USING ("PatNum")
             LEFT JOIN (SELECT m."Guarantor", max(x.moment) AS moment FROM {s}.patient m JOIN ({posted}) x USING ("PatNum")
                        GROUP BY 1) f ON f."Guarantor" = p."PatNum" AND p."Guarantor" = p."PatNum"
             LEFT JOIN ({aged}) a ON a.family = p."PatNum" AND p."Guarantor" = p."PatNum"
        WHERE p."PatNum" = t."PatNum" """)


def project(cursor, s, moment):
    """Rewrite the tables of schema `s`, which hold the whole simulated timeline, to the state at `moment` (a
    naive datetime)."""
    values = {"moment": moment}
    filled = _filled(cursor, s)
    cursor.execute(f'CREATE INDEX as_of_check_lines ON {s}.claimproc ("ClaimPaymentNum")')  # a check's birth
    cursor.execute(f"""CREATE TEMPORARY TABLE as_of_claims ("ClaimNum" int8 PRIMARY KEY, posted timestamp) ON COMMIT DROP;
                       INSERT INTO as_of_claims SELECT "ClaimNum", min("SecDateTEdit") FROM {s}.claimproc
                       WHERE "ClaimNum" <> 0 AND "Status" IN {PAID_LINES} GROUP BY 1""")
    # A row entered with another (a claim's lines, a payment's splits) goes before that one does.
    for table in sorted(filled, key=lambda name: (not _with_another(name), name)):
        born = birth(table, s)
        if born:
            cursor.execute(f"DELETE FROM {s}.{table} t WHERE {born} > %(moment)s", values)
    for table, columns in NOT_YET.items():
        for column in columns:
            cursor.execute(f'UPDATE {s}.{table} SET "{column}" = %(none)s WHERE "{column}" > %(moment)s',
                           {**values, "none": "0001-01-01"})
    for version in VERSIONS:
        cursor.execute(_versions(s, *version), values)
    for statement in _statements(s):
        cursor.execute(statement, values)
    _orphans(cursor, s, filled)
    _stamps(cursor, s, moment, filled)
    _references_stamped(cursor, s, filled)
    for statement in _recalls(s):
        cursor.execute(statement, values)
    _balances(cursor, s, moment)
    cursor.execute(f"DROP INDEX {s}.as_of_check_lines; DROP TABLE as_of_claims")
