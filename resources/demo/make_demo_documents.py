"""Writes the fictional demo documents in resources/demo/documents/ (run once, commit the output).

Everything in these files is invented for the demo binder: the patient "Mei Lin (demo)", the
hospitals, the doctors and the results. The PDFs are generated with reportlab in invariant mode,
so re-running this script reproduces the committed bytes.

    .venv/bin/python resources/demo/make_demo_documents.py
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

OUT_DIR = Path(__file__).resolve().parent / "documents"
BANNER = "FICTIONAL DEMO DOCUMENT - not a real patient, not medical advice"

PATHOLOGY_LINES = [
    ("h", "Riverside General Hospital (fictional) - Department of Pathology"),
    ("h", "Surgical Pathology Report"),
    ("", ""),
    ("", "Patient: Mei Lin (demo)          Date of birth: 1961-03-14"),
    ("", "Specimen no.: DEMO-S24-01873     Received: 2024-02-06   Reported: 2024-02-09"),
    ("", "Requesting physician: Dr. A. Example, Thoracic Surgery"),
    ("", ""),
    ("b", "Specimen"),
    ("", "CT-guided core needle biopsy, right upper lobe lung mass (3 cores)."),
    ("", ""),
    ("b", "Microscopic description"),
    ("", "Cores of lung parenchyma infiltrated by an adenocarcinoma with acinar and"),
    ("", "solid growth patterns. No lymphovascular invasion seen in this sample."),
    ("", ""),
    ("b", "Immunohistochemistry"),
    ("", "TTF-1 positive, Napsin A positive, p40 negative. PD-L1 (22C3) TPS 40%."),
    ("", ""),
    ("b", "Diagnosis"),
    ("", "Right upper lobe, lung, core biopsy: ADENOCARCINOMA, non-small-cell,"),
    ("", "moderately differentiated. Molecular testing (EGFR, ALK, ROS1, KRAS) requested."),
    ("", ""),
    ("", "Pathologist: Dr. B. Sample (fictional)"),
]

REFERRAL_LINES = [
    ("h", "Lakeside Oncology Clinic (fictional)"),
    ("", "12 Imaginary Road, Example City"),
    ("", ""),
    ("", "2024-03-01"),
    ("", ""),
    ("", "To: Multidisciplinary Thoracic Oncology Team, University Cancer Centre (fictional)"),
    ("", ""),
    ("b", "Re: Mei Lin (demo), born 1961-03-14 - request for a second opinion"),
    ("", ""),
    ("", "Dear colleagues,"),
    ("", ""),
    ("", "I would be grateful for your opinion on this 62-year-old woman, a never-smoker,"),
    ("", "with a 4.1 cm adenocarcinoma of the right upper lobe and enlarged ipsilateral"),
    ("", "mediastinal lymph nodes on CT (clinical stage IIIA, cT2bN2M0). Biopsy confirmed"),
    ("", "adenocarcinoma, PD-L1 TPS 40%; molecular results are pending."),
    ("", ""),
    ("", "We are weighing concurrent chemoradiotherapy followed by consolidation"),
    ("", "immunotherapy against neoadjuvant chemo-immunotherapy and surgery. The family"),
    ("", "asks whether surgery is an option. The CT images and the pathology report are"),
    ("", "enclosed."),
    ("", ""),
    ("", "Kind regards,"),
    ("", "Dr. C. Placeholder, Medical Oncology (fictional)"),
]

LAB_RESULTS = """\
FICTIONAL DEMO DOCUMENT - not a real patient, not medical advice

Riverside General Hospital (fictional) - Clinical Laboratory
Patient: Mei Lin (demo)    Date of birth: 1961-03-14
Collected: 2024-02-20 08:15    Reported: 2024-02-20 11:40

Test                          Result     Unit        Reference range
----------------------------  ---------  ----------  ---------------
Haemoglobin                   12.1       g/dL        12.0 - 15.5
White blood cells             7.8        10^9/L      4.0 - 10.0
Neutrophils                   5.1        10^9/L      2.0 - 7.5
Platelets                     312        10^9/L      150 - 400
Creatinine                    68         umol/L      45 - 90
eGFR                          88         mL/min      > 60
ALT                           24         U/L         7 - 35
AST                           21         U/L         10 - 35
Alkaline phosphatase          96         U/L         30 - 120
Calcium (corrected)           2.38       mmol/L      2.20 - 2.60
CEA                           8.4  H     ng/mL       < 5.0
CYFRA 21-1                    4.2  H     ng/mL       < 3.3

Validated by: Dr. D. Imaginary (fictional)
"""


def write_pdf(path: Path, title: str, lines: list[tuple[str, str]]) -> None:
    """One A4 page of simple text with the fictional-document banner at the top."""
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    canvas.setTitle(title)
    canvas.setAuthor("Casebook demo (fictional)")
    canvas.setSubject(BANNER)
    width, height = A4
    canvas.setFillColorRGB(0.75, 0.1, 0.1)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawCentredString(width / 2, height - 12 * mm, BANNER)
    canvas.setFillColorRGB(0, 0, 0)
    y = height - 28 * mm
    for style, text in lines:
        font = {"h": ("Helvetica-Bold", 13), "b": ("Helvetica-Bold", 10.5)}.get(
            style, ("Helvetica", 10.5)
        )
        canvas.setFont(*font)
        canvas.drawString(20 * mm, y, text)
        y -= 7 * mm if style == "h" else 5.6 * mm
    canvas.showPage()
    canvas.save()


def main() -> None:
    OUT_DIR.mkdir(exist_ok=True)
    write_pdf(OUT_DIR / "pathology-report.pdf", "Surgical pathology report (demo)", PATHOLOGY_LINES)
    write_pdf(OUT_DIR / "referral-letter.pdf", "Referral letter (demo)", REFERRAL_LINES)
    (OUT_DIR / "lab-results.txt").write_text(LAB_RESULTS, encoding="utf-8")
    for path in sorted(OUT_DIR.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
