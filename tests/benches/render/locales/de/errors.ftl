missing_api_key = Anmeldung erforderlich.
