"""Pages → HTML files, with the assets, in the staging folder. Jinja2, strict and autoescaped."""
from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

import jinja2

from salesboard import formatting
from salesboard.pagemodel import Page
from salesboard.texts import translator

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def make_environment(templates_dir: Path, language: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        date=functools.partial(formatting.fmt_date, language=language),
        datetime=functools.partial(formatting.fmt_datetime, language=language),
    )
    environment.globals["t"] = translator(language)
    return environment


def render_pages(pages: list[Page], staging: Path, templates_dir: Path, *, language: str,
                 site_title: str, as_of: dt.date, built: dt.datetime) -> list[Path]:
    environment = make_environment(templates_dir, language)
    template = environment.get_template("page.html")
    written = []
    for page in pages:
        figures = [chart for section in page.sections for chart in section.charts if chart.figure]
        tables = [table for section in page.sections for table in section.tables]
        html = template.render(page=page, navigation=pages, figures=figures, tables=tables, language=language,
                               site_title=site_title, as_of=as_of, built=built)
        path = staging / f"{page.slug}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def copy_assets(templates_dir: Path, staging: Path) -> None:
    """The stylesheet and script beside the templates, and plotly.js once for every page."""
    assets = staging / "assets"
    shutil.copytree(templates_dir / "assets", assets, dirs_exist_ok=True)
    shutil.copyfile(plotly_js(), assets / "plotly.min.js")
