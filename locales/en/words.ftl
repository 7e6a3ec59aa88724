# Plain words (issue 22): intents, "did you mean", a schedule typed in words.
schedule-weekday-mismatch = { $date } is a { $actual }, not a { $said }. Please check the date or the weekday and type it again.
