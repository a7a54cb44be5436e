"""The words of the entry pages (which open the current build), of the charts' toolbar and of the
limits of what a build reads."""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # Entry pages: shown only for the moment before they open the current build.
    "entry.opening": {"de": "Das Dashboard wird geöffnet …", "en": "Opening the dashboard …"},
    "entry.no_build": {
        "de": "Hier liegt noch kein fertig gebautes Dashboard. Es erscheint, sobald ein Build fertig ist.",
        "en": "There is no finished dashboard here yet. It appears as soon as a build has finished."},
    "entry.no_script": {
        "de": "Das Dashboard braucht JavaScript; bitte im Browser erlauben.",
        "en": "The dashboard needs JavaScript; please allow it in the browser."},
    # A limit of what is read (a data-quality problem of the file).
    "file.too_large": {
        "de": "ist {size_mb} MB groß, mehr als die Grenze von {limit_mb} MB; bitte aufteilen oder max_input_mb "
              "in dashboard.toml erhöhen",
        "en": "is {size_mb} MB, above the limit of {limit_mb} MB; split it, or raise max_input_mb in dashboard.toml"},
    # The chart toolbar and Plotly's notes, in the words plotly.js looks up (see PLOTLY_WORDS).
    "toolbar.zoom": {"de": "Zoomen", "en": "Zoom"},
    "toolbar.pan": {"de": "Verschieben", "en": "Pan"},
    "toolbar.zoom_in": {"de": "Vergrößern", "en": "Zoom in"},
    "toolbar.zoom_out": {"de": "Verkleinern", "en": "Zoom out"},
    "toolbar.autoscale": {"de": "Automatisch skalieren", "en": "Autoscale"},
    "toolbar.reset_axes": {"de": "Achsen zurücksetzen", "en": "Reset axes"},
    "toolbar.download_png": {"de": "Diagramm als PNG-Bild speichern", "en": "Download plot as a PNG"},
    "toolbar.download": {"de": "Diagramm als Bild speichern", "en": "Download plot"},
    "toolbar.preparing": {"de": "Das Bild wird erstellt – das kann einige Sekunden dauern",
                          "en": "Preparing image - this may take a few seconds"},
    "toolbar.downloaded": {"de": "Bild gespeichert", "en": "Image download succeeded"},
    "toolbar.download_failed": {"de": "Das Bild konnte leider nicht gespeichert werden.",
                                "en": "Sorry, there was a problem downloading your image!"},
    "toolbar.double_click": {"de": "Doppelklick zeigt wieder alles", "en": "Double-click to zoom back out"},
    "toolbar.isolate": {"de": "Doppelklick auf die Legende zeigt nur diese Reihe",
                        "en": "Double-click on legend to isolate one trace"},
}

# plotly.js's English text (as in its source; older spellings too) → our text key.
PLOTLY_WORDS = {
    "Zoom": "toolbar.zoom", "Pan": "toolbar.pan", "Zoom in": "toolbar.zoom_in", "Zoom out": "toolbar.zoom_out",
    "Autoscale": "toolbar.autoscale", "Reset axes": "toolbar.reset_axes",
    "Download plot as a PNG": "toolbar.download_png", "Download plot as a png": "toolbar.download_png",
    "Download plot": "toolbar.download",
    "Preparing image - this may take a few seconds": "toolbar.preparing",
    "Taking snapshot - this may take a few seconds": "toolbar.preparing",
    "Image download succeeded": "toolbar.downloaded", "Snapshot succeeded": "toolbar.downloaded",
    "Sorry, there was a problem downloading your image!": "toolbar.download_failed",
    "Sorry, there was a problem downloading your snapshot!": "toolbar.download_failed",
    "Double-click to zoom back out": "toolbar.double_click",
    "Double-click on legend to isolate one trace": "toolbar.isolate",
}


def plotly_locale(language: str) -> dict:
    """The locale the page script registers with Plotly.register({moduleType: 'locale', …})."""
    return {"name": language, "dictionary": {english: WORDS[key][language] for english, key in PLOTLY_WORDS.items()}}
