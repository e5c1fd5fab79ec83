/**
 * The codes the bank capability sends as `details.code` beside a refusal's sentence (with the names and
 * figures the sentence uses), so the pages word every bank refusal in their own language. The author
 * pages' message catalogues have one message per code; system-tests/author-refusals.test.ts checks it.
 */
export const BANK_REFUSAL_CODES = [
  /** The actor only reads the bank (a read-only share, or the bank of an organisation above). */
  'bank_read_only',
  /** The bank belongs to an organisation outside the actor's tree. */
  'bank_outside',
  /** Only the bank's managers share it; the actor received it through a share. */
  'bank_share_owner_only',
  /** The organisation already manages the bank (its owner or above it). */
  'share_not_needed',
  /** The organisation already has a bank of that name. */
  'bank_name_taken',
  /** The item being edited no longer has its identifier in the bank. */
  'item_identifier_changed',
  /** The item or question has errors (listed in `details.problems`). */
  'item_has_errors',
  /** The stored item cannot be read back. */
  'stored_item_unreadable',
  /** The try-score answer could not be scored (`reason`: the scorer's sentence). */
  'answer_not_scorable',
  /** A code task's reference solution does not pass its own tests (`details.codeChecks`). */
  'code_reference_fails',
  /** A media file of the item is larger than the limit (`limitMb`). */
  'media_too_large',
  /** The review workflow does not allow that move (`reason`: the workflow's sentence). */
  'status_change_refused',
  /** A stored test refers to an item no longer in the bank (`identifier`). */
  'test_item_missing',
  /** The upload is empty. */
  'upload_empty',
  /** The form has no file field. */
  'upload_no_file',
  /** A form field that must hold JSON does not (`field`). */
  'upload_field_invalid',
  /** The file's format cannot be told from its name. */
  'upload_format_unknown',
  /** The upload is larger than the limit (`limitMb`). */
  'upload_too_large',
  /** A .zip upload is no zip. */
  'import_not_zip',
  /** The package cannot be read (a malformed manifest, …). */
  'import_package_unreadable',
  /** The upload holds no QTI item. */
  'import_no_items',
  /** Files of the upload have errors (`bad` of `total`, listed in `details.files`); nothing was imported. */
  'import_has_errors',
  /** Identifiers of the upload exist in the bank with other content (`count`, `details.clashes`). */
  'import_clashes',
  /** Questions of the import preview still have errors (`bad`); nothing was saved. */
  'import_questions_bad',
  /** The file has errors or no questions; nothing was saved. */
  'import_nothing_to_save',
] as const;

export type BankRefusalCode = (typeof BANK_REFUSAL_CODES)[number];

/** `details` of a coded bank refusal: the code and what its sentence names. */
export const refusalDetails = (code: BankRefusalCode, rest: Record<string, unknown> = {}) => ({
  ...rest,
  code,
});
