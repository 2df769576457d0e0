"""The demo binder's week-to-week records: contacts, medicines, allergies, appointments, a diary.

They continue the demo's story (`demo_content`): chemotherapy with carboplatin and pemetrexed
(finished), durvalumab maintenance (ongoing), a liver spot to biopsy. All invented, in the
demo's language; telephone numbers are in the 555-01xx range reserved for fiction. Dates of
appointments and diary entries are counted from `today`, so the appointments are always still
to come and the diary always covers the last few weeks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from casebook.core.appointments import Appointment, AppointmentKind, Bring
from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import Allergy, AllergyKind, MedicineDetails, Route, StopReason
from casebook.core.medicines import Severity as ReactionSeverity
from casebook.core.model import PartialDate, RecordKind
from casebook.core.timeline import EventKind
from casebook.services import clock, consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.demo_content import CONTENT, LAKESIDE, LAKESIDE_ZH, RIVERSIDE, RIVERSIDE_ZH
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.opinions import opinions
from casebook.services.timeline import load_timeline


@dataclass(frozen=True)
class DailyWords:
    """The demo's own words for the week-to-week records, in one language."""

    oncologist_role: str
    nurse: str
    nurse_role: str
    records_office: str
    records_notes: str
    pharmacy: str
    clinic_hours: str
    languages: str
    appointment_titles: tuple[str, str, str, str]  # results, slides, biopsy, infusion
    places: tuple[str, str, str]  # clinic room, radiology, day unit
    slides_note: str
    biopsy_note: str
    purposes: tuple[str, str, str, str, str]  # cancer line 1, line 2, nausea, folic, blood pr.
    steroid_purpose: str
    steroid_note: str
    ibuprofen_note: str
    allergies: tuple[tuple[str, str], tuple[str, str]]  # (substance, reaction)
    helped: tuple[str, str, str, str]
    own_symptom: tuple[str, str]  # the family's own words, what helped
    # How often, as the prescription says it: every 3 weeks, every 4 weeks, once a day,
    # twice a day, when needed.
    frequencies: tuple[str, str, str, str, str]


WORDS = {
    "en": DailyWords(
        "Medical oncologist", "Nurse D. Imaginary", "Infusion day unit",
        "病案室 Medical records office", "Bring the patient's ID and a signed authorisation.",
        "Example City Pharmacy", "Clinic on Tuesday and Thursday mornings", "English, Mandarin",
        ("Results talk with Dr. Placeholder", "Collect the pathology slides", "Liver biopsy",
         "Durvalumab infusion"),
        ("Oncology clinic, room 4", "Radiology, Riverside General (fictional)",
         "Infusion day unit"),
        "signed authorisation letter", "Nothing to eat for 6 hours before; someone to drive home.",
        ("lung cancer (line 1)", "lung cancer (maintenance)", "nausea", "taken with pemetrexed",
         "blood pressure"),
        "around each chemotherapy day", "Lowered after cycle 2.",
        "stomach pain; the doctor suggested paracetamol instead",
        (("Penicillin", "rash all over"), ("Iodine contrast dye (CT)", "hives and itching")),
        ("rest", "a short walk", "moisturising cream", "soup"),
        ("Itchy skin on the arms", "moisturising cream"),
        ("every 3 weeks", "every 4 weeks", "once a day", "twice a day", "when needed"),
    ),
    "zh": DailyWords(
        "肿瘤内科医生", "D. Imaginary 护士", "输液日间病房",
        "病案室", "请带患者身份证和签字的授权委托书。",
        "示例市药房", "周二、周四上午门诊", "中文、英文",
        ("与 C. Placeholder 医生谈检查结果", "领取病理切片", "肝脏活检", "度伐利尤单抗输注"),
        ("肿瘤科门诊 4 号诊室", "河畔综合医院放射科（虚构）", "输液日间病房"),
        "签字的授权委托书", "检查前 6 小时禁食；需有人陪同回家。",
        ("肺癌（一线）", "肺癌（维持治疗）", "恶心", "配合培美曲塞服用", "血压"),
        "每次化疗前后", "第 2 个周期后减量。",
        "胃痛；医生建议改用对乙酰氨基酚",
        (("青霉素", "全身皮疹"), ("碘造影剂（CT）", "荨麻疹和瘙痒")),
        ("休息", "散步一会儿", "保湿霜", "喝汤"),
        ("手臂皮肤瘙痒", "保湿霜"),
        ("每 3 周一次", "每 4 周一次", "每天一次", "每天两次", "需要时服用"),
    ),
}  # fmt: skip


def _day(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def _contacts(session: BinderSession, language: str, words: DailyWords) -> dict[str, int]:
    story = CONTENT[language]
    riverside, lakeside = (RIVERSIDE_ZH, LAKESIDE_ZH) if language == "zh" else (RIVERSIDE, LAKESIDE)
    made = {
        "oncologist": Contact(
            ContactKind.DOCTOR, story.consultation_doctor, lakeside, words.oncologist_role,
            "+1 555 0100", "c.placeholder@lakeside.example", "12 Imaginary Road, Example City",
            words.clinic_hours, words.languages, key_contact=True,
        ),
        "nurse": Contact(
            ContactKind.NURSE, words.nurse, lakeside, words.nurse_role, "+1 555 0104",
            key_contact=True,
        ),
        "records": Contact(
            ContactKind.RECORDS_OFFICE, words.records_office, riverside, phone="+1 555 0199",
            address="Building 2", hours="08:00–11:30, 13:30–16:30", notes=words.records_notes,
        ),
        "riverside": Contact(ContactKind.HOSPITAL, riverside, phone="+1 555 0150"),
        "pharmacy": Contact(ContactKind.PHARMACY, words.pharmacy, phone="+1 555 0177"),
    }  # fmt: skip
    ids = {name: contacts.save_contact(session, contact) for name, contact in made.items()}
    contacts.set_record_request(session, RecordKind.MOLECULAR, ids["records"], None)
    # The oncologist gave the first opinion and saw the family at the consultation.
    links = [
        (LinkKind.OPINION, str(o.id), True)
        for o in opinions.list_opinions(session)
        if o.source_name == story.consultation_doctor and o.id is not None
    ]
    links += [
        (LinkKind.CONSULTATION, str(c.id), True)
        for c in consultations.list_consultations(session)
        if c.doctor == story.consultation_doctor
    ]
    contacts.set_links(session, ids["oncologist"], links)
    return ids


def _medicines(session: BinderSession, words: DailyWords, oncologist: int) -> None:
    three_weekly, four_weekly, once_a_day, twice_a_day, when_needed = words.frequencies
    events = load_timeline(session).events
    lines = [e for e in events if e.kind is EventKind.SYSTEMIC_THERAPY]
    first = lines[0].id if lines else None
    maintenance = lines[-1].id if len(lines) > 1 else None
    chemo = MedicineDetails(
        prescriber_id=oncologist, timeline_event_id=first, started_on=PartialDate(2024, 3),
        route=Route.INTO_A_VEIN, frequency=three_weekly, purpose=words.purposes[0],
    )  # fmt: skip
    finished = (PartialDate(2024, 6), StopReason.FINISHED)
    for details in (
        replace(chemo, generic_name="Pemetrexed", dose="500 mg/m²"),
        replace(chemo, generic_name="Carboplatin", dose="AUC 5"),
        replace(chemo, generic_name="Folic acid", dose="400 µg", frequency=once_a_day,
                route=Route.BY_MOUTH, purpose=words.purposes[3]),
    ):  # fmt: skip
        stopped = medicines.add_medicine(session, details)
        medicines.stop_medicine(session, stopped, *finished)
    steroid = medicines.add_medicine(
        session,
        replace(chemo, generic_name="Dexamethasone", dose="8 mg", frequency=twice_a_day,
                route=Route.BY_MOUTH, purpose=words.steroid_purpose),
    )  # fmt: skip
    medicines.change_medicine(
        session,
        steroid,
        replace(chemo, generic_name="Dexamethasone", dose="4 mg", frequency=twice_a_day,
                route=Route.BY_MOUTH, purpose=words.steroid_purpose, notes=words.steroid_note),
    )  # fmt: skip
    medicines.stop_medicine(session, steroid, *finished)
    for details in (
        MedicineDetails(generic_name="Durvalumab", brand_name="Imfinzi", dose="1500 mg",
                        frequency=four_weekly, route=Route.INTO_A_VEIN,
                        started_on=PartialDate(2024, 7), prescriber_id=oncologist,
                        timeline_event_id=maintenance, purpose=words.purposes[1]),
        MedicineDetails(generic_name="Ondansetron", dose="8 mg", frequency=when_needed,
                        route=Route.BY_MOUTH, purpose=words.purposes[2],
                        prescriber_id=oncologist, started_on=PartialDate(2024, 3)),
        MedicineDetails(generic_name="Amlodipine", brand_name="Norvasc", dose="5 mg",
                        frequency=once_a_day, route=Route.BY_MOUTH,
                        purpose=words.purposes[4], started_on=PartialDate(2019)),
    ):  # fmt: skip
        medicines.add_medicine(session, details)
    painkiller = medicines.add_medicine(
        session,
        MedicineDetails(generic_name="Ibuprofen", dose="400 mg", frequency=when_needed,
                        route=Route.BY_MOUTH, started_on=PartialDate(2024, 1)),
    )  # fmt: skip
    medicines.stop_medicine(
        session, painkiller, PartialDate(2024, 2), StopReason.SIDE_EFFECTS, words.ibuprofen_note
    )
    (penicillin, rash), (dye, hives) = words.allergies
    medicines.save_allergy(
        session,
        Allergy(penicillin, AllergyKind.ALLERGY, rash, ReactionSeverity.MODERATE,
                PartialDate(1998)),
    )  # fmt: skip
    medicines.save_allergy(
        session,
        Allergy(dye, AllergyKind.REACTION, hives, ReactionSeverity.MODERATE,
                PartialDate(2024, 1, 22)),
    )  # fmt: skip


def _appointments(
    session: BinderSession, words: DailyWords, ids: dict[str, int], today: date
) -> None:
    results, slides, biopsy, infusion = words.appointment_titles
    room, radiology, day_unit = words.places
    consultation = next(iter(consultations.list_consultations(session)), None)
    for appointment in (
        Appointment(AppointmentKind.CONSULTATION, results, today + timedelta(days=3),
                    time(10, 30), 30, room, ids["oncologist"],
                    consultation.id if consultation else None,
                    bring=(Bring.QUESTIONS, Bring.DOCUMENTS, Bring.MEDICINES)),
        Appointment(AppointmentKind.RECORD_PICKUP, slides, today + timedelta(days=5), None,
                    contact_id=ids["records"], bring=(Bring.ID,), bring_note=words.slides_note),
        Appointment(AppointmentKind.TESTS, biopsy, today + timedelta(days=10), time(8, 15), 180,
                    radiology, bring=(Bring.IMAGING_CD, Bring.ID, Bring.MEDICINES),
                    notes=words.biopsy_note),
        Appointment(AppointmentKind.TREATMENT, infusion, today + timedelta(days=12),
                    time(9, 0), 120, day_unit, ids["nurse"], bring=(Bring.MEDICINES,)),
    ):  # fmt: skip
        appointments.save_appointment(session, appointment)


def _diary(session: BinderSession, words: DailyWords, today: date) -> None:
    infusion = today - timedelta(days=16)  # the last durvalumab infusion
    rest, walk, cream, soup = words.helped
    for offset, key, severity, helped in (
        (0, "tiredness", Severity.MILD, ""),
        (1, "tiredness", Severity.MODERATE, rest),
        (2, "tiredness", Severity.SEVERE, rest),
        (2, "poor_appetite", Severity.MODERATE, soup),
        (3, "tiredness", Severity.MODERATE, walk),
        (3, "rash", Severity.MILD, cream),
        (5, "rash", Severity.MODERATE, cream),
        (6, "tiredness", Severity.MILD, walk),
        (8, "rash", Severity.MILD, cream),
        (9, "cough", Severity.MILD, ""),
        (12, "tiredness", Severity.MILD, ""),
    ):  # fmt: skip
        diary.save_entry(
            session,
            DiaryEntry(infusion + timedelta(days=offset), key.replace("_", " "), severity,
                       _day(infusion), helped, symptom_key=key),
        )  # fmt: skip
    own, helped_own = words.own_symptom
    diary.save_entry(
        session,
        DiaryEntry(today - timedelta(days=2), own, Severity.MILD,
                   _day(today - timedelta(days=9)), helped_own),
    )  # fmt: skip


def add_daily_demo(session: BinderSession, language: str = "en", today: date | None = None) -> None:
    """Add the demo's week-to-week records (after its documents, timeline and opinions)."""
    today = today or clock.today()
    words = WORDS[language]
    ids = _contacts(session, language, words)
    _medicines(session, words, ids["oncologist"])
    _appointments(session, words, ids, today)
    _diary(session, words, today)
