"""`peerline content coverage`: topics written per country and language, as text and HTML."""

import shutil

from bot.cli import main


def test_text_table_gives_share_and_oldest_review(content_tree, capsys):
    fr = content_tree / "countries" / "fr"
    shutil.copy(fr / "fr.yml", fr / "de.yml")
    text = (fr / "de.yml").read_text()
    (fr / "de.yml").write_text(text.replace("reviewed: 2026-11-01", "reviewed: 2025-03-02", 1)
                               .split("immigration:")[0])  # only the first two topics
    assert main(["content", "coverage", str(content_tree)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["country", "language", "topics", "share", "oldest", "review"]
    assert lines[1].split() == ["Europe", "(any)", "en", "8", "of", "8", "100%", "2026-11-01"]
    assert [line.split() for line in lines[2:5]] == [
        ["France", "(fr)", "en", "8", "of", "8", "100%", "2026-11-01"],
        ["France", "(fr)", "fr", "8", "of", "8", "100%", "2026-11-01"],
        ["France", "(fr)", "de", "2", "of", "8", "25%", "2025-03-02"],
    ]
    assert lines[-2:] == ["No topics yet in these languages:", "  Europe (any): fr, de"]


def test_html_page_is_self_contained_and_escaped(content_tree, tmp_path, capsys):
    country = content_tree / "countries" / "fr" / "country.yml"
    country.write_text(country.read_text().replace("en: France", 'en: "France <script>x</script>"'))
    page = tmp_path / "coverage.html"
    assert main(["content", "coverage", str(content_tree), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "France &lt;script&gt;x&lt;/script&gt; (fr)" in html
    assert "src=" not in html and "href=" not in html  # nothing fetched from elsewhere
    assert '<tr><th>health</th><td class="full">2026-11-01</td>' in html
    assert f"Wrote {page}" in capsys.readouterr().out
