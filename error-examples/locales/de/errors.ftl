# The Leads API's errors in German. The attribute messages are the English ones (`en`).
validation_error = Die Validierung ist fehlgeschlagen.
lead--duplicate-email = Es gibt bereits einen Lead mit der E-Mail-Adresse { $email }.
lead--duplicate-emails = Einige Leads haben eine E-Mail-Adresse, die es bereits gibt.
lead--not-found = Lead { $id } wurde nicht gefunden.
auth--missing-api-key = Anmeldung erforderlich.
auth--invalid-api-key = Der API-Schlüssel ist ungültig.
auth--read-only-key = Dieser API-Schlüssel darf nur lesen.
billing--no-credits = Ihr Guthaben reicht für diese Aktion nicht aus.
rate_limited = Zu viele Anfragen. Bitte versuchen Sie es später erneut.
auth--too-many-failures = Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es später erneut.
store--full = Es ist kein Platz mehr, um weitere Leads zu speichern.
internal_server_error = Interner Serverfehler.
