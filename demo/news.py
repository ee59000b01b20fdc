"""Dữ liệu mẫu (demo) cho trang "Khu dân cư điện tử" của Phường Bắc Nha Trang.

Toàn bộ nội dung trong tệp này là HƯ CẤU, chỉ dùng để trình diễn và kiểm thử:
tên người, số điện thoại, địa chỉ nhà, số liệu, sự kiện đều do người viết tự đặt.
Tên phường và tên đường là địa danh có thật ở phía bắc Nha Trang, nhưng không có
thông báo, bài viết hay con số nào dưới đây là thông tin chính thức của địa phương.

Quy ước dữ liệu:
- Số điện thoại lưu dạng chỉ gồm chữ số, không có dấu cách (di động 10 số,
  cố định 11 số bắt đầu bằng 0258), có nhóm "000" ở giữa để dễ nhận ra là số giả.
- ``group`` là số thứ tự tổ dân phố (1..8); ``None`` nghĩa là tin/thông báo cấp phường.
- ``days_ago`` và ``*_offset_days`` tính tương đối so với ngày nạp dữ liệu.
- Khóa ``category`` của thông báo theo Điều 11 Luật Thực hiện dân chủ ở cơ sở 2022:
  budget, plans, land, contributions, projects, village_rules, other.
"""

WARD = dict(
    title="Phường Bắc Nha Trang",
    address="Số 1 Điện Biên Phủ, phường Bắc Nha Trang, tỉnh Khánh Hòa",
    phone="02583000123",
    email="ubnd.bacnhatrang@example.vn",
    intro=(
        "Phường Bắc Nha Trang được thành lập năm 2025 trên cơ sở sắp xếp các phường "
        "phía bắc sông Cái của thành phố Nha Trang trước đây, trải dài từ Tháp Bà "
        "Ponagar, Hòn Chồng đến dọc tuyến biển Phạm Văn Đồng. Trang Khu dân cư điện tử "
        "là nơi UBND phường và các tổ dân phố đăng tin tức, công khai thông báo và "
        "tiếp nhận ý kiến của bà con."
    ),
)

GROUPS = [
    dict(
        title="Tổ dân phố 1",
        street="Hòn Chồng",
        address="Nhà văn hóa Tổ dân phố 1, số 25 Hòn Chồng",
        leader="Trần Văn Phúc",
        leader_phone="0905000101",
    ),
    dict(
        title="Tổ dân phố 2",
        street="Đặng Tất",
        address="Nhà văn hóa Tổ dân phố 2, số 31 Đặng Tất",
        leader="Lê Thị Thu Hà",
        leader_phone="0905000102",
    ),
    dict(
        title="Tổ dân phố 3",
        street="Hà Ra",
        address="Nhà văn hóa Tổ dân phố 3, số 40 Hà Ra",
        leader="Nguyễn Văn Tâm",
        leader_phone="0905000103",
    ),
    dict(
        title="Tổ dân phố 4",
        street="Nguyễn Đình Chiểu",
        address="Nhà văn hóa Tổ dân phố 4, số 58 Nguyễn Đình Chiểu",
        leader="Phạm Minh Đức",
        leader_phone="0905000104",
    ),
    dict(
        title="Tổ dân phố 5",
        street="Lương Định Của",
        address="Nhà văn hóa Tổ dân phố 5, số 14 Lương Định Của",
        leader="Võ Thị Kim Liên",
        leader_phone="0905000105",
    ),
    dict(
        title="Tổ dân phố 6",
        street="Đường 2 Tháng 4",
        address="Nhà văn hóa Tổ dân phố 6, số 184 đường 2 Tháng 4",
        leader="Huỳnh Văn Lợi",
        leader_phone="0905000106",
    ),
    dict(
        title="Tổ dân phố 7",
        street="Điện Biên Phủ",
        address="Nhà văn hóa Tổ dân phố 7, số 92 Điện Biên Phủ",
        leader="Đặng Thị Mai",
        leader_phone="0905000107",
    ),
    dict(
        title="Tổ dân phố 8",
        street="Phạm Văn Đồng",
        address="Nhà văn hóa Tổ dân phố 8, số 66 Phạm Văn Đồng",
        leader="Bùi Quang Vinh",
        leader_phone="0905000108",
    ),
]

EDITORS = [
    dict(
        full_name="Ngô Thị Thanh Hương",
        phone="0935000201",
        email="huong.ntt@example.vn",
        job_title="Công chức Văn phòng - Thống kê",
    ),
    dict(
        full_name="Phan Quốc Khánh",
        phone="0935000202",
        email="khanh.pq@example.vn",
        job_title="Công chức Văn hóa - Xã hội",
    ),
]

HELPER = dict(
    full_name="Lê Hoàng Nam",
    phone="0978000301",
    email="nam.lh@example.vn",
    job_title="Thành viên Tổ công nghệ số cộng đồng Tổ dân phố 3",
)

# 24 hộ gia đình, mỗi hộ 1-3 thành viên, mỗi hộ đúng một người đại diện.
RESIDENTS = [
    # --- Tổ dân phố 1: Hòn Chồng ---
    dict(
        full_name="Nguyễn Văn Thành",
        phone="0905000401",
        group=1,
        address="18 Hòn Chồng",
        household_key="TDP1-H01",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Lê Thị Hồng",
        phone="0905000402",
        group=1,
        address="18 Hòn Chồng",
        household_key="TDP1-H01",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Thành Đạt",
        phone="0387000403",
        group=1,
        address="18 Hòn Chồng",
        household_key="TDP1-H01",
        is_representative=False,
        status="pending",
    ),
    dict(
        full_name="Trần Thị Bích Ngọc",
        phone="0914000404",
        group=1,
        address="42/7 Hòn Chồng",
        household_key="TDP1-H02",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Phạm Văn Sơn",
        phone="0905000405",
        group=1,
        address="61 Hòn Chồng",
        household_key="TDP1-H03",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Đỗ Thị Lan",
        phone="0702000406",
        group=1,
        address="61 Hòn Chồng",
        household_key="TDP1-H03",
        is_representative=False,
        status="verified",
    ),
    # --- Tổ dân phố 2: Đặng Tất ---
    dict(
        full_name="Võ Văn Hải",
        phone="0905000407",
        group=2,
        address="15 Đặng Tất",
        household_key="TDP2-H04",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Thị Thanh Tâm",
        phone="0833000408",
        group=2,
        address="15 Đặng Tất",
        household_key="TDP2-H04",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Huỳnh Thị Mỹ Duyên",
        phone="0935000409",
        group=2,
        address="27/3 Đặng Tất",
        household_key="TDP2-H05",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Lê Văn Cường",
        phone="0905000410",
        group=2,
        address="88 Đặng Tất",
        household_key="TDP2-H06",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Trương Thị Hạnh",
        phone="0563000411",
        group=2,
        address="88 Đặng Tất",
        household_key="TDP2-H06",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Lê Minh Khoa",
        phone="0388000412",
        group=2,
        address="88 Đặng Tất",
        household_key="TDP2-H06",
        is_representative=False,
        status="pending",
    ),
    # --- Tổ dân phố 3: Hà Ra ---
    dict(
        full_name="Đinh Văn Toàn",
        phone="0905000413",
        group=3,
        address="9 Hà Ra",
        household_key="TDP3-H07",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Phan Thị Ngọc Ánh",
        phone="0979000414",
        group=3,
        address="9 Hà Ra",
        household_key="TDP3-H07",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Thị Sương",
        phone="0914000415",
        group=3,
        address="34/12 Hà Ra",
        household_key="TDP3-H08",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Trần Quốc Bảo",
        phone="0905000416",
        group=3,
        address="56 Hà Ra",
        household_key="TDP3-H09",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Vũ Thị Thu Trang",
        phone="0707000417",
        group=3,
        address="56 Hà Ra",
        household_key="TDP3-H09",
        is_representative=False,
        status="verified",
    ),
    # --- Tổ dân phố 4: Nguyễn Đình Chiểu ---
    dict(
        full_name="Hoàng Văn Minh",
        phone="0905000418",
        group=4,
        address="23 Nguyễn Đình Chiểu",
        household_key="TDP4-H10",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Lý Thị Kim Oanh",
        phone="0834000419",
        group=4,
        address="23 Nguyễn Đình Chiểu",
        household_key="TDP4-H10",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Hoàng Gia Huy",
        phone="0396000420",
        group=4,
        address="23 Nguyễn Đình Chiểu",
        household_key="TDP4-H10",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Mai Thị Phương",
        phone="0935000421",
        group=4,
        address="70/5 Nguyễn Đình Chiểu",
        household_key="TDP4-H11",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Tạ Văn Long",
        phone="0905000422",
        group=4,
        address="112 Nguyễn Đình Chiểu",
        household_key="TDP4-H12",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Cao Thị Diễm",
        phone="0583000423",
        group=4,
        address="112 Nguyễn Đình Chiểu",
        household_key="TDP4-H12",
        is_representative=False,
        status="pending",
    ),
    # --- Tổ dân phố 5: Lương Định Của ---
    dict(
        full_name="Dương Văn Thắng",
        phone="0905000424",
        group=5,
        address="6 Lương Định Của",
        household_key="TDP5-H13",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Thị Yến",
        phone="0766000425",
        group=5,
        address="6 Lương Định Của",
        household_key="TDP5-H13",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Châu Thị Ngọc Hân",
        phone="0916000426",
        group=5,
        address="19/2 Lương Định Của",
        household_key="TDP5-H14",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Lâm Văn Quý",
        phone="0905000427",
        group=5,
        address="45 Lương Định Của",
        household_key="TDP5-H15",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Hồ Thị Thảo",
        phone="0372000428",
        group=5,
        address="45 Lương Định Của",
        household_key="TDP5-H15",
        is_representative=False,
        status="verified",
    ),
    # --- Tổ dân phố 6: Đường 2 Tháng 4 ---
    dict(
        full_name="Nguyễn Hữu Phước",
        phone="0905000429",
        group=6,
        address="102 đường 2 Tháng 4",
        household_key="TDP6-H16",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Trần Thị Kim Chi",
        phone="0945000430",
        group=6,
        address="102 đường 2 Tháng 4",
        household_key="TDP6-H16",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Hữu Tín",
        phone="0337000431",
        group=6,
        address="102 đường 2 Tháng 4",
        household_key="TDP6-H16",
        is_representative=False,
        status="pending",
    ),
    dict(
        full_name="Lưu Thị Hoa",
        phone="0905000432",
        group=6,
        address="156/8 đường 2 Tháng 4",
        household_key="TDP6-H17",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Phùng Văn Kiên",
        phone="0935000433",
        group=6,
        address="230 đường 2 Tháng 4",
        household_key="TDP6-H18",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Đoàn Thị Nga",
        phone="0793000434",
        group=6,
        address="230 đường 2 Tháng 4",
        household_key="TDP6-H18",
        is_representative=False,
        status="verified",
    ),
    # --- Tổ dân phố 7: Điện Biên Phủ ---
    dict(
        full_name="Kiều Văn Dũng",
        phone="0905000435",
        group=7,
        address="41 Điện Biên Phủ",
        household_key="TDP7-H19",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Ngô Thị Bích",
        phone="0819000436",
        group=7,
        address="41 Điện Biên Phủ",
        household_key="TDP7-H19",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="La Thị Xuân",
        phone="0914000437",
        group=7,
        address="78/15 Điện Biên Phủ",
        household_key="TDP7-H20",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Nguyễn Đức Trí",
        phone="0905000438",
        group=7,
        address="135 Điện Biên Phủ",
        household_key="TDP7-H21",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Phạm Thị Hằng",
        phone="0868000439",
        group=7,
        address="135 Điện Biên Phủ",
        household_key="TDP7-H21",
        is_representative=False,
        status="verified",
    ),
    # --- Tổ dân phố 8: Phạm Văn Đồng ---
    dict(
        full_name="Lê Văn Nghĩa",
        phone="0905000440",
        group=8,
        address="12 Phạm Văn Đồng",
        household_key="TDP8-H22",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Võ Thị Tuyết",
        phone="0775000441",
        group=8,
        address="12 Phạm Văn Đồng",
        household_key="TDP8-H22",
        is_representative=False,
        status="verified",
    ),
    dict(
        full_name="Lê Thị Ngọc Trâm",
        phone="0399000442",
        group=8,
        address="12 Phạm Văn Đồng",
        household_key="TDP8-H22",
        is_representative=False,
        status="pending",
    ),
    dict(
        full_name="Trịnh Văn Hậu",
        phone="0523000443",
        group=8,
        address="48/6 Phạm Văn Đồng",
        household_key="TDP8-H23",
        is_representative=True,
        status="pending",
    ),
    dict(
        full_name="Đặng Văn Lực",
        phone="0905000444",
        group=8,
        address="97 Phạm Văn Đồng",
        household_key="TDP8-H24",
        is_representative=True,
        status="verified",
    ),
    dict(
        full_name="Bùi Thị Mến",
        phone="0857000445",
        group=8,
        address="97 Phạm Văn Đồng",
        household_key="TDP8-H24",
        is_representative=False,
        status="verified",
    ),
]

NEWS = [
    # ------------------------------------------------------------------ cấp phường
    dict(
        title="Hơn 300 người ra quân dọn rác bãi biển Hòn Chồng",
        intro=(
            "Sáng Chủ nhật vừa qua, đoàn viên, hội viên và người dân các tổ dân phố đã "
            "thu gom gần 2,5 tấn rác trên bãi biển Hòn Chồng."
        ),
        paragraphs=[
            "UBND phường Bắc Nha Trang phối hợp với Ủy ban MTTQ Việt Nam phường và Đoàn "
            "Thanh niên phường tổ chức ra quân hưởng ứng phong trào chống rác thải nhựa. "
            "Từ 6 giờ sáng, hơn 300 người gồm cán bộ, đoàn viên, học sinh và bà con các tổ "
            "dân phố ven biển đã có mặt tại bãi biển Hòn Chồng.",
            "Trong khoảng ba giờ, lực lượng tham gia đã thu gom gần 2,5 tấn rác, chủ yếu là "
            "túi ni lông, chai nhựa, xốp và lưới đánh cá cũ trôi dạt vào bờ sau các đợt gió "
            "mùa. Đơn vị thu gom rác bố trí 2 xe ép rác vận chuyển ngay trong buổi sáng, "
            "không để rác tồn lại trên bãi.",
            "Phát biểu tại buổi ra quân, lãnh đạo UBND phường đề nghị các nhà hàng, cơ sở "
            "lưu trú dọc tuyến biển ký cam kết không xả rác, nước thải ra bãi tắm. Các tổ "
            "dân phố ven biển sẽ duy trì dọn vệ sinh vào sáng Chủ nhật cuối cùng của mỗi tháng.",
            "Phường khuyến khích bà con và du khách mang theo túi vải, bình nước cá nhân khi "
            "đi tắm biển và bỏ rác đúng nơi quy định. Những điểm đổ rác tự phát, người dân có "
            "thể báo qua tổ trưởng tổ dân phố hoặc gửi phản ánh trên trang thông tin này.",
        ],
        tags=["môi trường", "biển"],
        group=None,
        days_ago=1,
    ),
    dict(
        title="Tiêm chủng mở rộng: rà soát 86 trẻ chưa tiêm đủ mũi sởi - rubella",
        intro=(
            "Trạm Y tế phường tổ chức buổi tiêm chủng định kỳ trong hai ngày 15 và 16 hằng "
            "tháng, ưu tiên trẻ từ 1 đến 5 tuổi chưa tiêm đủ mũi vắc xin sởi - rubella."
        ),
        paragraphs=[
            "Buổi tiêm chủng mở rộng diễn ra tại Trạm Y tế phường, từ 7 giờ 30 đến 11 giờ. "
            "Đối tượng là trẻ dưới 1 tuổi đến lịch tiêm và trẻ từ 1 đến 5 tuổi còn thiếu mũi "
            "vắc xin sởi - rubella.",
            "Qua rà soát, toàn phường còn 86 trẻ chưa tiêm đủ mũi sởi, tập trung ở các tổ dân "
            "phố có nhiều hộ thuê trọ. Cộng tác viên dân số ở từng tổ dân phố sẽ đến từng nhà "
            "nhắc lịch trong tuần này.",
            "Phụ huynh nhớ mang theo sổ hoặc phiếu tiêm chủng của trẻ. Trẻ đang sốt, mới ốm "
            "dậy hoặc từng bị phản ứng nặng sau tiêm cần báo cho nhân viên y tế trước khi "
            "khám sàng lọc.",
            "Sau tiêm, trẻ được theo dõi tại điểm tiêm 30 phút và tiếp tục theo dõi tại nhà "
            "trong 24 giờ. Nếu trẻ sốt cao, quấy khóc kéo dài hoặc nổi ban, gia đình đưa trẻ "
            "đến ngay cơ sở y tế gần nhất.",
        ],
        tags=["y tế", "tiêm chủng"],
        group=None,
        days_ago=3,
    ),
    dict(
        title="Hướng dẫn kích hoạt tài khoản định danh điện tử mức 2 và nộp hồ sơ trực tuyến",
        intro=(
            "Tổ công nghệ số cộng đồng các tổ dân phố tiếp tục hỗ trợ bà con kích hoạt "
            "VNeID mức 2 và làm thủ tục trên Cổng Dịch vụ công quốc gia."
        ),
        paragraphs=[
            "Từ nay đến cuối tháng, Trung tâm Phục vụ hành chính công phường phối hợp với Tổ "
            "công nghệ số cộng đồng bố trí điểm hỗ trợ vào sáng thứ Bảy tại nhà văn hóa các tổ "
            "dân phố. Bà con mang theo căn cước và điện thoại thông minh đang dùng số thuê bao "
            "chính chủ.",
            "Tại điểm hỗ trợ, người dân được hướng dẫn kích hoạt tài khoản định danh điện tử "
            "mức 2, tích hợp thẻ bảo hiểm y tế, giấy phép lái xe vào ứng dụng VNeID. Các thành "
            "viên cũng hướng dẫn đăng ký tạm trú, thông báo lưu trú và nộp hồ sơ chứng thực, hộ "
            "tịch trực tuyến.",
            "Với tài khoản VNeID mức 2, người dân có thể đăng nhập Cổng Dịch vụ công quốc gia mà "
            "không cần tạo tài khoản riêng. Nhiều thủ tục như cấp bản sao trích lục khai sinh, "
            "đăng ký khai tử đã được giải quyết hoàn toàn trực tuyến, kết quả trả qua bưu điện "
            "hoặc nhận tại Trung tâm.",
            "Lưu ý, cán bộ hỗ trợ không bao giờ hỏi mật khẩu hay mã OTP của người dân. Nếu nhận "
            "được cuộc gọi tự xưng là cán bộ yêu cầu cung cấp mã OTP, bà con tuyệt đối không "
            "làm theo và báo ngay cho Công an phường.",
        ],
        tags=["chuyển đổi số", "dịch vụ công"],
        group=None,
        days_ago=6,
    ),
    dict(
        title="Cảnh giác với cuộc gọi giả danh công an yêu cầu “cập nhật VNeID”",
        intro=(
            "Trong tháng qua, Công an phường tiếp nhận 7 tin báo về các cuộc gọi lừa đảo nhắm "
            "vào người cao tuổi trên địa bàn."
        ),
        paragraphs=[
            "Theo Công an phường Bắc Nha Trang, các đối tượng thường tự xưng là cán bộ công an, "
            "gọi điện thông báo tài khoản định danh của người dân bị lỗi và cần cập nhật ngay. "
            "Sau đó, chúng gửi đường link hoặc yêu cầu cài ứng dụng lạ để chiếm quyền điều khiển "
            "điện thoại.",
            "Một trường hợp ở khu vực đường 2 Tháng 4 suýt bị chuyển 120 triệu đồng khỏi tài khoản "
            "ngân hàng. May mắn, người con phát hiện kịp thời và báo ngân hàng phong tỏa giao dịch.",
            "Công an phường khẳng định lực lượng công an không làm việc với người dân qua điện "
            "thoại để cập nhật VNeID hay yêu cầu chuyển tiền. Mọi thủ tục liên quan đều được thực "
            "hiện trực tiếp tại trụ sở hoặc qua ứng dụng chính thức.",
            "Đề nghị các gia đình nhắc nhở ông bà, cha mẹ không bấm vào đường link lạ và không "
            "đọc mã OTP cho bất kỳ ai. Khi nghi ngờ, bà con gọi cho tổ trưởng tổ dân phố hoặc "
            "đến trực tiếp Công an phường để được hướng dẫn.",
        ],
        tags=["an ninh trật tự", "lừa đảo"],
        group=None,
        days_ago=10,
    ),
    dict(
        title="Trung tâm Phục vụ hành chính công phường nhận hồ sơ vào sáng thứ Bảy",
        intro=(
            "Từ tuần này, Trung tâm Phục vụ hành chính công phường Bắc Nha Trang làm việc thêm "
            "sáng thứ Bảy để phục vụ người dân bận đi làm trong tuần."
        ),
        paragraphs=[
            "Trung tâm tiếp nhận và trả kết quả hồ sơ vào sáng thứ Bảy, từ 7 giờ 30 đến 11 giờ 30. "
            "Các lĩnh vực được tiếp nhận gồm hộ tịch, chứng thực, đất đai, bảo trợ xã hội và "
            "đăng ký hộ kinh doanh.",
            "Bình quân mỗi ngày làm việc, Trung tâm tiếp nhận khoảng 90 hồ sơ, trong đó gần một "
            "nửa được nộp trực tuyến. Riêng lĩnh vực chứng thực bản sao có lượng người đến đông "
            "nhất vào đầu tuần.",
            "Người dân có thể lấy số thứ tự qua mã QR dán tại cửa Trung tâm để hạn chế chờ đợi. "
            "Mọi góp ý về thái độ phục vụ xin gửi vào hòm thư góp ý hoặc qua số điện thoại đường "
            "dây nóng của UBND phường.",
        ],
        tags=["dịch vụ công", "cải cách hành chính"],
        group=None,
        days_ago=15,
    ),
    dict(
        title="Nạo vét 1,8 km mương thoát nước trước mùa mưa lũ",
        intro=(
            "Phường hoàn thành nạo vét các tuyến mương, cống thoát nước thường gây ngập khu vực "
            "Hà Ra, Đặng Tất và Điện Biên Phủ."
        ),
        paragraphs=[
            "Sau trận mưa lớn kéo dài hai ngày tuần trước, nhiều đoạn đường ở khu vực Hà Ra và "
            "Đặng Tất bị ngập sâu 30 - 40 cm. Nguyên nhân chính là rác thải và bùn đất lấp kín "
            "các hố ga, cửa thu nước.",
            "UBND phường đã huy động đơn vị dịch vụ đô thị và lực lượng dân quân nạo vét tổng cộng "
            "1,8 km mương, cống, thông 64 hố ga. Gần 20 khối bùn, rác được đưa đi xử lý.",
            "Phường đề nghị bà con không đổ rác, xà bần xuống cống và không xây lấn, đậy kín mương "
            "thoát nước trước nhà. Những vị trí còn ngập khi mưa lớn, người dân báo cho tổ trưởng "
            "tổ dân phố để phường tổng hợp, xử lý.",
        ],
        tags=["mưa lũ", "đô thị"],
        group=None,
        days_ago=18,
    ),
    dict(
        title="Chủ động ứng phó bão: phường chuẩn bị 9 điểm sơ tán dân",
        intro=(
            "Ban Chỉ huy phòng thủ dân sự phường đã rà soát 147 hộ ở khu vực trũng thấp, ven biển "
            "và nhà yếu cần di dời khi có bão mạnh."
        ),
        paragraphs=[
            "Thực hiện chỉ đạo của tỉnh, Ban Chỉ huy phòng thủ dân sự phường Bắc Nha Trang đã "
            "họp khẩn triển khai phương án ứng phó bão. Phường bố trí 9 điểm sơ tán gồm nhà văn "
            "hóa các tổ dân phố, trụ sở UBND phường và hai điểm trường học kiên cố.",
            "Qua rà soát, toàn phường có 147 hộ với khoảng 520 nhân khẩu thuộc diện phải di dời khi "
            "bão đổ bộ, tập trung ở khu vực ven sông Cái và dọc tuyến biển. Mỗi tổ dân phố đã "
            "phân công người phụ trách từng hộ neo đơn, người già, người khuyết tật.",
            "Các tàu thuyền, lồng bè phải vào nơi tránh trú an toàn trước khi có lệnh cấm biển. "
            "Phường cũng chuẩn bị sẵn mì tôm, nước uống, áo phao, đèn pin và máy phát điện tại các "
            "điểm sơ tán.",
            "Người dân theo dõi thông báo trên trang này, nhóm Zalo của tổ dân phố và loa truyền "
            "thanh. Khi có lệnh sơ tán, bà con chấp hành ngay, mang theo giấy tờ quan trọng và "
            "thuốc men cần dùng.",
        ],
        tags=["thiên tai", "bão"],
        group=None,
        days_ago=20,
    ),
    dict(
        title="Ngày hội hiến máu tình nguyện thu được 168 đơn vị máu",
        intro=(
            "Hơn 200 người đăng ký tham gia ngày hội hiến máu do Hội Chữ thập đỏ phường tổ chức "
            "tại hội trường UBND phường."
        ),
        paragraphs=[
            "Ngày hội hiến máu diễn ra từ 7 giờ đến 11 giờ 30, với sự phối hợp của Bệnh viện Đa "
            "khoa tỉnh Khánh Hòa. Người tham gia gồm cán bộ, đoàn viên thanh niên, công nhân "
            "lao động, tiểu thương chợ và bà con các tổ dân phố.",
            "Sau khám sàng lọc, 168 người đủ điều kiện đã hiến tổng cộng 168 đơn vị máu. Nhiều "
            "người đã hiến máu từ 10 lần trở lên, trong đó có ông Võ Văn Hải ở Tổ dân phố 2 hiến "
            "lần thứ 21.",
            "Ban tổ chức khuyến cáo người hiến máu nên ăn nhẹ, ngủ đủ giấc trước khi hiến và uống "
            "nhiều nước sau khi hiến. Đợt hiến máu tiếp theo dự kiến tổ chức sau ba tháng nữa.",
        ],
        tags=["hiến máu", "chữ thập đỏ"],
        group=None,
        days_ago=30,
    ),
    dict(
        title="Tuyên dương 1.250 hộ đạt danh hiệu “Gia đình văn hóa”",
        intro=(
            "Qua bình xét ở các tổ dân phố, 1.250 hộ được công nhận “Gia đình văn hóa”, 36 gia "
            "đình tiêu biểu được UBND phường tặng giấy khen."
        ),
        paragraphs=[
            "Việc bình xét danh hiệu “Gia đình văn hóa” được thực hiện công khai tại hội nghị của "
            "từng tổ dân phố. Các hộ được bình xét phải chấp hành tốt pháp luật, giữ gìn vệ sinh "
            "môi trường, tham gia các phong trào và sống hòa thuận với hàng xóm.",
            "Toàn phường có 1.250 hộ đạt danh hiệu, tăng 84 hộ so với lần bình xét trước. Tổ dân phố "
            "4 và Tổ dân phố 7 có tỷ lệ hộ đạt cao nhất, trên 92%.",
            "Tại buổi lễ, UBND phường tặng giấy khen cho 36 gia đình tiêu biểu, trong đó có nhiều gia "
            "đình ba thế hệ sống mẫu mực. Ủy ban MTTQ Việt Nam phường cũng biểu dương 5 tổ dân phố "
            "làm tốt công tác vận động nhân dân.",
            "Phường đề nghị các tổ dân phố tiếp tục đưa tiêu chí phân loại rác tại nguồn và không "
            "lấn chiếm vỉa hè vào nội dung bình xét trong năm tới. Kết quả bình xét của từng tổ "
            "được niêm yết tại nhà văn hóa để bà con theo dõi.",
        ],
        tags=["văn hóa", "khen thưởng"],
        group=None,
        days_ago=40,
    ),
    dict(
        title="Diễn tập chữa cháy tại khu dân cư đông đúc gần chợ",
        intro=(
            "Hơn 150 người tham gia buổi diễn tập phương án chữa cháy và cứu nạn, cứu hộ do Công an "
            "phường chủ trì."
        ),
        paragraphs=[
            "Tình huống giả định là một vụ cháy phát sinh từ tầng trệt một nhà ở kết hợp kinh doanh "
            "trong hẻm nhỏ, có người mắc kẹt ở tầng trên. Tổ liên gia an toàn phòng cháy chữa cháy "
            "và đội dân phòng đã dùng bình chữa cháy tại chỗ, đồng thời báo tin về số 114.",
            "Lực lượng chữa cháy chuyên nghiệp sau đó triển khai vòi, thang và đưa người bị nạn ra "
            "ngoài an toàn. Toàn bộ buổi diễn tập kéo dài khoảng 45 phút.",
            "Qua diễn tập, Công an phường nhắc các hộ kinh doanh không để hàng hóa chắn lối thoát "
            "nạn, không sạc xe điện qua đêm trong nhà. Mỗi hộ nên trang bị ít nhất một bình chữa "
            "cháy và lắp thiết bị báo cháy.",
            "Thời gian tới, phường sẽ tổ chức diễn tập tại các khu nhà trọ và cơ sở lưu trú trên "
            "đường Phạm Văn Đồng. Các chủ cơ sở cần rà soát lại phương án thoát nạn và nội quy "
            "phòng cháy trước buổi diễn tập.",
        ],
        tags=["phòng cháy", "an toàn"],
        group=None,
        days_ago=48,
    ),
    dict(
        title="Sôi nổi Hội thao các tổ dân phố với 6 môn thi đấu",
        intro=(
            "Gần 400 vận động viên của 8 tổ dân phố tranh tài ở các môn kéo co, bóng chuyền hơi, "
            "cờ tướng, đi bộ, đẩy gậy và nhảy bao bố."
        ),
        paragraphs=[
            "Hội thao do UBND phường phối hợp với Ủy ban MTTQ Việt Nam phường tổ chức trong hai ngày "
            "cuối tuần tại sân thể thao của phường. Mỗi tổ dân phố cử từ 40 đến 55 vận động viên, "
            "tuổi từ 16 đến 72.",
            "Môn kéo co thu hút đông cổ động viên nhất với 16 đội nam, nữ tham gia. Ở nội dung cờ "
            "tướng, kỳ thủ lớn tuổi nhất là ông Lâm Văn Quý, 72 tuổi, Tổ dân phố 5.",
            "Kết quả, Tổ dân phố 8 giành giải nhất toàn đoàn, Tổ dân phố 2 và Tổ dân phố 6 lần lượt "
            "đạt giải nhì và giải ba. Ban tổ chức trao 24 bộ huy chương và 6 cờ lưu niệm cho các "
            "đơn vị.",
        ],
        tags=["thể thao", "hội thao"],
        group=None,
        days_ago=55,
    ),
    dict(
        title="Trao 120 suất học bổng “Tiếp bước đến trường”",
        intro=(
            "Hội Khuyến học phường trao 120 suất học bổng, mỗi suất 1 triệu đồng, cho học sinh vượt "
            "khó học tốt."
        ),
        paragraphs=[
            "Kinh phí học bổng trích từ Quỹ khuyến học phường, do các tổ dân phố, doanh nghiệp và "
            "nhà hảo tâm đóng góp với tổng số tiền 120 triệu đồng. Học sinh nhận học bổng thuộc hộ "
            "nghèo, cận nghèo, mồ côi hoặc có hoàn cảnh đặc biệt.",
            "Ngoài học bổng, 30 em học sinh tiểu học còn được tặng xe đạp và bộ sách giáo khoa mới. "
            "Nhiều em đạt học sinh giỏi nhiều năm liền dù cha mẹ làm nghề biển, buôn bán nhỏ.",
            "Hội Khuyến học phường mong tiếp tục nhận được sự chung tay của các gia đình, dòng họ "
            "để không em nào phải bỏ học vì hoàn cảnh khó khăn. Mọi khoản ủng hộ đều được ghi sổ "
            "và công khai tại kỳ họp tổng kết của Hội.",
        ],
        tags=["khuyến học", "giáo dục"],
        group=None,
        days_ago=75,
    ),
    dict(
        title="Thay mới 45 bộ đèn LED trên các tuyến hẻm",
        intro=(
            "Các tuyến hẻm thuộc Tổ dân phố 1, 3 và 7 đã được lắp đèn LED mới, giảm hơn 40% điện năng "
            "tiêu thụ."
        ),
        paragraphs=[
            "Từ nguồn vốn sự nghiệp kiến thiết thị chính, UBND phường đã thay 45 bộ đèn cao áp cũ "
            "bằng đèn LED công suất 60 W. Các tuyến được ưu tiên là hẻm dài, đông dân và thường "
            "xuyên bị phản ánh thiếu sáng.",
            "Đèn mới được điều khiển tự động, bật lúc 18 giờ và giảm công suất sau 23 giờ. Theo tính "
            "toán, mỗi năm tiết kiệm được khoảng 25 triệu đồng tiền điện chiếu sáng công cộng.",
            "Người dân phát hiện đèn hỏng, chập chờn có thể chụp ảnh, ghi rõ vị trí và gửi cho tổ "
            "trưởng tổ dân phố. Phường cam kết xử lý trong vòng 3 ngày làm việc.",
        ],
        tags=["chiếu sáng", "đô thị"],
        group=None,
        days_ago=90,
    ),
    dict(
        title="Khám sức khỏe, cấp thuốc miễn phí cho 260 người cao tuổi",
        intro=(
            "Hưởng ứng Tháng hành động vì người cao tuổi, Hội Người cao tuổi phường phối hợp với "
            "Trạm Y tế tổ chức khám bệnh miễn phí."
        ),
        paragraphs=[
            "Buổi khám bệnh diễn ra tại hội trường UBND phường từ 7 giờ sáng, với 12 y, bác sĩ tham "
            "gia. Người cao tuổi được đo huyết áp, xét nghiệm đường huyết, khám mắt và tư vấn dinh "
            "dưỡng.",
            "Qua khám, có 78 người phát hiện tăng huyết áp và 23 người có đường huyết cao cần theo "
            "dõi. Các trường hợp này được hướng dẫn khám chuyên khoa và quản lý bệnh tại Trạm Y tế.",
            "Dịp này, phường cũng trao 40 phần quà cho người cao tuổi neo đơn, mỗi phần trị giá 500 "
            "nghìn đồng. Hội Người cao tuổi phường hiện có hơn 2.100 hội viên sinh hoạt ở 8 chi hội.",
        ],
        tags=["người cao tuổi", "y tế"],
        group=None,
        days_ago=100,
    ),
    dict(
        title="Đêm hội trăng rằm cho hơn 500 thiếu nhi trên địa bàn phường",
        intro=(
            "Thiếu nhi các tổ dân phố được vui rước đèn, xem múa lân và nhận quà Trung thu tại "
            "sân nhà văn hóa phường."
        ),
        paragraphs=[
            "Đêm hội do Đoàn Thanh niên phường phối hợp với Hội Liên hiệp Phụ nữ phường tổ chức, "
            "bắt đầu từ 18 giờ 30. Hơn 500 em thiếu nhi cùng phụ huynh đã tham gia rước đèn quanh "
            "các tuyến đường gần khu trung tâm phường.",
            "Chương trình có múa lân, văn nghệ do chính các em biểu diễn và phần thi bày mâm cỗ "
            "Trung thu giữa các tổ dân phố. Mâm cỗ của Tổ dân phố 3 với chủ đề “Biển quê hương” "
            "đạt giải nhất.",
            "Ban tổ chức trao 150 phần quà cho thiếu nhi có hoàn cảnh khó khăn, con em gia đình chính "
            "sách. Kinh phí chương trình khoảng 45 triệu đồng, chủ yếu do các nhà hảo tâm đóng góp.",
        ],
        tags=["thiếu nhi", "trung thu"],
        group=None,
        days_ago=115,
    ),
    dict(
        title="Phường triển khai chiến dịch diệt lăng quăng, phòng sốt xuất huyết",
        intro=(
            "Trong 3 tuần, các tổ dân phố sẽ đến từng hộ kiểm tra, xử lý dụng cụ chứa nước có "
            "lăng quăng."
        ),
        paragraphs=[
            "Từ đầu mùa mưa đến nay, toàn phường ghi nhận 41 ca sốt xuất huyết, tăng so với cùng kỳ. "
            "Ban Chỉ đạo phòng chống dịch phường quyết định triển khai chiến dịch diệt lăng quăng "
            "trên toàn địa bàn.",
            "Mỗi tổ dân phố thành lập 2 đến 3 tổ xung kích gồm cộng tác viên y tế, đoàn viên và hội "
            "viên phụ nữ. Các tổ sẽ kiểm tra chum vại, bể nước, chậu cây cảnh và vật dụng phế thải "
            "quanh nhà.",
            "Phường đề nghị mỗi gia đình dành 10 phút mỗi tuần để đậy kín dụng cụ chứa nước và thay "
            "nước bình hoa. Khi có người sốt cao liên tục từ 2 ngày trở lên, bà con đưa đi khám, "
            "không tự ý điều trị tại nhà.",
        ],
        tags=["y tế", "sốt xuất huyết"],
        group=None,
        days_ago=27,
    ),
    # ------------------------------------------------------------------ cấp tổ dân phố
    dict(
        title="Tổ dân phố 1 lắp 6 cụm thùng rác phân loại dọc đường Hòn Chồng",
        intro=(
            "Từ kinh phí bà con tự nguyện đóng góp, Tổ dân phố 1 đã lắp 6 cụm thùng rác phân loại "
            "tại các đầu hẻm."
        ),
        paragraphs=[
            "Mỗi cụm gồm một thùng màu xanh đựng rác hữu cơ và một thùng màu cam đựng rác còn lại. "
            "Các thùng được đặt ở đầu hẻm 25, 42, 61 Hòn Chồng và khu vực gần nhà văn hóa tổ.",
            "Tổng kinh phí gần 9 triệu đồng do 47 hộ gia đình và 5 cơ sở lưu trú trên địa bàn đóng "
            "góp. Danh sách đóng góp đã được niêm yết công khai tại nhà văn hóa tổ dân phố.",
            "Ông Trần Văn Phúc, Tổ trưởng Tổ dân phố 1, cho biết trong tháng đầu, chi hội phụ nữ sẽ "
            "cử người hướng dẫn các hộ phân loại rác. Bà con lưu ý bỏ rác trước 17 giờ để xe thu "
            "gom kịp lấy trong buổi tối.",
        ],
        tags=["môi trường", "phân loại rác"],
        group=1,
        days_ago=5,
    ),
    dict(
        title="Chi hội phụ nữ Tổ dân phố 1 sinh hoạt chuyên đề an toàn thực phẩm",
        intro=(
            "35 hội viên được hướng dẫn cách chọn hải sản tươi, bảo quản thực phẩm và nhận biết "
            "hàng không rõ nguồn gốc."
        ),
        paragraphs=[
            "Buổi sinh hoạt diễn ra tối thứ Tư tại nhà văn hóa Tổ dân phố 1, với sự tham gia của cán "
            "bộ Trạm Y tế phường. Phần lớn hội viên đang buôn bán hàng ăn, hải sản khô phục vụ du "
            "khách ở khu vực Hòn Chồng.",
            "Cán bộ y tế hướng dẫn cách nhận biết mực, cá tươi, cách bảo quản hải sản khô tránh ẩm "
            "mốc và không dùng chất bảo quản trôi nổi. Hội viên cũng được phát tờ rơi về giấy chứng "
            "nhận cơ sở đủ điều kiện an toàn thực phẩm.",
            "Cuối buổi, chi hội ra mắt nhóm Zalo “Bếp sạch Tổ 1” để chia sẻ kinh nghiệm và nguồn hàng "
            "uy tín. Chi hội dự kiến sinh hoạt chuyên đề định kỳ vào tuần thứ hai mỗi quý.",
        ],
        tags=["phụ nữ", "an toàn thực phẩm"],
        group=1,
        days_ago=70,
    ),
    dict(
        title="Tổ dân phố 2 hoàn thành bê tông hóa 320 m hẻm 27 Đặng Tất",
        intro=(
            "Sau 25 ngày thi công, hẻm 27 Đặng Tất đã được đổ bê tông mới, chấm dứt cảnh lầy lội "
            "mỗi mùa mưa."
        ),
        paragraphs=[
            "Tuyến hẻm dài 320 m, rộng 3 m, phục vụ việc đi lại của 68 hộ dân. Trước đây mặt hẻm "
            "xuống cấp, nhiều ổ gà và thường đọng nước sau mưa.",
            "Công trình có tổng kinh phí 410 triệu đồng, trong đó ngân sách phường hỗ trợ 70%, phần "
            "còn lại do bà con trong hẻm đóng góp. Nhiều hộ còn tự nguyện lùi cổng, tháo dỡ bậc tam "
            "cấp để mở rộng lối đi.",
            "Bà Lê Thị Thu Hà, Tổ trưởng Tổ dân phố 2, cho biết ban giám sát cộng đồng đã theo dõi "
            "suốt quá trình thi công. Bảng công khai quyết toán công trình được niêm yết tại đầu hẻm "
            "trong 30 ngày.",
        ],
        tags=["giao thông", "hạ tầng"],
        group=2,
        days_ago=35,
    ),
    dict(
        title="Vui Trung thu cùng 85 cháu thiếu nhi Tổ dân phố 2",
        intro=(
            "Chi đoàn và chi hội phụ nữ Tổ dân phố 2 tổ chức phá cỗ, rước đèn cho thiếu nhi tại "
            "nhà văn hóa tổ."
        ),
        paragraphs=[
            "Tối Rằm tháng Tám, sân nhà văn hóa Tổ dân phố 2 rộn ràng tiếng trống lân. 85 cháu thiếu "
            "nhi cùng phụ huynh tham gia thi hát, đố vui và rước đèn dọc đường Đặng Tất.",
            "Mỗi cháu được tặng một lồng đèn và túi bánh kẹo, 12 cháu có hoàn cảnh khó khăn được tặng "
            "thêm học bổng 300 nghìn đồng. Kinh phí do các hộ trong tổ và một số cơ sở kinh doanh "
            "trên đường Đặng Tất ủng hộ.",
            "Ban tổ chức cảm ơn các gia đình đã cho mượn âm thanh, bàn ghế và cùng các cháu làm "
            "lồng đèn từ vật liệu tái chế. Nhiều chiếc lồng đèn làm từ chai nhựa, vỏ lon được các "
            "cháu mang về treo trước nhà.",
        ],
        tags=["thiếu nhi", "trung thu"],
        group=2,
        days_ago=112,
    ),
    dict(
        title="Xử lý ổ dịch sốt xuất huyết tại hẻm 34 Hà Ra",
        intro=(
            "Sau khi ghi nhận 3 ca bệnh trong một tuần, Trạm Y tế phường đã phun hóa chất diệt muỗi "
            "cho 128 hộ thuộc Tổ dân phố 3."
        ),
        paragraphs=[
            "Ba ca sốt xuất huyết đều sống trong khu vực hẻm 34 Hà Ra, được phát hiện trong cùng "
            "một tuần. Trạm Y tế phường đã phối hợp với Tổ dân phố 3 khoanh vùng, phun hóa chất "
            "trong bán kính 200 m vào sáng thứ Bảy.",
            "Trước khi phun, tổ viên tổ dân phố cùng đoàn viên thanh niên đi từng nhà thu gom vật "
            "dụng phế thải, lật úp chum vại và thả cá bảy màu vào bể nước lớn. Hơn 40 ổ lăng quăng "
            "đã được phát hiện, chủ yếu trong chậu cây cảnh, lốp xe cũ và máng xối.",
            "Cả 3 bệnh nhân hiện đã ổn định sức khỏe. Trạm Y tế khuyến cáo khi sốt cao đột ngột, "
            "đau nhức cơ hoặc xuất huyết dưới da, người dân cần đi khám sớm, không tự truyền dịch "
            "tại nhà.",
            "Tổ dân phố 3 đề nghị các hộ duy trì diệt lăng quăng vào chiều thứ Sáu hằng tuần. Tổ "
            "trưởng và chi hội phụ nữ sẽ kiểm tra ngẫu nhiên một số hộ trong hai tuần tới.",
        ],
        tags=["y tế", "sốt xuất huyết"],
        group=3,
        days_ago=8,
    ),
    dict(
        title="32 hộ dân trong hẻm Hà Ra có nước máy sau nhiều năm chờ đợi",
        intro=(
            "Tuyến ống cấp nước dài 450 m vừa được đấu nối, giúp 32 hộ ở cuối hẻm 34 Hà Ra không "
            "còn phải dùng nước giếng."
        ),
        paragraphs=[
            "Nhiều năm nay, các hộ ở cuối hẻm 34 Hà Ra phải dùng nước giếng khoan bị nhiễm phèn hoặc "
            "mua nước bình. Nguyên nhân là hẻm nhỏ, quanh co nên đường ống chính chưa đi tới.",
            "Sau nhiều lần kiến nghị qua hội nghị tổ dân phố, đơn vị cấp nước đã đầu tư tuyến ống "
            "dài 450 m. Các hộ chỉ phải trả chi phí lắp đồng hồ và đoạn ống từ đồng hồ vào nhà.",
            "Bà Nguyễn Thị Sương, 74 tuổi, chia sẻ: “Có nước sạch rồi, tôi đỡ phải nhờ con cháu chở "
            "từng can nước như trước”. Tổ dân phố 3 đang tiếp tục tổng hợp các hộ còn lại để kiến "
            "nghị mở rộng tuyến ống.",
        ],
        tags=["cấp nước", "hạ tầng"],
        group=3,
        days_ago=65,
    ),
    dict(
        title="Chi hội phụ nữ Tổ dân phố 4 hướng dẫn ủ phân hữu cơ từ rác nhà bếp",
        intro=(
            "Hội viên được hướng dẫn tận dụng vỏ rau, bã trà để ủ phân bón cây, giảm lượng rác "
            "thải ra môi trường."
        ),
        paragraphs=[
            "Buổi sinh hoạt có 42 hội viên tham gia, do chi hội phụ nữ Tổ dân phố 4 tổ chức tại nhà "
            "văn hóa số 58 Nguyễn Đình Chiểu. Hướng dẫn viên là một hội viên đã ủ phân tại nhà hơn "
            "hai năm.",
            "Chỉ với một thùng nhựa có nắp, một ít men vi sinh và lớp lá khô, mỗi gia đình có thể ủ "
            "phân từ rác nhà bếp trong 30 - 45 ngày. Phân ủ dùng để bón rau, cây cảnh trên sân "
            "thượng rất tốt.",
            "Chi hội đã tặng 20 thùng ủ cho các hộ đăng ký làm thử. Sau một tháng, chi hội sẽ tổ chức "
            "buổi chia sẻ kết quả và nhân rộng mô hình trong tổ.",
        ],
        tags=["phụ nữ", "môi trường"],
        group=4,
        days_ago=25,
    ),
    dict(
        title="Tổ dân phố 4 khen thưởng 27 học sinh giỏi, học sinh vượt khó",
        intro=(
            "Quỹ khuyến học của Tổ dân phố 4 trao thưởng cho các em đạt thành tích tốt trong năm "
            "học vừa qua."
        ),
        paragraphs=[
            "Lễ khen thưởng diễn ra sáng Chủ nhật tại nhà văn hóa Tổ dân phố 4 với sự tham dự của "
            "đông đảo phụ huynh. 27 em được khen gồm 19 học sinh giỏi, 5 học sinh đạt giải cấp tỉnh "
            "và 3 em vượt khó học tốt.",
            "Mỗi em nhận giấy khen của tổ dân phố và phần thưởng từ 200 đến 500 nghìn đồng. Quỹ "
            "khuyến học của tổ hiện có hơn 38 triệu đồng, do các gia đình và dòng họ đóng góp hằng năm.",
            "Ông Phạm Minh Đức, Tổ trưởng Tổ dân phố 4, mong các em tiếp tục cố gắng và các gia đình "
            "quan tâm hơn nữa đến việc học của con em. Tổ cũng kêu gọi các gia đình tiếp tục đóng "
            "góp để quỹ khuyến học duy trì lâu dài.",
        ],
        tags=["khuyến học", "giáo dục"],
        group=4,
        days_ago=80,
    ),
    dict(
        title="Trao quà cho 15 hộ khó khăn Tổ dân phố 4 trước mùa mưa bão",
        intro=(
            "Mỗi phần quà gồm 10 kg gạo, dầu ăn, nước mắm và 300 nghìn đồng tiền mặt, do các hộ "
            "trong tổ quyên góp."
        ),
        paragraphs=[
            "Ban công tác Mặt trận Tổ dân phố 4 đã vận động được gần 12 triệu đồng từ các hộ gia đình "
            "và hai cửa hàng trên đường Nguyễn Đình Chiểu. Số tiền được dùng để mua 15 phần quà cho "
            "hộ nghèo, người già neo đơn.",
            "Các thành viên ban công tác đã đến tận nhà trao quà cho những người không đi lại được. "
            "Danh sách hộ nhận quà và số tiền vận động được niêm yết tại nhà văn hóa tổ.",
            "Ban công tác Mặt trận cũng đã kiểm tra nhà ở của các hộ, phát hiện 2 căn nhà mái tôn "
            "xuống cấp cần gia cố trước mùa mưa. Tổ dân phố đã báo cáo UBND phường để xem xét hỗ "
            "trợ sửa chữa từ Quỹ Vì người nghèo.",
        ],
        tags=["an sinh xã hội"],
        group=4,
        days_ago=118,
    ),
    dict(
        title="Tổ dân phố 5 đưa vào sử dụng 12 camera an ninh",
        intro=(
            "Hệ thống camera giám sát được lắp tại các ngã ba, đầu hẻm trên đường Lương Định Của, "
            "kết nối với Công an phường."
        ),
        paragraphs=[
            "Mô hình “Camera an ninh” của Tổ dân phố 5 có tổng kinh phí 54 triệu đồng, do 96 hộ dân "
            "và các cơ sở kinh doanh tự nguyện đóng góp. 12 camera được lắp tại những điểm thường "
            "xảy ra trộm cắp xe máy, điện thoại.",
            "Hình ảnh từ camera được lưu trữ 15 ngày và được chia sẻ với Công an phường khi có vụ "
            "việc. Chỉ tổ trưởng và thành viên tổ bảo vệ an ninh, trật tự mới được xem lại dữ liệu.",
            "Từ khi lắp đặt, tổ chưa ghi nhận thêm vụ trộm cắp nào. Bà Võ Thị Kim Liên, Tổ trưởng Tổ "
            "dân phố 5, cho biết tổ sẽ lắp thêm 4 camera ở khu vực gần bãi biển.",
        ],
        tags=["an ninh trật tự", "camera"],
        group=5,
        days_ago=14,
    ),
    dict(
        title="Câu lạc bộ dưỡng sinh người cao tuổi Tổ dân phố 5 tròn 5 năm hoạt động",
        intro=(
            "Mỗi sáng, khoảng 40 hội viên tập dưỡng sinh tại sân nhà văn hóa Tổ dân phố 5 từ 5 giờ "
            "đến 6 giờ."
        ),
        paragraphs=[
            "Câu lạc bộ được thành lập với 12 thành viên, đến nay đã có 43 người tham gia, người lớn "
            "tuổi nhất đã 86 tuổi. Các bài tập chủ yếu là dưỡng sinh, thái cực quyền và đi bộ nhẹ.",
            "Nhân dịp kỷ niệm, câu lạc bộ tổ chức giao lưu với câu lạc bộ của Tổ dân phố 7 và mời "
            "bác sĩ Trạm Y tế nói chuyện về phòng ngừa té ngã ở người cao tuổi. Nhiều hội viên "
            "chia sẻ huyết áp, giấc ngủ đã ổn định hơn sau thời gian tập đều đặn.",
            "Ban chủ nhiệm câu lạc bộ mời ông bà trong tổ đến tham gia, không thu phí. Người mới "
            "tham gia chỉ cần mang theo giày mềm và chai nước.",
        ],
        tags=["người cao tuổi", "thể thao"],
        group=5,
        days_ago=95,
    ),
    dict(
        title="Ra mắt tổ liên gia an toàn phòng cháy chữa cháy tại Tổ dân phố 6",
        intro=(
            "5 tổ liên gia với 62 hộ trên đường 2 Tháng 4 được thành lập và trang bị 20 bình chữa "
            "cháy dùng chung."
        ),
        paragraphs=[
            "Mỗi tổ liên gia gồm 10 đến 15 hộ liền kề, có tổ trưởng và số điện thoại liên lạc dán "
            "tại đầu hẻm. Khi có cháy, các hộ báo động cho nhau, dùng bình chữa cháy tại chỗ và gọi "
            "ngay số 114.",
            "Tại buổi ra mắt, cán bộ Công an phường hướng dẫn sử dụng bình bột, bình khí CO2 và "
            "cách thoát nạn khi nhà có khói. Nhiều người lần đầu được trực tiếp thực hành dập lửa "
            "từ khay xăng.",
            "Ông Huỳnh Văn Lợi, Tổ trưởng Tổ dân phố 6, đề nghị các hộ kinh doanh dọc đường 2 Tháng "
            "4 mở lối thoát nạn thứ hai và không để xe, hàng hóa chắn cửa. Tổ sẽ phối hợp với Công "
            "an phường kiểm tra định kỳ các bình chữa cháy dùng chung.",
        ],
        tags=["phòng cháy", "an toàn"],
        group=6,
        days_ago=45,
    ),
    dict(
        title="Tổ dân phố 6 hỗ trợ 46 người làm thủ tục trực tuyến tại nhà văn hóa",
        intro=(
            "Tổ công nghệ số cộng đồng hỗ trợ bà con đăng ký tạm trú, tích hợp giấy tờ vào VNeID "
            "và thanh toán hóa đơn không dùng tiền mặt."
        ),
        paragraphs=[
            "Sáng thứ Bảy vừa qua, nhà văn hóa Tổ dân phố 6 đông kín người đến nhờ hỗ trợ thủ tục "
            "trực tuyến. Tổ công nghệ số cộng đồng bố trí 4 thành viên, mỗi người phụ trách một "
            "nhóm việc.",
            "Trong buổi sáng, tổ đã hỗ trợ 46 người, trong đó 18 người kích hoạt VNeID mức 2, 11 người "
            "đăng ký tạm trú cho người thuê trọ. Một số người cao tuổi được hướng dẫn cài ứng dụng "
            "ngân hàng để nhận lương hưu qua tài khoản.",
            "Tổ dân phố 6 sẽ duy trì điểm hỗ trợ vào sáng thứ Bảy tuần đầu tiên mỗi tháng. Bà con "
            "cần hỗ trợ gấp có thể liên hệ trực tiếp tổ trưởng tổ dân phố.",
        ],
        tags=["chuyển đổi số", "dịch vụ công"],
        group=6,
        days_ago=4,
    ),
    dict(
        title="Hẻm 78 Điện Biên Phủ sáng đèn nhờ sức dân",
        intro=(
            "Bà con hẻm 78 Điện Biên Phủ cùng góp tiền lắp 14 bộ đèn năng lượng mặt trời, xóa điểm "
            "tối kéo dài nhiều năm."
        ),
        paragraphs=[
            "Hẻm 78 Điện Biên Phủ dài gần 400 m, có nhiều đoạn tối om vào ban đêm khiến học sinh, "
            "công nhân đi ca về muộn rất lo ngại. Tại hội nghị tổ dân phố, bà con thống nhất tự góp "
            "kinh phí lắp đèn.",
            "Tổng kinh phí 21 triệu đồng do 53 hộ đóng góp, mức góp tùy hoàn cảnh từ 200 nghìn đến "
            "1 triệu đồng. 14 bộ đèn năng lượng mặt trời được gắn trên tường nhà dân và cột điện "
            "có sẵn.",
            "Bà Đặng Thị Mai, Tổ trưởng Tổ dân phố 7, cho biết các hộ đầu hẻm tự nguyện nhận trông "
            "coi đèn. Bảng công khai thu chi đã được dán tại nhà văn hóa tổ.",
        ],
        tags=["chiếu sáng", "đô thị"],
        group=7,
        days_ago=58,
    ),
    dict(
        title="Tổ dân phố 7 tổ chức hội nghị nhân dân 6 tháng",
        intro=(
            "Hơn 70 đại diện hộ gia đình dự hội nghị, góp ý về vệ sinh môi trường, lấn chiếm vỉa "
            "hè và hoạt động của tổ."
        ),
        paragraphs=[
            "Hội nghị diễn ra tối thứ Năm tại nhà văn hóa số 92 Điện Biên Phủ, có đại diện UBND "
            "phường và Công an phường dự. Tổ trưởng báo cáo kết quả hoạt động 6 tháng và công khai "
            "thu chi quỹ tổ dân phố.",
            "Bà con phản ánh tình trạng đổ rác không đúng giờ ở đầu hẻm 135 và một số quán ăn lấn "
            "chiếm vỉa hè. Đại diện phường đã tiếp thu và hẹn kiểm tra, xử lý trong tháng.",
            "Hội nghị cũng thống nhất bầu bổ sung 2 thành viên ban công tác Mặt trận và tổ chức "
            "ngày Chủ nhật xanh vào cuối tháng. Biên bản hội nghị được gửi UBND phường và niêm "
            "yết tại nhà văn hóa tổ.",
        ],
        tags=["hội nghị", "dân chủ cơ sở"],
        group=7,
        days_ago=110,
    ),
    dict(
        title="Tổ dân phố 8 giúp hộ neo đơn chằng chống nhà cửa trước bão",
        intro=(
            "Đoàn viên thanh niên và cựu chiến binh Tổ dân phố 8 đã giúp 11 hộ neo đơn gia cố mái "
            "tôn, chặt tỉa cây xanh."
        ),
        paragraphs=[
            "Ngay khi có tin bão, Tổ dân phố 8 đã rà soát các hộ ở nhà cấp bốn, mái tôn dọc đường "
            "Phạm Văn Đồng. Trong đó có 11 hộ là người già sống một mình hoặc phụ nữ nuôi con nhỏ.",
            "Các thành viên mang theo bao cát, dây thép và đinh vít để chằng mái, gia cố cửa sổ. Tổ "
            "cũng phối hợp với đơn vị cây xanh chặt tỉa 9 cây có nguy cơ gãy đổ.",
            "Ông Bùi Quang Vinh, Tổ trưởng Tổ dân phố 8, cho biết tổ đã lập danh sách 26 người cần "
            "đưa đến điểm sơ tán nếu bão mạnh. Nhà văn hóa tổ sẵn sàng chỗ nghỉ, nước uống và đèn "
            "chiếu sáng dự phòng.",
        ],
        tags=["thiên tai", "bão"],
        group=8,
        days_ago=21,
    ),
    dict(
        title="Giải bóng đá mini thanh niên Tổ dân phố 8 mở rộng",
        intro=(
            "6 đội bóng của thanh niên Tổ dân phố 8 và các tổ lân cận tranh tài trong 2 tuần tại sân "
            "cỏ nhân tạo gần đường Phạm Văn Đồng."
        ),
        paragraphs=[
            "Giải đấu do chi đoàn Tổ dân phố 8 tổ chức nhằm thu hút thanh niên tham gia hoạt động thể "
            "thao lành mạnh. Các trận đấu diễn ra vào buổi tối, từ 19 giờ đến 21 giờ.",
            "Sau 9 trận, đội Tổ dân phố 8 giành chức vô địch, đội Tổ dân phố 5 về nhì. Cầu thủ "
            "Nguyễn Hữu Tín của đội khách mời Tổ dân phố 6 ghi 7 bàn, nhận danh hiệu vua phá lưới.",
            "Toàn bộ tiền tài trợ còn dư sau giải, hơn 3 triệu đồng, được chi đoàn trích ủng hộ Quỹ "
            "khuyến học của tổ. Chi đoàn dự kiến tổ chức giải hằng năm vào dịp hè.",
        ],
        tags=["thể thao", "thanh niên"],
        group=8,
        days_ago=50,
    ),
    dict(
        title="Tổ dân phố 8 ra quân vệ sinh bãi biển đoạn Phạm Văn Đồng",
        intro=(
            "Sáng sớm Chủ nhật, 70 người dân Tổ dân phố 8 đã thu gom gần 600 kg rác dọc bờ biển."
        ),
        paragraphs=[
            "Đoạn bãi biển phía trước khu dân cư Tổ dân phố 8 thường có nhiều rác trôi dạt sau các "
            "đợt gió mạnh. Từ 5 giờ 30, bà con đã mang theo bao tải, găng tay và cào ra bãi.",
            "Sau hai giờ, mọi người thu gom gần 600 kg rác, phần lớn là chai nhựa, dép cũ và xốp. "
            "Rác được tập kết tại vị trí quy định để xe thu gom chở đi trong ngày.",
            "Tổ dân phố 8 đề nghị các quán ăn ven biển cuối ngày dọn sạch khu vực kinh doanh. Những "
            "trường hợp cố tình đổ rác ra bãi sẽ được báo cáo phường để xử lý.",
        ],
        tags=["môi trường", "biển"],
        group=8,
        days_ago=85,
    ),
    dict(
        title="Tổ dân phố 3 tổng kết mô hình “Xóm biển không rác”",
        intro=(
            "Sau 6 tháng thực hiện, lượng rác đổ ra bờ sông, bờ biển ở khu vực Hà Ra giảm rõ rệt."
        ),
        paragraphs=[
            "Mô hình được triển khai với 112 hộ tham gia, chủ yếu là gia đình làm nghề biển và buôn "
            "bán hải sản. Mỗi hộ ký cam kết không đổ rác, vỏ sò ốc xuống sông, biển.",
            "Tổ đã bố trí thêm 4 điểm thu gom rác tại bến thuyền và thỏa thuận với đơn vị thu gom lấy "
            "rác hai lần mỗi ngày. Chi hội phụ nữ phụ trách nhắc nhở, ghi nhận các hộ thực hiện tốt.",
            "Tại buổi tổng kết, tổ đã khen 10 hộ tiêu biểu và thống nhất duy trì mô hình lâu dài. "
            "UBND phường đánh giá đây là cách làm hay cần nhân rộng ra các tổ dân phố ven biển.",
        ],
        tags=["môi trường", "biển"],
        group=3,
        days_ago=102,
    ),
]

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
