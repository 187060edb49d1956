"""The privacy audit finds every way a page could load from another host."""

from __future__ import annotations

from pathlib import Path

from tests.site_audit import external_loads


def test_audit_finds_external_loads(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<html><head>"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="preconnect" href="//fonts.gstatic.com">'
        '<script src="https://cdn.example.org/lib.js"></script>'
        "<style>body{background:url('https://img.example.org/bg.png')}</style>"
        "</head><body>"
        '<img src="https://tracker.example.org/pixel.gif" alt="">'
        '<img srcset="local.png 1x, https://img.example.org/big.png 2x" alt="">'
        '<iframe src="https://video.example.org/embed"></iframe>'
        '<p style="background: url(//x.example.org/a.png)">x</p>'
        '<a href="https://doi.org/10.1000/xyz">a link a reader clicks is fine</a>'
        '<img src="images/local.png" alt="local is fine">'
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text(
        "@import 'https://cdn.example.org/x.css';\n.a{background:url(data:image/png;base64,AA)}",
        encoding="utf-8",
    )
    (tmp_path / "a.js").write_text(
        'fetch("https://analytics.example.org/collect");var ns = "http://www.w3.org/2000/svg";',
        encoding="utf-8",
    )
    found = external_loads(tmp_path)
    assert found == [
        "a.css: url https://cdn.example.org/x.css",
        "a.js: script URL https://analytics.example.org/collect",
        "index.html: <link href='https://fonts.googleapis.com/css?family=Roboto'>",
        "index.html: <link href='//fonts.gstatic.com'>",
        "index.html: <script src='https://cdn.example.org/lib.js'>",
        "index.html: <style> url https://img.example.org/bg.png",
        "index.html: <img src='https://tracker.example.org/pixel.gif'>",
        "index.html: <img srcset='https://img.example.org/big.png 2x'>",
        "index.html: <iframe src='https://video.example.org/embed'>",
        "index.html: style url //x.example.org/a.png",
    ]


def test_clean_site_passes(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="assets/site.css"><a href="https://example.org">x</a>',
        encoding="utf-8",
    )
    assert external_loads(tmp_path) == []
