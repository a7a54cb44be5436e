import pytest

from salesboard.publish.swap import MANIFEST, publish_site, staging_folder


def stage(staging, files):
    for name, text in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_publish_replaces_changed_files_removes_stale_ones_and_keeps_foreign_files(tmp_path):
    site = tmp_path / "site"
    with staging_folder(site) as staging:
        stage(staging, {"index.html": "v1", "data/old.json": "{}", "assets/plotly.js": "js"})
        publish_site(staging, site)
    (site / "README-the-team-wrote.txt").write_text("keep me")
    with staging_folder(site) as staging:
        stage(staging, {"index.html": "v2", "assets/plotly.js": "js"})
        assert publish_site(staging, site) == ["assets/plotly.js", "index.html"]
    assert snapshot(site) == {"index.html": b"v2", "assets/plotly.js": b"js",
                              "README-the-team-wrote.txt": b"keep me",
                              MANIFEST: b"assets/plotly.js\nindex.html\n"}
    assert not (tmp_path / ".site.staging").exists()


def test_a_failure_while_staging_leaves_the_site_untouched(tmp_path):
    site = tmp_path / "site"
    with staging_folder(site) as staging:
        stage(staging, {"index.html": "good"})
        publish_site(staging, site)
    before = snapshot(site)
    with pytest.raises(RuntimeError):
        with staging_folder(site) as staging:
            stage(staging, {"index.html": "half"})
            raise RuntimeError("render failed")
    assert snapshot(site) == before
    assert not (tmp_path / ".site.staging").exists()
