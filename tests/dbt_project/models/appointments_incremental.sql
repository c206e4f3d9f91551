-- An incremental model the way the users' project writes them: the rows changed since the last load, by the
-- change stamp OpenDental keeps (never the load time: the data's clock is the practice's, not the machine's).
{{ config(materialized='incremental', unique_key='appointment_id') }}
select "AptNum" as appointment_id, "PatNum" as patient_id, "AptStatus" as appointment_status,
       "AptDateTime" as scheduled_at, "DateTStamp" as changed_at
from {{ source('raw', 'appointment') }}
{% if is_incremental() %}
where "DateTStamp" > (select max(changed_at) from {{ this }})
{% endif %}
