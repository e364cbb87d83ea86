# `$lead_id` is not a field of `NotFound`: its field is `id`.
lead--not-found = Lead { $lead_id } was not found.
