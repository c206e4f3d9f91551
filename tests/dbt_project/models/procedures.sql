select "ProcNum" as procedure_id, "PatNum" as patient_id, "AptNum" as appointment_id, "ProcStatus" as procedure_status,
       "ProcFee" as fee, "ProcDate" as procedure_date
from {{ source('raw', 'procedurelog') }}
