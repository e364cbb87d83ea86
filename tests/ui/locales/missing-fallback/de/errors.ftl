lead--not-found = Lead nicht gefunden.
lead--duplicate = Diesen Lead gibt es schon.
