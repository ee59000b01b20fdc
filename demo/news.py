"""Dữ liệu mẫu (demo): tin tức của Phường Bắc Nha Trang và các tổ dân phố.

Toàn bộ nội dung trong tệp này là HƯ CẤU, chỉ dùng để trình diễn và kiểm thử:
tên người, số điện thoại, địa chỉ nhà, số liệu, sự kiện đều do người viết tự đặt.
Tên phường và tên đường là địa danh có thật ở phía bắc Nha Trang, nhưng không có
thông báo, bài viết hay con số nào dưới đây là thông tin chính thức của địa phương.

Quy ước dữ liệu:
- ``group`` là số thứ tự tổ dân phố (1..8); ``None`` nghĩa là tin cấp phường.
- ``days_ago`` tính tương đối so với ngày nạp dữ liệu.

Seeded by ``demo.ward`` (``NewsPage``, published by a commune editor).
"""

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
