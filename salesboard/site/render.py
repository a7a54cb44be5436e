"""Pages → HTML files, with the assets, in the staging folder. Jinja2, strict and autoescaped."""
from __future__ import annotations

import datetime as dt
import functools
import shutil
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

import jinja2

from salesboard.config import Settings, build_time
from salesboard.site import formatting
from salesboard.site.page_model import Page
from salesboard.site.texts import script_words, translator
from salesboard.site.texts.publishing import plotly_locale

# Shipped inside the package; in a source checkout, the top-level templates/ folder.
PACKAGE_TEMPLATES = Path(str(files("salesboard.templates")))


def templates_folder(preferred: Path) -> Path:
    """`preferred` (the working directory's templates/) when it holds a page template, else the shipped ones."""
    return preferred if (preferred / "page.html").is_file() else PACKAGE_TEMPLATES


def site_title(settings: Settings) -> str:
    title = translator(settings.language)("site.title")
    return f"{settings.company} · {title}" if settings.company else title


def plotly_js() -> Path:
    """plotly.js as the plotly package ships it (found without importing the package)."""
    return Path(find_spec("plotly").submodule_search_locations[0]) / "package_data" / "plotly.min.js"


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
    # The pages' data as compact JSON, letters as they are (tojson still escapes <, >, & and ').
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    return environment


def render_site(pages: list[Page], staging: Path, settings: Settings) -> None:
    """Every page and the assets, from the working directory's templates or the shipped ones."""
    templates_dir = templates_folder(settings.templates_dir)
    render_pages(pages, staging, templates_dir, language=settings.language, site_title=site_title(settings),
                 as_of=settings.as_of, built=build_time())
    copy_assets(templates_dir, staging)


def render_pages(pages: list[Page], staging: Path, templates_dir: Path, *, language: str,
                 site_title: str, as_of: dt.date, built: dt.datetime) -> list[Path]:
    environment = make_environment(templates_dir, language)
    words, toolbar_words = script_words(language), plotly_locale(language)
    written = []
    for page in pages:
        template = environment.get_template(page.template)
        figures = [chart for section in page.sections for chart in section.charts if chart.figure]
        tables = [table for section in page.sections for table in section.tables]
        html = template.render(page=page, navigation=pages, figures=figures, tables=tables, language=language,
                               site_title=site_title, as_of=as_of, built=built, script_words=words,
                               plotly_locale=toolbar_words)
        path = staging / f"{page.slug}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def copy_assets(templates_dir: Path, staging: Path) -> None:
    """The stylesheet and script beside the templates, and plotly.js once for every page."""
    assets = staging / "assets"
    shutil.copytree(templates_dir / "assets", assets, dirs_exist_ok=True)
    shutil.copyfile(plotly_js(), assets / "plotly.min.js")
