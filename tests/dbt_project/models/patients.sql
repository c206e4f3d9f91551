select "PatNum" as patient_id, "Guarantor" as guarantor_id, "PatStatus" as patient_status, "Birthdate" as birth_date
from {{ source('raw', 'patient') }}
