"""Refresh the catalogue of generated texts (resources/texts/zh_CN.po) from the code.

    .venv/bin/python tools/texts.py           # extract, merge into zh_CN.po, list what is left
    .venv/bin/python tools/texts.py --check   # exit 1 if a message is missing or unfinished

Strings marked `_("…")`, `N_("…")`, `ngettext("…", "…", n)` or `pgettext("context", "…")` in
`casebook/` (outside the Qt code, which uses `.ts` files) are extracted with Babel. New messages
arrive in zh_CN.po with an empty translation; messages no longer in the code are dropped. Fill
every empty `msgstr` with natural Simplified Chinese (and remove any `#, fuzzy` flag after
checking the guess); `tests/test_texts.py` fails until then. The app reads the .po at run time
(`casebook.texts`), so there is nothing to compile.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "casebook"
CATALOGUE = ROOT / "resources" / "texts" / "zh_CN.po"
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
SKIPPED = ("ui",)
HEADER = """\
# Simplified Chinese for the texts Casebook generates outside Qt: the case summary, README.TXT,
# INDEX.HTM, METADATA.XML, the cover sheet and the command line. Update with tools/texts.py.
#"""  # Qt's own translations (.ts) cover casebook/ui


def extract() -> Catalog:
    """Every marked message in the code, with where it is used."""
    template = Catalog(project="Casebook", domain="casebook", fuzzy=False)
    method_map = [("**.py", "python")]

    def wanted(filename: str, method: str, options: dict[str, str]) -> bool:
        relative = Path(filename).resolve().relative_to(SOURCE)
        return relative.parts[0] not in SKIPPED

    for filename, line, message, comments, context in extract_from_dir(
        SOURCE, method_map, keywords=KEYWORDS, callback=None, strip_comment_tags=True
    ):
        if not wanted(str(SOURCE / filename), "python", {}):
            continue
        template.add(
            message, None, [(f"casebook/{filename}", line)], auto_comments=comments,
            context=context,
        )  # fmt: skip
    return template


def load() -> Catalog:
    if not CATALOGUE.exists():
        return Catalog(locale="zh_CN", project="Casebook", domain="casebook")
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="zh_CN")


def unfinished(catalog: Catalog) -> list[str]:
    """Messages without a full, checked translation."""
    left = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            left.append(message.id if isinstance(message.id, str) else message.id[0])
    return left


def missing(catalog: Catalog, template: Catalog) -> list[str]:
    """Messages the code uses that the catalogue lacks."""
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in template
        if m.id and catalog.get(m.id, m.context) is None
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    args = parser.parse_args()
    template = extract()
    catalog = load()
    if args.check:
        problems = missing(catalog, template) + unfinished(catalog)
        for text in problems:
            print(f"untranslated: {text!r}", file=sys.stderr)
        return 1 if problems else 0
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.project, catalog.version = "Casebook", ""
    catalog.creation_date, catalog.revision_date = created, revised  # no churn in diffs
    catalog.header_comment = HEADER
    catalog.fuzzy = False
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "Casebook team"
    catalog.language_team = "Casebook team"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, include_previous=False)
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE.write_bytes(buffer.getvalue())
    left = unfinished(catalog)
    print(f"{CATALOGUE.relative_to(ROOT)}: {len(catalog)} messages, {len(left)} to translate")
    for text in left:
        print(f"  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
