-- Claim lines change from estimate to received as the EOBs come in: SecDateTEdit is their change stamp.
{{ config(materialized='incremental', unique_key='claim_line_id') }}
select "ClaimProcNum" as claim_line_id, "ProcNum" as procedure_id, "Status" as claim_line_status,
       "InsPayAmt" as insurance_paid, "WriteOff" as write_off, "SecDateTEdit" as changed_at
from {{ source('raw', 'claimproc') }}
{% if is_incremental() %}
where "SecDateTEdit" > (select max(changed_at) from {{ this }})
{% endif %}
