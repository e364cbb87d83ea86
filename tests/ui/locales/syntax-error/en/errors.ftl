lead--not-found = Lead { $id } was not found.
