"""The words printed on the week-to-week sheets and calendar files, in English and Chinese.

They are generated outside Qt (the command line writes calendars too), so they come from the
catalogue of generated texts (`casebook.texts`, `resources/texts/zh_CN.po`), chosen by the
language of the print, not of the screen. A print "in both languages" joins the two. Each word
has a short key here so the printouts can name it; the English text is the catalogue's id.
"""

from __future__ import annotations

from collections.abc import Sequence

from casebook.texts import N_, texts_for

PRINT_LANGUAGES = ("en", "zh", "en+zh")
"""English, Simplified Chinese, or both side by side."""

MESSAGES = {
    "patient": N_("Patient"),
    "born": N_("born {date}"),
    "printed_on": N_("Printed on {date}"),
    "not_stated": N_("not stated"),
    "none": N_("—"),
    "more_not_shown": N_("{count} more not shown here (they are in Casebook)."),
    "medicines_title": N_("Current medicines"),
    "allergies_title": N_("Allergies and serious past reactions"),
    "no_allergies": N_("No allergies or serious reactions recorded."),
    "no_medicines": N_("No current medicines recorded."),
    "col_medicine": N_("Medicine"),
    "col_dose": N_("Dose"),
    "col_frequency": N_("How often"),
    "col_route": N_("How taken"),
    "col_since": N_("Since"),
    "col_purpose": N_("Used for"),
    "col_prescriber": N_("Prescribed by"),
    "medicines_footer": N_(
        "Written down by the family with Casebook from what the doctors prescribed. "
        "Casebook does not check doses or interactions: ask a doctor or pharmacist."
    ),
    "route_by_mouth": N_("by mouth"),
    "route_into_a_vein": N_("into a vein (drip)"),
    "route_under_the_skin": N_("injection under the skin"),
    "route_into_a_muscle": N_("injection into a muscle"),
    "route_on_the_skin": N_("on the skin (patch, cream)"),
    "route_inhaled": N_("inhaled"),
    "route_other": N_("other"),
    "allergy_allergy": N_("allergy"),
    "allergy_reaction": N_("serious reaction"),
    "severity_mild": N_("mild"),
    "severity_moderate": N_("moderate"),
    "severity_severe": N_("severe"),
    "severity_life_threatening": N_("life-threatening"),
    "symptom_tiredness": N_("Tiredness"),
    "symptom_nausea": N_("Nausea"),
    "symptom_vomiting": N_("Vomiting"),
    "symptom_pain": N_("Pain"),
    "symptom_poor_appetite": N_("Poor appetite"),
    "symptom_diarrhoea": N_("Diarrhoea"),
    "symptom_constipation": N_("Constipation"),
    "symptom_mouth_sores": N_("Mouth sores"),
    "symptom_fever": N_("Fever"),
    "symptom_breathlessness": N_("Short of breath"),
    "symptom_cough": N_("Cough"),
    "symptom_rash": N_("Rash"),
    "symptom_numbness": N_("Numbness or tingling"),
    "symptom_poor_sleep": N_("Poor sleep"),
    "symptom_low_mood": N_("Low mood"),
    "diary_title": N_("Symptoms and side effects"),
    "diary_period": N_("From {first} to {last}"),
    "diary_treatments": N_("Treatments"),
    "diary_col_date": N_("Date"),
    "diary_col_symptom": N_("What"),
    "diary_col_severity": N_("How bad"),
    "diary_col_since": N_("Since"),
    "diary_col_helped": N_("What helped"),
    "diary_empty": N_("No entries in this period."),
    "diary_footer": N_(
        "Kept by the family with Casebook to show the doctors. It records what was felt; "
        "it does not judge it."
    ),
    "diary_legend": N_(
        "Each mark is one day's entry: small = mild, medium = moderate, large = severe."
    ),
    "kind_consultation": N_("Consultation"),
    "kind_scan": N_("Scan"),
    "kind_treatment": N_("Treatment"),
    "kind_tests": N_("Tests"),
    "kind_record_pickup": N_("Pick up records"),
    "kind_other": N_("Appointment"),
    "bring": N_("Bring: {items}"),
    "bring_questions": N_("the questions list"),
    "bring_documents": N_("the documents"),
    "bring_imaging_cd": N_("the imaging CD"),
    "bring_id": N_("ID and insurance card"),
    "bring_medicines": N_("the medicine list"),
    "with": N_("With: {who}"),
    "phone": N_("Phone: {phone}"),
    "reminder": N_("Reminder: {title}"),
    "item_separator": N_(", "),
    "glance_medicines": N_("Current medicines"),
    "glance_allergies": N_("Allergies and serious reactions"),
    "glance_contacts": N_("Key contacts"),
    "glance_next": N_("Next appointment"),
}


def languages_of(choice: str) -> tuple[str, ...]:
    """ "en+zh" → ("en", "zh"); refuses anything but the three choices."""
    if choice not in PRINT_LANGUAGES:
        raise ValueError(f"language must be one of {PRINT_LANGUAGES}")
    return tuple(choice.split("+"))


def word(key: str, language: str) -> str:
    """The word `key` in `language` ("en", "zh" or "zh_CN")."""
    code = "zh" if language.startswith("zh") else "en"
    return texts_for(code).gettext(MESSAGES[key])


def words(key: str, languages: Sequence[str], joiner: str = " / ") -> str:
    """The word in each language, joined ("Current medicines / 目前用药")."""
    return joiner.join(dict.fromkeys(word(key, language) for language in languages))


def keys() -> frozenset[str]:
    return frozenset(MESSAGES)
