missing_api_key = Authentication required.
