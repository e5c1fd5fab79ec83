/** English strings of the bank select and the dialogs that create and share item banks. */
import type { BankMessageKey } from './bank-vi.ts';

export const bankEn: Record<BankMessageKey, string> = {
  'bk.readOnly': '(read-only)',
  'bk.shared': '(shared)',
  'bk.option': '{name} — {organisation}',
  'bk.create': 'New bank',
  'bk.share': 'Share',
  'bk.close': 'Close',
  'bk.create.title': 'Create an item bank',
  'bk.create.help': 'A bank belongs to an organisation; every teacher there may add and change its items.',
  'bk.create.name': 'Bank name',
  'bk.create.subject': 'Subject',
  'bk.create.organisation': 'Organisation',
  'bk.create.submit': 'Create bank',
  'bk.create.done': 'Bank “{name}” created and selected for writing items.',
  'bk.share.title': 'Share bank “{name}”',
  'bk.share.help':
    'Teachers of the organisation (and those below it) see this bank in the “Bank” list. Read-only: use its items in tests; may edit: add and change items.',
  'bk.share.organisation': 'Share with',
  'bk.share.search': 'Find an organisation by name',
  'bk.share.searchHint': 'e.g. thcs le loi (diacritics optional)',
  'bk.share.searchNone':
    'No organisation has a name matching “{q}”. Type fewer letters or check the spelling.',
  'bk.share.searchFound': '{n} organisation(s) match “{q}”.',
  'bk.share.level': 'Rights',
  'bk.share.read': 'Read-only',
  'bk.share.write': 'May add and change items',
  'bk.share.submit': 'Share',
  'bk.share.current': 'Shared with',
  'bk.share.none': 'This bank is not shared with any organisation.',
  'bk.share.withdraw': 'Stop sharing with {organisation}',
  'bk.share.done': 'Shared with {organisation} ({level}).',
  'bk.share.withdrawn': 'No longer shared with {organisation}.',
  'bk.share.pick': 'Choose the organisation to share with.',
  'bk.readOnlyNote':
    'Bank “{bank}” of {organisation} is read-only for you: you may use its items but not save into it. Choose your school’s bank in the “Bank” list, or press “New bank”.',
  'bk.err.bank_read_only':
    'Not saved: bank “{bank}” of {organisation} is read-only for you. Choose your school’s bank in the “Bank” list (or press “New bank”) and save again.',
  'bk.err.bank_outside':
    'Bank “{bank}” belongs to {organisation}, outside your organisation. Choose a bank of your own in the “Bank” list.',
  'bk.err.bank_share_owner_only':
    'Only {organisation}, which owns bank “{bank}”, may share it or stop sharing it. Ask a teacher or the exam board of {organisation}.',
  'bk.err.share_not_needed':
    '{organisation} already manages this bank (it owns it or is above the owner); no share is needed. Choose another organisation.',
  'bk.err.nameEmpty': 'Enter a bank name (at least 2 characters), e.g. “Maths 9 – Term 1”.',
  'bk.err.nameTaken':
    'This organisation already has a bank named “{name}”. Choose another name, e.g. add the school year or grade.',
  'bk.err.createForbidden':
    'You may not create a bank for this organisation. Choose your own school under “Organisation”, or ask the exam board.',
  'bk.err.forbidden': 'You do not have the right to do this. Ask your exam board.',
  'bk.err.notFound': 'This bank or organisation no longer exists. Reload the page and try again.',
  'bk.type.portableCustom': 'Custom interactive question',
  'bk.type.custom': 'Programming task or special kind',
  'bk.type.other': 'Other kind',
  'bk.err.other': 'That did not work ({status}). Try again; if it keeps failing, tell the exam board.',
};
