"""The practice's booking templates: appointment types (IDs and names the analytics test, DOMAIN.md 5.1) and
recall types with the procedure codes that trigger them (generators/data/appointment_types.csv,
recall_types.csv).

Besides the hygiene programs (Prophy, Perio, Child Prophy, Fluoride) the practice tracks bitewings (yearly)
and panoramic / full-mouth x-rays (every five years), the recall types behind the intervals the analytics
decode (1 year + 1 day, 5 years + 1 day).
"""
import numpy as np

from ..context import RunContext
from ..data import read_table
from ..handover import RecallTypes


def appointment_types(ctx: RunContext) -> np.ndarray:
    """appointmenttype rows; BlockoutTypes: the blockouts (DefNums, comma-separated) each type may be booked in."""
    rows = read_table("appointment_types")
    nums = np.array([int(r["AppointmentTypeNum"]) for r in rows], dtype=np.int64)
    ctx.out.copy("appointmenttype", {
        "AppointmentTypeNum": nums, "AppointmentTypeName": [r["AppointmentTypeName"] for r in rows],
        "AppointmentTypeColor": np.array([int(r["AppointmentTypeColor"]) for r in rows]),
        "ItemOrder": np.arange(len(rows)), "IsHidden": np.array([r["IsHidden"] == "1" for r in rows]),
        "Pattern": [r["Pattern"] for r in rows], "CodeStr": [r["CodeStr"] for r in rows],
        "RequiredProcCodesNeeded": np.array([int(r["RequiredProcCodesNeeded"]) for r in rows]),
        "CodeStrRequired": [r["CodeStr"] if r["RequiredProcCodesNeeded"] != "0" else "" for r in rows],
        "BlockoutTypes": [",".join(str(ctx.practice.defs.named(25, name)) for name in r["blockout_types"].split("|")
                                   if name) for r in rows],
    })
    return nums


def recall_types(ctx: RunContext) -> RecallTypes:
    """recalltype and recalltrigger rows; returns nums, names, encoded intervals, time patterns and trigger code
    indices. AppendToSpecial: the x-ray and fluoride types whose procedures OD adds to the hygiene (Prophy,
    Perio) recall appointments when due."""
    rows = read_table("recall_types")
    nums = ctx.ids.take("recalltype", len(rows))
    ctx.out.copy("recalltype", {
        "RecallTypeNum": nums, "Description": [r["Description"] for r in rows],
        "DefaultInterval": np.array([int(r["DefaultInterval"]) for r in rows]),
        "TimePattern": [r["TimePattern"] for r in rows], "Procedures": [r["Procedures"] for r in rows],
        "AppendToSpecial": np.array([r["append_to_special"] == "1" for r in rows]),
    })
    index = ctx.practice.codes.index
    triggers = [np.array([index[code] for code in r["triggers"].split(",")]) for r in rows]
    type_of_trigger = np.repeat(nums, [len(t) for t in triggers])
    trigger_codes = np.concatenate(triggers)
    ctx.out.copy("recalltrigger", {
        "RecallTriggerNum": ctx.ids.take("recalltrigger", len(trigger_codes)), "RecallTypeNum": type_of_trigger,
        "CodeNum": ctx.practice.codes.nums[trigger_codes],
    })
    return RecallTypes(nums=nums, names=[r["Description"] for r in rows],
                           interval=np.array([int(r["DefaultInterval"]) for r in rows]),
                           time_pattern=np.array([r["TimePattern"] for r in rows]), triggers=triggers)
