# German: only `field-missing`; the other kinds keep the built-in German messages.
field-missing = Bitte „{ $field }" ausfüllen.
invalid = Ungültige Eingabe.
