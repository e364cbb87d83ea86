lead--duplicate = This lead already exists.
