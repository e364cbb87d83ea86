# The enum's own message for too-short field errors: `$max` is too-long's.
field-too-short = { $field } needs { $max } characters or more.
