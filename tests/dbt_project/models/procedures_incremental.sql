-- Procedures go from planned to complete; DateTStamp is their change stamp.
{{ config(materialized='incremental', unique_key='procedure_id') }}
select "ProcNum" as procedure_id, "PatNum" as patient_id, "ProcStatus" as procedure_status, "ProcFee" as fee,
       "ProcDate" as procedure_date, "DateTStamp" as changed_at
from {{ source('raw', 'procedurelog') }}
{% if is_incremental() %}
where "DateTStamp" > (select max(changed_at) from {{ this }})
{% endif %}
