"""The held-out site's publications: prose written for this test, with expected counts.

Each `Pub` carries the counts a careful liaison officer applying the Counting rules in
the site model (docs/counting-rules.md) would record:

    recommendations, recommendations_to_chief_constables, areas_for_improvement,
    causes_of_concern

The bodies are HTML fragments in this theme's markup (GOV.UK-like "govspeak" content).
The PDF of a report is rendered from the same fragment (see theme.py), so a report
published as both HTML and PDF has the same findings in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ALL_POLICE = "All police forces in England and Wales"
ALL_FIRE = "All fire and rescue services in England"

HMICFRS = "HMICFRS"
PROBATION = "HM Inspectorate of Probation"
CPSI = "HM Crown Prosecution Service Inspectorate"


@dataclass
class Pub:
    slug: str
    title: str
    published: date
    type: str
    applies_to: list[str]  # force / service names, or [ALL_POLICE] / [ALL_FIRE]
    summary: str
    body: str  # report content (HTML fragment)
    expected: dict
    html: bool = True  # an online HTML version at /publication-html/<slug>/
    pdf: str | None = None  # PDF file name on the asset host
    pdf_pages_hint: int = 0
    from_: list[str] = field(default_factory=lambda: [HMICFRS])
    last_updated: date | None = None
    services: list[str] = field(default_factory=list)  # fire and rescue services named

    @property
    def forces(self) -> list[str]:
        """Police forces named (empty = all forces / not a police force report)."""
        if self.applies_to in ([ALL_POLICE], [ALL_FIRE]) or self.services:
            return []
        return list(self.applies_to)

    @property
    def is_trio(self) -> bool:
        return self.slug in TRIO


def counts(rec=0, cc=0, afi=0, coc=0) -> dict:
    return {
        "recommendations": rec,
        "recommendations_to_chief_constables": cc,
        "areas_for_improvement": afi,
        "causes_of_concern": coc,
    }


# --- markup helpers (this theme's own class names)

def callout(label: str, title: str | None, *paras: str, variant: str = "afi") -> str:
    t = f'<p class="callout__title"><strong>{title}</strong></p>' if title else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<div class="callout callout--{variant}" role="note">'
            f'<p class="callout__label">{label}</p>{t}{body}</div>')


def practice(title: str, text: str, kind: str = "Promising practice") -> str:
    return (f'<aside class="practice-box"><h4 class="practice-box__kind">{kind}</h4>'
            f'<p class="practice-box__title">{title}</p><p>{text}</p></aside>')


def grade(area: str, judgment: str) -> str:
    return (f'<div class="judgment"><span class="judgment__area">{area}</span> '
            f'<span class="judgment__grade judgment__grade--{judgment.lower().replace(" ", "-")}">'
            f"{judgment}</span></div>")


def ol(items: list[str], cls: str = "recommendation-list") -> str:
    return f'<ol class="{cls}">' + "".join(f"<li>{i}</li>" for i in items) + "</ol>"


def ul(items: list[str], cls: str = "govuk-list govuk-list--bullet") -> str:
    return f'<ul class="{cls}">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def parts(lead: str, items: list[str]) -> str:
    """A recommendation with lettered parts (one recommendation)."""
    lis = "".join(f"<li>{i}</li>" for i in items)
    return f'{lead}<ol class="sub-parts" type="a">{lis}</ol>'


# =====================================================================================
# 1. Joint inspection with HM Inspectorate of Probation: 18 recommendations, 1 to CCs
# =====================================================================================

_DIV = [
    # 1
    "By 30 June 2026, the Home Office, working with chief constables, should publish a "
    "single national framework for out-of-court resolutions for children, setting out "
    "who may authorise them and what information must be shared with youth justice services.",
    # 2
    "By 30 June 2026, the Ministry of Justice and the Youth Justice Board should agree "
    "one definition of a diversion outcome so that every area counts the same things.",
    # 3
    "By 31 March 2026, the Youth Justice Board should give youth justice services a "
    "standard template for assessing a child who has been offered a diversionary outcome.",
    # 4
    "By 31 March 2026, the National Police Chiefs' Council lead for children and young "
    "people should issue guidance on when a referral to a joint decision-making panel is required.",
    # 5
    "By 30 September 2026, the College of Policing, in consultation with chief constables, "
    "should include the assessment of children's needs and vulnerabilities in the "
    "authorised professional practice for investigation.",
    # 6
    "By 31 March 2026, chief constables should make sure that every decision to divert a "
    "child is recorded with the reasons for it and is shared with the youth justice service "
    "within five working days.",
    # 7
    "By 31 March 2026, police and crime commissioners should review whether the diversion "
    "schemes they fund are reaching the children who most need them.",
    # 8
    "By 30 June 2026, youth justice service managers should make sure that "
    "practitioners see each diverted child in person before an intervention plan is agreed.",
    # 9
    "By 30 June 2026, local authority chief executives should make sure that children's "
    "social care is represented at every joint decision-making panel.",
    # 10
    "By 31 December 2026, the Home Office should collect and publish data on diversion "
    "outcomes broken down by age, sex and ethnicity.",
    # 11
    "By 30 September 2026, the Youth Justice Board, supported by the NPCC lead for "
    "children and young people, should evaluate which diversion models reduce reoffending.",
    # 12
    "By 31 March 2026, the Crown Prosecution Service should remind prosecutors to "
    "consider whether a diversionary outcome has been offered before authorising a charge.",
    # 13
    "By 30 June 2026, the Ministry of Justice should fund an independent review of how "
    "diversion decisions affect children from minority ethnic backgrounds.",
    # 14
    "By 31 March 2026, probation regional directors should make sure that a child "
    "turning 18 during a diversionary intervention has a planned handover.",
    # 15
    "By 30 June 2026, the Department for Education should issue guidance to schools on "
    "sharing information with youth justice services about children being considered for diversion.",
    # 16
    "By 30 September 2026, youth justice management boards should receive a quarterly "
    "report on the quality of diversion decisions in their area.",
    # 17
    "By 31 December 2026, NHS England should make sure that every child referred for "
    "diversion is offered a speech, language and communication screening.",
]
_DIV18 = parts(
    "By 31 March 2027, the Youth Justice Board and the NPCC lead for children and young "
    "people should jointly:",
    [
        "develop a quality assurance tool for diversion decisions;",
        "test the tool in at least three areas; and",
        "publish the results of the test and a timetable for national use.",
    ],
)

_DIV_BODY = f"""
<h2 id="foreword">Foreword</h2>
<p>This is a joint inspection by HMICFRS and HM Inspectorate of Probation. We looked at
how well police forces and youth justice services work together to steer children away
from the criminal justice system when that is the right thing to do.</p>
<p>Diverting a child is not a soft option. Done well, it deals with the harm caused and
reduces the chance that the child will offend again. Done badly, it leaves children
without help and victims without a say.</p>
<h2 id="summary">Summary</h2>
<p>We inspected six areas. In each we examined case files, observed joint
decision-making panels and spoke to children, parents, officers and practitioners.</p>
<p>We found committed staff but no shared understanding of what diversion is for. Data
is poor. In 2018 we recommended that forces adopt a consistent approach to recording
out-of-court disposals for children; that recommendation has still not been fully
implemented, and we return to it in this report.</p>
<p>We make 18 recommendations. They are addressed to the Home Office, the Ministry of
Justice, the Youth Justice Board, the National Police Chiefs' Council, the College of
Policing, chief constables, police and crime commissioners and others.</p>
<h2 id="recommendations">Recommendations</h2>
<ol class="recommendation-list">
{''.join(f'<li><p>{r}</p></li>' for r in _DIV)}
<li>{_DIV18}</li>
</ol>
<h2 id="chapter-1">1. Deciding whether to divert a child</h2>
<p>Officers told us they were unsure which outcomes they could offer. Force policies
differed on whether a child needed to admit the offence. Guidance says that a child
should be told, in language they can understand, what a diversionary outcome means;
in a third of the cases we examined there was no record that this had happened.</p>
<p>Decisions were often recorded in free text that youth justice services could not see.</p>
<div class="rec-in-chapter">
<h4>Recommendation 1</h4><p>{_DIV[0]}</p>
<h4>Recommendation 6</h4><p>{_DIV[5]}</p>
</div>
<h2 id="chapter-2">2. Joint decision-making panels</h2>
<p>Panels worked best where children's social care, health and education attended. In
two areas, panels met without anyone from children's social care for months at a time.</p>
<div class="rec-in-chapter">
<h4>Recommendation 4</h4><p>{_DIV[3]}</p>
<h4>Recommendation 9</h4><p>{_DIV[8]}</p>
</div>
<h2 id="chapter-3">3. Assessment and intervention</h2>
<p>Practitioners assessed most children well but did not always see them in person.
Speech and language needs were identified late, if at all.</p>
<div class="rec-in-chapter">
<h4>Recommendation 8</h4><p>{_DIV[7]}</p>
<h4>Recommendation 17</h4><p>{_DIV[16]}</p>
</div>
<h2 id="chapter-4">4. Oversight, data and quality</h2>
<p>No area could tell us how many children it had diverted in the last year with any
confidence. Without that information, leaders cannot know whether diversion works.</p>
<div class="rec-in-chapter">
<h4>Recommendation 10</h4><p>{_DIV[9]}</p>
<h4>Recommendation 18</h4><div class="rec-text">{_DIV18}</div>
</div>
<h2 id="annex-a">Annex A: Methodology</h2>
<p>We examined 240 case files across six youth justice services and the police forces
that serve them. Our earlier work is available at
<a href="https://www.justiceinspectorates.gov.uk/hmicfrs/publications/out-of-court-disposals-2018/">our
2018 report</a>.</p>
"""

# =====================================================================================
# 2. Progress report (GBCSE): reviews 9 recommendations + 1 AFI from 2023; 6 new, 4 to CCs
# =====================================================================================

_OLD_2023 = [
    ("By 31 October 2023, chief constables should make sure that intelligence about "
     "group-based child sexual exploitation is recorded on a searchable system.", "Partially complete"),
    ("By 31 October 2023, the Home Office should fund a national analytical capability "
     "for group-based exploitation.", "Complete"),
    ("By 31 December 2023, chief constables should appoint a senior officer responsible "
     "for the force's response to child sexual exploitation.", "Complete"),
    ("By 31 December 2023, the NPCC lead for child protection should publish a national "
     "problem profile.", "Complete"),
    ("By 31 March 2024, the College of Policing should update its training for "
     "investigators of child sexual exploitation.", "Partially complete"),
    ("By 31 March 2024, forces should make sure that victims are kept informed at every "
     "stage of an investigation.", "Incomplete"),
    ("By 31 March 2024, police and crime commissioners should commission specialist "
     "support services for victims of exploitation.", "Partially complete"),
    ("By 30 June 2024, chief constables should make sure that disruption tactics are "
     "recorded and their effect reviewed.", "Incomplete"),
    ("By 30 June 2024, the Home Office should publish guidance on the use of civil "
     "orders against suspected perpetrators.", "Complete"),
]

_GB_NEW = [
    "By 31 March 2026, chief constables should make sure that every report of group-based "
    "child sexual exploitation is reviewed by a specialist team within 24 hours.",
    "By 31 March 2026, all chief constables and the NPCC lead for child protection should "
    "agree a common set of performance measures for exploitation investigations.",
    "By 30 June 2026, chief constables and police and crime commissioners should make sure "
    "that victims can get specialist support for as long as they need it.",
    "By 30 June 2026, forces should record the ethnicity of suspects and victims in every "
    "exploitation investigation, using the national categories.",
    "By 30 September 2026, the Home Office, working with chief constables, should establish "
    "a national unit to support the most complex exploitation investigations.",
    "By 30 September 2026, the College of Policing, in consultation with the NPCC lead for "
    "child protection, should publish guidance on identifying networks of offenders.",
]

_gb_review = "".join(
    f'<h3 id="old-{i}">Recommendation {i} (2023)</h3>'
    f'<blockquote class="quoted-finding"><p>{text}</p></blockquote>'
    f'<p class="finding-status"><strong>Status:</strong> {status}</p>'
    f"<p>We found that {['some', 'most', 'all', 'few'][i % 4]} forces had acted on this. "
    f"{'More work is needed.' if status != 'Complete' else 'We consider it complete.'}</p>"
    for i, (text, status) in enumerate(_OLD_2023, start=1)
)

_GB_BODY = f"""
<h2 id="foreword">Foreword</h2>
<p>In 2023 we published our inspection of the police and law enforcement response to
group-based child sexual exploitation. We made nine recommendations and one area for
improvement. This report sets out the progress made since then.</p>
<h2 id="summary">Summary</h2>
<p>Progress has been uneven. Four of the nine recommendations are complete. Our 2023
recommendation about keeping victims informed remains outstanding, and so does the one
about recording disruption tactics.</p>
<p>We make six new recommendations to build on the progress made.</p>
<h2 id="progress">Progress against our 2023 recommendations</h2>
{_gb_review}
<h3 id="old-afi">Area for improvement (2023)</h3>
<blockquote class="quoted-finding"><p>Forces should improve how they share information
about exploitation with local authorities.</p></blockquote>
<p class="finding-status"><strong>Status:</strong> Complete</p>
<p>Information-sharing agreements are now in place in every force we visited.</p>
<h2 id="new-recommendations">Our new recommendations</h2>
<p>We make six new recommendations.</p>
{''.join(f'<h3 class="rec-heading">Recommendation {i}</h3><p>{t}</p>' for i, t in enumerate(_GB_NEW, 1))}
<h2 id="annex">Annex A: About the data</h2>
<p>Forces provided data for the period 1 April 2024 to 31 March 2025.</p>
"""

# =====================================================================================
# 3. West Midlands Police national child protection inspection: 7 AFIs, no recommendations
# =====================================================================================

_WM_AFIS = [
    ("The force needs to improve how it assesses risk when a child is reported missing",
     "The force should make sure that officers complete a risk assessment using all the "
     "information available, including previous missing episodes."),
    ("The force needs to improve the quality of its referrals to children's social care",
     "The force should make sure that referrals explain what has happened to the child and "
     "why officers are worried."),
    ("The force needs to improve how it records the voice of the child",
     "The force should make sure that officers record what children say and how they appear, "
     "in the child's own words where possible."),
    ("The force needs to improve supervision of child abuse investigations",
     "The force should make sure that supervisors review investigations regularly and set "
     "clear actions."),
    ("The force needs to improve how it uses police protection powers",
     "The force should make sure that officers use police protection powers only when "
     "necessary and that the designated officer reviews each case promptly."),
    ("The force needs to improve how it manages registered sex offenders who use the internet",
     "The force should make sure that it has enough trained staff to examine the devices "
     "of registered sex offenders."),
    ("The force needs to improve the information it gives to multi-agency child protection meetings",
     "The force should make sure that an officer with knowledge of the case attends, or "
     "provides a written update to, every initial child protection conference."),
]

_wm_afi = [callout("Area for improvement", t, s) for t, s in _WM_AFIS]

_WM_BODY = f"""
<h2 id="introduction">Introduction</h2>
<p>This inspection is part of our national child protection inspection programme. We
examined how West Midlands Police protects children who are at risk of harm.</p>
<p>In our 2022 inspection of the force we made a recommendation about its handling of
children in custody. That recommendation remains outstanding and we will follow it up
separately.</p>
<h2 id="summary">Summary of findings</h2>
<p>The force is committed to protecting children and has improved since our last visit.
But we found weaknesses in how it assesses risk and how it works with other agencies.</p>
<p>We have identified seven areas for improvement:</p>
{ul([t for t, _ in _WM_AFIS], cls="summary-afi-list")}
<h2 id="leadership">Leadership and management</h2>
<p>Senior leaders prioritise child protection. The force's child-centred policing
strategy is well understood by staff.</p>
{practice("A single point of contact for schools", "The force has a named officer for every secondary school who shares concerns with the designated safeguarding lead the same day.")}
<h2 id="initial-contact">Initial contact</h2>
<p>Call handlers generally identified children at risk. Force policy says officers
should attend within an hour when a child under 12 is missing; they did so in most cases.</p>
{_wm_afi[0]}
<h2 id="assessment">Assessment and help</h2>
<p>Officers often recognised harm but their referrals did not always explain it.</p>
{_wm_afi[1]}
{_wm_afi[2]}
<h2 id="investigation">Investigation</h2>
<p>Investigations were thorough in the specialist teams but less so on local policing areas.</p>
{_wm_afi[3]}
<h2 id="decisions">Decision-making</h2>
{_wm_afi[4]}
<h2 id="risk">Managing those who pose a risk to children</h2>
{_wm_afi[5]}
<h2 id="partnership">Working with others</h2>
{_wm_afi[6]}
<h2 id="next-steps">Next steps</h2>
<p>We expect the force to produce an action plan within six weeks. We will monitor its
progress through our usual monitoring arrangements.</p>
"""

# =====================================================================================
# 4. Cumbria PEEL 2025 (HTML + PDF): 1 cause of concern + 1 recommendation (a "should:" sentence and its two bullets, docs/counting-rules.md R3), 5 AFIs
# =====================================================================================

_CUMBRIA_BODY = f"""
<h2 id="overview">Overview of judgments</h2>
<p>Our judgments for Cumbria Constabulary are:</p>
{grade("Police powers and public treatment", "Adequate")}
{grade("Preventing crime", "Good")}
{grade("Responding to the public", "Inadequate")}
{grade("Investigating crime", "Requires improvement")}
{grade("Protecting vulnerable people", "Adequate")}
{grade("Leadership and force management", "Requires improvement")}
<h2 id="his-majestys-inspectors-observations">HM Inspector's observations</h2>
<p>I have concerns about how the force answers and responds to calls for service from
the public. I have set out a cause of concern below. I have also identified five areas
where the force needs to improve.</p>
<h2 id="responding">Responding to the public</h2>
{callout("Cause of concern", "The force is not answering and responding to emergency and non-emergency calls quickly enough",
         "Too many callers abandon their calls. When calls are answered, the force does not always assess the risk to the caller, and it takes too long to attend incidents graded as requiring an emergency response.",
         variant="concern")}
<div class="concern-recommendations">
<h4>Recommendations</h4>
<p>Within six months, the force should:</p>
<ul>
<li>make sure that it answers emergency calls within ten seconds and non-emergency calls within the time set by its own service standard; and</li>
<li>make sure that its call handlers use a structured risk assessment for every call, and that supervisors check the quality of those assessments.</li>
</ul>
</div>
{callout("Area for improvement", "The force needs to improve how it records equality data",
         "The force should make sure that officers record the ethnicity of people they stop and search in every case.")}
<h2 id="investigating">Investigating crime</h2>
<p>Investigations are not always allocated to officers with the right skills.
The force's investigation policy states that supervisors should review every
investigation within seven days; we found this happened in fewer than half of cases.</p>
{callout("Area for improvement", "The force needs to improve the supervision of investigations",
         "The force should make sure that supervisors review investigations promptly and record clear actions.")}
{callout("Area for improvement", "The force needs to improve how it keeps victims informed",
         "The force should make sure that it complies with the Code of Practice for Victims of Crime.")}
<h2 id="vulnerable">Protecting vulnerable people</h2>
{callout("Area for improvement", "The force needs to improve its use of domestic violence protection orders",
         "The force should make sure that officers consider applying for an order in every eligible case.")}
{practice("Rural community safety", "The force works with farming groups to tackle rural crime and share information with isolated communities.", "Innovative practice")}
<h2 id="leadership">Leadership and force management</h2>
{callout("Area for improvement", "The force needs to improve its understanding of demand",
         "The force should make sure that it understands current and future demand so that it can plan its workforce.")}
<h2 id="previous">Previous findings</h2>
<p>In our 2023 PEEL inspection we gave the force four areas for improvement. We are
satisfied that it has addressed three of them; the fourth is repeated in this report.</p>
"""

# =====================================================================================
# 5. Dyfed-Powys PEEL 2024 (HTML only): 4 AFIs, headed paragraphs
# =====================================================================================

_DP_BODY = f"""
<h2 id="summary">Summary</h2>
<p>Dyfed-Powys Police provides a good service in most areas. We have graded it good in
four areas and adequate in three.</p>
<p>Our 2021 cause of concern about the force's crime recording has been discharged: the
force now records crime accurately.</p>
<h2 id="preventing">Preventing crime and antisocial behaviour</h2>
<p>Grade: <strong>Good</strong></p>
<p>Neighbourhood officers know their communities well.</p>
{practice("Farm watch schemes", "Officers run seasonal information events for farmers with the local fire and rescue service.")}
<h2 id="responding">Responding to the public</h2>
<p>Grade: <strong>Adequate</strong></p>
<h4 class="afi-heading">Area for improvement 1</h4>
<p>The force should improve how quickly it answers non-emergency calls, including calls
made through its online channels.</p>
<h4 class="afi-heading">Area for improvement 2</h4>
<p>The force should make sure that repeat victims are identified when they call.</p>
<h2 id="investigating">Investigating crime</h2>
<p>Grade: <strong>Adequate</strong></p>
<h4 class="afi-heading">Area for improvement 3</h4>
<p>The force should make sure that investigation plans are recorded and reviewed
by supervisors.</p>
<h2 id="vulnerable">Protecting vulnerable people</h2>
<p>Grade: <strong>Good</strong></p>
<h2 id="workforce">Building, supporting and protecting the workforce</h2>
<p>Grade: <strong>Adequate</strong></p>
<h4 class="afi-heading">Area for improvement 4</h4>
<p>The force should understand why officers in their first two years of service leave
and act to retain them.</p>
<h2 id="conclusion">Conclusion</h2>
<p>We will review the force's progress against these four areas for improvement as part
of our monitoring.</p>
"""

# =====================================================================================
# 6. Lincolnshire PEEL 2025 (PDF only): 1 cause of concern + 3 recommendations, 3 AFIs
# =====================================================================================

_LINCS_BODY = f"""
<h2>About this report</h2>
<p>This report sets out our findings from the PEEL inspection of Lincolnshire Police.</p>
<h2>Summary of judgments</h2>
<p>Responding to the public: Requires improvement. Investigating crime: Inadequate.
Protecting vulnerable people: Adequate. Leadership: Adequate.</p>
<h2>Investigating crime</h2>
<h3>Cause of concern</h3>
<p>The force does not carry out effective investigations. Too many investigations are
closed without all reasonable lines of enquiry being followed, and victims are not
told why.</p>
<h3>Recommendation 1</h3>
<p>Within three months, the chief constable should make sure that the force has enough
trained investigators to meet its demand.</p>
<h3>Recommendation 2</h3>
<p>Within three months, the chief constable should make sure that every investigation is
allocated to an officer with the right skills and experience.</p>
<h3>Recommendation 3</h3>
<p>Within six months, the chief constable should introduce a review of closed
investigations to check that all reasonable lines of enquiry were followed.</p>
<h2>Responding to the public</h2>
<h3>Area for improvement</h3>
<p>The force should make sure that it attends incidents within its published attendance
times.</p>
<h3>Area for improvement</h3>
<p>The force should make sure that call handlers give callers appropriate advice on
preserving evidence.</p>
<h2>Leadership and force management</h2>
<h3>Area for improvement</h3>
<p>The force should make sure that its wellbeing provision is easy for the workforce to
find and use.</p>
"""

# =====================================================================================
# 7. Stalking thematic (HTML): 6 recommendations, 3 to CCs; (a)(b)(c); summary repeated
# =====================================================================================

_STALK = [
    "By 31 December 2025, chief constables should make sure that every stalking report is "
    "risk-assessed using a recognised tool and reviewed by a supervisor.",
    parts("By 31 March 2026, chief constables should make sure that:", [
        "officers consider applying for a stalking protection order in every eligible case;",
        "breaches of orders are investigated as a priority; and",
        "victims are told about the outcome of every application.",
    ]),
    "By 31 March 2026, the NPCC lead for stalking and harassment should publish a national "
    "data standard for recording stalking offences.",
    "By 30 June 2026, the College of Policing, in consultation with chief constables, should "
    "produce mandatory training on recognising stalking behaviour.",
    "By 30 June 2026, police and crime commissioners should make sure that they commission "
    "specialist stalking advocacy services.",
    "By 30 September 2026, chief constables and police and crime commissioners should jointly "
    "review how well their forces and commissioned services support victims of stalking.",
]

_STALK_BODY = f"""
<h2 id="foreword">Foreword</h2>
<p>Stalking destroys lives. Victims told us they felt that nobody took them seriously
until the behaviour escalated.</p>
<h2 id="summary">Summary</h2>
<p>We inspected eight forces. We make six recommendations, which are listed below and
explained in the chapters that follow.</p>
{ol(_STALK)}
<h2 id="identifying">Identifying stalking</h2>
<p>Officers too often recorded stalking as harassment or malicious communications.
Guidance says that officers should consider stalking whenever there is a pattern of
fixated, obsessive, unwanted and repeated behaviour.</p>
<div class="chapter-recommendation">
<h3>Recommendation 1</h3>
<p>{_STALK[0]}</p>
</div>
<h2 id="protecting">Protecting victims</h2>
<p>Stalking protection orders were rarely used.</p>
<div class="chapter-recommendation">
<h3>Recommendation 2</h3>
<div class="rec-text">{_STALK[1]}</div>
</div>
<h2 id="national">National support</h2>
<div class="chapter-recommendation">
<h3>Recommendation 3</h3><p>{_STALK[2]}</p>
<h3>Recommendation 4</h3><p>{_STALK[3]}</p>
</div>
<h2 id="victims">Supporting victims</h2>
<div class="chapter-recommendation">
<h3>Recommendation 5</h3><p>{_STALK[4]}</p>
<h3>Recommendation 6</h3><p>{_STALK[5]}</p>
</div>
"""

# =====================================================================================
# 8. Digital forensics thematic (PDF only): 5 recommendations, 2 to CCs
# =====================================================================================

_DF_BODY = """
<h2>Foreword</h2>
<p>Digital evidence features in almost every investigation. Backlogs in examining
devices delay justice for victims and leave suspects on bail for months.</p>
<h2>Summary</h2>
<p>We found backlogs in every force we inspected. Some devices had waited more than a
year to be examined.</p>
<h2>Recommendations</h2>
<h3>Recommendation 1</h3>
<p>By 30 September 2025, all police forces should have a digital forensics strategy that
sets out how they will reduce their backlogs.</p>
<h3>Recommendation 2</h3>
<p>By 30 September 2025, the Home Office, supported by the National Police Chiefs'
Council, should assess whether a national triage capability would reduce backlogs.</p>
<h3>Recommendation 3</h3>
<p>By 31 December 2025, the NPCC lead for digital forensics should agree standard
turnaround times for device examinations.</p>
<h3>Recommendation 4</h3>
<p>By 31 December 2025, chief constables should make sure that investigators are trained to
use self-service kiosks and that their use is audited.</p>
<h3>Recommendation 5</h3>
<p>By 31 March 2026, the Forensic Science Regulator should publish guidance on the
accreditation of kiosk examinations.</p>
<h2>Conclusion</h2>
<p>Our 2019 recommendation on digital forensic capacity remains outstanding. Forces
told us they need more investment; the recommendations above are intended to direct it.</p>
"""

# =====================================================================================
# 9. Fire and rescue service inspection (HTML): 1 cause of concern + 1 rec (a "should:" sentence and its two items, R3), 6 AFIs
# =====================================================================================

_FIRE_AFI = [
    ("Prevention", "The service should make sure it targets its home fire safety checks at the people most at risk from fire."),
    ("Protection", "The service should make sure its risk-based inspection programme covers all high-risk premises."),
    ("Response", "The service should make sure it understands why it is not meeting its own response standards."),
    ("Response", "The service should make sure that fire control staff can see the location of all appliances."),
    ("People", "The service should monitor the working hours of staff on dual contracts."),
    ("People", "The service should make sure that its workforce is more representative of the community it serves."),
]

_FIRE_BODY = f"""
<h2 id="overall">Overall summary</h2>
<p>We have concerns about the performance of Cornwall Fire and Rescue Service in keeping
people safe and secure from fire and other risks.</p>
<p>Effectiveness: requires improvement. Efficiency: requires improvement. People: good.</p>
<h2 id="concern">Cause of concern</h2>
<div class="callout callout--concern">
<p>The service does not have a robust process for making sure that on-call fire engines
are available when they are needed.</p>
<h3>Recommendations</h3>
<p>By 31 July 2025, the service should:</p>
<ol class="recommendation-list">
<li>put in place a plan to improve the availability of on-call fire engines; and</li>
<li>make sure that it reports availability to its fire and rescue authority every quarter.</li>
</ol>
</div>
<h2 id="effectiveness">Effectiveness</h2>
<h3>Preventing fires and other risks</h3>
{callout("Area for improvement", None, _FIRE_AFI[0][1])}
<h3>Protecting the public through fire regulation</h3>
{callout("Area for improvement", None, _FIRE_AFI[1][1])}
<h3>Responding to fires and other emergencies</h3>
{callout("Area for improvement", None, _FIRE_AFI[2][1])}
{callout("Area for improvement", None, _FIRE_AFI[3][1])}
<p>The service has a good record in attending road traffic collisions.</p>
{practice("Water safety", "The service works with lifeguard services on coastal water safety campaigns.")}
<h2 id="people">People</h2>
{callout("Area for improvement", None, _FIRE_AFI[4][1])}
{callout("Area for improvement", None, _FIRE_AFI[5][1])}
"""

# =====================================================================================
# 10. Joint inspection with HMCPSI (HTML): 4 recommendations, 2 to CCs
# =====================================================================================

_CPS_BODY = """
<h2 id="intro">Introduction</h2>
<p>This joint inspection by HMICFRS and HM Crown Prosecution Service Inspectorate
examined the quality of case files that police forces send to the Crown Prosecution
Service (CPS) for a charging decision.</p>
<h2 id="findings">Main findings</h2>
<p>Half of the files we examined did not comply with the national file standard. The
CPS sent many files back without explaining what was missing.</p>
<h2 id="recs">Recommendations</h2>
<div class="rec-card"><span class="rec-card__number">1</span>
<p>By 31 March 2026, chief constables and CPS Area leads should agree a joint plan to
improve file quality, with measures reported to local criminal justice boards.</p></div>
<div class="rec-card"><span class="rec-card__number">2</span>
<p>By 31 March 2026, the CPS should make sure that prosecutors give clear reasons when a
file is returned to the police.</p></div>
<div class="rec-card"><span class="rec-card__number">3</span>
<p>By 30 June 2026, the NPCC lead for criminal justice and the CPS should revise the
national file standard so that it is simpler to use.</p></div>
<div class="rec-card"><span class="rec-card__number">4</span>
<p>By 30 June 2026, forces should work with their CPS Area to train supervisors in
checking files before submission.</p></div>
<h2 id="method">Methodology</h2>
<p>We examined 400 files from eight forces and their CPS Areas.</p>
"""

# =====================================================================================
# 11. Custody thematic (HTML): 4 recommendations (1 to CCs) + 1 AFI
# =====================================================================================

_CUSTODY_BODY = """
<h2 id="foreword">Foreword</h2>
<p>People detained in police custody are among the most vulnerable people the police
deal with.</p>
<h2 id="summary">Summary</h2>
<p>In 2019 we recommended that the Home Office collect national data on the use of force
in custody. This recommendation remains outstanding, and we repeat our concern in this
report rather than make it again.</p>
<p>We make four recommendations and identify one area for improvement.</p>
<h2 id="recommendations">Recommendations</h2>
<h3>Recommendation 1</h3>
<p>By 30 April 2026, chief constables should make sure that every detainee is offered a
health assessment by a qualified healthcare professional.</p>
<h3>Recommendation 2</h3>
<p>By 30 April 2026, the Home Office should update the guidance on the safer detention of
children in police custody.</p>
<h3>Recommendation 3</h3>
<p>By 31 July 2026, police and crime commissioners should make sure that their
independent custody visiting schemes visit each suite at least once a week.</p>
<h3>Recommendation 4</h3>
<p>By 31 October 2026, the College of Policing should revise its custody training to
include the care of detainees with neurodivergent conditions.</p>
<h2 id="afis">Area for improvement</h2>
<p>Forces should improve how they record the reasons for removing a detainee's clothing.</p>
<h2 id="chapters">Our findings</h2>
<p>Custody staff treated detainees with respect. Healthcare provision varied widely
between forces. Force policies state that detainees should be checked at least hourly;
most forces met this standard.</p>
"""

# =====================================================================================
# 12. Gwent Police (PDF only): 3 recommendations to the force, 2 AFIs
# =====================================================================================

_GWENT_BODY = """
<h2>Introduction</h2>
<p>We inspected how Gwent Police deals with the public when they first contact it.</p>
<h2>Summary</h2>
<p>The force has made progress since our last inspection, but it still does not answer
calls quickly enough at busy times.</p>
<h2>Recommendations</h2>
<ol>
<li>By 31 January 2026, Gwent Police should review the staffing of its control room so
that it can answer calls at peak times.</li>
<li>By 31 January 2026, Gwent Police should make sure that every caller who is vulnerable
receives a call-back if attendance is delayed.</li>
<li>By 30 April 2026, Gwent Police should introduce quality assurance of its online
reporting service.</li>
</ol>
<h2>Areas for improvement</h2>
<ul>
<li>The force should improve how it records the vulnerability of callers.</li>
<li>The force should make sure that its control room staff receive regular refresher training.</li>
</ul>
<h2>Next steps</h2>
<p>We will revisit the force in 2026 to assess its progress.</p>
"""

# =====================================================================================
# 13. Corporate: business plan (PDF only), no findings
# =====================================================================================

_PLAN_BODY = """
<h2>Introduction from HM Chief Inspector</h2>
<p>This business plan sets out what we will do in 2025 to 2026 and how we will use our
resources.</p>
<h2>Our priorities</h2>
<ul>
<li>Inspect every police force under our PEEL programme.</li>
<li>Inspect every fire and rescue service in England.</li>
<li>Carry out thematic inspections in areas of public concern.</li>
</ul>
<h2>Monitoring</h2>
<p>Last year we made 74 recommendations and identified 310 areas for improvement. We
will publish a report on the progress forces have made against them.</p>
<h2>Budget</h2>
<p>Our budget for 2025 to 2026 is 29.1 million pounds.</p>
"""

# =====================================================================================
# 14. Corporate: inspection programme and framework (HTML), no findings
# =====================================================================================

_FRAMEWORK_BODY = """
<h2 id="intro">Introduction</h2>
<p>This document sets out our inspection programme and framework for 2025/26, as
required by the Police Act 1996.</p>
<h2 id="programme">Our programme</h2>
<p>We will continue to inspect forces under PEEL. Where we find serious problems we
will identify a cause of concern and make recommendations; where a force could do better
we will identify areas for improvement.</p>
<h2 id="monitoring">Monitoring our recommendations</h2>
<p>We track every recommendation we make. Forces are expected to report their progress
to us through the monitoring portal.</p>
<h2 id="consultation">Consultation</h2>
<p>We consulted police and crime commissioners, chief constables and others on this
programme.</p>
"""

# =====================================================================================
# 15. VAWG progress (HTML): reviews 5 earlier recommendations (table); 2 new, 1 to CCs
# =====================================================================================

_VAWG_OLD = [
    ("Recommendation 1 (2021): Chief constables should make the police response to violence "
     "against women and girls a priority.", "Complete"),
    ("Recommendation 2 (2021): The Home Office should make sure that there is sustainable "
     "funding for victim services.", "Partially complete"),
    ("Recommendation 3 (2021): Chief constables should make sure that perpetrators are "
     "relentlessly pursued.", "Partially complete"),
    ("Recommendation 4 (2021): The College of Policing should develop a national framework "
     "for the delivery of victim support.", "Complete"),
    ("Recommendation 5 (2021): Police and crime commissioners should commission services "
     "for victims that meet their needs.", "Incomplete"),
]

_VAWG_BODY = f"""
<h2 id="intro">Introduction</h2>
<p>In 2021 we made five recommendations about the police response to violence against
women and girls. This report reviews the progress made against each.</p>
<h2 id="progress">Progress since 2021</h2>
<table class="progress-table">
<thead><tr><th scope="col">Earlier recommendation</th><th scope="col">Status</th></tr></thead>
<tbody>
{''.join(f'<tr><td>{t}</td><td>{s}</td></tr>' for t, s in _VAWG_OLD)}
</tbody>
</table>
<p>Our 2021 recommendation on commissioning victim services remains outstanding.</p>
<h2 id="new">New recommendations</h2>
<p>We make two new recommendations.</p>
<div class="callout callout--recommendation">
<p class="callout__label">Recommendation 1</p>
<p>By 31 March 2026, chief constables should make sure that officers use the full range of
powers available to manage the highest-harm perpetrators.</p>
</div>
<div class="callout callout--recommendation">
<p class="callout__label">Recommendation 2</p>
<p>By 31 March 2026, the NPCC lead for violence against women and girls should publish an
annual assessment of forces' progress against the national framework.</p>
</div>
"""

# =====================================================================================
# 16. Neighbourhood policing thematic (HTML): 7 recommendations, 3 to CCs; summary repeated
# =====================================================================================

_NBH = [
    "By 30 June 2026, chief constables should make sure that neighbourhood officers spend at "
    "least 80 percent of their time on neighbourhood duties.",
    "By 30 June 2026, chief constables should make sure that every neighbourhood team has an "
    "up-to-date profile of its community.",
    "By 30 September 2026, the NPCC lead for neighbourhood policing should publish a set of "
    "national measures of neighbourhood policing.",
    "By 30 September 2026, the Home Office should make sure that funding for neighbourhood "
    "officers is protected for at least three years.",
    "By 31 December 2026, the College of Policing, working with the NPCC, should introduce a "
    "professional qualification for neighbourhood officers.",
    "By 31 December 2026, police and crime commissioners should set out in their police and "
    "crime plans how they will hold chief constables to account for neighbourhood policing.",
    "By 31 March 2027, chief constables should evaluate their problem-solving approaches and "
    "share the results through the College of Policing's practice bank.",
]

_NBH_BODY = f"""
<h2 id="foreword">Foreword</h2>
<p>Neighbourhood policing is the bedrock of British policing.</p>
<h2 id="summary">Summary</h2>
<p>In 2016 we said that neighbourhood policing was being eroded. Our findings in this
inspection show that the erosion has continued. We make seven recommendations:</p>
{ul(_NBH, cls="summary-recommendations")}
<h2 id="part-1">Part 1: The neighbourhood workforce</h2>
<h3 id="abstraction">Abstraction</h3>
<p>Neighbourhood officers were routinely taken away to cover response shifts.</p>
{callout("Recommendation 1", None, _NBH[0], variant="recommendation")}
<h3 id="knowing">Knowing the community</h3>
{callout("Recommendation 2", None, _NBH[1], variant="recommendation")}
<h2 id="part-2">Part 2: National support</h2>
<h3 id="measures">Measuring what matters</h3>
{callout("Recommendation 3", None, _NBH[2], variant="recommendation")}
{callout("Recommendation 4", None, _NBH[3], variant="recommendation")}
<h3 id="skills">Skills</h3>
{callout("Recommendation 5", None, _NBH[4], variant="recommendation")}
<h2 id="part-3">Part 3: Accountability and learning</h2>
{callout("Recommendation 6", None, _NBH[5], variant="recommendation")}
{callout("Recommendation 7", None, _NBH[6], variant="recommendation")}
"""

# =====================================================================================
# 17. Avon and Somerset PEEL 2025 (HTML): 6 AFIs; a discharged cause of concern (prose)
# =====================================================================================

_AS_AFI = [
    ("The force needs to improve how it answers 101 calls", "The force should reduce the number of non-emergency calls that are abandoned."),
    ("The force needs to improve its stop and search records", "The force should make sure that supervisors check the grounds recorded for each search."),
    ("The force needs to improve how it manages its investigation backlog", "The force should make sure that it has enough detectives to manage its caseload."),
    ("The force needs to improve the way it safeguards people with mental ill health", "The force should work with health partners so that people in crisis get the right help."),
    ("The force needs to improve its vetting processes", "The force should make sure that all its officers and staff have the right level of vetting."),
    ("The force needs to improve its understanding of its workforce's wellbeing", "The force should analyse sickness absence data to understand why people are off work."),
]

_as = [
    f'<section class="afi"><h3 class="afi__title">{t}</h3><p>{s}</p></section>' for t, s in _AS_AFI
]

_AS_BODY = f"""
<h2 id="judgments">Our judgments</h2>
<table class="judgments"><tr><th>Area</th><th>Grade</th></tr>
<tr><td>Responding to the public</td><td>Requires improvement</td></tr>
<tr><td>Investigating crime</td><td>Adequate</td></tr>
<tr><td>Protecting vulnerable people</td><td>Good</td></tr>
<tr><td>Leadership and force management</td><td>Adequate</td></tr></table>
<h2 id="observations">HM Inspector's observations</h2>
<p>The cause of concern we gave the force in 2023 about its response to calls has been
discharged. The force has made good progress, but there is more to do.</p>
<h2 id="responding">Responding to the public</h2>
<h3 class="section-label">Areas for improvement</h3>
{_as[0]}
<h2 id="treatment">Police powers and public treatment</h2>
<h3 class="section-label">Area for improvement</h3>
{_as[1]}
<h2 id="investigating">Investigating crime</h2>
<h3 class="section-label">Area for improvement</h3>
{_as[2]}
{practice("Investigation hubs", "The force has set up investigation hubs that give victims a single point of contact.")}
<h2 id="vulnerable">Protecting vulnerable people</h2>
<h3 class="section-label">Area for improvement</h3>
{_as[3]}
<h2 id="leadership">Leadership and force management</h2>
<h3 class="section-label">Areas for improvement</h3>
{_as[4]}
{_as[5]}
"""

# =====================================================================================
# 18. Joint inspection with HM Inspectorate of Probation (HTML): 3 recs, 1 to CCs
# =====================================================================================

_SO_BODY = """
<h2 id="intro">Introduction</h2>
<p>This is a joint inspection by HM Inspectorate of Probation and HMICFRS of how the
police and probation services manage people convicted of sexual offences in the
community.</p>
<h2 id="summary">Summary</h2>
<p>Police and probation staff did not always share information about risk. Home visits
were too infrequent in some areas.</p>
<p>We make three recommendations.</p>
<h2 id="recommendations">Recommendations</h2>
<h3>For the police and probation service together</h3>
<p><strong>1.</strong> By 31 May 2026, chief constables and probation regional directors
should make sure that risk management plans for registered sex offenders are shared and
agreed between the two services.</p>
<h3>For HM Prison and Probation Service</h3>
<p><strong>2.</strong> By 31 May 2026, HM Prison and Probation Service should make sure
that probation practitioners receive training in assessing the risk posed by online offending.</p>
<h3>For the National Police Chiefs' Council</h3>
<p><strong>3.</strong> By 31 August 2026, the NPCC lead for the management of sexual and
violent offenders should review the national guidance on the frequency of home visits.</p>
"""

# =====================================================================================
# 19. Thames Valley crime data integrity (HTML): 1 cause of concern + 3 recs, 2 AFIs
# =====================================================================================

_TV_BODY = f"""
<h2 id="summary">Summary</h2>
<p>Thames Valley Police records an estimated 87.6 percent of the crimes reported to it.
We have graded the force as requires improvement for crime recording.</p>
<h2 id="concern">Cause of concern</h2>
{callout("Cause of concern", None,
         "The force is not recording enough of the violent crime and crimes against vulnerable victims that are reported to it.",
         variant="concern")}
<h3>Recommendations</h3>
<h4>Recommendation 1</h4>
<p>Within three months, the chief constable should make sure that crimes reported through
its control room are recorded within 24 hours.</p>
<h4>Recommendation 2</h4>
<div class="rec-text">{parts("Within six months, the chief constable should:", [
    "train officers in recording behavioural crimes such as coercive control;",
    "make sure that supervisors check that these crimes are recorded; and",
    "carry out regular audits of the crimes that are recorded.",
])}</div>
<h4>Recommendation 3</h4>
<p>Within six months, the chief constable should make sure that crimes reported by
other agencies are recorded.</p>
<h2 id="afis">Areas for improvement</h2>
{callout("Area for improvement", None, "The force should make sure that it cancels recorded crimes only in line with the Home Office Counting Rules.")}
{callout("Area for improvement", None, "The force should make sure that the outcomes it assigns to crimes are correct.")}
<h2 id="good">What the force does well</h2>
<p>The force has a well-trained crime registrar team.</p>
"""

# =====================================================================================
# 20. Fire thematic on values and culture (HTML): 5 recommendations, 0 to CCs
# =====================================================================================

_FV_BODY = """
<h2 id="foreword">Foreword</h2>
<p>Too many staff in fire and rescue services told us they had seen bullying,
harassment or discrimination.</p>
<h2 id="recommendations">Recommendations</h2>
<ol class="recommendation-list">
<li><p>By 1 June 2025, chief fire officers should make sure that staff can raise concerns
confidentially, outside their line management chain.</p></li>
<li><p>By 1 June 2025, chief fire officers should make sure that all staff have the
appropriate background checks.</p></li>
<li><p>By 1 October 2025, the Home Office should introduce a legal duty for services to
collect equality data.</p></li>
<li><p>By 1 October 2025, the National Fire Chiefs Council should produce a core code of
ethics training package.</p></li>
<li><p>By 1 December 2025, fire and rescue authorities should review how they hold
their services to account for culture.</p></li>
</ol>
<h2 id="findings">Our findings</h2>
<p>Leaders in several services did not act on what their staff told them.</p>
"""


PUBLICATIONS: list[Pub] = [
    Pub("effectiveness-of-diverting-children-from-the-criminal-justice-system",
        "A joint thematic inspection of how well children are diverted from the criminal justice system",
        date(2025, 10, 15), "Joint inspection", [ALL_POLICE],
        "How well the police and youth justice services steer children away from the criminal justice system.",
        _DIV_BODY, counts(rec=18, cc=1), pdf="diverting-children-joint-inspection.pdf",
        from_=[HMICFRS, PROBATION]),
    Pub("effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
        "Group-based child sexual exploitation: a progress report on the police and law enforcement response",
        date(2025, 10, 24), "Thematic inspection", [ALL_POLICE],
        "We review progress against our 2023 recommendations and make six new ones.",
        _GB_BODY, counts(rec=6, cc=4)),
    Pub("west-midlands-national-child-protection-inspection-november-2025",
        "West Midlands Police: national child protection inspection",
        date(2025, 11, 20), "National child protection inspection", ["West Midlands Police"],
        "How well West Midlands Police protects children at risk of harm.",
        _WM_BODY, counts(afi=7)),
    Pub("peel-2025-cumbria-constabulary",
        "PEEL 2025: An inspection of Cumbria Constabulary",
        date(2025, 9, 18), "PEEL assessment", ["Cumbria Constabulary"],
        "Our PEEL assessment of Cumbria Constabulary.",
        _CUMBRIA_BODY, counts(rec=1, cc=1, afi=5, coc=1), pdf="peel-2025-cumbria.pdf",
        last_updated=date(2025, 10, 2)),
    Pub("peel-2024-dyfed-powys-police",
        "PEEL 2024: An inspection of Dyfed-Powys Police",
        date(2024, 11, 7), "PEEL assessment", ["Dyfed-Powys Police"],
        "Our PEEL assessment of Dyfed-Powys Police.",
        _DP_BODY, counts(afi=4)),
    Pub("peel-2025-lincolnshire-police",
        "PEEL 2025: An inspection of Lincolnshire Police",
        date(2025, 3, 13), "PEEL assessment", ["Lincolnshire Police"],
        "Our PEEL assessment of Lincolnshire Police, including a cause of concern about investigations.",
        _LINCS_BODY, counts(rec=3, cc=3, afi=3, coc=1), html=False, pdf="peel-2025-lincolnshire.pdf"),
    Pub("police-response-to-stalking-2025",
        "Fixated and unseen: an inspection of the police response to stalking",
        date(2025, 6, 5), "Thematic inspection", [ALL_POLICE],
        "How well forces identify stalking and protect victims.",
        _STALK_BODY, counts(rec=6, cc=3)),
    Pub("digital-forensics-backlogs-inspection",
        "An inspection of how police forces manage digital forensics backlogs",
        date(2025, 2, 20), "Thematic inspection", [ALL_POLICE],
        "Backlogs in the examination of digital devices, and what forces are doing about them.",
        _DF_BODY, counts(rec=5, cc=2), html=False, pdf="digital-forensics-backlogs.pdf"),
    Pub("cornwall-fire-and-rescue-service-inspection-2025",
        "Cornwall Fire and Rescue Service: effectiveness, efficiency and people 2025",
        date(2025, 1, 23), "Fire and rescue service inspection", ["Cornwall Fire and Rescue Service"],
        "Our inspection of Cornwall Fire and Rescue Service.",
        _FIRE_BODY, counts(rec=1, cc=0, afi=6, coc=1),
        services=["Cornwall Fire and Rescue Service"]),
    Pub("joint-inspection-case-file-quality",
        "A joint inspection of the quality of police case files sent to the Crown Prosecution Service",
        date(2025, 7, 10), "Joint inspection", [ALL_POLICE],
        "How good are the case files police send to the CPS for a charging decision?",
        _CPS_BODY, counts(rec=4, cc=2), from_=[HMICFRS, CPSI]),
    Pub("custody-thematic-2024",
        "Detained and vulnerable: a thematic inspection of police custody",
        date(2024, 12, 12), "Thematic inspection", [ALL_POLICE],
        "The treatment and welfare of people detained in police custody.",
        _CUSTODY_BODY, counts(rec=4, cc=1, afi=1)),
    Pub("gwent-police-public-contact-inspection",
        "Gwent Police: an inspection of public contact",
        date(2025, 5, 15), "Force inspection", ["Gwent Police"],
        "How Gwent Police deals with the public when they first contact it.",
        _GWENT_BODY, counts(rec=3, cc=3, afi=2), html=False, pdf="gwent-public-contact.pdf"),
    Pub("hmicfrs-business-plan-2025-to-2026",
        "HMICFRS business plan 2025 to 2026",
        date(2025, 4, 1), "Corporate document", [ALL_POLICE],
        "What we will do in 2025 to 2026 and how we will use our resources.",
        _PLAN_BODY, counts(), html=False, pdf="business-plan-2025-26.pdf"),
    Pub("inspection-programme-and-framework-2025-26",
        "Inspection programme and framework 2025/26",
        date(2025, 8, 7), "Corporate document", [ALL_POLICE],
        "Our inspection programme and framework for 2025/26.",
        _FRAMEWORK_BODY, counts()),
    Pub("vawg-progress-inspection-2025",
        "Violence against women and girls: a progress inspection",
        date(2025, 8, 28), "Thematic inspection", [ALL_POLICE],
        "Progress against our 2021 recommendations on violence against women and girls.",
        _VAWG_BODY, counts(rec=2, cc=1)),
    Pub("neighbourhood-policing-thematic-2025",
        "Back to the beat: a thematic inspection of neighbourhood policing",
        date(2025, 12, 4), "Thematic inspection", [ALL_POLICE],
        "The state of neighbourhood policing in England and Wales.",
        _NBH_BODY, counts(rec=7, cc=3)),
    Pub("peel-2025-avon-and-somerset-constabulary",
        "PEEL 2025: An inspection of Avon and Somerset Constabulary",
        date(2025, 7, 24), "PEEL assessment", ["Avon and Somerset Constabulary"],
        "Our PEEL assessment of Avon and Somerset Constabulary.",
        _AS_BODY, counts(afi=6)),
    Pub("joint-inspection-management-of-sex-offenders",
        "A joint inspection of the management of registered sex offenders in the community",
        date(2025, 11, 6), "Joint inspection", [ALL_POLICE],
        "How the police and probation services manage people convicted of sexual offences.",
        _SO_BODY, counts(rec=3, cc=1), from_=[PROBATION, HMICFRS]),
    Pub("thames-valley-crime-data-integrity-2025",
        "Thames Valley Police: crime data integrity inspection 2025",
        date(2025, 9, 4), "Crime data integrity inspection", ["Thames Valley Police"],
        "How accurately Thames Valley Police records crime.",
        _TV_BODY, counts(rec=3, cc=3, afi=2, coc=1)),
    Pub("values-and-culture-in-fire-and-rescue-services-2025",
        "Standing firm: values and culture in fire and rescue services",
        date(2025, 6, 26), "Fire and rescue thematic inspection", [ALL_FIRE],
        "Values and culture in fire and rescue services in England.",
        _FV_BODY, counts(rec=5, cc=0)),
]

TRIO = {
    "effectiveness-of-diverting-children-from-the-criminal-justice-system",
    "effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
    "west-midlands-national-child-protection-inspection-november-2025",
}

assert len(PUBLICATIONS) == 20
assert len({p.slug for p in PUBLICATIONS}) == 20
