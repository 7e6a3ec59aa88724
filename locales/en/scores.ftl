# Administrative reform index (PAR index): results, ranking, importing the table, publishing.

## Command descriptions
cmd-score = A unit's PAR index result (without a name: your unit)
cmd-ranking = The PAR index ranking of all units, with a chart
cmd-import-scores = Import the PAR index table from an .xlsx or .csv file (organizers)
cmd-publish = Publish the PAR index results (organizers)

## Marks
scores-sample-mark = [SAMPLE DATA — not official results]
scores-preview-mark = [NOT YET PUBLISHED — preview for organizers only]
scores-number = { $n }

## Embargo
scores-embargo = The PAR index results have not been announced yet. They will be available once the organizers announce them at the conference.
scores-none = There is no PAR index table yet. Use /importscores to import one.

## /score
score-ask-unit = Please type the name of the commune or town, e.g. Mường So (or /score Mường So).
score-unit-not-in-table = The { $year } table has no result for { $unit }.
score-title = PAR INDEX { $year } — { $unit }
score-total = Total: { $total }/{ $max } points ({ $percent }%)
score-rank = Rank: { $rank } of { $of }
score-class = Classification: { $label }
score-class-previous = Previous year's classification: { $label }
score-change = Compared with { $year }: { $score }.
score-change-rank = Compared with { $year }: { $score }; { $rank }.
score-change-up = up { $diff } points (previous year { $previous })
score-change-down = down { $diff } points (previous year { $previous })
score-change-same = unchanged at { $previous } points
score-rank-up = up { $n } places (from { $from } to { $to })
score-rank-down = down { $n } places (from { $from } to { $to })
score-rank-same = rank unchanged at { $to }
score-fields-title = Score per field (achieved/maximum):
score-field = { $name }: { $final }/{ $max }
score-field-previous = { $name }: { $final }/{ $max } (previous year { $previous })
score-weakest-previous = { $level ->
    [criteria] Criteria
   *[fields] Fields
  } that lost most points since the previous year:
score-weakest-previous-item = - { $name }: down { $diff } points ({ $previous } → { $final })
score-weakest-gained = No { $level ->
    [criteria] criterion
   *[fields] field
  } lost points since the previous year; gained most:
score-weakest-gained-item = - { $name }: up { $diff } points ({ $previous } → { $final })
score-weakest-max = { $level ->
    [criteria] Criteria
   *[fields] Fields
  } that lost most points (against the maximum):
score-weakest-max-item = - { $name }: { $diff } points lost ({ $final }/{ $max })

## /ranking
ranking-title = PAR INDEX RANKING { $year } ({ $units } units):
ranking-line = { $rank }. { $unit }: { $total }/{ $max } points, { $label }{ $change }
ranking-change-up = , up { $n }
ranking-change-down = , down { $n }
ranking-change-same = , rank unchanged
ranking-chart-caption = PAR index ranking chart { $year }
chart-title = PAR index { $year } — ranking of the units
chart-subtitle = { $units } units; maximum { $max } points; colour by classification
chart-sample = SAMPLE DATA — not official results
chart-preview = NOT YET PUBLISHED — organizers' preview
chart-axis = Score as a share of the maximum (%)

## /importscores
import-usage = Usage: send an .xlsx or .csv file with the command /importscores; /importscores template for the template.
import-console = The trial channel on the server cannot receive files. Please send the table through Telegram (a file with /importscores), or send the file to the administrator to import it on the server. The template is below.
import-send-file = Please send the table file (.xlsx or .csv, at most { $mb } MB) following the attached template. The bot checks it and shows a preview; nothing is replaced until you confirm.
template-sheet-name = Scores
template-caption = PAR index table template: one row per commune or town; adjust field names and maxima to the province's index.
import-read = Read the { $year } table from { $file }: { $units } units, { $fields } fields, maximum total { $max }.
import-fields-title = Fields (maximum):
import-field = { $criteria ->
    [0] { $name }: { $max }
   *[other] { $name }: { $max } ({ $criteria } criteria)
  }
import-top-title = Top { $n }:
import-bottom-title = Bottom { $n }:
import-unit = { $rank }. { $unit }: { $total }/{ $max } points, { $label }
import-missing = Note: the table lacks { $count } units: { $units }.
import-replaces = The current table ({ $year }, { $units } units, imported { $time }) will be kept as a previous table.
import-stays-unpublished = The new table stays unpublished; use /publish when the results are announced.
import-will-unpublish = Note: results are currently published. After the replacement the new table stays unpublished until /publish again.
import-question = Replace the table?
import-confirm = Confirm replacement
import-cancel = Cancel
import-cancelled = Cancelled. The current table stays.
import-nothing-pending = No table is waiting for confirmation. Please send the file again with /importscores.
import-stale = The table changed since the preview. Please send the file again with /importscores.
import-done = Table replaced: { $year }, { $units } units.
import-done-kept = The previous table is kept.
import-done-unpublished = Results are not published: only organizers can see them. Use /publish to publish.
import-refused = Could not import the table from { $file } ({ $stopped ->
    [yes] at least { $count } problems
   *[no] { $count } problems
  }); the current table stays.
import-problem = - { $reason }
import-problem-row = - Row { $line }: { $reason }
import-problem-row-unit = - Row { $line } ({ $unit }): { $reason }
import-refused-stopped = … The check stopped at row { $line }; there may be more problems from there on.
import-refused-footer = Please correct the file and send it again. Type /importscores template for the template.

## Problems of a table file
scores-err-empty = the file is empty.
scores-err-too-large = the file is larger than { $mb } MB.
scores-err-not-table = the file is not a spreadsheet (an .xlsx or .csv file with a header row "Đơn vị" is needed).
scores-err-xlsx-huge = the spreadsheet is too large once unpacked (too many cells, or pictures and attachments). Please keep only the scores sheet, one row per unit.
scores-err-too-many-rows = the table has more than { $max } rows; a scores table needs one row per unit.
scores-err-not-utf8 = the .csv file is not UTF-8. In Excel, save as "CSV UTF-8", or send the .xlsx file.
scores-err-xls = .xls files (old Excel) cannot be read. Please open it in Excel and save as .xlsx.
scores-err-file-type = "{ $name }" is not an .xlsx or .csv file.
scores-err-csv-broken = the .csv file is malformed near line { $line } (an unclosed quote).
scores-err-no-unit-column = the column "Đơn vị" is missing (the header row needs a cell "Đơn vị").
scores-err-no-total-column = the column "Tổng" is missing.
scores-err-no-fields = there is no field score column.
scores-err-bad-max = the maximum "{ $value }" of column "{ $column }" (column { $col }) is not a positive number.
scores-err-max-conflict = column "{ $column }" (column { $col }) gives a maximum different from the other columns of its field.
scores-err-column-twice = column "{ $column }" (column { $col }) appears twice.
scores-err-field-no-max = field "{ $field }" has no maximum (give it in the "Điểm tối đa" row or in brackets, e.g. [10]).
scores-err-field-no-final = field "{ $field }" lacks its (cuối cùng) final score column.
scores-err-children-max = the maxima of the criteria of "{ $field }" add up to { $sum }, not the field's maximum ({ $max }).
scores-err-total-max = the field maxima add up to { $sum }, not the maximum of "Tổng" ({ $max }).
scores-err-no-year = the table's year is unknown: add a row "Năm" above the header row (e.g. Năm | 2023).
scores-err-no-classification = there is no "Xếp loại" column and the conference file has no classification cut-offs.
scores-err-no-units = the table has no unit rows under the header row.
scores-err-unit-missing = the unit name is missing.
scores-err-unit-unknown = there is no unit "{ $unit }" among the conference's units.
scores-err-unit-unknown-suggest = there is no unit "{ $unit }". Did you mean: { $suggestions }?
scores-err-unit-twice = the unit already appears in row { $first }.
scores-err-value-missing = the score "{ $column }" (column { $col }) is missing.
scores-err-not-number = "{ $value }" in column "{ $column }" (column { $col }) is not a number.
scores-err-negative = the score "{ $column }" (column { $col }) is { $value }; it cannot be negative.
scores-err-above-max = the score "{ $column }" (column { $col }) is { $value }, above its maximum { $max }.
scores-err-children-sum = the criteria of "{ $field }" add up to { $sum }, not the field's score ({ $final }).
scores-err-sum = the fields add up to { $sum }, not the total ({ $total }).
scores-err-bad-rank = the rank "{ $value }" in column "{ $column }" is not a position.
scores-err-rank-without-total = "{ $column }" is given without "Tổng năm trước".
scores-err-no-class = { $percent }% is below every cut-off of the conference file; please fill the "Xếp loại" column.

## /publish
publish-no-table = There is no table to publish. Use /importscores first.
publish-question = Publish the { $year } PAR index results ({ $units } units)? Everyone can then see them with /score and /ranking; { $accounts ->
    [0] no unit has a delegate on the bot to receive them yet.
   *[other] { $accounts } delegate accounts of { $reached } units will receive their own unit's result.
  }
publish-confirm = Confirm publication
publish-cancel = Cancel
publish-cancelled = Cancelled. The results stay unpublished.
publish-closed = Closed.
publish-stale = The table changed since the preview. Please type /publish again.
publish-done = The { $year } PAR index results are published.
publish-sent = Results sent to { $sent } of { $accounts } delegate accounts of { $units } units.
publish-units-without-delegates = { $count } units have no delegate on the bot yet and received nothing: { $units }. They can see their result with /score.
publish-already = The { $year } PAR index results were published at { $time }.
publish-already-done = The results were published at { $time }.
publish-already-plain = The results are already published.
publish-resend = Send the results to the units again
publish-close = Close
publish-not-yet = The results are not published yet. Type /publish to publish them.
publish-usage = Usage: /publish to preview and confirm; /publish resend to send each unit its result again.
publish-notice = The organizers have published the { $year } PAR index results. Your unit's result:

## hoinghi command line
cli-scores-usage = Usage: hoinghi import-scores FILE.xlsx|FILE.csv [--publish | --previous]; hoinghi score-template FILE.xlsx|FILE.csv
cli-file-not-found = File not found: { $file }.
cli-scores-imported = Imported the { $year } table: { $units } units. The previous table (if any) is kept.
cli-scores-not-published = Results are not published. Publish with /publish in a chat with the bot, or run again with --publish.
cli-scores-published = Published. Results sent to { $sent } of { $accounts } delegate accounts.
cli-scores-published-offline = The command line runs no Telegram or Zalo channel: each unit's result is queued and will be sent when the bot runs.
cli-template-ext = The template file must end in .xlsx or .csv.
cli-template-written = Wrote the template { $file } ({ $units } communes and towns).

## Analysis per criterion (/score, /score <unit> <field>)
analysis-top-lost-title = Criteria that lost most points (against the maximum):
analysis-lost-item = - { $name }: lost { $lost } points ({ $final }/{ $max })
analysis-with-note = { $line }. Appraisal's note: { $note }
analysis-without-note = { $line }.
analysis-cut-item = - { $name }: the appraisal took off { $cut } points (self-assessed { $self } → appraised { $appraised })
analysis-field-hint = To see one field's criteria, e.g.: /score { $unit } { $field }
analysis-field-head = Field { $line }; { $percent }% achieved
analysis-criterion-head = Criterion { $line }; { $percent }% achieved
analysis-row = { $name }: { $final }/{ $max } ({ $details })
analysis-row-plain = { $name }: { $final }/{ $max }
analysis-parts-join = { $head }; { $tail }
analysis-part-self = self-assessed { $n }
analysis-part-appraised = appraised { $n }
analysis-part-previous = last year { $n }
analysis-indent-2 = {"      "}{ $line }
analysis-criteria-title = Criteria (achieved/maximum):
analysis-no-criteria = The table does not divide this field into criteria.
analysis-no-subcriteria = This criterion has no sub-criteria in the table.
analysis-nothing-lost = No points lost against the maximum.
analysis-lost-title = Points lost against the maximum (largest first):
analysis-cuts-title = Where the appraisal took points off the self-assessment:
analysis-no-cuts = No appraised score is below the self-assessed one.
analysis-ask-unit = Please give the commune or town before the field's number, e.g.: /score Mường So { $field }
analysis-field-unknown = The table has no field or criterion "{ $field }". Its fields: { $fields }.

# After the 2025 reorganisation of administrative units (the conference's old-to-new mapping, src/domain/reform.ts).
scores-err-old-merged = "{ $unit }" is the name of { $old } before the reorganisation, now merged with { $others } into { $into }, so it is unclear whose score this row is: please write the new unit's name.
scores-err-old-part = "{ $unit }" is the name of { $old } before the reorganisation, only part of which went into { $into } (with { $others }), so it is unclear whose score this row is: please write the new unit's name.
scores-err-old-split = "{ $unit }" is the name of { $old } before the reorganisation, now split between { $into }, so it is unclear whose score this row is: please write the new unit's name.
scores-err-previous-merged = { $unit } was formed by the reorganisation and has no previous year of its own to compare with the old units' scores: please leave this row's "previous year" columns empty (the old units' scores are imported separately with hoinghi import-scores FILE --previous).
scores-err-no-mapping = The conference file has no mapping of old to new administrative units (field reform.mapping), so a table of the old units cannot be imported.
reform-previous-not-old = A table of the old units holds only the communes, wards and towns before the reorganisation.
reform-previous-year = A table of the old units must be of a year before { $current } (the current table), not { $year }.
cli-scores-previous-kept = Kept the { $year } table of { $units } old units (before the reorganisation) for reference; the current table is unchanged.
# /score of a new unit: the scores of the old units it was formed from, for reference only.
score-premerge-title = Before the reorganisation ({ $year } scores of the old units, for reference only, not { $unit }'s previous year):
score-premerge-item = - { $name }{ $partial ->
    [yes] {" "}(in part)
   *[no] {""}
  }: { $total }/{ $max }
score-premerge-missing = - { $name }{ $partial ->
    [yes] {" "}(in part)
   *[no] {""}
  }: no score
score-premerge-name = { $kind ->
    [town] town
    [ward] ward
    [special_zone] special zone
   *[commune] commune
  } { $name }
cli-scores-previous-publish = A table of the old units (--previous) is only kept for reference, never published: please leave out --publish.
