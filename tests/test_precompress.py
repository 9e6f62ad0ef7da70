"""scripts/precompress.py: .gz and .br copies that decompress to the file, only for large text
files, only when smaller, reproducible, stale copies removed."""

from __future__ import annotations

import gzip
import os

import brotli

import precompress


def test_copies_decompress_to_the_file_and_only_where_they_help(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>挂职干部</p>\n" * 500, encoding="utf-8")
    (tmp_path / "small.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG" * 1000)
    noise = tmp_path / "noise.js"
    noise.write_bytes(os.urandom(4096))
    (tmp_path / "gone.html.gz").write_bytes(b"stale")

    assert precompress.main([str(tmp_path)]) == 0
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((tmp_path / "index.html.br").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "small.css.gz").exists() and not (tmp_path / "image.png.gz").exists()
    assert not (tmp_path / "noise.js.br").exists() and not (tmp_path / "noise.js.gz").exists()
    assert not (tmp_path / "gone.html.gz").exists()

    first = (tmp_path / "index.html.gz").read_bytes(), (tmp_path / "index.html.br").read_bytes()
    assert precompress.main([str(tmp_path)]) == 0
    assert ((tmp_path / "index.html.gz").read_bytes(), (tmp_path / "index.html.br").read_bytes()) == first


def test_refuses_a_folder_that_is_not_a_site(tmp_path, capsys):
    assert precompress.main([str(tmp_path)]) == 1
    assert "not a built site" in capsys.readouterr().out
