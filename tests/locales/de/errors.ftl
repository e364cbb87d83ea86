lead--not-found = Lead { $id } wurde nicht gefunden.
quota = Kontingent „überschritten“ { $used }/{ $limit }.
maintenance = Wartungsarbeiten, bitte später erneut versuchen.
auth = Anmeldung erforderlich: {"{"}Bearer{"}"} \ "Token".
