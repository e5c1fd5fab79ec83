/**
 * The optional sitting-wide access code: one code for every room of a sitting, for boards that
 * read out a single code. It is longer than a room code so that one typed code never means both.
 */
import { AppError } from '../platform/errors.ts';
import { newAccessCode } from './access-codes.ts';

export const SITTING_CODE_LENGTH = 8;

export const newSittingAccessCode = () => newAccessCode(SITTING_CODE_LENGTH);

/** A candidate with a separate-room accommodation used the sitting-wide code. */
export const separateRoomCodeRequired = (roomName: string) =>
  new AppError(
    403,
    'separate_room_code_required',
    `You take this exam in a separate room (${roomName}): check in with the access code given in that room.`,
    { room: roomName },
  );
