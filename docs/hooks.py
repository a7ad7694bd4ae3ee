"""mkdocs hook: the "Country packs" section of the site's navigation lists every page
of ``docs/packs/`` by itself, so that adding a country adds its page without editing
``mkdocs.yml``. A page's title is its first heading up to `` (`` (``# Greek pack
(`profile="gr"`)`` -> ``gr: Greek pack``)."""

from __future__ import annotations

from pathlib import Path

SECTION = "Country packs"


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return f"{page.stem}: {line[2:].split(' (')[0].strip()}"
    return page.stem


def on_config(config, **kwargs):
    docs = Path(config["docs_dir"])
    for entry in config["nav"] or ():
        if isinstance(entry, dict) and SECTION in entry:
            listed = {next(iter(item.values())) for item in entry[SECTION]}
            packs = [{_title(page): f"packs/{page.name}"}
                     for page in sorted((docs / "packs").glob("*.md"))
                     if f"packs/{page.name}" not in listed]
            entry[SECTION] = packs + list(entry[SECTION])
    return config
