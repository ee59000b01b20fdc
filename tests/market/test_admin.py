"""The operator's details in the admin: a commune's editors, for their commune."""

from civic.market.models import Operator


def test_editor_keeps_the_operator_of_their_commune(client, mk):
    client.force_login(mk.editor_a)
    base = "/quan-tri/cho/don-vi-van-hanh/"
    assert client.get(base).status_code == 200
    form = client.get(base + "new/").content.decode()
    assert "Phường A" in form and "Xã B" not in form
    data = {"name": "UBND Phường A", "address": "1 Trần Phú", "area": mk.commune_b.pk}
    response = client.post(base + "new/", data)
    assert response.status_code == 200 and not Operator.objects.exists()
    client.post(base + "new/", {**data, "area": mk.commune_a.pk})
    assert Operator.objects.get().area_id == mk.commune_a.pk
