from content.models import NewsPage, NoticePage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_rss_and_atom_list_the_areas_items(client, tree):
    publish(
        tree.group_1,
        NoticePage(title="Cắt nước đường Hà Ra", body="<p>x</p>", is_urgent=True),
    )
    publish(tree.group_2, NewsPage(title="Ra quân dọn rác", intro="Sáng Chủ nhật"))
    publish(tree.group_b, NewsPage(title="Tin của xã khác"))
    rss = client.get(tree.commune_a.url + "rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Cắt nước đường Hà Ra" in body and "Ra quân dọn rác" in body
    assert "Tin của xã khác" not in body
    atom = client.get(tree.group_1.url + "atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Cắt nước đường Hà Ra" in atom.content.decode()
    assert "Ra quân dọn rác" not in atom.content.decode()


def test_sitemap_lists_areas_and_archives(client, tree):
    body = client.get("/sitemap.xml").content.decode()
    assert "/phuong-a/" in body and "/phuong-a/thong-bao/" in body


def test_vietnamese_by_default_english_under_prefix(client, tree):
    vi = client.get(tree.commune_a.url).content.decode()
    assert 'lang="vi"' in vi and "Đăng nhập" in vi
    en = client.get("/en" + tree.commune_a.url).content.decode()
    assert 'lang="en"' in en and "Sign in" in en


def test_language_switch_sets_english(client, tree):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": tree.commune_a.url}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


def test_unknown_page_is_a_friendly_404(client, tree):
    response = client.get("/phuong-a/khong-co-trang-nay/")
    assert response.status_code == 404


def test_area_page_without_content_renders(client, tree):
    response = client.get(tree.group_b.url)
    assert response.status_code == 200
    assert "Thôn Đông" in response.content.decode()
