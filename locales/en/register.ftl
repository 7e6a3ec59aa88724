# Shared wording (issue 12 item 9): one line of /trogiup. The English help also shows the English alias.
help-line = /{ $name }: { $describe }
help-line-alias = /{ $name } (/{ $alias }): { $describe }

## The contact in every "contact the organizers" sentence ({ $contact }, with a leading space; empty when none).
contact-ref = {" "}({ $name }, phone: { $phone })
