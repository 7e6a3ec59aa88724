# /datlich when two organizers set the schedule at once (commands/general.ts).
schedule-what-time-place = { $time }, at { $place }
schedule-what-time = { $time }
schedule-what-place = at { $place }
schedule-meanwhile-earlier = Note: while you were setting the schedule, { $name } saved: { $what }. Your change was saved after it and replaces it.
schedule-meanwhile-later = Note: right after your save, { $name } changed the schedule to: { $what }. The schedule now stands as { $name } set it; please agree with each other before notifying delegates.
schedule-meanwhile-told = Dear colleague: just before your save, { $name } also saved the schedule: { $what }. The schedule now stands as you set it.
schedule-meanwhile-told-after = Dear colleague: right after your save, { $name } changed the schedule to: { $what }. The schedule now stands as { $name } set it; please agree with each other before notifying delegates.
