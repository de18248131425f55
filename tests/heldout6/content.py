"""The publications of the held-out HMICFRS fixture (heldout6).

Every ``Pub`` carries ``expected``: what a careful force liaison officer counts
under docs/counting-rules.md.  The reasoning is in the comment next to each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from . import r_extra, r_force, r_national, r_trio
from .blocks import tally

UTC = timezone.utc


def _x(recs, cc, afi, coc):
    return {"recommendations": recs, "recommendations_to_chief_constables": cc,
            "areas_for_improvement": afi, "causes_of_concern": coc}


@dataclass
class Doc:
    """A file in the documents area of a publication page (asset host /uploads/)."""
    title: str
    file: str
    kind: str                 # report | easy-read | welsh | summary | response | data | annex
    sections: list | None = None
    csv: str | None = None
    lang: str = "en"


@dataclass
class Pub:
    slug: str
    title: str
    published: date
    type: str
    forces: list
    services: list
    joint_with: list
    expected: dict
    post_id: int
    summary: str
    intro: list
    sections: list
    html: bool = True                 # an HTML report at /publication-html/<slug>/
    pdf: str | None = None            # file name of the report PDF (same report as the HTML)
    docs: list = field(default_factory=list)   # further documents (not reports)
    html_post_id: int | None = None
    modified: datetime | None = None
    meta: str = "cards"               # cards | chips | sentence | ld
    heads: str = "h"                  # h | aria | p
    caps: bool = False                # upper-case labels on finding cards
    report_date: str = "on"           # on | time | slash | short
    layout: str = "card"              # default finding style
    national: bool = False            # applies to all police forces
    author: str = "publications-team"
    isbn: str = ""
    toc_numbered: bool = False

    @property
    def published_dt(self) -> datetime:
        return datetime(self.published.year, self.published.month, self.published.day, 0, 1, tzinfo=UTC)

    @property
    def modified_dt(self) -> datetime:
        return self.modified or self.published_dt

    @property
    def pdf_only(self) -> bool:
        return bool(self.pdf) and not self.html


def _m(y, mo, d, h=9, mi=30):
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


PUBS: list[Pub] = [
    # --- 2023 original GBCSE report ---------------------------------------------------
    Pub(
        slug="police-and-law-enforcement-response-to-group-based-child-sexual-exploitation",
        title="An inspection of the police and law enforcement response to group-based child sexual exploitation",
        published=date(2023, 8, 16), type="Thematic inspection",
        forces=[], services=[], joint_with=[], national=True,
        # 9 numbered recommendations, each in a card in its chapter and again in Annex A (R3:
        # counted once).  Addressees: 1 Home Office; 2 chief constables; 3 NPCC lead; 4 chief
        # constables; 5 College of Policing; 6 chief constables; 7 NCA; 8 chief constables and
        # PCCs (R5: CC among actors); 9 Home Office "with the support of" NPCC (R4).  CC = 2,4,6,8.
        # One AFI ("Forces should improve ..."), repeated in the annex, counted once.
        expected=_x(9, 4, 1, 0),
        post_id=5120, html_post_id=5121,
        summary="Our inspection of how well the police and other law enforcement agencies respond to group-based child sexual exploitation.",
        intro=["This inspection examined how effectively the police and law enforcement agencies identify, "
               "investigate and disrupt group-based child sexual exploitation, and how well they support "
               "victims and survivors.",
               "We inspected eight forces and the National Crime Agency."],
        sections=r_trio.cse2023_sections(),
        pdf="group-based-child-sexual-exploitation-inspection.pdf",
        meta="cards", heads="p", report_date="on", isbn="978-1-80655-402-7",
        modified=_m(2023, 8, 16, 10, 5),
    ),
    # --- Humberside PEEL 2023-25 (PDF only) ------------------------------------------------
    Pub(
        slug="peel-2023-25-inspection-of-humberside-police",
        title="PEEL 2023\u201325: An inspection of Humberside Police",
        published=date(2024, 6, 27), type="PEEL inspection",
        forces=["Humberside Police"], services=[], joint_with=[],
        # PDF only.  Three labelled "Area for improvement" items, one per chapter; grades are not
        # findings.  No cause of concern, no recommendations.
        expected=_x(0, 0, 3, 0),
        post_id=6204,
        summary="PEEL 2023\u201325 inspection of how well Humberside Police keeps people safe and reduces crime.",
        intro=["This report sets out our findings from our PEEL 2023\u201325 inspection of Humberside Police.",
               "The full report is available to download below."],
        sections=r_force.humberside_sections(), html=False,
        pdf="peel-2023-25-humberside-police.pdf",
        meta="chips", isbn="978-1-80655-511-6",
    ),
    # --- Vetting thematic (PDF only) -------------------------------------------------------
    Pub(
        slug="police-vetting-raising-standards",
        title="Raising standards: an inspection of police vetting and the prevention of abuse of position",
        published=date(2025, 1, 22), type="Thematic inspection",
        forces=[], services=[], joint_with=[], national=True,
        # PDF only.  Recommendations 1-7 in the "Recommendations" chapter.  R1 has parts (a)(b)(c):
        # one (R3), to chief constables.  R2 College.  R3 "all chief constables and the NPCC lead"
        # (CC).  R4 Home Office.  R5 "forces should" (CC).  R6 College "in consultation with chief
        # constables" (R4: not CC).  R7 "chief constables should:" + 3 bullets = one (R3), CC.
        # The 2022 recommendation quoted in the summary and the "we make seven" sentence are prose
        # (R1/R2).  Quoted code of practice ("Chief officers should ensure") is guidance.
        expected=_x(7, 4, 0, 0),
        post_id=6377,
        summary="How well forces vet their officers and staff, and how they prevent and detect abuse of position for a sexual purpose.",
        intro=["We inspected the standard of vetting decisions, aftercare and counter-corruption work in "
               "eight forces.",
               "The report is available as a PDF."],
        sections=r_national.vetting_sections(), html=False,
        pdf="raising-standards-police-vetting-inspection.pdf",
        meta="ld", isbn="978-1-80655-588-8",
    ),
    # --- Rape joint inspection phase 3 (with HMCPSI) -------------------------------------------
    Pub(
        slug="joint-thematic-inspection-police-cps-response-to-rape-phase-three",
        title="A joint thematic inspection of the police and Crown Prosecution Service\u2019s response to rape \u2013 Phase three: post-charge to trial",
        published=date(2025, 2, 12), type="Joint inspection",
        forces=[], services=[], joint_with=["HM Crown Prosecution Service Inspectorate"], national=True,
        # Six recommendations in accordions.  1 "chief constables and Chief Crown Prosecutors"
        # (CC among actors); 2 CPS; 3 chief constables; 4 NPCC lead "working with the CPS";
        # 5 HMCTS; 6 "all police forces should" (CC).  CC = 1,3,6.  HTML and PDF: count once (R8).
        expected=_x(6, 3, 0, 0),
        post_id=6412, html_post_id=6413,
        summary="The third and final phase of our joint inspection with HMCPSI of the response to rape, from charge to trial.",
        intro=["This joint inspection with HM Crown Prosecution Service Inspectorate follows rape cases from "
               "the point of charge to the end of the trial."],
        sections=r_national.rape_sections(),
        pdf="joint-thematic-inspection-rape-phase-three.pdf",
        meta="cards", heads="aria", report_date="time", layout="accordion", isbn="978-1-80655-601-4",
    ),
    # --- Dyfed-Powys NCPI --------------------------------------------------------------------
    Pub(
        slug="dyfed-powys-national-child-protection-inspection-march-2025",
        title="Dyfed-Powys Police: National child protection inspection",
        published=date(2025, 3, 6), type="National child protection inspection",
        forces=["Dyfed-Powys Police"], services=[], joint_with=[],
        # One CAUSE OF CONCERN card (missing children) followed by two recommendations, one
        # "Dyfed-Powys Police should", one "the chief constable should": both CC (R5, R6).
        # Four AREA FOR IMPROVEMENT cards.  The Welsh version and the PCC's response are not
        # reports (R8); the summary's "one cause of concern ... four areas" is prose (R2).
        expected=_x(2, 2, 4, 1),
        post_id=6450, html_post_id=6451,
        summary="Our inspection of how well Dyfed-Powys Police protects children.",
        intro=["This national child protection inspection assessed how well Dyfed-Powys Police protects "
               "children at risk of harm."],
        sections=r_force.dyfed_sections(),
        pdf="dyfed-powys-ncpi-2025.pdf",
        docs=[Doc("Heddlu Dyfed-Powys: Arolygiad cenedlaethol o amddiffyn plant (Cymraeg)",
                  "dyfed-powys-ncpi-2025-welsh.pdf", "welsh", r_extra.dyfed_welsh(), lang="cy"),
              Doc("Dyfed-Powys PCC\u2019s response", "dyfed-powys-pcc-response-ncpi-2025.pdf", "response",
                  r_extra.pcc_response("Dyfed-Powys Police", "Police and Crime Commissioner for Dyfed-Powys",
                                       "Dwyfor Pritchard",
                                       "Dyfed-Powys Police: National child protection inspection",
                                       "28 April 2025",
                                       "identifies one cause of concern, with two recommendations, and four areas for improvement"))],
        meta="chips", heads="h", caps=True, report_date="on", isbn="978-1-80655-622-9",
        modified=_m(2025, 4, 29, 14, 12),
    ),
    # --- Staffordshire FRS ---------------------------------------------------------------------
    Pub(
        slug="staffordshire-fire-and-rescue-service-inspection-2025",
        title="Fire and rescue service inspection 2025: Staffordshire Fire and Rescue Service",
        published=date(2025, 4, 10), type="Fire and rescue service inspection",
        forces=[], services=["Staffordshire Fire and Rescue Service"], joint_with=[],
        # Five "AFI n" paragraphs, all "The service should" (R7: to the service, not a force).
        # Graded judgments and the promising-practice box are not findings.
        expected=_x(0, 0, 5, 0),
        post_id=6502, html_post_id=6503,
        summary="Our inspection of the effectiveness and efficiency of Staffordshire Fire and Rescue Service, and how well it looks after its people.",
        intro=["This report sets out our findings about Staffordshire Fire and Rescue Service."],
        sections=r_force.staffs_sections(),
        pdf="staffordshire-fire-and-rescue-service-inspection-2025.pdf",
        meta="chips", heads="p", report_date="short", layout="numpara", author="web-team",
        isbn="978-1-80655-640-3",
    ),
    # --- Lincolnshire CDI (PDF only) -------------------------------------------------------------
    Pub(
        slug="lincolnshire-police-crime-data-integrity-inspection-2025",
        title="Lincolnshire Police: Crime data integrity inspection 2025",
        published=date(2025, 5, 14), type="Crime data integrity inspection",
        forces=["Lincolnshire Police"], services=[], joint_with=[],
        # PDF only.  One cause of concern (under-recording) with one recommendation "the force
        # should:" with parts (a)(b)(c) = one recommendation (R3), CC (R5).  Three AFIs.  The
        # "Requires improvement" grade is not a finding.
        expected=_x(1, 1, 3, 1),
        post_id=6555,
        summary="How accurately Lincolnshire Police records the crimes reported to it.",
        intro=["This inspection assessed the accuracy of crime recording in Lincolnshire Police."],
        sections=r_force.lincs_sections(), html=False,
        pdf="lincolnshire-police-crime-data-integrity-2025.pdf",
        meta="sentence", isbn="978-1-80655-655-7",
    ),
    # --- Gwent PEEL ------------------------------------------------------------------------
    Pub(
        slug="peel-2025-27-inspection-of-gwent-police",
        title="PEEL 2025\u201327: An inspection of Gwent Police",
        published=date(2025, 6, 18), type="PEEL inspection",
        forces=["Gwent Police"], services=[], joint_with=[],
        # Six unlabelled "The force should ..." paragraphs under per-chapter "Area(s) for
        # improvement" headings (one chapter has two).  Welsh version and data tables are not
        # reports (R8).  Innovative practice box and grades are not findings.
        expected=_x(0, 0, 6, 0),
        post_id=6610, html_post_id=6611,
        summary="PEEL 2025\u201327 inspection of Gwent Police.",
        intro=["This report sets out our findings on the effectiveness, efficiency and legitimacy of "
               "Gwent Police."],
        sections=r_force.gwent_sections(),
        pdf="peel-2025-27-gwent-police.pdf",
        docs=[Doc("PEEL 2025\u201327: Arolygiad o Heddlu Gwent (Cymraeg)", "peel-2025-27-gwent-police-welsh.pdf",
                  "welsh", r_extra.gwent_welsh(), lang="cy"),
              Doc("Gwent Police: PEEL 2025\u201327 data tables", "peel-2025-27-gwent-police-data-tables.csv",
                  "data", csv=r_extra.GWENT_CSV)],
        meta="chips", heads="aria", report_date="on", layout="plain", isbn="978-1-80655-671-7",
    ),
    # --- Cleveland PEEL ------------------------------------------------------------------------
    Pub(
        slug="peel-2025-27-inspection-of-cleveland-police",
        title="PEEL 2025\u201327: An inspection of Cleveland Police",
        published=date(2025, 7, 9), type="PEEL inspection",
        forces=["Cleveland Police"], services=[], joint_with=[],
        # One cause of concern (accordion) followed by Recommendation 1 and Recommendation 2;
        # Recommendation 2 is "the force should put in place arrangements to ensure that:" + five
        # bullets = one (R3).  Both "the force should" = CC for Cleveland (R5, R6).  Five AFI
        # accordions.  HTML only; PCC's response document is not a report.
        expected=_x(2, 2, 5, 1),
        post_id=6688, html_post_id=6689,
        summary="PEEL 2025\u201327 inspection of Cleveland Police, including a cause of concern about how the force responds to the public.",
        intro=["This report sets out our findings on Cleveland Police. We have identified a cause of "
               "concern about the force\u2019s response to the public."],
        sections=r_force.cleveland_sections(),
        docs=[Doc("Cleveland PCC\u2019s response", "cleveland-pcc-response-peel-2025-27.pdf", "response",
                  r_extra.pcc_response("Cleveland Police", "Police and Crime Commissioner for Cleveland",
                                       "Helen Ashworth",
                                       "PEEL 2025\u201327: An inspection of Cleveland Police", "1 September 2025",
                                       "identifies a cause of concern, with two recommendations, and five areas for improvement"))],
        meta="chips", heads="h", report_date="on", layout="accordion",
        modified=_m(2025, 9, 2, 11, 40),
    ),
    # --- Devon and Cornwall cause of concern revisit ----------------------------------------------
    Pub(
        slug="devon-and-cornwall-police-cause-of-concern-revisit",
        title="Devon and Cornwall Police: Cause of concern revisit \u2013 investigating crime",
        published=date(2025, 8, 20), type="Cause of concern revisit",
        forces=["Devon and Cornwall Police"], services=[], joint_with=[],
        # Reviews the 2024 cause of concern (quoted) and its four recommendations with statuses:
        # reviewing, not making (R1).  Makes one new recommendation, "the force should" (CC).  No
        # new cause of concern, no AFIs.
        expected=_x(1, 1, 0, 0),
        post_id=6731, html_post_id=6732,
        summary="Our revisit to assess Devon and Cornwall Police\u2019s progress against the cause of concern we identified in 2024.",
        intro=["In 2024 we identified a cause of concern about how Devon and Cornwall Police investigates "
               "crime. We revisited the force in June 2025."],
        sections=r_force.devon_sections(),
        meta="chips", heads="p", report_date="slash", layout="plain",
    ),
    # --- Stalking progress report --------------------------------------------------------------
    Pub(
        slug="police-response-to-stalking-progress-report",
        title="The police response to stalking: progress report",
        published=date(2025, 9, 16), type="Progress report",
        forces=[], services=[], joint_with=[], national=True,
        # Table of the five 2024 recommendations with "Status" (R1: reviewed, not counted).
        # Two new recommendations: chief constables (CC) and College of Policing.
        expected=_x(2, 1, 0, 0),
        post_id=6790, html_post_id=6791,
        summary="What has changed since our 2024 inspection of the police response to stalking.",
        intro=["This progress report assesses how forces and national bodies have responded to the five "
               "recommendations we made in 2024."],
        sections=r_national.stalking_sections(),
        meta="sentence", heads="h", report_date="time", layout="ol",
    ),
    # ===== committee window: 18 September 2025 to 11 December 2025 (nine publications) =====
    # --- Inspection programme (corporate) ------------------------------------------------------
    Pub(
        slug="hmicfrs-inspection-programme-and-framework-2025-26",
        title="HMICFRS inspection programme and framework 2025/26",
        published=date(2025, 9, 24), type="Corporate document",
        forces=[], services=[], joint_with=[],
        # Corporate document: describes the programme; mentions that reports "may contain
        # recommendations, areas for improvement and causes of concern" (prose, R2).  No findings.
        expected=_x(0, 0, 0, 0),
        post_id=6822, html_post_id=6823,
        summary="Our inspection programme and framework for 2025/26, approved by the Home Secretary.",
        intro=["This document sets out what we will inspect in 2025/26 and how."],
        sections=r_national.programme_sections(),
        meta="cards", heads="h", report_date="on", author="web-team",
    ),
    # --- Facial recognition (national; nothing to chief constables) ------------------------------
    Pub(
        slug="police-use-of-facial-recognition-technology",
        title="An inspection of the police use of facial recognition technology",
        published=date(2025, 9, 30), type="Thematic inspection",
        forces=[], services=[], joint_with=[], national=True,
        # Five recommendations in <dl>s in the chapters, repeated in Annex A's table (R3: once).
        # 1 Home Office; 2 "the Home Office, working with chief constables" (R4: Home Office);
        # 3 NPCC lead; 4 College of Policing; 5 NPCC "in consultation with" ICO.  None to chief
        # constables.  Notable practice box is not a finding.  Technical annex not a report (R8).
        expected=_x(5, 0, 0, 0),
        post_id=6840, html_post_id=6841,
        summary="How the police use live and retrospective facial recognition, and whether the safeguards are adequate.",
        intro=["This inspection examined how police forces in England and Wales use facial recognition "
               "technology, and the legal and ethical safeguards around its use."],
        sections=r_national.frt_sections(),
        pdf="police-use-of-facial-recognition-technology.pdf",
        docs=[Doc("Facial recognition technology: technical annex", "facial-recognition-technical-annex.pdf",
                  "annex", r_extra.frt_technical_annex())],
        meta="cards", heads="aria", report_date="short", layout="dl", isbn="978-1-80655-702-8",
    ),
    # --- TRIO 1: diverting children (joint, HMI Probation) -----------------------------------------
    Pub(
        slug="effectiveness-of-diverting-children-from-the-criminal-justice-system",
        title="The effectiveness of diverting children from the criminal justice system",
        published=date(2025, 10, 15), type="Joint inspection",
        forces=list(r_trio.DIVERT_FORCES), services=[], joint_with=["HM Inspectorate of Probation"],
        # Committee paper: 18 recommendations, 1 applicable to chief constables.  The 18 are rows
        # of the No./Recommendation/Owner/Deadline table; only No. 8 is "chief constables should".
        # No. 6 is "the Home Office, working with the NPCC and chief constables" (R4: Home Office);
        # No. 10 is PCCs (not CC).  "We make 18 recommendations" and "(recommendation 8)" are
        # prose (R2).  Quoted YJB guidance ("Youth justice services should") is guidance, not a
        # finding.  Six named forces took part, West Midlands Police among them.  Easy read and
        # children's summary are not reports (R8).
        expected=_x(18, 1, 0, 0),
        post_id=6871, html_post_id=6872,
        summary="A joint inspection with HM Inspectorate of Probation of how well the police and youth justice services divert children from the criminal justice system.",
        intro=["This joint inspection, led by HM Inspectorate of Probation with HMICFRS, looked at how "
               "effectively children are diverted from the formal criminal justice system.",
               "We inspected six areas, working with Avon and Somerset Constabulary, Dyfed-Powys Police, "
               "Durham Constabulary, Essex Police, Merseyside Police and West Midlands Police and the youth "
               "justice services in those areas."],
        sections=r_trio.divert_sections(),
        pdf="diverting-children-joint-thematic-inspection.pdf",
        docs=[Doc("Diverting children from the criminal justice system: easy read", "diverting-children-easy-read.pdf",
                  "easy-read", r_extra.divert_easy_read()),
              Doc("A summary for children and young people",
                  "diverting-children-summary-for-children-and-young-people.pdf", "summary",
                  r_extra.divert_children_summary())],
        meta="cards", heads="h", report_date="on", layout="table", isbn="978-1-80655-719-6",
        modified=_m(2025, 10, 16, 8, 55),
    ),
    # --- TRIO 2: GBCSE progress report -------------------------------------------------------------
    Pub(
        slug="effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
        title="An inspection of the effectiveness of the police and law enforcement response to group-based child sexual exploitation: progress report",
        published=date(2025, 10, 24), type="Progress report",
        forces=[], services=[], joint_with=[], national=True,
        # Committee paper: 6 new recommendations, 4 applicable to chief constables.  The first tab
        # reviews the 2023 report's 9 recommendations and 1 AFI with "Progress:" (R1: not counted).
        # New: 1 chief constables; 2 chief constables and PCCs; 3 "all police forces"; 4 NPCC lead;
        # 5 "the Home Office, working with chief constables" (R4: Home Office); 6 "chief constables
        # should:" + three bullets (R3: one).  CC = 1,2,3,6.
        expected=_x(6, 4, 0, 0),
        post_id=6903, html_post_id=6904,
        summary="What progress has been made since our 2023 inspection of the response to group-based child sexual exploitation.",
        intro=["In 2023 we made nine recommendations and identified one area for improvement. This "
               "progress report assesses what has happened since, and makes new recommendations."],
        sections=r_trio.cse_progress_sections(),
        pdf="gbcse-progress-report-2025.pdf",
        meta="cards", heads="aria", report_date="time", layout="ol", isbn="978-1-80655-733-2",
    ),
    # --- Annual report (corporate, PDF only) ---------------------------------------------------------
    Pub(
        slug="hmicfrs-annual-report-and-accounts-2024-to-2025",
        title="HMICFRS annual report and accounts 2024 to 2025",
        published=date(2025, 11, 6), type="Corporate document",
        forces=[], services=[], joint_with=[],
        # Corporate document, PDF only.  "We made 213 recommendations and identified 402 areas for
        # improvement" is prose (R2).  No findings.
        expected=_x(0, 0, 0, 0),
        post_id=6930,
        summary="Our annual report and accounts for the year ending 31 March 2025, laid before Parliament.",
        intro=["Our annual report and accounts for 2024 to 2025."],
        sections=r_national.annual_report_sections(), html=False,
        pdf="hmicfrs-annual-report-and-accounts-2024-25.pdf",
        meta="ld", author="web-team", isbn="978-1-5286-5921-4",
    ),
    # --- TRIO 3: West Midlands NCPI ----------------------------------------------------------------
    Pub(
        slug="west-midlands-national-child-protection-inspection-november-2025",
        title="West Midlands Police: National child protection inspection",
        published=date(2025, 11, 13), type="National child protection inspection",
        forces=["West Midlands Police"], services=[], joint_with=[],
        # Committee paper: 7 AFIs, no recommendations.  The summary says "We have identified the
        # following areas for improvement:" with a list of seven titles; each AFI appears again as
        # a card in its chapter (R3: seven, not fourteen).  No cause of concern.  Promising
        # practice box is not a finding.
        expected=_x(0, 0, 7, 0),
        post_id=6958, html_post_id=6959,
        summary="Our inspection of how well West Midlands Police protects children.",
        intro=["This national child protection inspection assessed how well West Midlands Police protects "
               "children."],
        sections=r_trio.wmp_sections(),
        pdf="west-midlands-ncpi-november-2025.pdf",
        meta="sentence", heads="h", report_date="time", layout="card", isbn="978-1-80655-748-6",
    ),
    # --- Retail crime in five named forces ----------------------------------------------------------
    Pub(
        slug="shoplifting-and-violence-against-shop-workers-inspection-of-five-forces",
        title="Shoplifting and violence against shop workers: an inspection of the police response in five forces",
        published=date(2025, 11, 27), type="Thematic inspection",
        forces=list(r_national.RETAIL_FORCES), services=[], joint_with=[],
        # R1 "chief constables should:" + three bullets = one (R3), CC.  R2 "forces should" (CC).
        # R3 NPCC lead.  R4 Home Office "in consultation with" NPCC.  4 recs, 2 CC.  Promising
        # practice (Northumbria) is not a finding.  Concerns the five named forces.
        expected=_x(4, 2, 0, 0),
        post_id=6984, html_post_id=6985,
        summary="How well five forces respond to shoplifting and to violence and abuse against shop workers.",
        intro=["We inspected Avon and Somerset Constabulary, Lancashire Constabulary, the Metropolitan "
               "Police Service, Northumbria Police and Sussex Police."],
        sections=r_national.retail_sections(),
        meta="cards", heads="p", report_date="slash", layout="numpara",
    ),
    # --- Kent PEEL -------------------------------------------------------------------------------
    Pub(
        slug="peel-2025-27-inspection-of-kent-police",
        title="PEEL 2025\u201327: An inspection of Kent Police",
        published=date(2025, 12, 4), type="PEEL inspection",
        forces=["Kent Police"], services=[], joint_with=[],
        # Four "Area for improvement" headings, each followed by one "The force should" flag box.
        # Grades and the promising-practice box are not findings.  HTML + PDF = one report (R8).
        expected=_x(0, 0, 4, 0),
        post_id=7012, html_post_id=7013,
        summary="PEEL 2025\u201327 inspection of Kent Police.",
        intro=["This report sets out our findings on Kent Police."],
        sections=r_force.kent_sections(),
        pdf="peel-2025-27-kent-police.pdf",
        meta="ld", heads="h", report_date="slash", layout="flag", isbn="978-1-80655-760-8",
    ),
    # --- Cumbria FRS --------------------------------------------------------------------------------
    Pub(
        slug="cumbria-fire-and-rescue-service-inspection-2025",
        title="Fire and rescue service inspection 2025: Cumbria Fire and Rescue Service",
        published=date(2025, 12, 9), type="Fire and rescue service inspection",
        forces=[], services=["Cumbria Fire and Rescue Service"], joint_with=[],
        # One cause of concern (protection) with two recommendations, both "the service should"
        # (R5: fire and rescue services are not chief constables).  Three AFIs in a <dl>.
        expected=_x(2, 0, 3, 1),
        post_id=7040, html_post_id=7041,
        summary="Our 2025 inspection of Cumbria Fire and Rescue Service, including a cause of concern about its protection work.",
        intro=["This report sets out our findings about Cumbria Fire and Rescue Service."],
        sections=r_force.cumbria_sections(),
        pdf="cumbria-fire-and-rescue-service-inspection-2025.pdf",
        meta="chips", heads="aria", report_date="on", layout="card", author="web-team",
        isbn="978-1-80655-771-4",
    ),
    # ===== after the window =====
    # --- Merseyside custody (joint, HMI Prisons) -----------------------------------------------------
    Pub(
        slug="merseyside-police-custody-unannounced-inspection-2025",
        title="Report on an unannounced inspection visit to police custody suites in Merseyside Police",
        published=date(2025, 12, 16), type="Joint inspection",
        forces=["Merseyside Police"], services=[], joint_with=["HM Inspectorate of Prisons"],
        # Paragraph-numbered custody report: cause of concern 5.3 with recommendations 5.4 and
        # 5.5 ("The force should": CC), AFIs 2.2, 3.3, 4.2, 6.2.  Section 7 repeats all of them
        # as 7.1-7.7 (R3: counted once).
        expected=_x(2, 2, 4, 1),
        post_id=7066, html_post_id=7067,
        summary="Our joint unannounced inspection with HM Inspectorate of Prisons of police custody in Merseyside.",
        intro=["This joint inspection with HM Inspectorate of Prisons looked at the treatment and "
               "conditions of detainees in Merseyside Police custody."],
        sections=r_force.merseyside_sections(),
        meta="sentence", heads="h", report_date="on", layout="manual",
    ),
    # --- Neighbourhood policing (national) ------------------------------------------------------------
    Pub(
        slug="back-to-the-beat-inspection-of-neighbourhood-policing",
        title="Back to the beat? An inspection of neighbourhood policing",
        published=date(2026, 1, 21), type="Thematic inspection",
        forces=[], services=[], joint_with=[], national=True,
        # Five table rows: 1 "forces should" (CC); 2 chief constables and PCCs (CC); 3 Home Office;
        # 4 "all chief constables and the NPCC lead" (CC); 5 College "supported by chief
        # constables" (R4: not CC).  Data tables are not a report.
        expected=_x(5, 3, 0, 0),
        post_id=7101, html_post_id=7102,
        summary="Our inspection of the state of neighbourhood policing in England and Wales.",
        intro=["This inspection examined how well forces in England and Wales provide neighbourhood "
               "policing."],
        sections=r_national.neighbourhood_sections(),
        pdf="back-to-the-beat-neighbourhood-policing-inspection.pdf",
        docs=[Doc("Neighbourhood policing inspection: data tables", "neighbourhood-policing-data-tables.csv",
                  "data", csv=r_extra.NEIGHBOURHOOD_CSV)],
        meta="cards", heads="p", report_date="short", layout="table", isbn="978-1-80655-790-5",
    ),
    # --- Northamptonshire PEEL --------------------------------------------------------------------------
    Pub(
        slug="peel-2025-27-inspection-of-northamptonshire-police",
        title="PEEL 2025\u201327: An inspection of Northamptonshire Police",
        published=date(2026, 1, 28), type="PEEL inspection",
        forces=["Northamptonshire Police"], services=[], joint_with=[],
        # Three "AFI n" numbered paragraphs, no headings of their own.  HTML only.
        expected=_x(0, 0, 3, 0),
        post_id=7130, html_post_id=7131,
        summary="PEEL 2025\u201327 inspection of Northamptonshire Police.",
        intro=["This report sets out our findings on Northamptonshire Police."],
        sections=r_force.northants_sections(),
        meta="ld", heads="aria", report_date="time", layout="numpara",
    ),
    # --- State of Fire and Rescue (PDF only) -----------------------------------------------------------
    Pub(
        slug="state-of-fire-and-rescue-annual-assessment-2025",
        title="State of Fire and Rescue: The annual assessment of fire and rescue services in England 2025",
        published=date(2026, 2, 4), type="Annual assessment",
        forces=[], services=[], joint_with=[],
        # PDF only.  Three numbered recommendations: Home Office ("in consultation with the
        # sector"), chief fire officers, National Fire Chiefs Council: none chief constables.  The
        # 2023 recommendations "outstanding" sentence is prose (R2).  Applies to fire and rescue
        # services, not police forces.
        expected=_x(3, 0, 0, 0),
        post_id=7160,
        summary="HM Chief Inspector of Fire & Rescue Services\u2019 annual assessment of fire and rescue services in England.",
        intro=["The annual assessment of fire and rescue services in England, by HM Chief Inspector of "
               "Fire & Rescue Services."],
        sections=r_national.state_of_fire_sections(), html=False,
        pdf="state-of-fire-and-rescue-2025.pdf",
        meta="ld", isbn="978-1-5286-6003-6",
    ),
]

EXPECTED = {p.slug: p.expected for p in PUBS}

TRIO = [
    "effectiveness-of-diverting-children-from-the-criminal-justice-system",
    "effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
    "west-midlands-national-child-protection-inspection-november-2025",
]

BY_SLUG = {p.slug: p for p in PUBS}


def self_check():
    """The blocks' own marks agree with the hand-written expected counts."""
    bad = []
    for p in PUBS:
        t = tally(p.sections)
        if t != p.expected:
            bad.append((p.slug, p.expected, t))
    ids = [p.post_id for p in PUBS] + [p.html_post_id for p in PUBS if p.html_post_id]
    assert len(ids) == len(set(ids)), "post ids not unique"
    assert len({p.slug for p in PUBS}) == len(PUBS)
    for p in PUBS:
        assert p.html or p.pdf, p.slug
        assert bool(p.html) == bool(p.html_post_id), p.slug
    return bad
