# Speeches: new messages of the domain core (src/domain/speeches.ts).

## Withdrawing a speech
speech-nothing-to-withdraw = { $unit } has no speech submitted (or has already withdrawn it), so there is nothing to withdraw.
