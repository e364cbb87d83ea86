lead--not-found = Lead not found.
