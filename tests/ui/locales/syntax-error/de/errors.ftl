# An unclosed placeable.
lead--not-found = Lead { $id wurde nicht gefunden.
