/** English wording of every refusal the engine can send the authoring pages (see refusal-vi.ts). */
import type { RefusalMessageKey } from './refusal-vi.ts';

export const refusalEn: Record<RefusalMessageKey, string> = {
  'rf.code.rubric_above_maximum':
    'The rubric gives up to {rubricMax} points, more than the item is worth ({itemMax}). Lower the points of its levels.',
  'rf.code.bank_name_taken':
    'This organisation already has a bank called “{name}”. Choose another name, e.g. add the school year or grade.',
  'rf.code.item_identifier_changed':
    'The item being edited no longer has the identifier “{identifier}” in this bank (it may have been changed or deleted). Open the item again from the list.',
  'rf.code.item_has_errors': 'The item has errors. Fix the listed errors and try again.',
  'rf.code.stored_item_unreadable':
    'The item stored in the bank cannot be read. Tell the exam board, naming the item.',
  'rf.code.answer_not_scorable':
    'This answer cannot be scored. Check the correct answer and the trial answer (right form, every box filled) and score again.',
  'rf.code.code_reference_fails':
    'Not saved: the reference solution of the code task does not pass its own tests. Look at the failing tests, fix the solution or the tests, and save again.',
  'rf.code.media_too_large':
    'A picture, audio or video file is larger than {limitMb} MB. Use a smaller file.',
  'rf.code.status_change_refused':
    'The item’s status could not be changed (someone may just have changed it). Press “Search” to reload the list and try again.',
  'rf.code.test_item_missing':
    'The test uses the item “{identifier}”, which is no longer in the bank. Build the test again from the blueprint.',
  'rf.code.upload_empty': 'The uploaded file is empty. Choose another file.',
  'rf.code.upload_no_file': 'No file chosen. Press “Choose file” and pick the file to import.',
  'rf.code.upload_field_invalid':
    'The information sent with the file ({field}) is not valid. Reload the page and import again.',
  'rf.code.upload_format_unknown':
    'The file’s format is not recognised. Choose it under “Format”, or use a .docx, .xml, .txt, .csv or .xlsx file.',
  'rf.code.upload_too_large':
    'The file is larger than {limitMb} MB. Split it into smaller files and import each.',
  'rf.code.import_not_zip': 'The .zip file is damaged or not a zip archive. Zip it again and retry.',
  'rf.code.import_package_unreadable':
    'The QTI package cannot be read (its manifest is damaged). Export it again from the source software and retry.',
  'rf.code.import_no_items': 'The file holds no QTI item. Check the file.',
  'rf.code.import_has_errors':
    'Nothing was imported: {bad} of {total} files have errors. Look at each file’s errors, fix them and import again.',
  'rf.code.import_clashes':
    'Nothing was imported: {count} item identifier(s) already exist in the bank with other content. Choose what to do with them (new version, rename or skip) and import again.',
  'rf.code.import_questions_bad':
    'Nothing was saved: {bad} question(s) still have errors. Fix them or leave them out, then press “Save all”.',
  'rf.code.import_nothing_to_save': 'Nothing was saved: the file has errors or no questions. Check the file.',
  'rf.id.bad_request':
    'The request was not accepted: a field is empty or in the wrong form ({message}). Check what you entered and try again.',
  'rf.id.validation_failed':
    'Not saved: the content has errors ({message}). Fix what is pointed out and try again.',
  'rf.id.unauthenticated': 'Your session has ended. Sign in again to continue.',
  'rf.id.invalid_credentials': 'The username or password is wrong.',
  'rf.id.invalid_token': 'Your session has ended. Sign in again to continue.',
  'rf.id.forbidden': 'You may not do this ({message}). Ask your organisation’s exam board.',
  'rf.id.not_found':
    'This can no longer be found (it may have been deleted or changed). Reload the page and try again.',
  'rf.id.conflict':
    'That did not work because the data just changed or clashes with what exists ({message}). Reload the page and try again.',
  'rf.id.identifier_taken':
    'The bank already holds an item with the identifier “{identifier}”. Open that item to edit it, or give this one another identifier.',
  'rf.id.edited_elsewhere':
    'The item “{identifier}” was saved elsewhere (version {version}) after you opened it. Your changes are still here; open the item in another tab to see the other changes, then save again.',
  'rf.id.payload_too_large': 'The file or content sent is too large. Split it and send it again.',
  'rf.id.rate_limited': 'Too many attempts. Wait {retryAfterSeconds} s and try again.',
  'rf.id.blueprint_unfilled':
    'The bank has too few approved items to fill the blueprint. Lower the counts of the short cells, or add and approve items, then build again.',
  'rf.id.information_mismatch':
    'The forms built differ in difficulty by more than the tolerance. Lower the number of forms or raise the tolerance, then build again.',
  'rf.id.separate_room_code_required':
    'A candidate of a separate room ({room}) must use that room’s access code.',
  'rf.id.calibration_no_responses':
    'There are no scored responses to these items yet, so no parameters can be estimated. Try again once responses are scored.',
  'rf.id.practice_not_graded':
    'This is a practice sitting: its scores are the students’ own feedback, so it has no grade book and no OneRoster results. Use “Download the summary report (PDF)” or “Download score reports (ZIP)”.',
  'rf.id.code_task_practice_only':
    '{detail} Schedule it as a practice sitting, or change the test file to compare plain values.',
  'rf.id.file_too_costly': 'The file “{file}” is too large or complex to read. Split it into smaller files.',
  'rf.id.imports_busy': 'The server is reading other files. Try again in {retryAfterSeconds} s.',
  'rf.id.item_not_in_sitting':
    'No candidate of this sitting was given this item: there is nothing to re-score.',
  'rf.id.result_not_final':
    'The result is not final yet: some answers are still being marked. Look again once marking is done.',
  'rf.id.results_not_released': 'The results of this sitting have not been released yet.',
  'rf.id.internal_error':
    'The server ran into an error. Try again in a few minutes; if it persists, tell the technical staff.',
  'rf.id.package_wrong_centre':
    'No package of this sitting was sealed for this centre (or the room is not in it). Seal a package for the centre first.',
  'rf.id.no_sitting_key': 'The sitting has no package key yet: seal a package for it first.',
  'rf.id.unknown_centre': 'This centre is not registered with the central server.',
  'rf.id.log_file_malformed':
    "This file is not a centre's result log, or it was cut short. Export it again with export-log at the centre.",
  'rf.id.log_malformed': 'The log file has an entry that is not valid. Export the file again at the centre.',
  'rf.id.log_entry_tampered':
    'The log file was altered: an entry does not match its hash. Nothing was imported; export the file again at the centre.',
  'rf.id.log_foreign_centre': "This log file is another centre's, not the chosen centre's.",
  'rf.id.log_other_sitting': 'The log file has an entry of another sitting.',
  'rf.id.log_bad_signature':
    "The log file is not signed with this centre's key (altered, or signed by another centre).",
  'rf.id.log_chain_broken': 'The log chain is broken: an entry does not follow the one before it.',
  'rf.id.log_seq_conflict': 'The log file differs from what was received before at the same position.',
  'rf.id.log_gap': 'The log file has missing entries: export the whole log again at the centre.',
  'rf.id.log_entry_refused': 'An entry of the log cannot be applied to the sitting on the central server.',
  'rf.id.package_tampered':
    'The sitting package was altered or damaged (its signature or hash does not match). Nothing was opened; download the package again from the central engine.',
  'rf.id.package_wrong_key':
    'This key or room code does not open the sitting package. Check it with the exam board.',
  'rf.id.room_code_mistyped':
    'The room code is mistyped (its check character does not match). Read it again and retype it.',
  'rf.id.key_too_early': 'Too early: the sitting key can only be used from the start time.',
  'rf.id.centre_unauthenticated':
    'The central engine did not recognise this centre (the request was unsigned or wrongly signed).',
  'rf.id.not_a_centre':
    'This machine is not registered as a test centre yet. Register the centre on the central engine first.',
  'rf.id.not_a_centre_node': 'This engine is not running as a test centre node (CENTRE_MODE=true).',
  'rf.network': 'The server cannot be reached. Check the network and try again.',
  'rf.other': 'That did not work (error {status}). Try again; if it keeps failing, tell the exam board.',
};
