/**
 * Vietnamese wording of every refusal the engine can send the authoring pages: by the coded reason of a
 * bank refusal (`rf.code.*`, engine/bank/refusal-codes.ts), by error id (`rf.id.*`, engine/platform/errors.ts
 * and the capabilities' own), and the fallbacks that never show the engine's English sentence.
 */
export const refusalVi = {
  'rf.code.rubric_above_maximum':
    'Thang chấm cho tối đa {rubricMax} điểm, nhiều hơn điểm tối đa của câu hỏi ({itemMax}). Hãy giảm điểm các mức.',
  'rf.code.bank_name_taken':
    'Đơn vị này đã có ngân hàng tên “{name}”. Hãy đặt tên khác, ví dụ thêm năm học hoặc khối lớp.',
  'rf.code.item_identifier_changed':
    'Câu hỏi đang sửa không còn mã “{identifier}” trong ngân hàng này (có thể đã bị đổi hoặc xoá). Hãy mở lại câu hỏi từ danh sách.',
  'rf.code.item_has_errors': 'Câu hỏi còn lỗi. Hãy sửa các lỗi được liệt kê rồi thử lại.',
  'rf.code.stored_item_unreadable':
    'Không đọc được câu hỏi đã lưu trong ngân hàng. Hãy báo cho cán bộ khảo thí kèm tên câu hỏi.',
  'rf.code.answer_not_scorable':
    'Không chấm thử được câu trả lời này. Hãy kiểm tra đáp án đúng và câu trả lời thử (đúng dạng, đủ các ô) rồi chấm lại.',
  'rf.code.code_reference_fails':
    'Chưa lưu: lời giải mẫu của bài lập trình chưa qua hết các test của chính nó. Hãy xem các test không qua, sửa lời giải hoặc test rồi lưu lại.',
  'rf.code.media_too_large': 'Có tệp hình, âm thanh hay video lớn hơn {limitMb} MB. Hãy dùng tệp nhỏ hơn.',
  'rf.code.status_change_refused':
    'Không chuyển được trạng thái câu hỏi (có thể người khác vừa chuyển). Hãy bấm “Tìm” để tải lại danh sách rồi thử lại.',
  'rf.code.test_item_missing':
    'Đề thi dùng câu hỏi “{identifier}” nay không còn trong ngân hàng. Hãy dựng lại đề từ ma trận.',
  'rf.code.upload_empty': 'Tệp gửi lên không có nội dung. Hãy chọn tệp khác.',
  'rf.code.upload_no_file': 'Chưa chọn tệp. Hãy bấm “Chọn tệp” rồi chọn tệp cần nhập.',
  'rf.code.upload_field_invalid':
    'Thông tin gửi kèm tệp ({field}) chưa hợp lệ. Hãy tải lại trang rồi nhập lại.',
  'rf.code.upload_format_unknown':
    'Không nhận ra định dạng của tệp. Hãy chọn ở ô “Định dạng”, hoặc dùng tệp .docx, .xml, .txt, .csv hay .xlsx.',
  'rf.code.upload_too_large': 'Tệp lớn hơn {limitMb} MB. Hãy chia thành các tệp nhỏ hơn rồi nhập từng tệp.',
  'rf.code.import_not_zip': 'Tệp .zip bị hỏng hoặc không phải tệp nén zip. Hãy nén lại rồi thử lại.',
  'rf.code.import_package_unreadable':
    'Không đọc được gói QTI (tệp kê khai bị hỏng). Hãy xuất lại gói từ phần mềm nguồn rồi thử lại.',
  'rf.code.import_no_items': 'Tệp không có câu hỏi QTI nào. Hãy kiểm tra lại tệp.',
  'rf.code.import_has_errors':
    'Chưa nhập gì: {bad}/{total} tệp có lỗi. Hãy xem lỗi của từng tệp, sửa rồi nhập lại.',
  'rf.code.import_clashes':
    'Chưa nhập gì: {count} mã câu hỏi đã có trong ngân hàng với nội dung khác. Hãy chọn cách xử lý (tạo phiên bản mới, đổi mã hoặc bỏ qua) rồi nhập lại.',
  'rf.code.import_questions_bad':
    'Chưa lưu gì: còn {bad} câu có lỗi. Hãy sửa hoặc bỏ các câu đó rồi bấm “Lưu tất cả”.',
  'rf.code.import_nothing_to_save': 'Chưa lưu gì: tệp có lỗi hoặc không có câu hỏi nào. Hãy kiểm tra tệp.',
  'rf.id.bad_request':
    'Yêu cầu chưa hợp lệ: có ô còn trống hoặc sai dạng. Hãy kiểm tra các ô vừa nhập rồi thử lại.',
  'rf.id.validation_failed': 'Chưa lưu được vì nội dung còn lỗi. Hãy sửa các chỗ được chỉ ra rồi thử lại.',
  'rf.id.unauthenticated': 'Phiên đăng nhập đã hết. Hãy đăng nhập lại để tiếp tục.',
  'rf.id.invalid_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'rf.id.invalid_token': 'Phiên đăng nhập đã hết. Hãy đăng nhập lại để tiếp tục.',
  'rf.id.forbidden': 'Bạn không có quyền làm việc này. Hãy nhờ cán bộ khảo thí của đơn vị.',
  'rf.id.not_found': 'Không tìm thấy mục này nữa (có thể đã bị xoá hoặc đổi). Hãy tải lại trang rồi thử lại.',
  'rf.id.conflict':
    'Chưa làm được vì dữ liệu vừa thay đổi hoặc trùng với dữ liệu đã có. Hãy tải lại trang rồi thử lại.',
  'rf.id.identifier_taken':
    'Ngân hàng đã có câu hỏi mã “{identifier}”. Hãy mở câu đó để sửa, hoặc đặt mã khác cho câu này.',
  'rf.id.edited_elsewhere':
    'Câu hỏi “{identifier}” vừa được lưu ở nơi khác (phiên bản {version}) sau khi bạn mở. Phần bạn sửa vẫn còn ở đây; hãy mở câu hỏi ở thẻ khác để xem thay đổi rồi lưu lại.',
  'rf.id.payload_too_large': 'Tệp hoặc nội dung gửi lên quá lớn. Hãy chia nhỏ rồi gửi lại.',
  'rf.id.rate_limited': 'Bạn đã thử quá nhiều lần. Hãy chờ {retryAfterSeconds} giây rồi thử lại.',
  'rf.id.blueprint_unfilled':
    'Ngân hàng chưa đủ câu hỏi đã duyệt để điền ma trận đề. Hãy giảm số câu ở các ô thiếu, hoặc thêm và duyệt câu hỏi rồi dựng lại.',
  'rf.id.information_mismatch':
    'Các đề dựng ra chênh lệch độ khó nhiều hơn mức cho phép. Hãy giảm số đề hoặc nới mức chênh lệch rồi dựng lại.',
  'rf.id.separate_room_code_required': 'Thí sinh thi ở phòng riêng ({room}) phải dùng mã của phòng đó.',
  'rf.id.calibration_no_responses':
    'Chưa có bài làm đã chấm nào cho các câu này, nên chưa ước lượng được tham số. Hãy chờ có bài làm đã chấm rồi thử lại.',
  'rf.id.practice_not_graded':
    'Đây là buổi luyện tập: điểm chỉ để học sinh tự đánh giá, nên không có sổ điểm hay kết quả OneRoster. Hãy dùng “Tải báo cáo tổng hợp (PDF)” hoặc “Tải phiếu điểm (ZIP)”.',
  'rf.id.code_task_practice_only':
    '{detail} Hãy lên lịch thành buổi luyện tập, hoặc sửa tệp kiểm thử để so sánh giá trị thuần.',
  'rf.id.file_too_costly': 'Tệp “{file}” quá lớn hoặc quá phức tạp để đọc. Hãy chia thành các tệp nhỏ hơn.',
  'rf.id.imports_busy': 'Máy chủ đang đọc các tệp khác. Hãy thử lại sau {retryAfterSeconds} giây.',
  'rf.id.item_not_in_sitting': 'Không thí sinh nào của kỳ thi này làm câu hỏi này: không có gì để chấm lại.',
  'rf.id.result_not_final': 'Kết quả chưa chốt: còn bài chưa chấm xong. Hãy chờ chấm xong rồi xem lại.',
  'rf.id.results_not_released': 'Kết quả kỳ thi này chưa được công bố.',
  'rf.id.internal_error': 'Máy chủ gặp lỗi. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo cho cán bộ kỹ thuật.',
  'rf.id.package_wrong_centre':
    'Gói đề này không được niêm phong cho điểm thi này (hoặc phòng không có trong gói). Hãy niêm phong gói cho điểm thi trước.',
  'rf.id.no_sitting_key': 'Kỳ thi chưa có khóa gói đề: hãy niêm phong gói đề cho kỳ thi trước.',
  'rf.id.unknown_centre': 'Điểm thi này chưa được đăng ký với máy chủ trung tâm.',
  'rf.id.log_file_malformed':
    'Tệp này không phải tệp nhật ký kết quả của điểm thi, hoặc bị cắt cụt. Hãy xuất lại bằng lệnh export-log ở điểm thi.',
  'rf.id.log_malformed': 'Tệp nhật ký có mục không hợp lệ. Hãy xuất lại tệp ở điểm thi.',
  'rf.id.log_entry_tampered':
    'Tệp nhật ký đã bị sửa: một mục không khớp với mã băm của nó. Không nhập gì; hãy xuất lại tệp ở điểm thi.',
  'rf.id.log_foreign_centre': 'Tệp nhật ký này là của một điểm thi khác, không phải điểm thi đã chọn.',
  'rf.id.log_other_sitting': 'Tệp nhật ký có mục của một kỳ thi khác.',
  'rf.id.log_bad_signature':
    'Chữ ký của tệp nhật ký không phải của điểm thi này (tệp bị sửa hoặc do điểm thi khác ký).',
  'rf.id.log_chain_broken': 'Chuỗi nhật ký bị đứt: một mục không nối tiếp mục trước nó.',
  'rf.id.log_seq_conflict': 'Tệp nhật ký khác với phần đã nhận trước đó ở cùng vị trí.',
  'rf.id.log_gap': 'Tệp nhật ký bị thiếu mục: hãy xuất lại toàn bộ nhật ký ở điểm thi.',
  'rf.id.log_entry_refused': 'Một mục của nhật ký không áp dụng được vào kỳ thi ở máy chủ trung tâm.',
  'rf.id.package_tampered':
    'Gói đề thi đã bị sửa hoặc hỏng (chữ ký hay mã băm không khớp). Không mở gì; hãy tải lại gói từ máy chủ trung tâm.',
  'rf.id.package_wrong_key':
    'Khóa hoặc mã phòng này không mở được gói đề thi. Hãy kiểm tra lại với cán bộ khảo thí.',
  'rf.id.room_code_mistyped': 'Mã phòng gõ sai (ký tự kiểm tra không khớp). Hãy đọc lại và gõ lại mã.',
  'rf.id.key_too_early': 'Chưa đến giờ mở đề: khóa của kỳ thi chỉ dùng được từ giờ bắt đầu.',
  'rf.id.centre_unauthenticated':
    'Máy chủ trung tâm không nhận ra điểm thi này (yêu cầu thiếu chữ ký hoặc chữ ký sai).',
  'rf.id.not_a_centre':
    'Máy này chưa được đăng ký làm điểm thi. Hãy đăng ký điểm thi ở máy chủ trung tâm trước.',
  'rf.id.not_a_centre_node': 'Máy chủ này không chạy ở chế độ điểm thi (CENTRE_MODE=true).',
  'rf.network': 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  'rf.other': 'Chưa làm được (mã lỗi {status}). Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ khảo thí.',
} as const;

export type RefusalMessageKey = keyof typeof refusalVi;
