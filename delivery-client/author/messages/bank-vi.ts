/** Vietnamese strings of the bank select and the dialogs that create and share item banks. */
export const bankVi = {
  'bk.readOnly': '(chỉ xem)',
  'bk.shared': '(được chia sẻ)',
  'bk.option': '{name} — {organisation}',
  'bk.create': 'Tạo ngân hàng',
  'bk.share': 'Chia sẻ',
  'bk.close': 'Đóng',
  'bk.create.title': 'Tạo ngân hàng câu hỏi',
  'bk.create.help': 'Ngân hàng thuộc về một đơn vị; mọi giáo viên của đơn vị đó được thêm và sửa câu hỏi.',
  'bk.create.name': 'Tên ngân hàng',
  'bk.create.subject': 'Môn học',
  'bk.create.organisation': 'Thuộc đơn vị',
  'bk.create.submit': 'Tạo ngân hàng',
  'bk.create.done': 'Đã tạo ngân hàng “{name}” và chọn nó để soạn câu hỏi.',
  'bk.share.title': 'Chia sẻ ngân hàng “{name}”',
  'bk.share.help':
    'Giáo viên của đơn vị được chia sẻ (và các đơn vị trực thuộc) thấy ngân hàng này trong ô “Ngân hàng”. Chỉ xem: dùng câu hỏi để ra đề; được sửa: thêm và sửa câu hỏi.',
  'bk.share.organisation': 'Chia sẻ với đơn vị',
  'bk.share.search': 'Tìm đơn vị theo tên',
  'bk.share.searchHint': 'ví dụ: thcs le loi (gõ có dấu hay không đều được)',
  'bk.share.searchNone': 'Không có đơn vị nào có tên khớp “{q}”. Hãy gõ ít chữ hơn hoặc kiểm tra chính tả.',
  'bk.share.searchFound': '{n} đơn vị khớp “{q}”.',
  'bk.share.level': 'Quyền',
  'bk.share.read': 'Chỉ xem',
  'bk.share.write': 'Được thêm và sửa câu hỏi',
  'bk.share.submit': 'Chia sẻ',
  'bk.share.current': 'Đang chia sẻ với',
  'bk.share.none': 'Ngân hàng này chưa được chia sẻ với đơn vị nào.',
  'bk.share.withdraw': 'Thôi chia sẻ với {organisation}',
  'bk.share.done': 'Đã chia sẻ với {organisation} ({level}).',
  'bk.share.withdrawn': 'Đã thôi chia sẻ với {organisation}.',
  'bk.share.pick': 'Hãy chọn đơn vị cần chia sẻ.',
  'bk.readOnlyNote':
    'Ngân hàng “{bank}” của {organisation} chỉ cho bạn xem: bạn dùng được câu hỏi nhưng không lưu được vào đây. Hãy chọn ngân hàng của trường mình ở ô “Ngân hàng”, hoặc bấm “Tạo ngân hàng”.',
  'bk.err.bank_read_only':
    'Không lưu được: ngân hàng “{bank}” của {organisation} chỉ cho bạn xem. Hãy chọn ngân hàng của trường mình ở ô “Ngân hàng” (hoặc bấm “Tạo ngân hàng”) rồi lưu lại.',
  'bk.err.bank_outside':
    'Ngân hàng “{bank}” thuộc {organisation}, ngoài đơn vị của bạn. Hãy chọn ngân hàng của đơn vị mình ở ô “Ngân hàng”.',
  'bk.err.bank_share_owner_only':
    'Chỉ {organisation}, đơn vị sở hữu ngân hàng “{bank}”, mới chia sẻ hay thôi chia sẻ được. Hãy nhờ giáo viên hoặc cán bộ khảo thí của {organisation}.',
  'bk.err.share_not_needed':
    '{organisation} đã quản lý ngân hàng này (đơn vị sở hữu hoặc cấp trên), không cần chia sẻ. Hãy chọn một đơn vị khác.',
  'bk.err.nameEmpty': 'Hãy nhập tên ngân hàng (ít nhất 2 ký tự), ví dụ “Toán 9 – Học kì I”.',
  'bk.err.nameTaken':
    'Đơn vị này đã có ngân hàng tên “{name}”. Hãy đặt tên khác, ví dụ thêm năm học hoặc khối lớp.',
  'bk.err.createForbidden':
    'Bạn không được tạo ngân hàng cho đơn vị này. Hãy chọn trường của mình ở ô “Thuộc đơn vị”, hoặc nhờ cán bộ khảo thí tạo giúp.',
  'bk.err.forbidden': 'Bạn không có quyền làm việc này. Hãy nhờ cán bộ khảo thí của đơn vị.',
  'bk.err.notFound': 'Không tìm thấy ngân hàng hay đơn vị này nữa. Hãy tải lại trang rồi thử lại.',
  'bk.type.portableCustom': 'Câu hỏi tương tác tuỳ biến',
  'bk.type.custom': 'Bài lập trình hoặc dạng riêng',
  'bk.type.other': 'Dạng khác',
  'bk.err.other': 'Chưa làm được ({status}). Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ khảo thí.',
} as const;

export type BankMessageKey = keyof typeof bankVi;
