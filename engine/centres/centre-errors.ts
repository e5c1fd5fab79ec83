/**
 * Errors of test centres, each with a stable id that the CLI, HTTP responses and tests share. Every
 * refusal names what was wrong, so a centre's staff can tell a damaged file from the wrong one.
 */
import { AppError } from '../platform/errors.ts';

/** Why a package was taken as tampered. */
export type TamperReason = 'malformed' | 'header' | 'content_hash' | 'signature' | 'signer';

export const centreErrors = {
  packageTampered: (reason: TamperReason, message: string) =>
    new AppError(422, 'package_tampered', `The package was altered or damaged: ${message}`, { reason }),
  packageForAnotherCentre: (centreId: string, intended: string[]) =>
    new AppError(
      403,
      'package_wrong_centre',
      `This package is for centre ${intended.join(', ')}, not for this centre (${centreId}).`,
      { centreId, intended },
    ),
  earlyKeyUse: (notBefore: Date, now: Date) =>
    new AppError(
      403,
      'key_too_early',
      `The key may not be used before ${notBefore.toISOString()} (it is now ${now.toISOString()}).`,
      { notBefore: notBefore.toISOString() },
    ),
  noPackageForCentre: (sittingId: string, centreId: string) =>
    new AppError(
      403,
      'package_wrong_centre',
      `No package of sitting ${sittingId} was sealed for centre ${centreId}.`,
      { centreId },
    ),
  wrongKey: (message: string) => new AppError(403, 'package_wrong_key', message),
  roomCodeMistyped: (message: string) =>
    new AppError(400, 'room_code_mistyped', `The room code is mistyped: ${message}`),
  unknownCentre: (centreId: string) =>
    new AppError(404, 'unknown_centre', `Centre ${centreId} is not registered with the central engine.`),
  noSittingKey: (sittingId: string) =>
    new AppError(
      409,
      'no_sitting_key',
      `Sitting ${sittingId} has no package key yet: seal a package for it first.`,
    ),
  notACentreNode: () =>
    new AppError(404, 'not_a_centre_node', 'This engine is not a test centre node (CENTRE_MODE=true).'),
  notACentre: () =>
    new AppError(409, 'not_a_centre', 'This engine has no centre identity: register it as a centre first.'),

  logMalformed: (index: number, message: string) =>
    new AppError(400, 'log_malformed', `Log entry ${index} is not a valid entry: ${message}`, { index }),
  logForeignCentre: (seq: number, claimed: string, expected: string) =>
    new AppError(
      403,
      'log_foreign_centre',
      `Log entry ${seq} is from centre ${claimed}, not from centre ${expected}.`,
      { seq, claimed, expected },
    ),
  logOtherSitting: (seq: number, claimed: string, expected: string) =>
    new AppError(
      422,
      'log_other_sitting',
      `Log entry ${seq} belongs to sitting ${claimed}, not to sitting ${expected}.`,
      { seq, claimed, expected },
    ),
  logEntryTampered: (seq: number) =>
    new AppError(
      422,
      'log_entry_tampered',
      `Log entry ${seq} was altered: its content does not match its hash.`,
      { seq },
    ),
  logBadSignature: (seq: number, centreId: string) =>
    new AppError(
      403,
      'log_bad_signature',
      `Log entry ${seq} is not signed by centre ${centreId}'s key (altered, or signed by another centre).`,
      { seq, centreId },
    ),
  logChainBroken: (seq: number) =>
    new AppError(
      422,
      'log_chain_broken',
      `Log entry ${seq} does not follow the entry before it (its previous hash differs).`,
      { seq },
    ),
  logSeqConflict: (seq: number) =>
    new AppError(
      409,
      'log_seq_conflict',
      `Log entry ${seq} differs from the entry already imported at that position.`,
      { seq },
    ),
  logGap: (expected: number, got: number) =>
    new AppError(
      409,
      'log_gap',
      `The log has a gap: entry ${expected} is next, but the batch goes on with entry ${got}.`,
      { expected, got },
    ),
};
