# The enum's own messages for two field-error kinds, in its fallback locale (English):
# they replace the built-in English ones, and answer languages without a built-in table.
field-missing = Please fill in { $field }.
field-not-one-of = Pick one of { $allowed } for { $field }.
