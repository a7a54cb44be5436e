"""Stage four: downloads and summary.json beside the pages, then the staged site swapped into place."""
