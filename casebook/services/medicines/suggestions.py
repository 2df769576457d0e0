"""Medicines named in the binder's documents, offered for the family to confirm.

Every document's extracted text (discharge summaries and prescriptions above all) is searched
for the names of the shipped lexicon. A medicine already on the list is not suggested again;
one the family dismissed is not suggested again from the same documents (a new document naming
it brings it back). Suggestions are derived on each read and never stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.medicine_mentions import Mention
from casebook.core.medicines import Medicine, MedicineDetails
from casebook.services.binder.session import BinderSession
from casebook.services.medicines.medicines import lexicon_entry, lexicon_finder, match_lexicon
from casebook.store import medicines as store


@dataclass(frozen=True)
class MedicineSuggestion:
    """A medicine named in documents and not on the list, as the newest document gives it."""

    key: str
    mention: Mention
    document_id: int  # the newest document naming it
    document_title: str
    document_date: str
    document_ids: tuple[int, ...]  # every document naming it (dismissing covers them all)

    def details(self) -> MedicineDetails:
        """What confirming would put on the list (the family can change it first)."""
        entry = lexicon_entry(self.key)
        found = self.mention.found_as
        generic = found
        brand = ""
        if entry is not None:
            in_chinese = not any("a" <= c.lower() <= "z" for c in found)
            generic = entry.name_in("zh" if in_chinese else "en")
            generics = (entry.en.casefold(), entry.zh)
            brands = [n for n in (found, *self.mention.also_as) if n.casefold() not in generics]
            brand = brands[0] if brands else ""
        return MedicineDetails(
            brand_name=brand,
            generic_name=generic,
            dose=self.mention.dose,
            frequency=self.mention.frequency,
            route=self.mention.route,
        )


def _listed_keys(medicines: list[Medicine]) -> set[str]:
    keys = set()
    for medicine in medicines:
        if medicine.lexicon_key:
            keys.add(medicine.lexicon_key)
        for name in (medicine.current.generic_name, medicine.current.brand_name):
            key = match_lexicon(name)
            if key:
                keys.add(key)
    return keys


def medicine_suggestions(session: BinderSession) -> list[MedicineSuggestion]:
    """Medicines the documents name that are not on the list, newest document first."""
    finder = lexicon_finder()
    with session.reading() as db:
        documents = store.documents_with_text(db)
        listed = _listed_keys(store.list_medicines(db))
        dismissed = store.dismissed(db)
    found: dict[str, MedicineSuggestion] = {}
    naming: dict[str, list[int]] = {}
    for document_id, title, on, text in documents:  # newest first
        for mention in finder.find(text):
            if mention.key in listed:
                continue
            naming.setdefault(mention.key, [])
            if document_id not in naming[mention.key]:
                naming[mention.key].append(document_id)
            if mention.key not in found or _better(mention, found[mention.key], document_id):
                found[mention.key] = MedicineSuggestion(
                    mention.key, mention, document_id, title, on, ()
                )
    suggestions = []
    for key, suggestion in found.items():
        ids = tuple(naming[key])
        if all((document_id, key) in dismissed for document_id in ids):
            continue
        suggestions.append(
            MedicineSuggestion(
                key,
                suggestion.mention,
                suggestion.document_id,
                suggestion.document_title,
                suggestion.document_date,
                ids,
            )
        )
    return suggestions


def _better(mention: Mention, chosen: MedicineSuggestion, document_id: int) -> bool:
    """Within the newest document that names it, the line that says the most wins."""
    if document_id != chosen.document_id:
        return False
    return _detail(mention) > _detail(chosen.mention)


def _detail(mention: Mention) -> int:
    return bool(mention.dose) + bool(mention.frequency) + bool(mention.route.value)


def dismiss_suggestion(session: BinderSession, suggestion: MedicineSuggestion) -> None:
    """Not this one: it is not suggested again from these documents."""
    with session.writing(Changed.MEDICINES) as db:
        store.dismiss(db, list(suggestion.document_ids), suggestion.key)
