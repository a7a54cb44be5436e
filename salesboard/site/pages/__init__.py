"""What each page shows: metric frames → page models, one module per page."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from salesboard.site.page_model import Page
from salesboard.site.pages.call_list import ListExport, call_list_page, list_exports
from salesboard.site.pages.campaigns import campaigns_page
from salesboard.site.pages.context import PageContext, SiteData
from salesboard.site.pages.customer import customer_page
from salesboard.site.pages.first_buyers import first_buyers_page
from salesboard.site.pages.follow_ups import follow_up_columns, follow_up_links, follow_up_rows, follow_ups_page
from salesboard.site.pages.funnel import funnel_page
from salesboard.site.pages.offers import offer_exports, offers_page
from salesboard.site.pages.overview import overview_page
from salesboard.site.pages.quality import quality_page
from salesboard.site.pages.segments import segments_page

__all__ = ["ListExport", "PageContext", "SiteData", "build_pages", "follow_up_columns", "follow_up_links",
           "follow_up_rows", "list_exports", "offer_exports"]

# In navigation order; a builder that returns None has nothing to show (offers without a list of offers).
PAGE_BUILDERS: list[Callable[[SiteData, PageContext], Page | None]] = [
    overview_page, segments_page, funnel_page, first_buyers_page, call_list_page, follow_ups_page, offers_page,
    campaigns_page, quality_page, customer_page]


def build_pages(site: SiteData) -> list[Page]:
    context = PageContext(site.settings)
    # Every page carries the notices (e.g. a workbook shown with its last good contents).
    notices = tuple(notice.describe(context.language) for notice in site.read.notices)
    pages = (builder(site, context) for builder in PAGE_BUILDERS)
    return [dataclasses.replace(page, notices=notices) for page in pages if page is not None]
