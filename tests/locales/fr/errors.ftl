lead--not-found = Le prospect { $id } est introuvable.
