# The fallback locale: the messages of the variants without `message`.
lead--not-found = Lead { $id } was not found.
quota = Quota "exceeded" { $used }/{ $limit }.
