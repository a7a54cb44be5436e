"""Page models built without a browser: what each page holds for the hand-checked team workbooks."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from support.headline import headline_as_of
from support.workbooks import write_team_workbooks

from salesboard.config import Settings
from salesboard.input.read import read_input
from salesboard.metrics import compute_metrics
from salesboard.metrics.facts import select_facts
from salesboard.metrics.headline_history import headline_history
from salesboard.site.pages import PageContext, SiteData, build_pages, follow_up_rows
from salesboard.site.render import site_title

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("input")
    write_team_workbooks(folder)
    settings = Settings(input_dir=folder, as_of=AS_OF, today=AS_OF)
    read = read_input(settings)
    metrics = compute_metrics(read.tables, AS_OF, settings.rules)
    context = PageContext(settings)
    last_week = headline_as_of(read.tables, AS_OF - dt.timedelta(days=7), settings.rules)
    history = headline_history(select_facts(read.tables, AS_OF), metrics.addresses, settings.rules)
    site = SiteData(settings, metrics, last_week, read, follow_up_rows(metrics, context), (), history=history)
    return {page.slug: page for page in build_pages(site)}


def test_the_eight_pages_in_navigation_order(pages):
    assert [slug for slug, page in pages.items() if page.in_navigation] == [
        "index", "segments", "funnel", "first-buyers", "call-list", "follow-ups", "campaigns", "data-quality"]
    # The customer card is a page of the site, reached by the search field and the links of the tables.
    assert "customer" in pages and not pages["customer"].in_navigation


def test_overview_cards_compare_with_a_week_earlier(pages):
    cards = {card.label: (card.value, card.change, card.trend) for card in pages["index"].sections[0].cards}
    # Six addresses (five listed, customer 9 only in the orders). Customer 4 ordered on 24.11.: one customer
    # more than on 18.11.; three overdue follow-ups now against two then (Gamma's offer of 02.11. became overdue
    # on 10.11., Delta's order of 24.11. settled nothing).
    assert cards["Adressen"] == ("6", "±0 ggü. Vorwoche", "flat")
    assert cards["Kunden"] == ("3", "▲ +1 ggü. Vorwoche", "good")
    # One overdue follow-up fewer than a week earlier: good news, an arrow down in green.
    assert cards["Überfällige Wiedervorlagen"] == ("3", "▼ −1 ggü. Vorwoche", "good")


def test_each_card_links_to_the_page_that_explains_it(pages):
    cards = pages["index"].sections[0].cards
    assert [card.href for card in cards] == ["segments.html", "segments.html", "segments.html", "first-buyers.html",
                                             "follow-ups.html"]
    assert cards[1].spark and cards[2].spark and cards[3].spark  # customers, revenue, second-order rate
    # Overdue follow-ups on each of the twelve Wednesdays up to D: none on 09.09., four on 18.11., three on D.
    overdue = cards[4].spark.split()
    assert (len(overdue), overdue[0], overdue[-2], overdue[-1]) == (12, "0.0,22.0", "90.9,2.0", "100.0,7.0")


def test_the_overview_names_the_reporting_week_and_the_running_week_apart(pages):
    # As of Wednesday 25.11.2026: W is KW 47 (16.–22.11.), the running week Monday 23.11. to 25.11.
    weekly = pages["index"].sections[1]
    assert weekly.title == "Wochen-Funnel KW\u00a047 · 16.–22.11.2026: gegen Vorwoche und Ø der 4 Wochen davor"
    assert weekly.text.startswith("Laufende Woche bis Mi 25.11. (noch nicht vollständig, nicht im Vergleich): ")
    # Delta (customer 4) ordered on 24.11.: in the running week, not in W.
    assert "1 bestellender Kunde, 1 Erstauftrag, 450\u00a0€ Umsatz." in weekly.text
    table = weekly.tables[0].data
    assert [column["label"] for column in table["columns"]][1:4] == ["KW\u00a047", "KW\u00a046", "Ø KW\u00a042–45"]
    revenue = weekly.tables[1].data
    assert revenue["rows"][0][1][0].endswith("\u00a0€")


def test_the_week_in_review_links_each_name_to_the_customer_card(pages):
    review = pages["index"].sections[2]
    assert review.title.startswith("Die Woche im Rückblick: KW\u00a047")
    data = review.tables[0].data
    kinds = [column["kind"] for column in data["columns"]]
    assert kinds[1] == "customer" and kinds[2] == "customer"
    for row in data["rows"]:
        name, _, customer_id = row[1]
        assert customer_id and row[2][2] == customer_id


def test_follow_up_table_lists_reasons_in_words_with_an_item_filter(pages):
    table = pages["follow-ups"].sections[1].tables[0].data  # below "due today and this week"
    columns = [column["label"] for column in table["columns"]]
    reasons = columns.index("Gründe")
    assert table["columns"][reasons]["items"] == ", " and table["columns"][reasons]["filter"] is True
    # Gamma: its address row's follow-up of 20.11. passed unsettled, and its offer of 02.11. was never chased.
    # Customer 1 (Z4) was last in touch on 01.09. (85 > 60 days), customer 9 (Z2) ordered on 01.10. (55 > 14).
    assert sorted(row[reasons] for row in table["rows"]) == [
        "Kontaktrhythmus", "Kontaktrhythmus", "fällig, Angebot nicht nachgefasst"]


def test_site_title_carries_the_company():
    assert site_title(Settings(company="Muster GmbH", language="en")) == "Muster GmbH · Sales dashboard"
    assert site_title(Settings()) == "Vertriebs-Dashboard"


def test_call_list_rows_say_why_with_the_evidence(pages):
    page = pages["call-list"]
    table = page.sections[0].tables[0].data
    labels = [column["label"] for column in table["columns"]]
    rows = [dict(zip(labels, row)) for row in table["rows"]]
    assert [(row["Betreuer"], row["Firma"], row["Nr."][0]) for row in rows] == [
        ("Tim", ("Gamma AG", "3"), "1"), ("ohne Betreuer", ("", "9"), "1")]
    # Gamma: the address's follow-up of 20.11. (5 days ago, unsettled) is a promised call; its offer of 02.11.
    # is 23 days old and unchased; and it is a Z1 whose latest interest (that offer) had no contact since.
    assert rows[0]["Warum jetzt"] == "Rückruf zugesagt für den 20.11.2026"
    assert rows[0]["Gründe"] == "Rückruf zugesagt, Angebot nachfassen, frisches Interesse"
    # Customer 9: first order 01.10., 55 days ago. Its situation (Z2, 31-60 days, no offer) was seen twice in
    # the history (customer 1, first-time buyer from 10.01., on the Sundays 15. and 22.02.), too rarely: the
    # evidence is every Z2 sighting, customer 1's 7 Sundays from 11.01. to 22.02., each followed by its second
    # order of 01.03. within 90 days: 7 of 7.
    assert rows[1]["Warum jetzt"] == ("Erstkäufer seit 55 Tagen — von 7 Erstkäufern insgesamt (in genau dieser Lage "
                                      "zu selten gesehen) haben 100\u00a0% binnen 90 Tagen nachbestellt")
    assert rows[1]["Telefon"] == ""  # no number; the page shows no link then
    assert table["columns"][labels.index("Telefon")]["kind"] == "tel"
    assert table["columns"][labels.index("Betreuer")]["param"] == "owner"
    # Customer 1 (Z4, last order 177 days ago, usually every 71 days): at risk, but no loyal customer in its
    # history ordered within 90 days (its own 12 Sundays as Z4): p = 0 < 2 %, so the reactivation list.
    reactivation = page.sections[2].tables[0].data
    assert [row[0] for row in reactivation["rows"]] == [("Alpha GmbH", "1")]
    # The back-test as of 27.08.: the rule would have listed customer 1 alone (overdue then, 87 days since its
    # last order > 60), who has not ordered since; of all six addresses 4 and 9 have (in W40 and W48): 2 of 6.
    assert page.sections[1].text == ("Hätte diese Liste vor 90 Tagen gegolten (am 27.08.2026, 1 Adressen): 0\u00a0% "
                                     "ihrer Adressen haben seitdem bestellt — in der Wiedervorlagen-Reihenfolge "
                                     "0\u00a0%, über alle Adressen 33\u00a0%. Damit war die Liste nicht besser als "
                                     "die Wiedervorlagen-Reihenfolge.")


def test_the_offers_page_comes_with_a_list_of_offers_only(tmp_path):
    from support.workbooks import write_workbook

    write_team_workbooks(tmp_path)
    settings = Settings(input_dir=tmp_path, as_of=AS_OF, today=AS_OF)

    def slugs():
        read = read_input(settings)
        metrics = compute_metrics(read.tables, AS_OF, settings.rules)
        context = PageContext(settings)
        site = SiteData(settings, metrics, headline_as_of(read.tables, AS_OF, settings.rules), read,
                        follow_up_rows(metrics, context), ())
        return {page.slug: page for page in build_pages(site)}

    assert "offers" not in slugs()
    write_workbook(tmp_path / "Angebote.xlsx", {"Angebote": [
        ["Angebotsnummer", "Angebotsdatum", "Kundennummer", "Angebotswert", "Gültig bis", "Betreuer"],
        ["AN-1", dt.date(2026, 9, 1), 1, 1000, None, "Anna"],
        ["AN-2", dt.date(2026, 11, 1), 3, 800, dt.date(2026, 12, 31), "Tim"]]})
    pages = slugs()
    assert list(pages)[6] == "offers"
    # Both open on 25.11.: AN-1 is 85 days old with no order of customer 1 since; AN-2 is valid until 31.12.
    cards = {card.label: card.value for card in pages["offers"].sections[0].cards}
    assert cards["Offene Angebote"] == "2" and cards["Wert offener Angebote"] == "1.800\u00a0€"
    rows = pages["offers"].sections[3].tables[0].data["rows"]
    assert [(row[0], row[3]) for row in rows] == [("Anna", "AN-1"), ("Tim", "AN-2")]


def _charts(page):
    return {chart.id: chart.figure for section in page.sections for chart in section.charts}


def test_non_segment_series_never_wear_a_segment_colour(pages):
    from salesboard.site.charts import SEGMENT_COLOURS

    colours = [trace["marker"]["color"] for figure in _charts(pages["index"]).values() if figure
               for trace in figure["data"]]
    assert colours and not set(colours) & set(SEGMENT_COLOURS.values())


def test_the_migration_matrix_names_its_axes_and_colours_only_the_moves(pages):
    figure = _charts(pages["segments"])["migration"]
    assert figure["layout"]["yaxis"]["title"]["text"] == "von … am 27.08."
    assert figure["layout"]["xaxis"]["title"]["text"] == "nach … am 25.11."
    trace = figure["data"][0]
    assert all(trace["z"][i][i] == 0 for i in range(5))  # the diagonal stays white …
    assert any(trace["text"][i][i] != "0" for i in range(5))  # … and still shows how many stayed
    # Each cell's hover in words for its count: "Z1 → Z3: 1 Adresse", "2 Adressen".
    for row, hovers in zip(trace["text"], trace["customdata"]):
        assert hovers == [("1 Adresse" if count == "1" else f"{count} Adressen") for count in row]
    assert trace["hovertemplate"] == "%{y} → %{x}: %{customdata}<extra></extra>"


def test_segment_codes_are_explained_where_they_appear(pages):
    segments = pages["segments"].sections[0]
    assert "Z4 Stammkunde: 3 und mehr Aufträge" in segments.text
    assert "Z4 Stammkunde: 3 und mehr Aufträge" in pages["campaigns"].sections[0].text
    bars = _charts(pages["segments"])["segment-counts"]["data"][0]
    assert bars["customdata"][-1] == "3 und mehr Aufträge"  # in the hover of the Z4 bar


def test_the_cohort_heatmap_shows_each_cohorts_size(pages):
    figure = _charts(pages["first-buyers"])["cohorts"]
    # Customer 1's first order in January, 9's in October, 4's in November: one buyer each.
    assert figure["data"][0]["y"] == ["Jan. 2026 · 1", "Okt. 2026 · 1", "Nov. 2026 · 1"]


def test_chart_hovers_read_as_sentences_with_units(pages):
    trend = _charts(pages["index"])["trend"]["data"][0]
    many, one = "%{y:,.0f} Adressen mit Erstkontakt<extra></extra>", "1 Adresse mit Erstkontakt<extra></extra>"
    # A week with exactly one first contact has words of its own, the other weeks those for any count.
    assert [template == one for template in trend["hovertemplate"]] == [count == 1 for count in trend["y"]]
    assert {many, one} == set(trend["hovertemplate"])
    assert trend["x"][-1] == "KW\u00a047/2026"  # the 52 weeks end with the reporting week
    revenue = _charts(pages["index"])["revenue"]
    assert revenue["data"][0]["hovertemplate"] == "%{y:,.0f}\u00a0€ Umsatz<extra></extra>"
    assert revenue["layout"]["hovermode"] == "x unified"  # the week stands once above the sentences
    assert revenue["layout"]["yaxis"]["ticksuffix"] == "\u00a0€"
    assert revenue["layout"]["yaxis"]["title"]["text"] == "Umsatz (€)"


def test_the_days_to_a_second_order_are_counted_in_bins_with_words_for_one():
    from salesboard.site.charts import histogram

    # 0–29 days: 5, 12 (two buyers); 30–59: none; 60–89: 61 (one); nulls are no buyers.
    figure = histogram(pl.Series([5, 12, 61, None]), 30, "de", "Tage", sentence=("{value} Zweitkäufer", "1 Zweitkäufer"))
    bars = figure["data"][0]
    assert (bars["x"], bars["y"], bars["customdata"]) == ([15.0, 75.0], [2, 1], ["0–29", "60–89"])
    assert bars["hovertemplate"] == ["%{customdata}: %{y:,.0f} Zweitkäufer<extra></extra>",
                                     "%{customdata}: 1 Zweitkäufer<extra></extra>"]
    english = histogram(pl.Series([1000, 1010]), 30, "en", "days", sentence=("{value} buyers", "1 buyer"))
    bars = english["data"][0]
    assert (bars["customdata"], bars["hovertemplate"]) == (["990–1,019"], "%{customdata}: %{y:,.0f} buyers<extra></extra>")
    # Ticks at bin edges, at most six: every 30 days for the 3 bins up to 89, every 180 for the 34 up to 1,019.
    assert (figure["layout"]["xaxis"]["dtick"], english["layout"]["xaxis"]["dtick"]) == (30, 180)


def test_count_axes_step_by_whole_numbers_only_when_the_counts_are_small(pages):
    from salesboard.site.charts import stacked_by_segment

    small = _charts(pages["segments"])["history"]["layout"]["yaxis"]
    assert small["dtick"] == 1 and small["tickformat"] == ",d"  # six addresses stacked: 0, 1, 2 …, never 0,5
    names = {s: s for s in ("Z0", "Z1", "Z2", "Z3", "Z4")}
    large = stacked_by_segment(["a", "b"], {s: [100, 200] for s in names}, names, "de")["layout"]["yaxis"]
    assert "dtick" not in large  # hundreds: Plotly picks the steps
