# Answers in plain words (issue 22): when the bot does not understand, it asks the open question again; newcomers are led to the invite code.
answer-not-understood = The bot did not understand “{ $text }”. Please answer the question below again (type its number or say it in words).
answer-not-understood-choose = The bot did not understand “{ $text }”. Please choose one of these (type its number):
newcomer-type-code = Dear delegate: to use the bot, please type the invite code printed on your unit's letter of invitation. It has 10 letters and digits, for example 7KQ2M-X9D4R (lower case and without the dash is fine). Type /help to see the commands.
code-not-right = That invite code is not right: a code has exactly 10 letters and digits, printed on the letter as 7KQ2M-X9D4R. Please check each character against the letter and type it again; if it still fails, contact the organizers{ $contact }.
join-next-rsvp = Next for your unit: answer for { $missing } of { $seats } invited seats ({ $titles }) by { $deadline }. Type /dangky to answer.
join-next-rsvp-done = Your unit has answered for all { $seats } invited seats; type /dangky to see or change them.
join-next-speech = Your unit is to give the speech “{ $topic }”, due { $deadline }. Type /thamluan to submit it.
join-deadline-tba = to be announced
rsvp-all-attend = Understood: all { $count } seats of { $unit } attend.
rsvp-ask-attend-all = Please type the name of the person attending in the seat { $seat } (type “tôi” if it is you).
rsvp-ask-position = Please type the position of { $name } (e.g. Deputy Chair of the commune).
rsvp-confirm-name = Which spelling should the bot keep for the seat { $seat }?
rsvp-name-marked = { $name } (with diacritics)
rsvp-name-typed = { $name } (as typed)
rsvp-vang-unclear = “Vâng” (yes) or “vắng” (absent)? The bot cannot tell whether you mean attending or absent.
speech-question-not-added = The question “{ $text }” was not added to the speech (the draft has { $parts } parts and stays open). Type “xong” when you have sent everything.
speech-question-unanswered = The bot cannot answer “{ $text }” yet; it was not added to the speech.
speech-add-question = Add this line to the speech
speech-part-added = That line was added to the speech (part { $n }). Send more, or type “xong” when you have sent everything.
speech-choice-not-understood = To submit a new version, you may also send the file or photos of the pages right away.
speech-draft-open-add = The speech draft has { $parts } parts and stays open. If the line you typed is part of the speech, choose:
yesno-again = Please answer “có” (yes) or “không” (no), or type the number:

## Usual positions typed without marks, written with them in the words of the unit's kind (commands/understand/readers.ts)
position-place = { $kind ->
    [town] township
    [ward] ward
    [special_zone] special zone
    [agency] agency
   *[commune] commune
}
position-chair = Chairman of the { $place } People's Committee
position-vice-chair = Vice Chairman of the { $place } People's Committee
position-council-chair = Chairman of the { $place } People's Council
position-council-vice-chair = Vice Chairman of the { $place } People's Council
position-party-secretary = Party Secretary of the { $place }
position-party-vice-secretary = Deputy Party Secretary of the { $place }
position-office = Office officer
position-office-statistics = Office and statistics officer
position-justice = Justice and civil status officer
position-land = Land and construction officer
position-finance = Finance and accounting officer
position-culture = Culture and social affairs officer
position-reform = Officer for administrative reform
position-one-stop = One-stop shop officer
position-police-chief = Police chief of the { $place }
position-military-chief = Military commander of the { $place }
