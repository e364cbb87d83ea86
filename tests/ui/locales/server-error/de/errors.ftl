database = Interner Fehler bei { $query }.
