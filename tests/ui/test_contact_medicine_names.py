"""A doctor's page on the Contacts page names the medicines the doctor prescribed as the
Medicines page does: the generic name in the interface language, where the lexicon has it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.medicines import MedicineDetails
from casebook.services import contacts
from casebook.services.binder.session import BinderSession
from casebook.services.medicines import medicines
from casebook.ui.common import tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.contacts.contacts_page import ContactsPage
from casebook.ui.contacts.linked_model import LinkedColumn, LinkedRole

WAIT = 20_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (ENGLISH, ["Carboplatin (Paraplatin)", "Cisplatin", "Homemade ginger tea"]),
        (CHINESE, ["Homemade ginger tea", "卡铂 (Paraplatin)", "顺铂"]),
    ],
)
def test_prescribed_medicines_are_named_in_the_interface_language(
    qtbot: QtBot,
    session: BinderSession,
    qtmodeltester: object,
    language: str,
    expected: list[str],
) -> None:
    doctor = contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr. Wang Li"))
    medicines.add_medicine(
        session, MedicineDetails(generic_name="cisplatin", prescriber_id=doctor), "cisplatin"
    )
    medicines.add_medicine(
        session, MedicineDetails(brand_name="Paraplatin", prescriber_id=doctor)
    )  # matched to carboplatin by its brand
    medicines.add_medicine(
        session, MedicineDetails(generic_name="Homemade ginger tea", prescriber_id=doctor)
    )  # not in the lexicon: as the family wrote it
    apply_language(language)
    try:
        page = ContactsPage(session)
        qtbot.addWidget(page)
        page.resize(1316, 700)
        page.show()
        qtbot.waitUntil(lambda: page.linked_model.rowCount() == 3, timeout=WAIT)
        qtmodeltester.check(page.linked_model)  # type: ignore[attr-defined]
        titles = sorted(
            str(page.linked_model.index(row, LinkedColumn.TITLE).data()) for row in range(3)
        )
        assert titles == expected
        items = [page.linked_model.index(row, 0).data(LinkedRole) for row in range(3)]
        assert {item.kind for item in items} == {LinkKind.MEDICINE}
    finally:
        apply_language(ENGLISH)
