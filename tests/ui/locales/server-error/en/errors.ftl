database = Internal server error.
