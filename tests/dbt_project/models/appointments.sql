select "AptNum" as appointment_id, "PatNum" as patient_id, "AptStatus" as appointment_status,
       "AptDateTime" as scheduled_at
from {{ source('raw', 'appointment') }}
