"""Dữ liệu mẫu (demo): thông báo của Phường Bắc Nha Trang và các tổ dân phố.

Toàn bộ nội dung trong tệp này là HƯ CẤU, chỉ dùng để trình diễn và kiểm thử:
tên người, số điện thoại, địa chỉ nhà, số liệu, sự kiện đều do người viết tự đặt.
Tên phường và tên đường là địa danh có thật ở phía bắc Nha Trang, nhưng không có
thông báo, bài viết hay con số nào dưới đây là thông tin chính thức của địa phương.

Quy ước dữ liệu:
- ``group`` là số thứ tự tổ dân phố (1..8); ``None`` nghĩa là thông báo cấp phường.
- ``*_offset_days`` tính tương đối so với ngày nạp dữ liệu.
- Khóa ``category`` của thông báo theo Điều 11 Luật Thực hiện dân chủ ở cơ sở 2022:
  budget, plans, land, contributions, projects, village_rules, other.

Seeded by ``demo.ward`` (``NoticePage``; one waits for review).
"""

NOTICES = [
    # ------------------------------------------------------------------ khẩn, ghim
    dict(
        title="Tạm ngừng cấp nước khu vực Đặng Tất, Hà Ra để sửa chữa đường ống",
        intro=(
            "Do sự cố vỡ ống chính, khu vực đường Đặng Tất và Hà Ra sẽ bị mất nước từ 22 giờ tối nay "
            "đến khoảng 6 giờ sáng mai."
        ),
        paragraphs=[
            "Đơn vị cấp nước thông báo tạm ngừng cấp nước để thay đoạn ống chính bị vỡ gần ngã ba "
            "Đặng Tất - Hà Ra. Khu vực ảnh hưởng gồm toàn bộ Tổ dân phố 2, Tổ dân phố 3 và một phần "
            "Tổ dân phố 1.",
            "Đề nghị bà con chủ động trữ nước sinh hoạt trước 22 giờ. Sau khi có nước trở lại, nước "
            "có thể hơi đục trong vài giờ đầu, bà con nên xả bỏ một lúc trước khi sử dụng.",
            "Trường hợp đến 8 giờ sáng mai vẫn chưa có nước, xin báo cho tổ trưởng tổ dân phố để "
            "phường liên hệ đơn vị cấp nước. Mong bà con thông cảm cho sự bất tiện này.",
        ],
        category="other",
        group=None,
        starts_offset_days=0,
        ends_offset_days=1,
        urgent=True,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Khẩn: Chủ động ứng phó bão, cấm tắm biển và ra khơi",
        intro=(
            "Bão có khả năng ảnh hưởng trực tiếp đến Khánh Hòa trong 48 giờ tới, kèm mưa rất to và "
            "gió giật mạnh."
        ),
        paragraphs=[
            "Ban Chỉ huy phòng thủ dân sự phường yêu cầu tàu thuyền vào nơi tránh trú an toàn, tạm "
            "dừng mọi hoạt động tắm biển, kinh doanh trên bãi biển kể từ khi có thông báo này. Các hộ ở "
            "nhà tạm, nhà mái tôn ven biển và ven sông Cái chuẩn bị sẵn sàng di dời.",
            "Điểm sơ tán gần nhất là nhà văn hóa các tổ dân phố và trụ sở UBND phường. Khi có lệnh "
            "sơ tán, bà con mang theo giấy tờ tùy thân, thuốc men và tắt cầu dao điện trước khi rời "
            "nhà.",
            "Mọi tình huống khẩn cấp xin gọi tổ trưởng tổ dân phố hoặc trực ban UBND phường theo số "
            "02583000123, liên lạc 24/24 giờ. Bà con thường xuyên theo dõi trang này và loa truyền "
            "thanh để cập nhật diễn biến mới nhất.",
        ],
        category="other",
        group=None,
        starts_offset_days=-1,
        ends_offset_days=3,
        urgent=True,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Đường dây nóng và lịch tiếp công dân của UBND phường Bắc Nha Trang",
        intro=(
            "Lãnh đạo UBND phường tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở số 1 "
            "Điện Biên Phủ."
        ),
        paragraphs=[
            "Chủ tịch UBND phường tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai và tuần thứ tư "
            "mỗi tháng. Các Phó Chủ tịch luân phiên tiếp công dân vào sáng thứ Năm các tuần còn lại.",
            "Đường dây nóng của UBND phường: 02583000123. Công an phường: 02583000113. Trạm Y tế "
            "phường: 02583000115. Báo cháy, cứu nạn cứu hộ: 114.",
            "Ngoài ra, bà con có thể gửi phản ánh, kiến nghị qua tổ trưởng tổ dân phố hoặc mục "
            "“Gửi ý kiến” trên trang Khu dân cư điện tử này. Mọi phản ánh đều được tiếp nhận, "
            "chuyển bộ phận chuyên môn xử lý và trả lời công khai.",
        ],
        category="other",
        group=None,
        starts_offset_days=-120,
        ends_offset_days=None,
        urgent=False,
        pinned=True,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ thu chi ngân sách
    dict(
        title="Công khai tình hình thực hiện dự toán ngân sách phường 9 tháng",
        intro=(
            "UBND phường công khai số liệu thu, chi ngân sách 9 tháng đầu năm theo quy định về công "
            "khai ngân sách."
        ),
        paragraphs=[
            "Tổng thu ngân sách trên địa bàn phường 9 tháng đạt 38,6 tỷ đồng, bằng 78,4% dự toán năm. "
            "Các khoản thu chính gồm thuế ngoài quốc doanh, lệ phí trước bạ và thu tiền sử dụng đất.",
            "Tổng chi ngân sách phường đạt 27,9 tỷ đồng, bằng 71,2% dự toán. Trong đó chi đầu tư phát "
            "triển 6,2 tỷ đồng, chi thường xuyên 21,7 tỷ đồng.",
            "Biểu mẫu chi tiết được niêm yết tại trụ sở UBND phường và đăng kèm thông báo này. Mọi "
            "thắc mắc xin liên hệ bộ phận Tài chính - Kế toán trong giờ hành chính.",
        ],
        category="budget",
        group=None,
        starts_offset_days=-12,
        ends_offset_days=48,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công khai kinh phí hỗ trợ hoạt động của 8 tổ dân phố",
        intro=(
            "Mỗi tổ dân phố được ngân sách phường cấp kinh phí hoạt động và bồi dưỡng cho người "
            "hoạt động không chuyên trách theo quy định."
        ),
        paragraphs=[
            "Kinh phí hỗ trợ hoạt động năm nay của mỗi tổ dân phố là 12 triệu đồng, cấp làm hai đợt. "
            "Khoản này dùng cho hội nghị tổ dân phố, văn phòng phẩm, điện nước nhà văn hóa và các "
            "hoạt động phong trào.",
            "Phụ cấp hằng tháng của tổ trưởng, tổ phó tổ dân phố được chi trả qua tài khoản ngân "
            "hàng. Bảng chi tiết theo từng tổ được niêm yết tại nhà văn hóa các tổ dân phố.",
        ],
        category="budget",
        group=None,
        starts_offset_days=-40,
        ends_offset_days=20,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công khai thu chi quỹ hoạt động Tổ dân phố 4 sáu tháng",
        intro=(
            "Ban điều hành Tổ dân phố 4 công khai các khoản thu, chi quỹ hoạt động của tổ để bà con "
            "theo dõi, góp ý."
        ),
        paragraphs=[
            "Tồn quỹ đầu kỳ là 4.350.000 đồng, thu trong kỳ 9.800.000 đồng từ đóng góp của 142 hộ. "
            "Tổng chi trong kỳ là 8.120.000 đồng, tồn quỹ cuối kỳ 6.030.000 đồng.",
            "Các khoản chi chính gồm thăm hỏi ốm đau, hiếu hỷ, tổ chức Trung thu cho thiếu nhi và sửa "
            "quạt, đèn nhà văn hóa. Chứng từ chi được lưu tại nhà văn hóa, bà con có thể đến xem "
            "vào tối thứ Hai hằng tuần.",
        ],
        category="budget",
        group=4,
        starts_offset_days=-7,
        ends_offset_days=23,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ kế hoạch KT-XH
    dict(
        title="Lấy ý kiến nhân dân về dự thảo Kế hoạch phát triển kinh tế - xã hội năm tới",
        intro=(
            "UBND phường đề nghị bà con đóng góp ý kiến vào dự thảo kế hoạch trước khi trình Hội "
            "đồng nhân dân phường."
        ),
        paragraphs=[
            "Dự thảo đặt mục tiêu nâng tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến lên 70%, thu "
            "gom 100% rác thải sinh hoạt và giảm tỷ lệ hộ nghèo xuống dưới 0,5%. Kế hoạch cũng ưu "
            "tiên chỉnh trang các tuyến hẻm và hệ thống thoát nước ở khu vực trũng thấp.",
            "Toàn văn dự thảo được niêm yết tại trụ sở UBND phường, nhà văn hóa các tổ dân phố và "
            "đăng kèm thông báo này. Ý kiến góp ý gửi qua tổ trưởng tổ dân phố hoặc trực tiếp tại "
            "Văn phòng UBND phường.",
        ],
        category="plans",
        group=None,
        starts_offset_days=-5,
        ends_offset_days=15,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Kế hoạch chuyển đổi số phường: phổ cập kỹ năng số cho người dân",
        intro=(
            "Phường đặt mục tiêu mỗi hộ gia đình có ít nhất một người biết sử dụng dịch vụ công "
            "trực tuyến và thanh toán không dùng tiền mặt."
        ),
        paragraphs=[
            "Theo kế hoạch, Tổ công nghệ số cộng đồng ở 8 tổ dân phố sẽ mở các lớp hướng dẫn ngắn "
            "vào cuối tuần. Nội dung gồm sử dụng VNeID, nộp hồ sơ trực tuyến, nhận diện lừa đảo "
            "qua mạng và dùng trang Khu dân cư điện tử.",
            "Các tổ dân phố có trách nhiệm lập danh sách hộ cần hỗ trợ, ưu tiên người cao tuổi và "
            "người khuyết tật. Kết quả thực hiện được báo cáo UBND phường hằng quý.",
        ],
        category="plans",
        group=None,
        starts_offset_days=-30,
        ends_offset_days=60,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Kế hoạch tổng vệ sinh môi trường Tổ dân phố 1 dịp cuối năm",
        intro=(
            "Tổ dân phố 1 tổ chức tổng vệ sinh các tuyến hẻm và đoạn bãi biển Hòn Chồng vào sáng "
            "Chủ nhật cuối tháng."
        ),
        paragraphs=[
            "Thời gian tập trung lúc 6 giờ tại nhà văn hóa số 25 Hòn Chồng. Mỗi hộ cử ít nhất một "
            "người tham gia, mang theo chổi, bao đựng rác và găng tay.",
            "Tổ chia thành 4 nhóm theo khu vực, nhóm thanh niên phụ trách đoạn bãi biển. Rác cồng "
            "kềnh được tập kết tại đầu hẻm 42 để xe thu gom chở đi trong buổi sáng.",
        ],
        category="plans",
        group=1,
        starts_offset_days=-3,
        ends_offset_days=12,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ đất đai
    dict(
        title="Niêm yết danh sách hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        intro=(
            "UBND phường niêm yết công khai 14 hồ sơ đề nghị cấp Giấy chứng nhận lần đầu để lấy ý "
            "kiến khu dân cư."
        ),
        paragraphs=[
            "Danh sách gồm 14 hồ sơ của hộ gia đình, cá nhân tại Tổ dân phố 3, 5 và 8, ghi rõ tên "
            "người sử dụng đất, số thửa, diện tích và nguồn gốc sử dụng đất. Thời gian niêm yết là "
            "15 ngày.",
            "Trong thời gian niêm yết, nếu có tranh chấp hoặc ý kiến khác về nguồn gốc, thời điểm sử "
            "dụng đất, đề nghị tổ chức, cá nhân gửi văn bản về công chức địa chính UBND phường. "
            "Hết thời hạn niêm yết, phường sẽ lập biên bản kết thúc công khai và chuyển hồ sơ "
            "theo quy định.",
        ],
        category="land",
        group=None,
        starts_offset_days=-4,
        ends_offset_days=11,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công khai phương án bồi thường mở rộng hẻm 61 Hòn Chồng",
        intro=(
            "Phương án bồi thường, hỗ trợ cho 9 hộ có đất, tài sản bị ảnh hưởng sẽ được niêm yết "
            "công khai để người dân góp ý."
        ),
        paragraphs=[
            "Dự án mở rộng hẻm 61 Hòn Chồng từ 2,5 m lên 5 m, chiều dài 180 m, ảnh hưởng một phần "
            "đất và công trình của 9 hộ. Phương án nêu rõ diện tích bị ảnh hưởng, đơn giá bồi "
            "thường và các khoản hỗ trợ.",
            "Phương án được niêm yết tại trụ sở UBND phường và nhà văn hóa Tổ dân phố 1. Phường sẽ "
            "tổ chức đối thoại với các hộ bị ảnh hưởng trong thời gian niêm yết.",
        ],
        category="land",
        group=1,
        starts_offset_days=3,
        ends_offset_days=33,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công khai kế hoạch sử dụng đất trên địa bàn phường",
        intro=(
            "Kế hoạch sử dụng đất được niêm yết để người dân biết các khu vực dự kiến chuyển mục "
            "đích sử dụng và thu hồi đất."
        ),
        paragraphs=[
            "Kế hoạch gồm danh mục 6 công trình, dự án có sử dụng đất trên địa bàn phường, trong đó "
            "có mở rộng hẻm, xây dựng điểm trường và bãi đỗ xe gần khu du lịch Hòn Chồng. Bản đồ kế "
            "hoạch sử dụng đất được treo tại hội trường UBND phường.",
            "Người dân có nhu cầu tìm hiểu chi tiết về thửa đất của mình vui lòng mang theo Giấy "
            "chứng nhận đến gặp công chức địa chính phường để được hướng dẫn. Thời gian tiếp "
            "người dân vào các buổi sáng thứ Ba và thứ Năm hằng tuần.",
        ],
        category="land",
        group=None,
        starts_offset_days=-25,
        ends_offset_days=35,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ các khoản đóng góp
    dict(
        title="Công khai kết quả vận động Quỹ “Vì người nghèo”",
        intro=(
            "Ban vận động Quỹ “Vì người nghèo” phường công khai số tiền vận động được và danh sách "
            "đóng góp của các tổ dân phố."
        ),
        paragraphs=[
            "Tổng số tiền vận động được là 186.500.000 đồng từ cán bộ, công chức, doanh nghiệp và "
            "nhân dân 8 tổ dân phố. Tổ dân phố 6 có số tiền đóng góp cao nhất với 31.200.000 đồng.",
            "Quỹ được dùng để hỗ trợ sửa nhà cho 3 hộ nghèo, tặng quà Tết và hỗ trợ học sinh nghèo. "
            "Danh sách chi tiết được niêm yết tại trụ sở Ủy ban MTTQ Việt Nam phường.",
        ],
        category="contributions",
        group=None,
        starts_offset_days=-45,
        ends_offset_days=-5,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Vận động ủng hộ Quỹ Đền ơn đáp nghĩa trên tinh thần tự nguyện",
        intro=(
            "Ủy ban MTTQ Việt Nam phường vận động cán bộ và nhân dân ủng hộ Quỹ Đền ơn đáp nghĩa, "
            "không quy định mức đóng góp bắt buộc."
        ),
        paragraphs=[
            "Quỹ dùng để thăm hỏi, tặng quà gia đình chính sách, người có công và hỗ trợ sửa chữa "
            "nhà ở cho những hộ có khó khăn. Bà con đóng góp qua tổ trưởng tổ dân phố hoặc chuyển "
            "khoản vào tài khoản của Quỹ.",
            "Mọi khoản đóng góp đều được ghi biên nhận và công khai sau đợt vận động. Phường không "
            "ủy quyền cho bất kỳ cá nhân nào đến từng nhà thu tiền.",
        ],
        category="contributions",
        group=None,
        starts_offset_days=-10,
        ends_offset_days=50,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Bàn mức đóng góp sửa chữa mái nhà văn hóa Tổ dân phố 6",
        intro=(
            "Ban điều hành Tổ dân phố 6 dự kiến mức vận động đóng góp để thay mái tôn nhà văn hóa "
            "bị dột, đề nghị bà con cho ý kiến."
        ),
        paragraphs=[
            "Mái tôn nhà văn hóa tổ đã dột nhiều chỗ sau mùa mưa, dự toán sửa chữa khoảng 38 triệu "
            "đồng. Phường hỗ trợ 15 triệu đồng, phần còn lại dự kiến vận động các hộ trong tổ.",
            "Mức vận động đề xuất là 150 nghìn đồng mỗi hộ, hộ nghèo và hộ chính sách được miễn. "
            "Tổ sẽ họp thống nhất vào tối thứ Sáu tuần sau tại nhà văn hóa số 184 đường 2 Tháng 4.",
        ],
        category="contributions",
        group=6,
        starts_offset_days=0,
        ends_offset_days=10,
        urgent=False,
        pinned=False,
        draft_for_review=True,
    ),
    # ------------------------------------------------------------------ dự án, công trình
    dict(
        title="Khởi công cải tạo mương thoát nước dọc đường Hà Ra",
        intro=(
            "Công trình dài 520 m nhằm chống ngập cho khu vực Tổ dân phố 3, thi công trong khoảng "
            "75 ngày."
        ),
        paragraphs=[
            "Công trình có tổng mức đầu tư 3,8 tỷ đồng từ ngân sách phường, gồm thay mới mương hộp "
            "bê tông và 22 hố ga. Đơn vị thi công được lựa chọn theo đúng quy định về đấu thầu.",
            "Trong thời gian thi công, một làn đường Hà Ra sẽ bị rào chắn. Đề nghị bà con chú ý biển "
            "báo, không đổ rác vào khu vực đang thi công.",
            "Ban giám sát đầu tư của cộng đồng sẽ theo dõi tiến độ và chất lượng công trình. Người "
            "dân phát hiện bất thường xin báo cho tổ trưởng Tổ dân phố 3.",
        ],
        category="projects",
        group=3,
        starts_offset_days=-15,
        ends_offset_days=60,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công khai danh mục công trình đầu tư công dự kiến năm tới",
        intro=(
            "UBND phường công khai danh mục 7 công trình dự kiến đầu tư và thứ tự ưu tiên để nhân "
            "dân tham gia ý kiến."
        ),
        paragraphs=[
            "Danh mục gồm bê tông hóa 4 tuyến hẻm, cải tạo 2 nhà văn hóa tổ dân phố và lắp đặt chiếu "
            "sáng tuyến hẻm 135 Điện Biên Phủ. Tổng kinh phí dự kiến khoảng 6,5 tỷ đồng.",
            "Thứ tự ưu tiên được xác định dựa trên kiến nghị của các hội nghị tổ dân phố. Bà con có "
            "thể góp ý về thứ tự ưu tiên qua tổ trưởng hoặc trực tiếp tại UBND phường.",
        ],
        category="projects",
        group=None,
        starts_offset_days=-20,
        ends_offset_days=10,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Nghiệm thu, đưa vào sử dụng hẻm 27 Đặng Tất",
        intro=(
            "Công trình bê tông hóa hẻm 27 Đặng Tất đã được nghiệm thu với sự tham gia của ban giám "
            "sát cộng đồng."
        ),
        paragraphs=[
            "Giá trị quyết toán công trình là 406.800.000 đồng, trong đó ngân sách phường 284.760.000 "
            "đồng, nhân dân đóng góp 122.040.000 đồng. Số tiền nhân dân đóng góp còn dư được hoàn "
            "lại cho các hộ theo tỷ lệ.",
            "Công trình được bảo hành 12 tháng. Nếu phát hiện nứt, lún mặt hẻm, bà con báo cho tổ "
            "trưởng Tổ dân phố 2 để yêu cầu đơn vị thi công sửa chữa.",
        ],
        category="projects",
        group=2,
        starts_offset_days=-30,
        ends_offset_days=0,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Lắp đặt đèn chiếu sáng hẻm 135 Điện Biên Phủ",
        intro=(
            "Phường sẽ lắp 18 bộ đèn LED trên tuyến hẻm 135 Điện Biên Phủ, thi công trong 10 ngày."
        ),
        paragraphs=[
            "Công trình sử dụng ngân sách phường, không huy động đóng góp của người dân. Đèn được lắp "
            "trên cột bê tông mới dọc một bên hẻm, cách nhau khoảng 25 m.",
            "Trong thời gian thi công, xe ô tô tạm thời không vào hẻm từ 8 giờ đến 17 giờ. Mong bà "
            "con thông cảm và tạo điều kiện cho đơn vị thi công.",
        ],
        category="projects",
        group=7,
        starts_offset_days=-2,
        ends_offset_days=8,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ hương ước, quy ước
    dict(
        title="Lấy ý kiến dự thảo Quy ước Tổ dân phố 5 (sửa đổi)",
        intro=(
            "Tổ dân phố 5 công bố dự thảo quy ước sửa đổi và đề nghị các hộ gia đình góp ý trước "
            "khi đưa ra hội nghị biểu quyết."
        ),
        paragraphs=[
            "Dự thảo bổ sung các quy định về phân loại rác tại nguồn, giữ trật tự sau 22 giờ và không "
            "kinh doanh lấn chiếm vỉa hè đường Lương Định Của. Quy ước cũng khuyến khích tổ chức "
            "việc cưới, việc tang văn minh, tiết kiệm.",
            "Toàn văn dự thảo được niêm yết tại nhà văn hóa số 14 Lương Định Của và đăng kèm thông "
            "báo này. Mỗi hộ có thể góp ý bằng phiếu, qua tổ trưởng hoặc trên trang Khu dân cư "
            "điện tử.",
            "Sau thời gian lấy ý kiến, ban điều hành tổ sẽ tổng hợp, hoàn chỉnh dự thảo và tổ chức "
            "hội nghị chủ hộ để biểu quyết. Quy ước chỉ có hiệu lực khi được UBND phường công nhận.",
        ],
        category="village_rules",
        group=5,
        starts_offset_days=-10,
        ends_offset_days=25,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Công bố Quy ước Tổ dân phố 2 đã được UBND phường công nhận",
        intro=(
            "Quy ước Tổ dân phố 2 gồm 5 chương, 24 điều đã được công nhận và có hiệu lực thi hành."
        ),
        paragraphs=[
            "Quy ước được hơn 90% chủ hộ biểu quyết tán thành tại hội nghị tổ dân phố. Nội dung tập "
            "trung vào giữ gìn vệ sinh, an ninh trật tự, tình làng nghĩa xóm và khuyến học.",
            "Mỗi hộ gia đình được phát một bản quy ước. Ban điều hành tổ sẽ theo dõi, nhắc nhở việc "
            "thực hiện và đưa vào tiêu chí bình xét gia đình văn hóa hằng năm.",
        ],
        category="village_rules",
        group=2,
        starts_offset_days=-70,
        ends_offset_days=-20,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    # ------------------------------------------------------------------ khác
    dict(
        title="Tạm ngừng cấp điện khu vực đường Phạm Văn Đồng để bảo trì lưới điện",
        intro=(
            "Ngành điện tạm ngừng cấp điện từ 7 giờ đến 15 giờ để bảo dưỡng đường dây, ảnh hưởng "
            "khu vực Tổ dân phố 8."
        ),
        paragraphs=[
            "Khu vực mất điện gồm các hộ dọc đường Phạm Văn Đồng từ số 1 đến số 120 và các hẻm lân "
            "cận. Thời gian có điện trở lại có thể sớm hơn nếu công việc hoàn thành trước dự kiến.",
            "Các hộ kinh doanh, cơ sở lưu trú chủ động máy phát điện và bảo quản thực phẩm. Không "
            "tự ý leo trèo, đụng chạm vào đường dây trong thời gian ngừng cấp điện.",
        ],
        category="other",
        group=8,
        starts_offset_days=5,
        ends_offset_days=5,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Đã khôi phục cấp điện sau sự cố trạm biến áp đường 2 Tháng 4",
        intro=(
            "Sự cố trạm biến áp gây mất điện khu vực Tổ dân phố 6 trong khoảng 5 giờ đã được khắc "
            "phục xong."
        ),
        paragraphs=[
            "Nguyên nhân mất điện là do sét đánh hỏng thiết bị tại trạm biến áp. Ngành điện đã thay "
            "thiết bị và cấp điện trở lại lúc 21 giờ cùng ngày.",
            "Hộ gia đình có thiết bị điện hư hỏng nghi do sự cố có thể liên hệ ngành điện qua tổng "
            "đài chăm sóc khách hàng để được kiểm tra. Phường đã đề nghị ngành điện lắp thêm thiết "
            "bị chống sét cho trạm.",
        ],
        category="other",
        group=6,
        starts_offset_days=-42,
        ends_offset_days=-40,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Niêm yết kết quả rà soát hộ nghèo, hộ cận nghèo",
        intro=(
            "Danh sách hộ nghèo, hộ cận nghèo sau rà soát được niêm yết để người dân theo dõi và "
            "phản ánh nếu chưa đúng."
        ),
        paragraphs=[
            "Kết quả rà soát, toàn phường còn 38 hộ nghèo và 71 hộ cận nghèo. Danh sách được niêm "
            "yết tại trụ sở UBND phường và nhà văn hóa 8 tổ dân phố.",
            "Nếu thấy trường hợp nào chưa đúng, người dân gửi ý kiến về Phòng Văn hóa - Xã hội "
            "của phường. Mọi ý kiến được xem xét và trả lời công khai.",
        ],
        category="other",
        group=None,
        starts_offset_days=-6,
        ends_offset_days=1,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
    dict(
        title="Lịch thu gom rác cồng kềnh miễn phí cho Tổ dân phố 7",
        intro=(
            "Xe thu gom rác cồng kềnh sẽ đến các tuyến hẻm Tổ dân phố 7 vào sáng thứ Bảy tuần sau."
        ),
        paragraphs=[
            "Bà con tập kết tủ, giường, nệm cũ, cành cây tại đầu hẻm từ 6 giờ đến 8 giờ sáng. Không "
            "để xà bần, rác xây dựng và rác nguy hại như pin, bóng đèn chung với rác cồng kềnh.",
            "Dịch vụ hoàn toàn miễn phí. Hộ nào không tự mang ra được xin báo trước cho tổ trưởng "
            "để tổ bố trí người hỗ trợ.",
        ],
        category="other",
        group=7,
        starts_offset_days=1,
        ends_offset_days=7,
        urgent=False,
        pinned=False,
        draft_for_review=False,
    ),
]
