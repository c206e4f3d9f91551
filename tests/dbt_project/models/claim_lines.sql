select "ClaimProcNum" as claim_line_id, "ClaimNum" as claim_id, "ProcNum" as procedure_id, "Status" as status,
       "InsPayAmt" as insurance_paid, "WriteOff" as write_off
from {{ source('raw', 'claimproc') }}
