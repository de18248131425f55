"""The 20 publications of the third held-out site, with the counts a careful liaison
officer reaches by applying docs/counting-rules.md.

All prose is invented for this fixture. `expected` is
{recommendations, recommendations_to_chief_constables, areas_for_improvement,
causes_of_concern}; `why` records the reading behind each count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone


@dataclass
class Pub:
    slug: str
    title: str
    type: str
    published: date
    post_id: int
    teaser: str
    summary: str  # HTML for the publication page
    expected: dict
    why: str
    forces: list[str] = field(default_factory=list)  # [] = all forces / none
    services: list[str] = field(default_factory=list)
    area_label: str = ""
    area_value: str = ""
    joint_with: list[str] = field(default_factory=list)
    html_body: str | None = None
    pdf_body: str | None = None
    pdf_file: str | None = None
    pdf_title: str | None = None
    running_head: str | None = None
    lastmod: datetime | None = None

    def __post_init__(self):
        if self.lastmod is None:
            d = self.published
            self.lastmod = datetime(d.year, d.month, d.day, 10, 15, tzinfo=timezone.utc)


def E(r=0, cc=0, afi=0, coc=0) -> dict:
    return {"recommendations": r, "recommendations_to_chief_constables": cc,
            "areas_for_improvement": afi, "causes_of_concern": coc}


ALL_FORCES = ("Forces", "All forces in England and Wales")

# ---------------------------------------------------------------------------------------
# P1  PEEL, Cumbria: cause of concern (shaded table) + 2 recs, 5 AFIs (summary titles
#     repeated in chapters), graded judgments, promising practice with a "should".
# ---------------------------------------------------------------------------------------
_P1 = """
<h3 id="foreword">Foreword</h3>
<p>This report sets out what we found when we inspected Cumbria Constabulary as part of our
2025 PEEL programme. I would like to thank the officers and staff who gave their time to us.</p>
<p>I am pleased with some aspects of the constabulary’s performance, particularly in how it
manages offenders. But I have serious concerns about how it responds to the public.</p>
<p><i>Roy Fenwick, His Majesty’s Inspector of Constabulary</i></p>

<h3 id="summary">Summary</h3>
<p>Our judgments for Cumbria Constabulary are set out below.</p>
<table class="grades" border="1" cellpadding="4" cellspacing="0">
<tr><th>Area</th><th>Grade</th></tr>
<tr><td>Police legitimacy</td><td>Good</td></tr>
<tr><td>Preventing crime</td><td>Adequate</td></tr>
<tr><td>Responding to the public</td><td>Inadequate</td></tr>
<tr><td>Investigating crime</td><td>Requires improvement</td></tr>
<tr><td>Protecting vulnerable people</td><td>Requires improvement</td></tr>
<tr><td>Managing offenders</td><td>Good</td></tr>
<tr><td>Building, supporting and protecting the workforce</td><td>Adequate</td></tr>
</table>
<p>We have identified one cause of concern, about how the constabulary responds to calls for
service, and we have made two recommendations to address it. We have also found five areas
for improvement:</p>
<ul>
<li>The constabulary should answer non-emergency calls more quickly</li>
<li>The constabulary should make sure investigations are properly supervised</li>
<li>The constabulary should record victims’ decisions to withdraw support accurately</li>
<li>The constabulary should reduce the backlog of visits to registered sex offenders</li>
<li>The constabulary should understand the wellbeing needs of its workforce</li>
</ul>

<h3 id="responding">Responding to the public</h3>
<h5>Cumbria Constabulary is inadequate at responding to the public</h5>
<table class="box concern" bgcolor="#f3e4e4" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Cause of concern</b></p>
<p>The constabulary doesn’t attend emergency and priority incidents quickly enough, and call
handlers don’t always identify vulnerability when they grade a call. This means some
vulnerable people wait too long for help.</p>
<p><b>Recommendations</b></p>
<p>Recommendation 1: Within three months, the chief constable should make sure that the
constabulary attends emergency and priority incidents within its own published times.</p>
<p>Recommendation 2: Within six months, the constabulary should:</p>
<p>(a) make sure call handlers use the structured triage tool for every call;<br>
(b) audit a sample of graded calls each month; and<br>
(c) give supervisors in the control room the training they need to review call grades.</p>
</td></tr></table>
<p>In the 12 months to March 2025, the constabulary attended only 61&nbsp;percent of emergency
incidents within its target time.<sup><a href="#fn1">1</a></sup> We examined 80 incidents and
found that in 23 the call had been given a lower grade than the risk justified.</p>
<h5>Area for improvement</h5>
<p><b>The constabulary should answer non-emergency calls more quickly</b></p>
<p>The constabulary should make sure that non-emergency calls are answered promptly and that
people who abandon a call are called back.</p>
<p>Too many callers give up before their 101 call is answered. The abandonment rate was
19&nbsp;percent in March 2025.</p>

<h3 id="investigating">Investigating crime</h3>
<p>The constabulary requires improvement at investigating crime.</p>
<h5>Area for improvement</h5>
<p><b>The constabulary should make sure investigations are properly supervised</b></p>
<p>The constabulary should make sure that supervisors review investigations regularly, set
clear plans and record their reviews.</p>
<h5>Area for improvement</h5>
<p><b>The constabulary should record victims’ decisions to withdraw support accurately</b></p>
<p>The constabulary should make sure that, when a victim withdraws support for an
investigation, the decision is recorded with the victim’s reasons and that an evidence-led
prosecution is always considered.</p>
<table class="box practice" bgcolor="#e6f0e6" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Promising practice</b></p>
<p><b>Street triage in the west of the county</b></p>
<p>The constabulary has placed mental health nurses with response officers at weekends.
Forces thinking about a similar scheme should contact the constabulary’s mental health
lead.</p>
</td></tr></table>

<h3 id="offenders">Managing offenders</h3>
<p>The constabulary is good at managing offenders.</p>
<h5>Area for improvement</h5>
<p><b>The constabulary should reduce the backlog of visits to registered sex offenders</b></p>
<p>The constabulary should make sure that visits to registered sex offenders take place
when they are due, and that risk assessments are up to date.</p>

<h3 id="workforce">Building, supporting and protecting the workforce</h3>
<p>The constabulary is adequate at building, supporting and protecting its workforce.</p>
<h5>Area for improvement</h5>
<p><b>The constabulary should understand the wellbeing needs of its workforce</b></p>
<p>The constabulary should gather and use information about the wellbeing of its officers and
staff so that it can give them the support they need.</p>

<h3 id="annex">Annex A: About the data</h3>
<p>Data in this report comes from the constabulary and from Home Office returns.</p>
<div class="footnotes"><hr><ol><li id="fn1">Constabulary data, April 2024 to March 2025.</li></ol></div>
"""

P1 = Pub(
    slug="peel-2025-cumbria-constabulary",
    title="PEEL 2025: An inspection of Cumbria Constabulary",
    type="PEEL assessment",
    published=date(2025, 9, 18), post_id=4101,
    teaser="Our PEEL 2025 inspection of Cumbria Constabulary.",
    summary="""<p class="lead">We inspected how effective, efficient and legitimate Cumbria Constabulary is.</p>
<p>We found a cause of concern about the constabulary’s response to the public.</p>""",
    area_label="Police force", area_value="Cumbria Constabulary",
    forces=["Cumbria Constabulary"],
    html_body=_P1,
    expected=E(r=2, cc=2, afi=5, coc=1),
    why="CoC in shaded table; Rec 1 'the chief constable should', Rec 2 'the constabulary "
        "should' (a)(b)(c) = 1; both force-specific -> cc. 5 AFIs (summary titles repeated in "
        "chapters count once). Promising practice 'Forces ... should contact' is not a finding.",
)

# ---------------------------------------------------------------------------------------
# P2  Durham child protection: 4 AFIs (summary list full text, repeated in chapters under
#     h5 'Area for improvement N'); review of a 2019 recommendation.
# ---------------------------------------------------------------------------------------
_P2_AFI = [
    "Durham Constabulary should make sure that officers record what children say and how they "
    "behave, so that the child’s voice informs decisions about them.",
    "Durham Constabulary should make sure that strategy discussions take place promptly and that "
    "the police contribution to them is recorded.",
    "Durham Constabulary should improve how it identifies children who are repeatedly reported "
    "missing, and how it shares this information with partner agencies.",
    "Durham Constabulary should make sure that children detained overnight in police custody are "
    "moved to local authority accommodation whenever possible.",
]
_P2 = f"""
<h3 id="introduction">Introduction</h3>
<p>This is our report on the national child protection inspection of Durham Constabulary,
carried out in October and November 2024.</p>
<p>We last inspected the constabulary’s child protection work in 2019. In that report we made
eleven recommendations. The constabulary has completed six of them. Recommendation 4 of our
2019 report said that the constabulary should improve the quality of its referrals to
children’s social care; this has been partly achieved.</p>

<h3 id="summary">Summary of findings</h3>
<p>Officers are committed to protecting children, and leaders have a clear plan. But we found
four areas where the constabulary needs to improve.</p>
<h4>Areas for improvement</h4>
<ol>
<li>{_P2_AFI[0]}</li>
<li>{_P2_AFI[1]}</li>
<li>{_P2_AFI[2]}</li>
<li>{_P2_AFI[3]}</li>
</ol>

<h3 id="initial-contact">Initial contact</h3>
<p>Call handlers generally identify risks to children well. However, in 9 of the 31 cases we
examined, officers did not record the child’s views or demeanour.</p>
<h5>Area for improvement 1</h5>
<p>{_P2_AFI[0]}</p>

<h3 id="assessment">Assessment and help</h3>
<p>Strategy discussions were held in most cases, but some were delayed by several days.</p>
<h5>Area for improvement 2</h5>
<p>{_P2_AFI[1]}</p>

<h3 id="missing">Children missing from home</h3>
<h5>Area for improvement 3</h5>
<p>{_P2_AFI[2]}</p>

<h3 id="custody">Children in police custody</h3>
<p>Custody staff treated children with care. However, children charged and refused bail were
rarely moved to local authority accommodation.</p>
<h5>Area for improvement 4</h5>
<p>{_P2_AFI[3]}</p>

<h3 id="next-steps">Next steps</h3>
<p>We expect the constabulary to send us an action plan within six weeks.</p>
"""

P2 = Pub(
    slug="durham-national-child-protection-inspection-february-2025",
    title="Durham Constabulary: National child protection inspection",
    type="National child protection inspection",
    published=date(2025, 2, 20), post_id=3911,
    teaser="Our inspection of how Durham Constabulary protects children.",
    summary="""<p class="lead">We inspected how well Durham Constabulary protects children at risk.</p>""",
    area_label="Police force", area_value="Durham Constabulary",
    forces=["Durham Constabulary"],
    html_body=_P2,
    expected=E(afi=4),
    why="4 AFIs listed in summary and repeated verbatim in chapters (once each). 2019 "
        "recommendations mentioned/reviewed in prose are not findings.",
)

# ---------------------------------------------------------------------------------------
# P3  West Midlands child protection (committee paper): 7 AFIs, 0 recs. HTML + same PDF.
#     Summary lists titles only; chapters give 'Area for improvement N: Title' + text.
# ---------------------------------------------------------------------------------------
_P3_AFI = [
    ("Recording the voice of the child",
     "West Midlands Police should make sure that officers record the views, feelings and "
     "behaviour of children they meet, and use them in their decisions."),
    ("Timeliness of strategy discussions",
     "West Midlands Police should make sure it takes part in strategy discussions without delay "
     "when a child may be at risk of significant harm."),
    ("Supervision of child abuse investigations",
     "West Midlands Police should make sure that supervisors review child abuse investigations "
     "regularly and that their direction is recorded and followed."),
    ("Children who go missing",
     "West Midlands Police should improve the quality of return home interviews information it "
     "receives, and use it to reduce the risk to children who repeatedly go missing."),
    ("Online child abuse referrals",
     "West Midlands Police should reduce the time it takes to act on referrals about online child "
     "sexual abuse, so that children are safeguarded quickly."),
    ("Children in custody",
     "West Midlands Police should make sure that children are detained in custody only when "
     "necessary and for the shortest possible time."),
    ("Training for neighbourhood officers",
     "West Midlands Police should give neighbourhood officers the training they need to "
     "recognise signs of exploitation."),
]


def _p3_body() -> str:
    titles = "\n".join(f"<li>{t}</li>" for t, _ in _P3_AFI)
    chapters = [
        ("contact", "Initial contact", [0]),
        ("assessment", "Assessment and help", [1, 2]),
        ("missing", "Missing and exploited children", [3, 4]),
        ("custody", "Children in custody", [5]),
        ("leadership", "Leadership and management", [6]),
    ]
    out = [f"""
<h3 id="introduction">Introduction</h3>
<p>Between June and August 2025 we inspected how well West Midlands Police protects children.
This report sets out what we found.</p>
<p>In our 2021 inspection we made a recommendation about the force’s handling of referrals
from schools. We are pleased to report that it has now been implemented.</p>

<h3 id="summary">Summary</h3>
<p>The force has improved since our last inspection, and staff are committed to keeping
children safe. We found seven areas for improvement. We have made no recommendations.</p>
<h4>Areas for improvement</h4>
<ul>
{titles}
</ul>"""]
    for cid, heading, idx in chapters:
        out.append(f'\n<h3 id="{cid}">{heading}</h3>\n<p>This chapter sets out our findings on {heading.lower()}.</p>')
        for i in idx:
            t, text = _P3_AFI[i]
            out.append(f"""<blockquote class="afi"><p><strong>Area for improvement {i + 1}: {t}</strong></p>
<p>{text}</p></blockquote>
<p>We examined cases in which this mattered, and found the practice inconsistent.</p>""")
    out.append("""
<h3 id="annex-a">Annex A: Methodology</h3>
<p>We examined 120 case files and interviewed 64 officers and staff.</p>""")
    return "\n".join(out)


_P3 = _p3_body()

P3 = Pub(
    slug="west-midlands-national-child-protection-inspection-november-2025",
    title="West Midlands Police: National child protection inspection",
    type="National child protection inspection",
    published=date(2025, 11, 18), post_id=4321,
    teaser="Our inspection of how well West Midlands Police protects children.",
    summary="""<p class="lead">This report sets out the findings of our national child protection
inspection of West Midlands Police, carried out in summer 2025.</p>
<p>We found seven areas for improvement.</p>""",
    area_label="Police force", area_value="West Midlands Police",
    forces=["West Midlands Police"],
    html_body=_P3, pdf_body=_P3,
    pdf_file="west-midlands-national-child-protection-inspection-november-2025.pdf",
    running_head="National child protection inspection: West Midlands Police",
    expected=E(afi=7),
    why="Committee paper: 7 AFIs, no recommendations. Titles listed in summary, then each "
        "AFI in a blockquote in its chapter; HTML and PDF are the same report (rule 8).",
)

# ---------------------------------------------------------------------------------------
# P4  Derbyshire FRS: 5 AFIs ("The service should"), a cause of concern + 1 recommendation
#     (service -> not chief constables), innovative practice box.
# ---------------------------------------------------------------------------------------
_P4 = """
<h3 id="overview">Overview</h3>
<p>This is our third inspection of Derbyshire Fire and Rescue Service. We graded the service
in eleven areas.</p>
<table class="grades" border="1" cellpadding="4" cellspacing="0">
<tr><th>Area</th><th>Grade</th></tr>
<tr><td>Preventing fires and other risks</td><td>Adequate</td></tr>
<tr><td>Protecting the public through fire regulation</td><td>Inadequate</td></tr>
<tr><td>Responding to fires and other emergencies</td><td>Good</td></tr>
<tr><td>Promoting fairness and diversity</td><td>Requires improvement</td></tr>
</table>

<h3 id="protection">Protecting the public through fire regulation</h3>
<p>The service is inadequate at protecting the public through fire regulation.</p>
<table class="box concern" bgcolor="#f3e4e4" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Cause of concern</b></p>
<p>The service hasn’t got an effective risk-based inspection programme. It has audited
fewer than half of the high-risk premises it has identified.</p>
<p><b>Recommendation</b></p>
<p>By 31 March 2026, the service should put in place a risk-based inspection programme, with
enough qualified protection staff to deliver it, and audit all of its highest-risk premises.</p>
</td></tr></table>
<div class="afi"><p><b>Area for improvement</b></p>
<p>The service should make sure it has effective arrangements for sharing information about
risk with other enforcement agencies.</p></div>

<h3 id="prevention">Preventing fires and other risks</h3>
<div class="afi"><p><b>Area for improvement</b></p>
<p>The service should evaluate its prevention work, so it understands what works.</p></div>
<div class="afi"><p><b>Area for improvement</b></p>
<p>The service should make sure it targets home fire safety checks at the people most at
risk.</p></div>
<table class="box practice" bgcolor="#e6f0e6" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Innovative practice</b></p>
<p>The service works with a local housing association to fit sprinklers in tower blocks.</p>
</td></tr></table>

<h3 id="fairness">Promoting fairness and diversity</h3>
<div class="afi"><p><b>Area for improvement</b></p>
<p>The service should make sure its workforce understands why positive action is important.</p></div>
<div class="afi"><p><b>Area for improvement</b></p>
<p>The service should improve how it gathers and uses equality data about its staff.</p></div>
"""

P4 = Pub(
    slug="derbyshire-fire-and-rescue-service-inspection-2025",
    title="Derbyshire Fire and Rescue Service: Effectiveness, efficiency and people 2025",
    type="Fire and rescue service inspection",
    published=date(2025, 7, 10), post_id=4012,
    teaser="Our inspection of Derbyshire Fire and Rescue Service.",
    summary="""<p class="lead">Our third inspection of Derbyshire Fire and Rescue Service.</p>""",
    area_label="Fire and rescue service", area_value="Derbyshire Fire and Rescue Service",
    forces=[], services=["Derbyshire Fire and Rescue Service"],
    html_body=_P4,
    expected=E(r=1, cc=0, afi=5, coc=1),
    why="CoC + 1 recommendation ('the service should' -> not chief constables); 5 AFIs each "
        "'The service should'; innovative practice is not a finding.",
)

# ---------------------------------------------------------------------------------------
# P5  Diverting children (committee paper): joint with HMI Probation, 18 recs, 1 to chief
#     constables. Recommendations grouped under addressee headings; prose mentions.
# ---------------------------------------------------------------------------------------
_P5_RECS = [
    ("Home Office and Ministry of Justice", [
        "By 31 March 2026, the Home Office, working with the Ministry of Justice, should publish "
        "a national definition of out-of-court resolution for children, so that agencies "
        "record diversion consistently.",
        "The Ministry of Justice should fund youth justice services so that every child offered "
        "a diversionary outcome can start an intervention within ten working days.",
        "By 30 June 2026, the Ministry of Justice and the Home Office should agree how data "
        "about diverted children will be collected and published nationally.",
    ]),
    ("Youth Justice Board", [
        "The Youth Justice Board should issue guidance on how youth justice services assess "
        "children offered diversion, including children with speech and language needs.",
        "By 31 December 2026, the Youth Justice Board, in consultation with the National Police "
        "Chiefs’ Council, should review the case management guidance on joint decision-making "
        "panels.",
    ]),
    ("Local authorities and youth justice services", [
        "Directors of children’s services should make sure that children offered diversion are "
        "assessed for unmet education, health and care needs.",
        "Local authority chief executives should make sure that youth justice management boards "
        "monitor the quality of diversion work.",
        "Youth justice service management boards should:<br>(a) receive regular data about the "
        "outcomes of diversion, broken down by ethnicity;<br>(b) review a sample of cases "
        "each year; and<br>(c) publish an annual summary of what they find.",
        "Heads of youth justice services should make sure that case workers record the child’s "
        "views about the diversion offered.",
        "Youth justice services should make sure that victims are offered the chance to take part "
        "in restorative work.",
    ]),
    ("Policing", [
        "By 31 March 2026, chief constables should make sure that officers who decide on "
        "outcomes for children have been trained in the use of joint decision-making panels "
        "and understand the range of diversionary outcomes.",
        "The NPCC lead for children and young people should agree with the Youth Justice Board a "
        "national standard for the information police share with joint decision-making panels.",
        "The College of Policing should include diversion of children in its authorised "
        "professional practice on investigation.",
        "Police and crime commissioners should make sure that the diversion schemes they fund "
        "are evaluated.",
    ]),
    ("Other agencies", [
        "The Crown Prosecution Service should make sure that prosecutors consider whether a "
        "diversionary outcome was offered before they authorise a charge against a child.",
        "The Department for Education should make sure that schools are told when a child they "
        "teach has been offered a diversionary outcome, where this is in the child’s interest.",
        "NHS England should make sure that liaison and diversion services are available to "
        "children in every police custody suite.",
        "HM Courts and Tribunals Service should record, for each child before the youth court, "
        "whether diversion was considered.",
    ]),
]


def _p5_body() -> str:
    recs = []
    n = 0
    for group, items in _P5_RECS:
        recs.append(f"<h5>{group}</h5>")
        for text in items:
            n += 1
            recs.append(f"<p>Recommendation {n}: {text}</p>")
    assert n == 18
    rec_html = "\n".join(recs)
    return f"""
<h3 id="foreword">Foreword</h3>
<p>This joint inspection by HM Inspectorate of Probation and HMICFRS looked at how well
police forces and youth justice services divert children from the criminal justice system.</p>
<p>We found good work in many places, but practice varies too much. We make 18
recommendations to the agencies involved.</p>

<h3 id="summary">Summary</h3>
<p>Diversion works best when police and youth justice services decide together. In four of
the six areas we visited, decisions were made jointly; in two, police officers decided alone.</p>
<p>In 2021 the two inspectorates recommended that a national definition of diversion be
agreed. That recommendation has not yet been implemented, and we repeat it in this report.</p>

<h3 id="recommendations">Recommendations</h3>
{rec_html}

<h3 id="chapter-1">1. Context</h3>
<p>The number of children entering the criminal justice system for the first time has fallen
by 70&nbsp;percent in ten years.</p>

<h3 id="chapter-2">2. Decision-making</h3>
<p>Joint decision-making panels were well established in most areas. Recommendations 5 and 11
address the weaknesses we found.</p>

<h3 id="chapter-3">3. Outcomes for children</h3>
<p>Few areas could tell us what happened to children after diversion.</p>

<h3 id="annex">Annex: Methodology</h3>
<p>We inspected six areas in England between February and May 2025, jointly with HM
Inspectorate of Probation (see <a href="https://hmiprobation.justiceinspectorates.gov.uk/document/diverting-children-2025/">their
report page</a>).</p>
"""


P5 = Pub(
    slug="effectiveness-of-diverting-children-from-the-criminal-justice-system",
    title="A joint inspection of the effectiveness of diverting children from the criminal justice system",
    type="Joint inspection",
    published=date(2025, 10, 15), post_id=4250,
    teaser="A joint inspection with HM Inspectorate of Probation of diversion for children.",
    summary="""<p class="lead">HM Inspectorate of Probation and HMICFRS inspected how well police
and youth justice services divert children from the criminal justice system.</p>
<p>The report makes 18 recommendations.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    joint_with=["HM Inspectorate of Probation"],
    html_body=_p5_body(),
    expected=E(r=18, cc=1),
    why="Committee paper: 18 recommendations, 1 to chief constables (Rec 11). Rec 1 'Home "
        "Office, working with the MoJ' and Rec 5 'YJB, in consultation with the NPCC' are not "
        "cc; Rec 8 (a)(b)(c) is one. Prose: 2021 recommendation not implemented; 'we make 18'.",
)

# ---------------------------------------------------------------------------------------
# P6  GBCSE progress (committee paper): reviews 9 recs + 1 AFI (2023) with statuses, then
#     6 new recs, 4 to chief constables. HTML + same PDF.
# ---------------------------------------------------------------------------------------
_P6_OLD = [
    ("By 31 March 2024, chief constables should make sure that their forces record whether a "
     "crime involves group-based child sexual exploitation.", "Complete"),
    ("By 31 March 2024, the Home Office should amend the Home Office Counting Rules so that "
     "group-based exploitation can be identified.", "Complete"),
    ("Chief constables should make sure that every force has a named lead for child sexual "
     "exploitation.", "Complete"),
    ("The NPCC lead for child protection should publish a national problem profile.",
     "Incomplete"),
    ("By 30 September 2024, chief constables should make sure that intelligence about "
     "exploitation is shared with neighbouring forces.", "Partially complete"),
    ("The College of Policing should update its training on exploitation.", "Complete"),
    ("Police and crime commissioners should commission specialist support for victims.",
     "Incomplete"),
    ("Chief constables should make sure that victims are kept informed.", "Incomplete"),
    ("The Home Office should fund a national analytical capability.", "Partially complete"),
]
_P6_NEW = [
    "By 30 June 2026, chief constables should make sure that every suspected case of group-based "
    "child sexual exploitation is reviewed by a detective inspector within 48 hours.",
    "By 30 September 2026, all chief constables and the NPCC lead for child protection should "
    "agree and adopt a single way of recording the ethnicity of suspects and victims.",
    "Forces should make sure that officers who investigate child sexual exploitation receive "
    "trauma-informed training.",
    "By 31 March 2026, the Home Office, supported by the National Police Chiefs’ Council, should "
    "publish national data on group-based child sexual exploitation every year.",
    "The College of Policing, working with chief constables, should develop guidance on the "
    "disruption of exploitation networks.",
    "By 31 December 2026, all police forces should:<br>(a) have a problem profile for "
    "child sexual exploitation in their area; and<br>(b) review it at least every year.",
]


def _p6_body() -> str:
    old = []
    for i, (text, status) in enumerate(_P6_OLD, 1):
        old.append(f"""<p><strong>Recommendation {i} (2023)</strong></p>
<p>{text}</p>
<p>Status: <em>{status}</em></p>
<p>We found that {"progress has been good" if status == "Complete" else "more work is needed"}.</p>""")
    new = "\n".join(f"<p>Recommendation {i}: {t}</p>" for i, t in enumerate(_P6_NEW, 1))
    return f"""
<h3 id="foreword">Foreword</h3>
<p>In 2023 we published our inspection of the police and law enforcement response to
group-based child sexual exploitation. We made nine recommendations and identified one area
for improvement. This report examines the progress made against each of them.</p>
<p>Progress has been mixed. Four of our 2023 recommendations have been completed; the rest
have not. We make six new recommendations.</p>

<h3 id="progress">Progress against our 2023 recommendations</h3>
{chr(10).join(old)}
<p><strong>Area for improvement (2023)</strong></p>
<p>Forces should improve how they gather information from communities about exploitation.</p>
<p>Status: <em>Partially complete</em></p>

<h3 id="findings">What we found</h3>
<p>Forces are better at identifying group-based exploitation than they were in 2023, but
recording of ethnicity is still poor.<sup>2</sup> Our 2023 recommendation on victim updates
has still not been implemented.</p>

<h3 id="recommendations">New recommendations</h3>
{new}

<h3 id="annex">Annex: Methodology</h3>
<p>We visited eight forces and reviewed 140 cases.</p>
<div class="footnotes"><hr><ol><li value="2">Ethnicity was not recorded for 38&nbsp;percent of suspects.</li></ol></div>
"""


_P6 = _p6_body()

P6 = Pub(
    slug="effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
    title="An inspection of the effectiveness of the police and law enforcement response to group-based child sexual exploitation: Progress report",
    type="Progress report",
    published=date(2025, 10, 24), post_id=4262,
    teaser="We examined progress against our 2023 recommendations on group-based child sexual exploitation.",
    summary="""<p class="lead">We looked at the progress forces and other organisations have made
against the recommendations in our 2023 report.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body=_P6, pdf_body=_P6,
    pdf_file="group-based-child-sexual-exploitation-progress-report.pdf",
    running_head="Group-based child sexual exploitation: progress report",
    expected=E(r=6, cc=4),
    why="Committee paper: 6 new recs, 4 cc (1 chief constables; 2 all chief constables and the "
        "NPCC lead; 3 forces; 6 all police forces (a)(b)); 4 Home Office supported by NPCC and "
        "5 College working with chief constables are not cc. 9 recs + 1 AFI of 2023 with "
        "statuses are reviewed, not made. HTML and PDF are one report.",
)

# ---------------------------------------------------------------------------------------
# P7  Stalking thematic: 'R1'..'R5' paragraphs, 2 to chief constables.
# ---------------------------------------------------------------------------------------
P7 = Pub(
    slug="police-response-to-stalking-2025",
    title="Still not taken seriously? The police response to stalking",
    type="Thematic inspection",
    published=date(2025, 10, 2), post_id=4222,
    teaser="Our thematic inspection of the police response to stalking.",
    summary="""<p class="lead">We inspected how well the police respond to stalking, five years
after our last report on the subject.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body="""
<h3 id="foreword">Foreword</h3>
<p>Victims told us they were “passed from officer to officer” and that nobody seemed to
understand what was happening to them. We make five recommendations.</p>

<h3 id="summary">Summary</h3>
<p>Forces have improved how they record stalking, but the response to victims is still
inconsistent.</p>

<h3 id="recommendations">Recommendations</h3>
<p><strong>R1</strong> By 31&nbsp;March 2026, chief constables should make sure that every
stalking allegation is reviewed by a trained stalking advocate or specialist officer.</p>
<p><strong>R2</strong> The NPCC lead for stalking and harassment should publish a national
performance framework for stalking.</p>
<p><strong>R3</strong> Police and crime commissioners should make sure that independent
stalking advocates are available in every force area.</p>
<p><strong>R4</strong> By 30 September 2026, the College of Policing should revise its
guidance on stalking protection orders.</p>
<p><strong>R5</strong> Chief constables and police and crime commissioners should jointly
review the support given to victims of stalking each year.</p>

<h3 id="chapter-1">Identifying stalking</h3>
<p>In 14 of the 60 cases we reviewed, stalking had been recorded as harassment. R1 is
intended to address this.</p>

<h3 id="chapter-2">Protecting victims</h3>
<p>Stalking protection orders are still rarely used.</p>
""",
    expected=E(r=5, cc=2),
    why="R1 chief constables (cc); R5 chief constables and PCCs (cc); R2 NPCC lead, R3 PCCs, "
        "R4 College are not.",
)

# ---------------------------------------------------------------------------------------
# P8  County lines: cause of concern in a blockquote + its rec, 4 recs, 2 cc.
# ---------------------------------------------------------------------------------------
P8 = Pub(
    slug="regional-response-to-county-lines",
    title="An inspection of the regional and national response to county lines",
    type="Thematic inspection",
    published=date(2025, 11, 6), post_id=4290,
    teaser="How well forces, regional units and the NCA tackle county lines drug dealing.",
    summary="""<p class="lead">We inspected the work of forces, regional organised crime units
and the National Crime Agency against county lines.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body="""
<h3 id="summary">Summary</h3>
<p>County lines gangs exploit children and vulnerable adults to move drugs across force
boundaries. We found a cause of concern and make four recommendations.</p>
<p>In 2020 we recommended that the Home Office should review how regional organised crime
units are funded. Our 2020 recommendation has still not been implemented.</p>

<h3 id="intelligence">Intelligence sharing</h3>
<blockquote>
<p><strong>Cause of concern</strong></p>
<p>Intelligence about county lines is not shared effectively between forces, regional units
and the National Crime Agency. As a result, opportunities to protect exploited children are
being missed.</p>
<p><strong>Recommendation 1</strong></p>
<p>By 31 January 2026, the National Crime Agency and chief constables should agree a common
standard for sharing county lines intelligence, and put it into practice.</p>
</blockquote>
<p>We found 12 cases in which a child was found in a second force area with no record in
the first.</p>

<h3 id="national">The national coordination centre</h3>
<p><strong>Recommendation 2</strong></p>
<p>The National Crime Agency should, by 30 June 2026:</p>
<ol type="a">
<li>evaluate the national county lines coordination centre;</li>
<li>publish the results; and</li>
<li>set out how it will act on them.</li>
</ol>
<p><strong>Recommendation 3</strong></p>
<p>The Home Office should give regional organised crime units a settled, multi-year budget.</p>

<h3 id="forces">Local policing</h3>
<p><strong>Recommendation 4</strong></p>
<p>All police forces should make sure that neighbourhood officers can recognise and record
the signs of county lines exploitation.</p>
""",
    expected=E(r=4, cc=2, coc=1),
    why="CoC in blockquote with Rec 1 'the NCA and chief constables should' (chief constables "
        "among actors -> cc); Rec 2 NCA (a)(b)(c) one; Rec 3 Home Office; Rec 4 all police "
        "forces (cc). 2020 recommendation prose is not a finding.",
)

# ---------------------------------------------------------------------------------------
# P9  Rape cases, joint with HMCPSI: PDF only. 4 recs, 1 cc.
# ---------------------------------------------------------------------------------------
P9 = Pub(
    slug="joint-inspection-rape-cases-charge-to-trial",
    title="A joint inspection of the handling of rape cases from charge to trial",
    type="Joint inspection",
    published=date(2025, 5, 29), post_id=3990,
    teaser="HMCPSI and HMICFRS inspected how rape cases are handled after charge.",
    summary="""<p class="lead">A joint inspection by HM Crown Prosecution Service Inspectorate
and HMICFRS of how rape cases are progressed between charge and trial.</p>
<p>The report is available as a PDF.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    joint_with=["HM Crown Prosecution Service Inspectorate"],
    pdf_body="""
<h3>Foreword</h3>
<p>Victims of rape wait too long for their cases to come to court. This joint inspection
looked at what the police and the Crown Prosecution Service do in that time. We make four
recommendations.</p>
<h3>Summary</h3>
<p>In the cases we examined, the average time from charge to trial was 14 months. Victims
were not always told when a trial was adjourned.</p>
<h3>Recommendations</h3>
<h4>Recommendation 1</h4>
<p>By 31 March 2026, chief constables and Chief Crown Prosecutors should jointly agree a
protocol for keeping victims informed between charge and trial, including when hearings are
moved or adjourned.</p>
<h4>Recommendation 2</h4>
<p>The Crown Prosecution Service should make sure that every rape case is reviewed by a
specialist prosecutor within 28 days of charge.</p>
<h4>Recommendation 3</h4>
<p>The Crown Prosecution Service and the NPCC lead for adult sexual offences should agree
national standards for disclosure in rape cases.</p>
<h4>Recommendation 4</h4>
<p>HM Courts and Tribunals Service should prioritise the listing of rape trials where the
victim is vulnerable.</p>
<h3>1. Case progression</h3>
<p>Police officers in charge of cases often moved role before trial; in 40 percent of cases
there had been at least one change of officer.</p>
<h3>2. Victim care</h3>
<p>Independent sexual violence advisers were valued by victims.</p>
<h3>Annex A: Methodology</h3>
<p>We examined 90 case files from six CPS Areas and their police forces.</p>
""",
    pdf_file="joint-inspection-rape-cases-charge-to-trial.pdf",
    running_head="Rape cases from charge to trial: a joint inspection",
    expected=E(r=4, cc=1),
    why="PDF only. Rec 1 'chief constables and Chief Crown Prosecutors' (cc); Rec 2 CPS; "
        "Rec 3 CPS and NPCC lead (not cc); Rec 4 HMCTS.",
)

# ---------------------------------------------------------------------------------------
# P10 Missing children, joint with Ofsted, CQC and HMI Probation: <ol> of 3 recs, 1 cc.
# ---------------------------------------------------------------------------------------
P10 = Pub(
    slug="joint-thematic-children-missing-from-home-and-education",
    title="Missing from home, missing from school: a joint thematic inspection",
    type="Joint inspection",
    published=date(2025, 7, 24), post_id=4030,
    teaser="Ofsted, CQC, HMI Probation and HMICFRS inspected the response to children who go missing.",
    summary="""<p class="lead">A joint inspection of how agencies respond to children who go
missing from home and from education.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    joint_with=["Ofsted", "Care Quality Commission", "HM Inspectorate of Probation"],
    html_body="""
<h3 id="introduction">Introduction</h3>
<p>This joint thematic inspection was led by Ofsted, working with the Care Quality
Commission, HM Inspectorate of Probation and HMICFRS. We visited six local areas.</p>

<h3 id="key-findings">Key findings</h3>
<p>Children who go missing from school are often also missing from home, but agencies rarely
connect the two.</p>
<h4>Recommendations</h4>
<ol>
<li>Chief constables, working with directors of children’s services, should make sure that
information about children reported missing from home is shared with the local authority’s
children missing education team within one working day.</li>
<li>Local authorities should make sure that return home interviews are offered to every child
within 72 hours of their return.</li>
<li>The Department for Education, in consultation with the Home Office, should update the
statutory guidance on children who run away or go missing from home or care.</li>
</ol>

<h3 id="practice">What we found in the local areas</h3>
<p>In one area, a child had been reported missing eleven times before anyone noticed that she
had also stopped attending school.</p>
""",
    expected=E(r=3, cc=1),
    why="Rec 1 'Chief constables, working with directors of children's services, should' (cc); "
        "Rec 2 local authorities; Rec 3 DfE in consultation with the Home Office.",
)

# ---------------------------------------------------------------------------------------
# P11 Cleveland revisit: PDF only. Reviews a 2024 CoC and its 3 recs; makes 2 new AFIs.
# ---------------------------------------------------------------------------------------
P11 = Pub(
    slug="cleveland-police-revisit-cause-of-concern-2025",
    title="Cleveland Police: Revisit of the cause of concern about the investigation of crime",
    type="Revisit",
    published=date(2025, 6, 12), post_id=4001,
    teaser="We revisited Cleveland Police to check progress against a 2024 cause of concern.",
    summary="""<p class="lead">We revisited Cleveland Police to see what progress it had made
against the cause of concern we raised in 2024.</p>""",
    area_label="Police force", area_value="Cleveland Police",
    forces=["Cleveland Police"],
    pdf_body="""
<h3>Introduction</h3>
<p>In our 2024 PEEL inspection we identified a cause of concern about how Cleveland Police
investigates crime, and made three recommendations. In May 2025 we revisited the force to
assess its progress.</p>
<h3>The 2024 cause of concern</h3>
<p>Cause of concern (2024): The force does not investigate crime effectively, and too many
victims do not get the outcome they deserve.</p>
<h4>Recommendation 1 (2024)</h4>
<p>Within six months, the force should make sure that all investigations are allocated to
officers with the right skills.</p>
<p>Progress: Met.</p>
<h4>Recommendation 2 (2024)</h4>
<p>Within six months, the force should make sure that supervisors review investigations at
regular intervals.</p>
<p>Progress: Partially met.</p>
<h4>Recommendation 3 (2024)</h4>
<p>Within twelve months, the force should make sure that victims are updated in line with
the Code of Practice for Victims of Crime.</p>
<p>Progress: Met.</p>
<h3>Conclusion</h3>
<p>The force has made enough progress for us to close the cause of concern. However, we have
identified two areas for improvement.</p>
<h4>Area for improvement 1</h4>
<p>Cleveland Police should make sure that supervisory reviews of investigations set clear
actions and that those actions are completed.</p>
<h4>Area for improvement 2</h4>
<p>Cleveland Police should make sure it uses all suitable outcomes, including out-of-court
resolutions, when they are in the victim’s interest.</p>
""",
    pdf_file="cleveland-police-revisit-cause-of-concern-2025.pdf",
    running_head="Cleveland Police: revisit letter",
    expected=E(afi=2),
    why="PDF only. The 2024 cause of concern and its 3 recommendations are reviewed with "
        "progress statuses (not made); 2 new AFIs.",
)

# ---------------------------------------------------------------------------------------
# P12 Fire misconduct thematic: PDF only, numbered list, 4 recs, 0 cc.
# ---------------------------------------------------------------------------------------
P12 = Pub(
    slug="fire-and-rescue-services-handling-of-misconduct",
    title="Standards of behaviour: how fire and rescue services handle misconduct",
    type="Thematic inspection",
    published=date(2025, 4, 24), post_id=3960,
    teaser="Our thematic inspection of misconduct handling in fire and rescue services.",
    summary="""<p class="lead">We inspected how fire and rescue services in England deal with
misconduct by their staff.</p>""",
    area_label="Fire and rescue service", area_value="All fire and rescue services in England",
    pdf_body="""
<h3>Foreword</h3>
<p>Too many staff told us they would not report misconduct because they did not trust the
process. We make four recommendations.</p>
<h3>Summary</h3>
<p>Services had policies in place but applied them inconsistently.</p>
<h3>Recommendations</h3>
<ol>
<li>By 1 June 2026, chief fire officers should make sure that every allegation of misconduct
is recorded centrally and that the outcome is reviewed by someone independent of the
original decision-maker.</li>
<li>The Home Office should introduce a statutory code of ethics for fire and rescue services,
with a duty on services to have regard to it.</li>
<li>The National Fire Chiefs Council should develop a national barred list for staff
dismissed for gross misconduct.</li>
<li>Fire and rescue authorities should make sure they receive regular information about
misconduct cases and their outcomes.</li>
</ol>
<h3>1. Reporting misconduct</h3>
<p>Staff in 7 of the 10 services we visited said that reporting misconduct would harm their
career.</p>
<h3>2. Investigations</h3>
<p>Investigations often took more than a year.</p>
""",
    pdf_file="fire-and-rescue-services-handling-of-misconduct.pdf",
    running_head="Standards of behaviour in fire and rescue services",
    expected=E(r=4, cc=0),
    why="PDF only. Chief fire officers, Home Office, NFCC, fire and rescue authorities: none "
        "are chief constables.",
)

# ---------------------------------------------------------------------------------------
# P13 Digital forensics: <ol> summary list of recs, repeated in chapters; footnotes.
# ---------------------------------------------------------------------------------------
_P13 = [
    "By 31 March 2026, the Home Office, supported by the NPCC, should set up a national "
    "framework for commissioning digital forensic services.",
    "The NPCC lead for digital forensics should:<br>(a) publish a national digital forensics "
    "strategy; and<br>(b) report each year on how forces are meeting it.",
    "All chief constables and the NPCC lead for digital forensics should make sure that "
    "backlogs of devices awaiting examination are reduced to fewer than three months’ work by "
    "31 December 2026.",
    "The Forensic Science Regulator should publish guidance on the accreditation of "
    "self-service kiosks used to extract data from mobile phones.",
]
P13 = Pub(
    slug="police-use-of-digital-forensics-2025",
    title="Digital forensics: An inspection of how the police examine digital devices",
    type="Thematic inspection",
    published=date(2025, 6, 26), post_id=4008,
    teaser="How effectively the police examine phones, computers and other digital devices.",
    summary="""<p class="lead">We inspected how efficiently and effectively the police examine
digital devices.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body=f"""
<h3 id="summary">Summary</h3>
<p>Nearly every investigation now involves digital evidence.<sup><a href="#fn1">1</a></sup>
Yet many forces have large backlogs. We make four recommendations:</p>
<ol>
{''.join(f'<li>{t}</li>' for t in _P13)}
</ol>

<h3 id="national">National arrangements</h3>
<p>There is no national framework for buying digital forensic services.</p>
<p><b>Recommendation 1</b></p>
<p>{_P13[0]}</p>
<p><b>Recommendation 2</b></p>
<p>{_P13[1]}</p>

<h3 id="backlogs">Backlogs</h3>
<p>Across the forces we inspected, more than 25,000 devices were waiting to be examined.</p>
<p><b>Recommendation 3</b></p>
<p>{_P13[2]}</p>

<h3 id="quality">Quality standards</h3>
<p>The Forensic Science Regulator’s code<sup><a href="#fn2">2</a></sup> applies to digital
forensics.</p>
<p><b>Recommendation 4</b></p>
<p>{_P13[3]}</p>
<div class="footnotes"><hr><ol>
<li id="fn1">A 2023 estimate put this at over 90&nbsp;percent of recorded crime.</li>
<li id="fn2">The code says that forces should be accredited for each method they use.</li>
</ol></div>
""",
    expected=E(r=4, cc=1),
    why="4 recs in summary list, each repeated in its chapter (once). Rec 1 Home Office "
        "supported by NPCC (not cc); Rec 2 NPCC lead (a)(b); Rec 3 all chief constables and "
        "the NPCC lead (cc); Rec 4 FSR. Footnote 'forces should be accredited' is not a finding.",
)

# ---------------------------------------------------------------------------------------
# P14 Met counter-corruption: force-specific, 4 recs (3 to the force), 2 AFIs.
# ---------------------------------------------------------------------------------------
P14 = Pub(
    slug="metropolitan-police-service-counter-corruption-inspection",
    title="An inspection of the Metropolitan Police Service’s counter-corruption arrangements",
    type="Force inspection",
    published=date(2025, 8, 7), post_id=4055,
    teaser="How well the Metropolitan Police Service prevents and investigates corruption.",
    summary="""<p class="lead">We inspected the Metropolitan Police Service’s arrangements for
preventing, identifying and investigating corruption.</p>""",
    area_label="Police force", area_value="Metropolitan Police Service",
    forces=["Metropolitan Police Service"],
    html_body="""
<h3 id="summary">Summary</h3>
<p>The force has invested in its counter-corruption unit, but it still does not fully
understand the threat it faces. We make four recommendations and identify two areas for
improvement.</p>

<h3 id="understanding">Understanding the threat</h3>
<p>Recommendation 1: By 30 April 2026, the Metropolitan Police Service should complete a
counter-corruption strategic threat assessment and update it every year.</p>
<p>Recommendation 2: The force should make sure it can monitor all of its IT systems for
misuse.</p>

<h3 id="vetting">Vetting</h3>
<p>Recommendation 3: By 31 July 2026, the Metropolitan Police Service should review the vetting
status of all officers and staff whose vetting has lapsed.</p>
<p><strong>Area for improvement 1</strong></p>
<p>The force should make sure that vetting decisions are recorded with a clear rationale.</p>

<h3 id="oversight">Governance and oversight</h3>
<p>Recommendation 4: The Mayor’s Office for Policing and Crime should strengthen its
oversight of the force’s counter-corruption work.</p>
<p><strong>Area for improvement 2</strong></p>
<p>The force should improve how it tells its workforce about the outcomes of corruption
investigations.</p>
""",
    expected=E(r=4, cc=3, afi=2),
    why="Recs 1-3 addressed to the force (MPS / 'the force') -> cc; Rec 4 MOPAC (a PCC "
        "equivalent) -> not. 2 AFIs.",
)

# ---------------------------------------------------------------------------------------
# P15 Online child sexual abuse: national CoC in a shaded table with 2 recs (one with a
#     bulleted list), plus one more rec.
# ---------------------------------------------------------------------------------------
P15 = Pub(
    slug="police-response-to-online-child-sexual-abuse-2025",
    title="An inspection of the police response to online child sexual abuse",
    type="Thematic inspection",
    published=date(2025, 11, 27), post_id=4333,
    teaser="How well the police respond to referrals about online child sexual abuse.",
    summary="""<p class="lead">We inspected how quickly and effectively forces act on referrals
about online child sexual abuse.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body="""
<h3 id="summary">Summary</h3>
<p>Forces receive thousands of referrals about online child sexual abuse each year. Too many
wait weeks before anyone acts on them.</p>

<h3 id="referrals">Acting on referrals</h3>
<table class="box concern" bgcolor="#f3e4e4" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Cause of concern</b></p>
<p>Forces do not assess the risk from online child sexual abuse referrals quickly enough.
Children remain at risk while referrals wait.</p>
<p><b>Recommendations</b></p>
<p>By 30 June 2026, chief constables should:</p>
<ul>
<li>make sure every referral is risk-assessed within 24 hours of receipt;</li>
<li>keep a record of the time taken to act on each referral; and</li>
<li>report these times to their police and crime commissioner every quarter.</li>
</ul>
<p>By 31 March 2026, the College of Policing should publish a national risk-assessment tool
for online child sexual abuse referrals.</p>
</td></tr></table>
<p>In one force the oldest referral had waited 94 days.</p>

<h3 id="support">Support for investigators</h3>
<p>Investigators view large volumes of indecent images, and their welfare needs attention.</p>
<p><b>Recommendation 3</b></p>
<p>Police and crime commissioners should make sure that forces in their area have enough
funding for psychological screening of staff who view indecent images.</p>
""",
    expected=E(r=3, cc=1, coc=1),
    why="CoC (shaded table) followed by 2 unnumbered recs: chief constables with 3 bullets "
        "(one rec, cc) and College of Policing; then Recommendation 3 to PCCs (not cc).",
)

# ---------------------------------------------------------------------------------------
# P16 Kent custody, joint with HM Inspectorate of Prisons: CoC + 1 rec, 6 AFIs, all
#     repeated in a closing summary section.
# ---------------------------------------------------------------------------------------
_P16_AFI = [
    "The force should make sure that detainees’ risk assessments are reviewed at every shift "
    "change.",
    "The force should make sure that detainees can see a health professional promptly.",
    "The force should make sure that the use of force in custody is recorded and scrutinised.",
    "The force should make sure that detainees’ clothing is removed only when it is "
    "necessary and proportionate to do so.",
    "The force should improve the cleanliness of its cells.",
    "The force should make sure that children are not held in custody overnight unless it is "
    "unavoidable.",
]
_P16_COC = ("Detainees at risk of self-harm were not always observed at the frequency "
            "their care plan required. This puts detainees at serious risk.")
_P16_REC = ("The force and the police and crime commissioner should make sure that every "
            "detainee is observed at the frequency set out in their care plan, and that "
            "observations are recorded accurately.")
P16 = Pub(
    slug="kent-police-custody-inspection-2025",
    title="Report on an unannounced inspection visit to police custody suites in Kent",
    type="Custody inspection",
    published=date(2025, 8, 21), post_id=4070,
    teaser="A joint inspection with HM Inspectorate of Prisons of custody in Kent.",
    summary="""<p class="lead">HM Inspectorate of Prisons and HMICFRS made an unannounced visit to
police custody suites in Kent.</p>""",
    area_label="Police force", area_value="Kent Police",
    forces=["Kent Police"],
    joint_with=["HM Inspectorate of Prisons"],
    html_body=f"""
<h3 id="introduction">Introduction</h3>
<p>This report describes our findings following an unannounced inspection of the three
custody suites in Kent. We identified one cause of concern and six areas for
improvement.</p>

<h3 id="leadership">1. Leadership, accountability and partnerships</h3>
<p>1.1 The force had a clear governance structure for custody.</p>
<h5>Areas for improvement</h5>
<ol>
<li>{_P16_AFI[0]}</li>
</ol>

<h3 id="pre-custody">2. Pre-custody: first point of contact</h3>
<p>2.1 Officers generally considered alternatives to custody.</p>

<h3 id="in-custody">3. In the custody suite</h3>
<p>3.1 Detainees were generally treated with respect.</p>
<table class="box concern" bgcolor="#f3e4e4" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Cause of concern and recommendation</b></p>
<p>3.2 {_P16_COC}</p>
<p><b>Recommendation:</b> {_P16_REC}</p>
</td></tr></table>
<h5>Areas for improvement</h5>
<ol>
<li>{_P16_AFI[1]}</li>
<li>{_P16_AFI[2]}</li>
<li>{_P16_AFI[3]}</li>
<li>{_P16_AFI[4]}</li>
<li>{_P16_AFI[5]}</li>
</ol>

<h3 id="summary-findings">4. Summary of cause of concern, recommendation and areas for improvement</h3>
<p><b>Cause of concern and recommendation</b></p>
<p>4.1 {_P16_COC}</p>
<p>Recommendation: {_P16_REC}</p>
<p><b>Areas for improvement</b></p>
{''.join(f'<p>4.{i} {t}</p>' for i, t in enumerate(_P16_AFI, 2))}

<h3 id="appendix">Appendix I: Inspection team</h3>
<p>The inspection was carried out by a team from both inspectorates.</p>
""",
    expected=E(r=1, cc=1, afi=6, coc=1),
    why="CoC with 1 rec 'The force and the PCC should' (force among actors -> cc); 6 AFIs "
        "across sections 1 and 3; section 4 repeats all of them (counted once).",
)

# ---------------------------------------------------------------------------------------
# P17 Super-complaint, joint with College of Policing and IOPC: h4 'Recommendation N'.
# ---------------------------------------------------------------------------------------
P17 = Pub(
    slug="super-complaint-police-response-to-victims-of-fraud",
    title="Failing victims of fraud: report on the super-complaint by a consumer charity",
    type="Super-complaint",
    published=date(2025, 12, 4), post_id=4350,
    teaser="Our investigation, with the College of Policing and the IOPC, of a super-complaint about fraud.",
    summary="""<p class="lead">HMICFRS, the College of Policing and the Independent Office for
Police Conduct investigated a super-complaint about how the police treat fraud victims.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    joint_with=["College of Policing", "Independent Office for Police Conduct"],
    html_body="""
<h3 id="summary">Summary</h3>
<p>We found that the super-complaint was justified in part. We make five recommendations.</p>

<h3 id="findings">Our findings</h3>
<p>Fraud victims were often told by call handlers that the police “don’t deal with that”.</p>

<h3 id="recommendations">Recommendations</h3>
<h4>Recommendation 1</h4>
<p>By 31 December 2025, all chief constables should make sure that call handlers give fraud
victims accurate advice on where to report.</p>
<h4>Recommendation 2</h4>
<p>Chief constables should make sure that vulnerable fraud victims are referred to local
victim support services.</p>
<h4>Recommendation 3</h4>
<p>The NPCC lead for economic crime should publish data on outcomes for fraud victims.</p>
<h4>Recommendation 4</h4>
<p>The Home Office should make sure that the new national fraud reporting service shares
reports with forces within 24 hours.</p>
<h4>Recommendation 5</h4>
<p>The College of Policing should develop a learning programme on fraud for call
handlers.</p>
""",
    expected=E(r=5, cc=2),
    why="Recs 1-2 chief constables (cc); 3 NPCC lead, 4 Home Office, 5 College.",
)

# ---------------------------------------------------------------------------------------
# P18 Stop and search: 3 recs in a shaded table, 1 cc; prose about an earlier rec;
#     a footnote with 'should'.
# ---------------------------------------------------------------------------------------
P18 = Pub(
    slug="disproportionate-use-of-stop-and-search-2025",
    title="Disproportionate use of police powers: stop and search revisited",
    type="Thematic inspection",
    published=date(2025, 9, 4), post_id=4090,
    teaser="We revisited our work on disproportionality in stop and search.",
    summary="""<p class="lead">We looked again at how forces use stop and search, and whether they
understand disproportionality.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body="""
<h3 id="summary">Summary</h3>
<p>Black people are still far more likely to be stopped and searched than white people.
Recommendation 1 of our 2021 report has still not been implemented by most forces. In this
report we make three recommendations.</p>

<h3 id="scrutiny">External scrutiny</h3>
<p>Community scrutiny panels<sup>1</sup> were in place in every force we visited.</p>

<h3 id="recommendations">Recommendations</h3>
<table class="box recs" bgcolor="#eef3f8" width="100%" border="0" cellpadding="10"><tr><td>
<p><b>Recommendation 1</b> Forces should make sure that every stop and search is recorded on
body-worn video, and that supervisors review a sample of recordings each month.</p>
<p><b>Recommendation 2</b> The NPCC lead for stop and search should publish national
guidance on the meaning of “reasonable grounds”.</p>
<p><b>Recommendation 3</b> Police and crime commissioners should make sure that community
scrutiny panels receive the data they need.</p>
</td></tr></table>
<div class="footnotes"><hr><p><sup>1</sup> Home Office guidance says panels should include
young people.</p></div>
""",
    expected=E(r=3, cc=1),
    why="Rec 1 forces (cc); Rec 2 NPCC lead; Rec 3 PCCs. '2021 recommendation not implemented' "
        "and the footnote 'panels should' are not findings.",
)

# ---------------------------------------------------------------------------------------
# P19, P20 corporate documents: no findings.
# ---------------------------------------------------------------------------------------
P19 = Pub(
    slug="hmicfrs-business-plan-2025-26",
    title="HMICFRS business plan 2025–26",
    type="Corporate document",
    published=date(2025, 5, 8), post_id=3975,
    teaser="Our business plan for 2025–26.",
    summary="""<p class="lead">Our priorities and budget for the year.</p>""",
    html_body="""
<h3 id="introduction">Introduction</h3>
<p>This plan sets out what we will do in 2025–26 and how we will use our resources.</p>
<h3 id="priorities">Our priorities</h3>
<ul>
<li>Complete the PEEL 2025 programme.</li>
<li>Inspect every fire and rescue service in England.</li>
<li>Track the implementation of our recommendations and areas for improvement.</li>
</ul>
<p>In 2024–25, forces told us they had completed 61&nbsp;percent of the recommendations we
made to them in 2022 and 2023.</p>
<h3 id="budget">Our budget</h3>
<p>Our budget for 2025–26 is £34.2&nbsp;million.</p>
""",
    expected=E(),
    why="Corporate document: no findings; mentions of recommendations are prose.",
)

P20 = Pub(
    slug="police-inspection-programme-and-framework-2025-26",
    title="Police inspection programme and framework 2025/26",
    type="Corporate document",
    published=date(2025, 4, 3), post_id=3940,
    teaser="Our inspection programme and framework for policing in 2025/26.",
    summary="""<p class="lead">The inspections we plan to carry out in 2025/26, as approved by the
Home Secretary.</p>""",
    area_label=ALL_FORCES[0], area_value=ALL_FORCES[1],
    html_body="""
<h3 id="programme">The programme</h3>
<p>We will carry out PEEL inspections of all forces, four national thematic inspections and
joint inspections with other criminal justice inspectorates.</p>
<h3 id="findings">How we report</h3>
<p>When we find a serious problem we may identify a cause of concern, which will always be
accompanied by one or more recommendations. Less serious findings are reported as areas for
improvement.</p>
<p>Forces should refer to the PEEL assessment framework for the characteristics of good
performance against which they will be graded.</p>
<h3 id="monitoring">Monitoring</h3>
<p>We will continue to monitor progress against recommendations through our online
monitoring portal.</p>
""",
    expected=E(),
    why="Corporate document: describes how findings are made; 'Forces should refer to' is "
        "guidance, not a finding.",
)

PUBLICATIONS: list[Pub] = [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15,
                           P16, P17, P18, P19, P20]

#: The committee-paper trio: slug -> exact expected counts.
TRIO = {
    P5.slug: P5.expected,
    P6.slug: P6.expected,
    P3.slug: P3.expected,
}
