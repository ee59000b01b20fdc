"""Deterministic generator of Vietnamese civic documents for ``bench/search.py``.

Everything here is written out by hand: real Vietnamese family, middle and given
names, street names, ward/commune and province names, and the vocabulary of ward
notices (thông báo, tổ dân phố, hộ gia đình, cắt nước…). A document is a notice-like
title, a one-sentence intro and a body of template sentences plus free sentences
drawn from a Zipf-weighted list of common words, so that some words are very common
("phường", "đường"), most are rare, and names and places recur as they do on a real
site. ``random.Random(seed)`` makes a run reproducible.

``words_of(text)`` is the tokenisation used for the ground truth: NFC, lower case,
``\\w+`` — a document "contains" a word when the word is one of its tokens, exactly,
with its diacritics.
"""

import random
import re
import unicodedata
from itertools import accumulate

WORD_RE = re.compile(r"\w+", re.UNICODE)


def words_of(text):
    return WORD_RE.findall(unicodedata.normalize("NFC", text).lower())


def strip_accents(text):
    """What a resident types without a Vietnamese keyboard: "Đường" → "duong".

    Written independently of ``search.analysis`` (NFD, drop combining marks, đ → d)
    so that the benchmark does not use the code it measures to build its queries.
    """
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text.replace("đ", "d"))


SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh "
    "Trương Lâm Mai Tạ Đoàn Cao Lương Châu Quách Thái Kiều Hà Tôn Lưu Triệu Văn "
    "Trịnh Khúc Âu Mạc La Thân Ông Vương Tăng Diệp Chu Lạc"
).split()
# The common surnames first: random.choices with Zipf-like weights below.
MIDDLE_MALE = "Văn Hữu Đức Minh Quốc Thanh Xuân Công Đình Quang Gia Bảo Trọng Tuấn Ngọc Anh Thế Hoài Mạnh Duy".split()
MIDDLE_FEMALE = "Thị Ngọc Thu Thanh Kim Minh Thùy Bích Mỹ Hồng Phương Diệu Xuân Hoài Khánh Tuyết Thảo Ánh Quỳnh".split()
GIVEN_MALE = (
    "An Bình Cường Dũng Đạt Đông Dương Giang Hải Hiếu Hòa Hoàng Hùng Huy Khang "
    "Khánh Khoa Kiên Lâm Long Lộc Lợi Luân Minh Nam Nghĩa Nhân Phát Phong Phúc "
    "Quân Quang Sang Sơn Tài Tâm Thắng Thành Thiện Thịnh Toàn Trí Trung Tuấn Tùng "
    "Việt Vinh Vũ Hưng Hậu Định Đức Tín Tú Hiển Lực Thuận"
).split()
GIVEN_FEMALE = (
    "Anh Bích Chi Diễm Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Hương Huyền "
    "Khánh Lan Liên Linh Loan Mai My Nga Ngân Ngọc Nhi Nhung Oanh Phượng Phương "
    "Quyên Quỳnh Sương Tâm Thảo Thơ Thu Thủy Thúy Trang Trâm Tuyết Uyên Vân Vy "
    "Xuân Yến Hà Lệ Diệu Ánh Châu Hậu Nguyệt"
).split()

STREETS = [
    "Nguyễn Văn Linh",
    "Lê Duẩn",
    "Trần Phú",
    "Hùng Vương",
    "Lý Thường Kiệt",
    "Hai Bà Trưng",
    "Điện Biên Phủ",
    "Quang Trung",
    "Nguyễn Trãi",
    "Lê Lợi",
    "Bạch Đằng",
    "Phan Chu Trinh",
    "Hoàng Diệu",
    "Ông Ích Khiêm",
    "Tôn Đức Thắng",
    "Võ Nguyên Giáp",
    "Ngô Quyền",
    "Nguyễn Huệ",
    "Lê Thánh Tôn",
    "Pasteur",
    "Cách Mạng Tháng Tám",
    "Nguyễn Thị Minh Khai",
    "Võ Thị Sáu",
    "Trường Chinh",
    "Phạm Văn Đồng",
    "Nguyễn Chí Thanh",
    "Huỳnh Thúc Kháng",
    "Trần Hưng Đạo",
    "Lê Hồng Phong",
    "Nguyễn Du",
    "Hàm Nghi",
    "Đống Đa",
    "Núi Thành",
    "Dũng Sĩ Thanh Khê",
    "Âu Cơ",
    "Lạc Long Quân",
    "Tô Hiến Thành",
    "Chu Văn An",
    "Nguyễn Lương Bằng",
    "Kinh Dương Vương",
    "Đinh Tiên Hoàng",
    "Lý Thái Tổ",
    "Phan Đình Phùng",
    "Hoàng Văn Thụ",
    "Nguyễn Tri Phương",
    "Bà Triệu",
    "Mai Hắc Đế",
    "Xuân Thủy",
    "Cầu Giấy",
    "Láng Hạ",
    "Giải Phóng",
    "Tây Sơn",
    "Yên Bái",
    "Thái Phiên",
    "Đào Duy Từ",
    "Hải Phòng",
    "Ngũ Hành Sơn",
    "Hồ Tùng Mậu",
    "Dương Đình Nghệ",
    "Trần Cao Vân",
]
WARDS = [
    "Hòa Khánh Bắc",
    "Hòa Khánh Nam",
    "Thanh Khê Đông",
    "Thanh Khê Tây",
    "Phước Ninh",
    "Hải Châu",
    "An Hải Bắc",
    "An Hải Đông",
    "Mỹ An",
    "Khuê Trung",
    "Hòa Xuân",
    "Hòa Cường Bắc",
    "Thạch Thang",
    "Tân Định",
    "Bến Nghé",
    "Đa Kao",
    "Cầu Kho",
    "Phú Mỹ",
    "Thảo Điền",
    "Yên Hòa",
    "Dịch Vọng",
    "Trung Hòa",
    "Láng Hạ",
    "Hàng Bạc",
    "Cửa Nam",
    "Quán Thánh",
    "Ngọc Khánh",
    "Vĩnh Tuy",
    "Phú Hội",
    "Vĩnh Ninh",
    "Thuận Hòa",
    "Xuân Phú",
    "Tân An",
    "An Khánh",
    "Ninh Kiều",
    "Cái Khế",
    "Lộc Thọ",
    "Vĩnh Phước",
    "Phước Long",
    "Hòa Hiệp",
    "Điện Bàn",
    "Đông Hà",
    "Đồng Xoài",
    "Dương Nội",
    "Đường Lâm",
]
COMMUNES = [
    "Hòa Tiến",
    "Hòa Phong",
    "Hòa Nhơn",
    "Hòa Sơn",
    "Điện Thắng",
    "Duy Xuyên",
    "Tam Kỳ",
    "Bình Minh",
    "Quảng Điền",
    "Phú Vang",
    "Thủy Bằng",
    "Đông Anh",
    "Gia Lâm",
    "Sóc Sơn",
    "Cần Giờ",
    "Nhà Bè",
    "Bình Chánh",
    "Củ Chi",
]
PROVINCES = [
    "Đà Nẵng",
    "Hà Nội",
    "Huế",
    "Hải Phòng",
    "Cần Thơ",
    "Quảng Nam",
    "Nghệ An",
    "Thanh Hóa",
    "Bình Định",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Quảng Ngãi",
    "Quảng Trị",
    "Hà Tĩnh",
    "Bắc Ninh",
    "Thái Bình",
    "Nam Định",
    "Đắk Lắk",
    "Gia Lai",
    "An Giang",
    "Kiên Giang",
    "Tây Ninh",
    "Bình Dương",
]
CITIES = {"Đà Nẵng", "Hà Nội", "Huế", "Hải Phòng", "Cần Thơ"}
KINDS = [
    "Thông báo",
    "Tin tức",
    "Kế hoạch",
    "Quyết định",
    "Lịch",
    "Biên bản",
    "Phản ánh",
    "Kiến nghị",
    "Thư mời",
    "Công văn",
]
# (title topic, reason/context sentences, action sentences)
TOPICS = [
    (
        "cắt nước",
        [
            "do sửa chữa đường ống cấp nước",
            "để thay đồng hồ nước",
            "do nâng cấp trạm bơm",
        ],
        ["chủ động trữ nước sinh hoạt", "khóa van nước trong thời gian tạm ngưng"],
    ),
    (
        "cắt điện",
        ["để bảo trì lưới điện", "do thay máy biến áp", "để kéo dây điện mới"],
        ["rút phích cắm các thiết bị điện", "chủ động sắp xếp công việc"],
    ),
    (
        "tiêm chủng mở rộng",
        ["cho trẻ em dưới năm tuổi", "phòng bệnh sởi", "tiêm vắc xin bạch hầu"],
        ["mang theo sổ tiêm chủng", "đưa trẻ đến trạm y tế đúng giờ"],
    ),
    (
        "họp tổ dân phố",
        ["bàn về quỹ khuyến học", "tổng kết năm", "góp ý dự thảo quy ước"],
        ["cử đại diện hộ gia đình tham dự", "đến nhà văn hóa đúng giờ"],
    ),
    (
        "thu gom rác",
        [
            "thay đổi lịch thu gom",
            "phân loại rác tại nguồn",
            "xử lý rác thải cồng kềnh",
        ],
        ["để rác đúng nơi quy định", "buộc kín túi rác trước khi đem ra"],
    ),
    (
        "phòng chống sốt xuất huyết",
        ["diệt lăng quăng bọ gậy", "phun thuốc diệt muỗi", "số ca bệnh tăng"],
        ["úp ngược các vật dụng chứa nước", "ngủ màn kể cả ban ngày"],
    ),
    (
        "nạo vét cống thoát nước",
        ["trước mùa mưa bão", "chống ngập úng cục bộ", "khơi thông dòng chảy"],
        ["không xả rác xuống cống", "di chuyển xe ra khỏi khu vực thi công"],
    ),
    (
        "sửa chữa mặt đường",
        ["thảm lại nhựa mặt đường", "vá ổ gà", "nâng cao nền đường"],
        ["đi đường khác trong thời gian thi công", "chú ý biển báo phân luồng"],
    ),
    (
        "phòng cháy chữa cháy",
        ["diễn tập phương án", "kiểm tra bình chữa cháy", "mùa khô hanh"],
        ["trang bị bình chữa cháy tại nhà", "không câu móc điện tùy tiện"],
    ),
    (
        "đăng ký tạm trú",
        ["cho người thuê trọ", "theo Luật Cư trú", "cập nhật dữ liệu dân cư"],
        ["khai báo trước ngày quy định", "mang theo căn cước công dân"],
    ),
    (
        "cấp căn cước công dân",
        [
            "tổ chức cấp lưu động",
            "thu nhận hồ sơ định danh điện tử",
            "cho người cao tuổi",
        ],
        ["đăng ký lịch hẹn trước", "chuẩn bị giấy tờ tùy thân"],
    ),
    (
        "hiến máu nhân đạo",
        ["ngày hội giọt hồng", "bổ sung nguồn máu dự trữ", "tri ân người hiến máu"],
        ["ăn nhẹ trước khi hiến máu", "đăng ký với chi hội chữ thập đỏ"],
    ),
    (
        "trợ cấp người cao tuổi",
        [
            "chi trả trợ cấp hằng tháng",
            "mừng thọ người cao tuổi",
            "rà soát danh sách hưởng chính sách",
        ],
        ["nhận trợ cấp tại nhà văn hóa", "báo cho tổ trưởng khi thay đổi nơi ở"],
    ),
    (
        "học bổng khuyến học",
        [
            "trao học bổng cho học sinh nghèo vượt khó",
            "quỹ khuyến học của phường",
            "khen thưởng học sinh giỏi",
        ],
        ["nộp hồ sơ đề nghị xét học bổng", "liên hệ hội khuyến học"],
    ),
    (
        "sinh hoạt hè thiếu nhi",
        ["khai mạc hoạt động hè", "dạy bơi miễn phí", "lớp học kỹ năng sống"],
        ["đăng ký cho con em tham gia", "đưa đón trẻ đúng giờ"],
    ),
    (
        "vệ sinh môi trường",
        ["ngày chủ nhật xanh", "tổng vệ sinh khu dân cư", "trồng cây xanh"],
        ["quét dọn trước cửa nhà", "tham gia cùng đoàn thanh niên"],
    ),
    (
        "an toàn thực phẩm",
        [
            "kiểm tra bếp ăn tập thể",
            "tháng hành động vì an toàn thực phẩm",
            "cơ sở kinh doanh thức ăn đường phố",
        ],
        ["không mua thực phẩm không rõ nguồn gốc", "báo ngay khi có ngộ độc"],
    ),
    (
        "lấn chiếm vỉa hè",
        ["lập lại trật tự đô thị", "xử lý vi phạm lòng đường", "ra quân giải tỏa"],
        ["không bày bán hàng hóa trên vỉa hè", "để xe đúng nơi quy định"],
    ),
    (
        "phòng chống bão lũ",
        ["cơn bão số", "áp thấp nhiệt đới", "mưa lớn kéo dài gây ngập úng"],
        ["chằng chống nhà cửa", "di dời đến nơi an toàn khi có lệnh"],
    ),
    (
        "chuyển đổi số",
        [
            "hướng dẫn dịch vụ công trực tuyến",
            "thanh toán không dùng tiền mặt",
            "cài đặt ứng dụng định danh",
        ],
        ["mang điện thoại thông minh theo", "hỏi tổ công nghệ số cộng đồng"],
    ),
    (
        "thuế hộ kinh doanh",
        [
            "công khai mức thuế khoán",
            "kê khai thuế điện tử",
            "niêm yết danh sách hộ kinh doanh",
        ],
        ["góp ý trước ngày niêm yết kết thúc", "nộp thuế đúng hạn"],
    ),
    (
        "xây dựng trái phép",
        ["kiểm tra công trình không phép", "đình chỉ thi công", "cưỡng chế tháo dỡ"],
        ["xin giấy phép xây dựng trước khi khởi công", "phản ánh qua đường dây nóng"],
    ),
    (
        "tiếng ồn karaoke",
        [
            "phản ánh của người dân",
            "hát karaoke sau mười giờ đêm",
            "xử phạt vi phạm hành chính",
        ],
        ["giữ trật tự sau hai mươi hai giờ", "phản ánh với công an phường"],
    ),
    (
        "cây xanh gãy đổ",
        [
            "cắt tỉa cây xanh trước mùa mưa",
            "cây cổ thụ có nguy cơ gãy",
            "trồng thay thế cây mới",
        ],
        ["không đứng dưới gốc cây khi có gió lớn", "báo cho công ty cây xanh"],
    ),
    (
        "bầu cử đại biểu",
        [
            "niêm yết danh sách cử tri",
            "hội nghị tiếp xúc cử tri",
            "lấy ý kiến cử tri nơi cư trú",
        ],
        ["kiểm tra tên trong danh sách cử tri", "đi bầu cử đúng giờ"],
    ),
    (
        "đo đạc cấp giấy chứng nhận quyền sử dụng đất",
        [
            "đo đạc bản đồ địa chính",
            "công khai hồ sơ đất đai",
            "giải quyết tranh chấp ranh giới",
        ],
        ["có mặt khi đo đạc thửa đất", "mang theo giấy tờ nhà đất"],
    ),
]
ORGS = [
    "Ủy ban nhân dân phường",
    "Ủy ban nhân dân xã",
    "Ban điều hành tổ dân phố",
    "Công an phường",
    "Trạm y tế phường",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Cựu chiến binh",
    "Mặt trận Tổ quốc",
    "Công ty Cấp nước",
    "Điện lực",
    "Hội Người cao tuổi",
    "Chi hội Chữ thập đỏ",
]
ROLES = [
    "tổ trưởng tổ dân phố",
    "trưởng thôn",
    "cán bộ địa chính",
    "công an khu vực",
    "bí thư chi bộ",
    "chủ tịch hội phụ nữ",
    "cán bộ văn hóa xã hội",
    "trạm trưởng trạm y tế",
    "phó chủ tịch ủy ban nhân dân",
    "cán bộ tư pháp hộ tịch",
]
PLACES = [
    "nhà văn hóa tổ dân phố",
    "hội trường ủy ban nhân dân",
    "trạm y tế phường",
    "trường tiểu học",
    "sân bóng khu dân cư",
    "chợ",
    "nhà sinh hoạt cộng đồng",
    "trụ sở công an phường",
    "điểm bưu điện văn hóa",
]
# Common words for free sentences, most frequent first (Zipf weights).
COMMON = (
    "người dân của và các có được trong cho với đã theo để khu vực thực hiện "
    "công tác gia đình tổ chức năm tháng ngày nhà nước quy định hộ phường xã việc "
    "đường phố tuyến kiểm tra hướng dẫn tuyên truyền vận động tham gia đầy đủ "
    "kịp thời an toàn trật tự sạch sẽ nhanh chóng cộng đồng địa phương cán bộ "
    "chính quyền đoàn thể trách nhiệm ý thức bảo vệ môi trường sức khỏe cuộc sống "
    "sinh hoạt đời sống kinh tế văn hóa xã hội giáo dục y tế lao động việc làm "
    "thu nhập nghèo khó khăn hỗ trợ giúp đỡ quan tâm chăm lo chính sách ưu đãi "
    "thương binh liệt sĩ người có công mẹ Việt Nam anh hùng khen thưởng kỷ luật "
    "đánh giá kết quả báo cáo tổng hợp số liệu danh sách hồ sơ giấy tờ thủ tục "
    "hành chính một cửa tiếp nhận giải quyết trả kết quả đúng hạn trễ hạn "
    "mưa nắng gió lạnh nóng sáng chiều tối đêm sớm muộn mới cũ lớn nhỏ nhiều ít "
    "tốt đẹp xấu cao thấp dài ngắn rộng hẹp xa gần trước sau trên dưới giữa "
    "ngõ hẻm kiệt chung cư khu tập thể nhà trọ ký túc xá bến xe cầu sông biển "
    "núi đồi ruộng vườn ao hồ kênh mương đê kè bờ bãi rừng cây hoa lá cỏ "
    "xe máy ô tô xe đạp xe buýt đèn tín hiệu giao thông biển báo vạch kẻ "
    "điện thoại tin nhắn mạng internet trang thông tin điện tử ứng dụng "
    "trẻ em học sinh sinh viên thanh niên phụ nữ người già cụ ông cụ bà "
    "gia đình văn hóa khu phố văn minh nếp sống tiết kiệm lễ hội tết "
    "dự án công trình thi công nghiệm thu bàn giao vốn ngân sách đóng góp "
    "quỹ vì người nghèo đền ơn đáp nghĩa khuyến học thiện nguyện từ thiện "
    "ý kiến góp ý đề xuất kiến nghị phản ánh khiếu nại tố cáo hòa giải "
    "mâu thuẫn tranh chấp ranh giới đất đai nhà ở xây dựng sửa chữa cải tạo"
).split()


def _zipf(n, s=1.05):
    return list(accumulate(1.0 / (i + 1) ** s for i in range(n)))


class Corpus:
    """``Corpus(seed).document(i)`` → dict(title, intro, body, kind); deterministic."""

    def __init__(self, seed=20261128):
        self.rng = random.Random(seed)
        self._common_w = _zipf(len(COMMON))
        self._surname_w = _zipf(len(SURNAMES), 1.3)
        self._street_w = _zipf(len(STREETS), 0.8)
        self._ward_w = _zipf(len(WARDS), 0.7)
        self._given_m_w = _zipf(len(GIVEN_MALE), 0.6)
        self._given_f_w = _zipf(len(GIVEN_FEMALE), 0.6)

    def person(self):
        r = self.rng
        surname = r.choices(SURNAMES, cum_weights=self._surname_w)[0]
        if r.random() < 0.5:
            middle = r.choice(MIDDLE_MALE)
            given = r.choices(GIVEN_MALE, cum_weights=self._given_m_w)[0]
            title = r.choice(["ông", "anh", "đồng chí"])
        else:
            middle = r.choice(MIDDLE_FEMALE)
            given = r.choices(GIVEN_FEMALE, cum_weights=self._given_f_w)[0]
            title = r.choice(["bà", "chị", "đồng chí"])
        if r.random() < 0.25:  # four-word names: Trần Thị Thu Hà
            given = (
                r.choice(MIDDLE_FEMALE if middle in MIDDLE_FEMALE else MIDDLE_MALE)
                + " "
                + given
            )
        return title, f"{surname} {middle} {given}"

    def street(self):
        return self.rng.choices(STREETS, cum_weights=self._street_w)[0]

    def ward(self):
        r = self.rng
        if r.random() < 0.8:
            return "phường " + r.choices(WARDS, cum_weights=self._ward_w)[0]
        return "xã " + r.choice(COMMUNES)

    def free_sentence(self):
        r = self.rng
        n = r.randint(6, 16)
        ws = r.choices(COMMON, cum_weights=self._common_w, k=n)
        return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."

    def date(self):
        r = self.rng
        return f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.choice([2024, 2025, 2026])}"

    def document(self):
        r = self.rng
        kind = r.choice(KINDS)
        topic, reasons, actions = r.choice(TOPICS)
        ward = self.ward()
        street = self.street()
        group = r.randint(1, 60)
        province = r.choice(PROVINCES)
        unit = f"tổ dân phố {group}" if ward.startswith("phường") else f"thôn {group}"
        title = f"{kind} {topic} tại {unit}, {ward}"
        if r.random() < 0.4:
            title = f"{kind} về việc {topic} trên đường {street}"
        intro = (
            f"{r.choice(ORGS)} {ward.split(' ', 1)[1]} thông tin về việc {topic} "
            f"{r.choice(reasons)}."
        )
        sentences = []
        h = r.randint(6, 16)
        sentences.append(
            f"Thời gian: từ {h} giờ đến {h + r.randint(1, 6)} giờ ngày {self.date()}."
        )
        where = r.random()
        if where < 0.45:
            area = f"các hộ gia đình trên đường {street}" + (
                f" và đường {self.street()}" if r.random() < 0.4 else ""
            )
        elif where < 0.7:
            area = f"kiệt {r.randint(1, 200)} {street}"
        elif where < 0.85:
            area = f"ngõ {r.randint(1, 200)} phố {street}"
        else:
            area = f"khu dân cư số {r.randint(1, 12)}"
        sentences.append(
            f"Khu vực ảnh hưởng: {area}, {unit}, {ward}, "
            + ("thành phố " if province in CITIES else "tỉnh ")
            + f"{province}."
        )
        sentences.append(f"Lý do: {r.choice(reasons)}.")
        sentences.append(f"Đề nghị các hộ gia đình {r.choice(actions)}.")
        for _ in range(r.randint(2, 7)):
            sentences.append(self.free_sentence())
        if r.random() < 0.5:
            sentences.append(
                f"Địa điểm: {r.choice(PLACES)}, số {r.randint(1, 300)} đường {self.street()}."
            )
        t, name = self.person()
        sentences.append(
            f"Mọi thắc mắc xin liên hệ {t} {name}, {r.choice(ROLES)}, "
            f"số điện thoại 0{r.randint(300000000, 999999999)}."
        )
        if r.random() < 0.3:
            t, name = self.person()
            sentences.append(f"Người ký: {t} {name}.")
        return {
            "kind": kind,
            "title": title,
            "intro": intro,
            "body": " ".join(sentences),
        }


# The fixed queries, typed with diacritics; each is also run as strip_accents(q).
QUERIES = [
    "thông báo cắt nước",
    "cắt điện",
    "đường",
    "đường Nguyễn Văn Linh",
    "Lê Duẩn",
    "Võ Thị Sáu",
    "Trần Hưng Đạo",
    "Hoàng Diệu",
    "Nguyễn Văn Hùng",
    "Trần Thị Thu Hà",
    "Phạm Minh Đức",
    "Dương Văn Nam",
    "Lê Thị Hồng",
    "tổ dân phố",
    "họp tổ dân phố",
    "tiêm chủng",
    "sốt xuất huyết",
    "thu gom rác",
    "phường Hòa Khánh Bắc",
    "Thanh Khê Đông",
    "Đà Nẵng",
    "phòng cháy chữa cháy",
    "ngập úng",
    "lấn chiếm vỉa hè",
    "người cao tuổi",
    "học bổng",
    "nạo vét cống",
    "ủy ban nhân dân",
    "căn cước công dân",
    "an toàn thực phẩm",
    "hiến máu nhân đạo",
    "sửa chữa đường ống",
]
