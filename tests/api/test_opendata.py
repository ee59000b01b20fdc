"""The nightly open-data ZIP of a commune: CSV files of what the public sees, a
data dictionary, the licence; the task schedules its next night."""

import io
import zipfile
from datetime import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from api import opendata, tasks
from civic.people.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _open_data_dir(settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path / "opendata"


def read_zip(path):
    archive = zipfile.ZipFile(path)
    return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def test_zip_holds_public_data_only(data, tree):
    files = read_zip(opendata.build_zip(tree.commune_a))
    assert set(files) == {*opendata.DICTIONARY, "README.md", "README.csv"}
    assert "CC BY 4.0" in files["README.md"]
    assert "Lịch cắt nước" in files["notices.csv"]
    for hidden in ("Thông báo tương lai", "Bản nháp", "Chỉ cư dân"):
        assert hidden not in files["notices.csv"]
    assert "Đèn đường hỏng" in files["feedback_reports.csv"]
    assert "Nêu tên hàng xóm" not in files["feedback_reports.csv"]
    everything = "".join(files.values())
    assert "Bí Danh" not in everything and "0905111222" not in everything
    assert "Bỏ phiếu kín" not in files["poll_results.csv"]  # secret, still open
    assert "Chọn ngày" in files["poll_results.csv"]
    assert "Đăng ký khai sinh" in files["procedures.csv"]
    assert "Điểm hỗ trợ A" in files["support_points.csv"]
    lighting = next(
        line
        for line in files["feedback_statistics.csv"].splitlines()
        if line.startswith("lighting")
    )
    assert lighting.startswith("lighting,1,1,")
    # every column of every file is described
    for name, columns in opendata.DICTIONARY.items():
        header = files[name].splitlines()[0].split(",")
        assert header == [c for c, _d in columns]


def test_other_communes_data_stays_out(data, tree):
    files = read_zip(opendata.build_zip(tree.commune_b))
    assert "Lịch cắt nước" not in files["notices.csv"]


def test_download_and_link(client, data, tree):
    response = client.get(f"/du-lieu-mo/{tree.commune_a.pk}.zip")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert client.get(f"/du-lieu-mo/{tree.group_1.pk}.zip").status_code == 404
    page = client.get(tree.commune_a.url).content.decode()
    assert f"/du-lieu-mo/{tree.commune_a.pk}.zip" in page
    assert (
        f"/du-lieu-mo/{tree.group_1.pk}.zip"
        not in client.get(tree.group_1.url).content.decode()
    )


def test_nightly_task_writes_and_schedules_itself(tree, settings):
    first = tasks.schedule_nightly()
    assert first is not None
    assert tasks.schedule_nightly() is None  # one waiting run at a time
    run_after = DBTaskResult.objects.get().run_after
    assert timezone.localtime(run_after).hour == settings.OPEN_DATA_HOUR
    # the night comes: the run writes every commune and queues the next night
    DBTaskResult.objects.update(run_after=timezone.now())
    assert run_queued_tasks() >= 1
    assert opendata.zip_path(tree.commune_a).exists()
    assert opendata.zip_path(tree.commune_b).exists()
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now()


def test_next_run_is_the_coming_night():
    tz = timezone.get_current_timezone()
    evening = datetime(2026, 12, 3, 23, 0, tzinfo=tz)
    assert tasks.next_run(evening) == datetime(2026, 12, 4, 2, 0, tzinfo=tz)
    early = datetime(2026, 12, 3, 1, 0, tzinfo=tz)
    assert tasks.next_run(early) == datetime(2026, 12, 3, 2, 0, tzinfo=tz)
