lead--not-found = Lead not found.

lead--missing = Lead missing.
