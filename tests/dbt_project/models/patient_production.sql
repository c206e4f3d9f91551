-- Completed production per patient: a model built on models, as a user's marts are.
select p.patient_id, count(pr.procedure_id) as completed_procedures, coalesce(sum(pr.fee), 0) as production
from {{ ref('patients') }} p
left join {{ ref('procedures') }} pr on pr.patient_id = p.patient_id and pr.procedure_status = 2
group by p.patient_id
