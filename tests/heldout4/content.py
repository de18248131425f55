"""Heldout site 4: twenty publications, prose written for this test (not copied from any
real report), each with the counts a careful liaison officer would record.

EXPECTED[slug] = (recommendations, recommendations_to_chief_constables,
                  areas_for_improvement, causes_of_concern)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone


@dataclass
class Pub:
    slug: str
    title: str
    published: date
    type: str
    summary: list[str]
    report: list = field(default_factory=list)  # blocks; empty for PDF-only without HTML
    expected: tuple[int, int, int, int] = (0, 0, 0, 0)
    forces: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    all_forces: bool = False
    joint_with: list[str] = field(default_factory=list)
    html_report: bool = True
    pdf: bool = False
    post_id: int = 0

    @property
    def posted(self) -> datetime:
        return datetime.combine(self.published, time(0, 1), tzinfo=timezone.utc)

    @property
    def modified(self) -> datetime:
        return self.posted + timedelta(hours=9, minutes=self.post_id % 50)

    @property
    def pdf_file(self) -> str:
        return f"{self.slug}.pdf"

    @property
    def pdf_label(self) -> str:
        return self.title


def h2(t): return ("h2", t)
def h3(t): return ("h3", t)
def h4(t): return ("h4", t)
def p(t): return ("p", t)
def ol(items, **o): return ("ol", list(items), o)
def ul(items, **o): return ("ul", list(items), o)
def quote(*ps): return ("quote", list(ps))
def afi(title, *ps, css="callout--afi"): return ("callout", "Area for improvement", title, list(ps), css)
def practice(title, *ps, label="Promising practice"): return ("callout", label, title, list(ps), "callout--practice")


PUBS: list[Pub] = []


def add(**kw) -> Pub:
    pub = Pub(**kw)
    pub.post_id = 48211 + 7 * len(PUBS)
    PUBS.append(pub)
    return pub


# 1 ----------------------------------------------------------------------------------------
_div_recs = {
    "For the Home Office": [
        "By 31 March 2026, the Home Office should publish guidance setting out the minimum information that police forces and youth justice services share when a child is considered for diversion.",
        "By 30 June 2026, the Home Office, working with chief constables, should add the outcomes of diversion decisions for children to the annual data requirement, so that figures can be compared between areas.",
    ],
    "For the Ministry of Justice": [
        "By 31 March 2026, the Ministry of Justice should agree a single definition of diversion for children that every criminal justice agency uses.",
        "By 30 September 2026, the Ministry of Justice should evaluate whether funding for youth diversion schemes reaches the areas with the greatest need.",
        "By 30 September 2026, the Ministry of Justice, in consultation with the Youth Justice Board, should review its statutory guidance on out-of-court resolutions for children.",
    ],
    "For the Youth Justice Board": [
        "By 31 March 2026, the Youth Justice Board should publish a data standard for recording diversion cases that youth justice services can adopt without buying new systems.",
        "By 30 June 2026, the Youth Justice Board should make sure that its oversight of youth justice services covers how well they assess a child&#8217;s needs before a diversion decision is made.",
        "By 30 June 2026, the Youth Justice Board, supported by chief constables, should produce a shared template for joint decision-making panels.",
    ],
    "For the National Police Chiefs&#8217; Council": [
        "By 31 March 2026, the National Police Chiefs&#8217; Council lead for children and young people should issue advice to forces on recording the views of the child in every diversion decision.",
        "By 30 June 2026, the National Police Chiefs&#8217; Council lead for children and young people should work with the Youth Justice Board to identify and share effective diversion practice.",
    ],
    "For the College of Policing": [
        "By 30 June 2026, the College of Policing should update its authorised professional practice on out-of-court resolutions so that it reflects the particular needs of children.",
        "By 31 December 2026, the College of Policing should include the diversion of children in its training for custody sergeants and investigators.",
    ],
    "For chief constables": [
        "By 31 March 2026, chief constables should make sure that every decision to divert a child, or not to divert a child, is recorded together with the reasons for it.",
    ],
    "For police and crime commissioners": [
        "By 30 September 2026, police and crime commissioners should make sure that the diversion schemes they commission are independently evaluated.",
    ],
    "For heads of youth justice services": [
        "By 31 March 2026, heads of youth justice services should make sure that a case manager meets every child before a diversion assessment is completed.",
        "By 30 June 2026, heads of youth justice services should give children and their parents or carers written information about what taking part in diversion means for them.",
    ],
    "For the Department for Education": [
        "By 30 September 2026, the Department for Education should make sure that, where a child agrees, their school is told that they are taking part in a diversion scheme.",
    ],
    "For the Crown Prosecution Service": [
        "By 31 March 2026, the Crown Prosecution Service should make sure that prosecutors check whether diversion has been properly explored before they authorise a charge against a child.",
    ],
}
_div_blocks = [
    h2("Foreword"),
    p("Most children who come into contact with the police do not go on to offend again, and for many of them a formal criminal justice outcome does more harm than good. Diversion gives professionals a way to respond to a child&#8217;s behaviour without drawing them further into the system."),
    p("This inspection was carried out jointly by HM Inspectorate of Constabulary and Fire &amp; Rescue Services and HM Inspectorate of Probation. We visited six areas and examined 240 cases. We make 18 recommendations. Most are for national bodies, because the problems we found are largely caused by inconsistent national arrangements; only one is for chief constables."),
    h2("Summary"),
    p("We found committed practitioners working with inconsistent guidance, poor data and short-term funding. Children in similar circumstances were treated very differently depending on where they lived."),
    p("Decisions were often made quickly and with good intentions, but the reasons for them were rarely written down. In a third of the cases we examined, nobody had spoken to the child before the decision was made."),
    h2("1. Introduction"),
    p("Diversion is not a single scheme. It covers a range of informal and formal responses that allow a child to avoid prosecution. Police forces and youth justice services share responsibility for it."),
    p("In 2018 our two inspectorates recommended that forces should record the outcome of every diversion decision. That recommendation has still not been fully implemented, and we return to the subject in chapter 3."),
    h2("2. Decision-making"),
    p("Joint decision-making panels worked well where police and youth justice staff met regularly and shared information in advance. Where panels met infrequently, children could wait months for a decision."),
    ("callout", "Effective practice", "A shared panel calendar", ["In one area the police and the youth justice service publish a shared calendar of panel dates six months ahead, so that cases are rarely delayed by a missed meeting."], "callout--practice"),
    h2("3. Recording and data"),
    p("National data on diversion is incomplete. Because each area defines diversion differently, the figures cannot be compared. Several areas could not tell us how many children they had diverted in the previous year."),
    h2("Recommendations"),
    p("We make the following recommendations. They are grouped by the organisation that needs to act."),
]
_n = 1
for _who, _items in _div_recs.items():
    _div_blocks.append(h3(_who))
    _div_blocks.append(ol(_items, start=_n, **{"class": "recommendations"}))
    _n += len(_items)
_div_blocks += [
    h2("Annex A: Methodology"),
    p("We inspected six youth justice service areas and the police forces that serve them. We examined 240 case files and interviewed 310 practitioners and managers."),
    h2("Annex B: Glossary"),
    p("<strong>Out-of-court resolution:</strong> a way of dealing with an offence without prosecution, such as a caution or a community resolution."),
]
add(slug="diverting-children-from-criminal-justice-joint-inspection",
    title="A joint inspection of how effectively children are diverted from the criminal justice system",
    published=date(2025, 10, 15), type="Joint inspection", all_forces=True,
    joint_with=["HM Inspectorate of Probation"],
    summary=["This joint inspection with HM Inspectorate of Probation examined how well police forces and youth justice services divert children away from formal criminal justice outcomes."],
    report=_div_blocks, pdf=True, expected=(18, 1, 0, 0))

# 2 ----------------------------------------------------------------------------------------
_old = [
    ("By 31 October 2023, chief constables should make sure that intelligence about group-based child sexual exploitation is recorded in a way that allows it to be searched.", "Incomplete", "Most forces have changed their systems, but eleven still cannot search this intelligence reliably."),
    ("By 31 October 2023, the NPCC lead for child protection should develop a national problem profile of group-based child sexual exploitation.", "Complete", "A national problem profile was published in 2024."),
    ("By 31 December 2023, chief constables should make sure that victims are given a single point of contact throughout an investigation.", "Partially complete", "Most forces now assign a named officer, but in the cases we examined contact often lapsed once a suspect was charged."),
    ("By 31 December 2023, the Home Office should review the funding available for specialist victim support.", "Complete", "The Home Office completed its review and increased funding in 2024."),
    ("By 31 March 2024, forces should make sure that disruption tactics are considered in every case.", "Incomplete", "We found little evidence that disruption tactics were routinely considered."),
    ("By 31 March 2024, the College of Policing should publish guidance on investigating group-based offending.", "Complete", "The guidance was published in September 2024."),
    ("By 31 March 2024, chief constables should make sure that analysts are available to support these investigations.", "Partially complete", "Analytical support has improved but remains uneven."),
    ("By 30 June 2024, the National Crime Agency should share its assessment of offender networks with forces.", "Complete", "The assessment is now shared quarterly."),
    ("By 30 June 2024, chief constables and police and crime commissioners should make sure that partnership arrangements include a strategic response to this form of exploitation.", "Incomplete", "Few partnerships had a strategic plan."),
]
_g = [
    h2("Foreword"),
    p("In 2023 we published an inspection of how the police and other law enforcement agencies respond to group-based child sexual exploitation. We made nine recommendations and identified one area for improvement. This report examines the progress made against each of them."),
    p("Progress has been made, but too slowly. Four of the nine recommendations have been completed. Where progress has stalled, we have made new recommendations. We make six new recommendations in this report."),
    h2("Summary"),
    p("Victims still experience inconsistent support, and the national picture of offending remains incomplete. Forces have improved how they identify exploitation, but data on group-based offending is still poor."),
    h2("Progress against our 2023 recommendations"),
    p("For each of the 2023 recommendations we set out the recommendation as it was made, its current status and what we found."),
]
for _i, (_text, _status, _found) in enumerate(_old, start=1):
    _g += [h3(f"Recommendation {_i} (2023)"), quote(_text),
           p(f"<strong>Status:</strong> {_status}"), p(_found)]
_g += [
    h3("Area for improvement (2023)"),
    quote("Forces should improve the quality of their data on the ethnicity of suspects and victims."),
    p("<strong>Status:</strong> Incomplete"),
    p("Data on ethnicity remains poor: it was missing in more than half of the records we reviewed."),
    h2("Our new recommendations"),
    p("We make six new recommendations."),
    ol([
        "By 30 June 2026, chief constables should make sure that every report of group-based child sexual exploitation is flagged on force systems so that it can be counted and analysed.",
        "By 30 June 2026, all chief constables and the NPCC lead for child protection should agree a common approach to analysing intelligence on offender networks.",
        "By 30 September 2026, chief constables and police and crime commissioners should make sure that specialist support services for victims are available in every force area.",
        "By 31 March 2026, forces should make sure that every officer who investigates these crimes has completed the national training course.",
        "By 30 September 2026, the Home Office should fund a national analytical capability to identify offender networks that operate across force boundaries.",
        "By 31 December 2026, the College of Policing, working with chief constables, should publish guidance on supporting victims who do not wish to give evidence.",
    ], **{"class": "new-recommendations"}),
    h2("Annex A: About the data"),
    p("We reviewed 180 case files from eight forces and surveyed all 43 forces in England and Wales."),
]
add(slug="group-based-child-sexual-exploitation-progress-report",
    title="The police and law enforcement response to group-based child sexual exploitation: progress report",
    published=date(2025, 10, 24), type="Progress report", all_forces=True,
    summary=["We revisited our 2023 inspection of the response to group-based child sexual exploitation to assess progress against its recommendations."],
    report=_g, expected=(6, 4, 0, 0))

# 3 ----------------------------------------------------------------------------------------
_wm_afis = [
    ("Recognising risk at first contact", "The force should make sure that its call handlers identify and record risks to children when a call is first received."),
    ("Quality of referrals", "The force should improve the quality of its referrals to children&#8217;s social care, so that they describe the child&#8217;s circumstances and the risks to them."),
    ("Strategy discussions", "West Midlands Police should make sure that officers with the right knowledge take part in every strategy discussion."),
    ("Online child abuse investigations", "The force should reduce the time it takes to examine devices in investigations of online child abuse."),
    ("Children in custody", "The force should make sure that children are detained in custody only when it is necessary and for no longer than necessary."),
    ("Supervision of investigations", "The force should make sure that supervisors review child protection investigations regularly and record their direction."),
    ("The voice of the child", "The force should make sure that officers record what children say, and how they appear, in all child protection cases."),
]
_wm = [
    h2("Introduction"),
    p("This inspection is part of our national child protection inspection programme. We examined how well West Midlands Police protects children and safeguards their welfare."),
    p("We last inspected the force&#8217;s child protection arrangements in 2019, when we made eleven recommendations. The force has acted on most of them."),
    h2("Summary of findings"),
    p("The force is committed to protecting children and has made real improvements since our last inspection. However, we found weaknesses in how it recognises risk at first contact and in the supervision of investigations."),
    p("We make no recommendations in this report. We have identified seven areas for improvement:"),
    ul([t for t, _ in _wm_afis], **{"class": "afi-summary"}),
    h2("Initial contact"),
    p("Call handlers were polite and helpful, but in a quarter of the calls we listened to they did not ask about children in the household."),
    afi(*_wm_afis[0]),
    h2("Assessment and help"),
    p("Referrals to children&#8217;s social care were often short and lacked detail. Strategy discussions took place promptly, but the police were not always represented by someone who knew the case."),
    afi(*_wm_afis[1]),
    afi(*_wm_afis[2]),
    practice("Neighbourhood schools officers", "Each secondary school in the force area has a named neighbourhood officer who attends safeguarding meetings at the school each term."),
    h2("Investigation"),
    p("Investigations of online child abuse were delayed by a backlog of devices awaiting examination. Some devices had waited more than nine months."),
    afi(*_wm_afis[3]),
    afi(*_wm_afis[5]),
    h2("Decision-making"),
    p("Too many children were kept in custody overnight when an alternative could have been found."),
    afi(*_wm_afis[4]),
    afi(*_wm_afis[6]),
    h2("Next steps"),
    p("We will ask the force to provide an action plan within six weeks, setting out how it will respond to the areas for improvement in this report."),
]
add(slug="national-child-protection-inspection-west-midlands-police-november-2025",
    title="West Midlands Police: National child protection inspection",
    published=date(2025, 11, 20), type="Child protection inspection", forces=["West Midlands Police"],
    summary=["Our inspection of how well West Midlands Police protects children at risk of harm."],
    report=_wm, expected=(0, 0, 7, 0))

# 4 ----------------------------------------------------------------------------------------
_dorset = [
    h2("Overview"),
    ("table", "Our judgments", ["Area", "Grade"], [
        ["Recording data about crime", "Good"], ["Treatment of the public", "Adequate"],
        ["Preventing crime", "Good"], ["Responding to the public", "Requires improvement"],
        ["Investigating crime", "Inadequate"], ["Protecting vulnerable people", "Adequate"],
        ["Managing offenders", "Adequate"], ["Building, supporting and protecting the workforce", "Good"],
        ["Leadership and force management", "Adequate"]]),
    p("We are concerned about how the force investigates crime, and we have identified a cause of concern in this area. We also found five areas for improvement."),
    h2("Investigating crime"),
    ("callout", "Cause of concern", "Investigation standards",
     ["The force doesn&#8217;t make sure that investigations are carried out to a consistently good standard. Too many investigations are allocated to officers without the necessary skills, and supervision is poor."],
     "callout--coc"),
    h4("Recommendations"),
    ol(["By 31 March 2026, the force should make sure that each investigation is allocated to an officer with the skills and experience it needs.",
        "By 31 March 2026, the chief constable should introduce effective and recorded supervision of all crime investigations."]),
    p("In 2023 we found that the force did not always keep victims informed. This has improved."),
    p("<strong>Area for improvement:</strong> The force should make sure that it carries out victim needs assessments and records whether victims want to support an investigation."),
    h2("Responding to the public"),
    p("The force answers emergency calls promptly but is too slow to answer non-emergency calls."),
    p("<strong>Area for improvement:</strong> The force should answer non-emergency calls within a reasonable time and reduce the number of callers who abandon calls."),
    p("<strong>Area for improvement:</strong> The force should make sure that it attends incidents within its published attendance times."),
    h2("Treatment of the public"),
    p("The force uses stop and search fairly, and its external scrutiny panel is effective."),
    practice("Youth scrutiny panel", "Young people from local colleges review body-worn video footage of stop and search encounters and give feedback to officers."),
    h2("Managing offenders"),
    p("<strong>Area for improvement:</strong> The force should make sure that it manages the risk posed by registered sex offenders in line with national guidance, and that visits take place when they are due."),
    h2("Leadership and force management"),
    p("<strong>Area for improvement:</strong> The force should improve its understanding of the demand it faces, so that it can plan its workforce effectively."),
]
add(slug="peel-2025-dorset-police", title="PEEL 2025: An inspection of Dorset Police",
    published=date(2025, 9, 4), type="PEEL assessment", forces=["Dorset Police"],
    summary=["Our PEEL inspection assessed how good Dorset Police is in nine areas of policing."],
    report=_dorset, expected=(2, 2, 5, 1))

# 5 PDF only -------------------------------------------------------------------------------
_gwent = [
    h2("Overview"),
    ("table", "Our judgments", ["Area", "Grade"], [
        ["Preventing crime", "Adequate"], ["Responding to the public", "Good"],
        ["Investigating crime", "Requires improvement"], ["Protecting vulnerable people", "Requires improvement"]]),
    p("Gwent Police has made progress since our last inspection. We have identified four areas for improvement."),
    h2("Investigating crime"),
    p("Investigations are usually timely, but the force doesn&#8217;t always identify and pursue all lines of enquiry."),
    h3("Area for improvement 1"),
    p("The force should make sure that investigation plans are completed and that all reasonable lines of enquiry are followed."),
    h3("Area for improvement 2"),
    p("The force should improve how it keeps victims updated about the progress of their cases, in line with the Code of Practice for Victims of Crime."),
    h2("Protecting vulnerable people"),
    p("Officers understand vulnerability, but the force doesn&#8217;t always use the powers available to it to protect victims of domestic abuse."),
    h3("Area for improvement 3"),
    p("The force should make sure that domestic abuse protection notices and orders are considered in all suitable cases."),
    h3("Area for improvement 4"),
    p("The force should make sure that referrals to partner agencies are made promptly when a vulnerable person is identified."),
    h2("Leadership"),
    p("Senior leaders have a clear vision and communicate it well. The force&#8217;s approach to wellbeing is a strength."),
]
add(slug="peel-2025-gwent-police", title="PEEL 2025: An inspection of Gwent Police",
    published=date(2025, 7, 17), type="PEEL assessment", forces=["Gwent Police"],
    summary=["Our PEEL inspection assessed how good Gwent Police is in several areas of policing."],
    report=_gwent, html_report=False, pdf=True, expected=(0, 0, 4, 0))

# 6 ----------------------------------------------------------------------------------------
_cfrs_afis = [
    "The service should make sure that its prevention activity is targeted at the people most at risk of fire.",
    "The service should make sure that its risk-based inspection programme covers all high-risk premises.",
    "The service should make sure that staff can access up-to-date risk information on mobile data terminals.",
    "The service should improve how it evaluates its prevention and protection activities.",
    "The service should make sure that all staff understand how to raise concerns and are confident to do so.",
    "The service should improve the diversity of its workforce.",
]
_cfrs = [
    h2("Overall summary"),
    p("We are pleased with some aspects of the performance of Cornwall Fire and Rescue Service, but it needs to improve in several areas. We have identified one cause of concern and six areas for improvement."),
    h3("Cause of concern"),
    p("The service isn&#8217;t doing enough to prevent fires and other risks. Its home fire safety visits are not targeted at the people most at risk."),
    h3("Areas for improvement"),
    ol(_cfrs_afis, **{"class": "afi-list"}),
    h2("Preventing fires and other risks"),
    p("The service has reduced the number of home fire safety visits it carries out and no longer knows whether they reach vulnerable people."),
    ("callout", "Cause of concern", None, [
        "The service isn&#8217;t doing enough to prevent fires and other risks. Its home fire safety visits are not targeted at the people most at risk.",
        "<strong>Recommendations</strong>",
        "By 31 December 2025, the service should make sure that it has a prevention strategy that targets the people most at risk, using data from partner organisations.",
        "By 31 December 2025, the service should make sure that staff who carry out home fire safety visits are trained to recognise vulnerability.",
    ], "callout--coc"),
    afi(None, _cfrs_afis[0]),
    afi(None, _cfrs_afis[3]),
    h2("Protecting the public through fire regulation"),
    p("The service has a risk-based inspection programme, but it has fallen behind."),
    afi(None, _cfrs_afis[1]),
    h2("Responding to fires and other emergencies"),
    afi(None, _cfrs_afis[2]),
    practice("Joint rural response", "The service and the ambulance trust jointly train on-call firefighters as co-responders in remote areas."),
    h2("Promoting the right values and culture"),
    afi(None, _cfrs_afis[4]),
    afi(None, _cfrs_afis[5]),
]
add(slug="cornwall-fire-and-rescue-service-effectiveness-efficiency-and-people-2025",
    title="Effectiveness, efficiency and people 2025: Cornwall Fire and Rescue Service",
    published=date(2025, 6, 11), type="Fire and rescue service inspection",
    services=["Cornwall Fire and Rescue Service"],
    summary=["Our inspection of how effective and efficient Cornwall Fire and Rescue Service is, and how well it looks after its people."],
    report=_cfrs, expected=(2, 0, 6, 1))

# 7 PDF only -------------------------------------------------------------------------------
_fire_misc = [
    h2("Foreword"),
    p("Everyone working in a fire and rescue service should be able to do so without fear of harassment or discrimination. This inspection examined how services handle allegations of misconduct."),
    h2("Summary"),
    p("We found that services handle misconduct inconsistently. Records were often incomplete, and staff lacked confidence that allegations would be dealt with fairly. We make five recommendations."),
    h2("Findings"),
    p("In our 2023 report on values and culture we recommended that services should introduce confidential reporting lines. Most have done so, but staff told us they did not trust them."),
    h2("Recommendations"),
    h3("Recommendation 1"),
    p("By 1 October 2025, chief fire officers should make sure that every allegation of misconduct is recorded on a single case management system."),
    h3("Recommendation 2"),
    p("By 1 October 2025, chief fire officers should give staff a confidential way to raise concerns outside their line management."),
    h3("Recommendation 3"),
    p("By 1 December 2025, the Home Office should set out how it will introduce a barring list for staff dismissed from fire and rescue services for gross misconduct."),
    h3("Recommendation 4"),
    p("By 1 December 2025, the National Fire Chiefs Council should publish guidance on investigating misconduct allegations, including the training investigators need."),
    h3("Recommendation 5"),
    p("By 1 March 2026, fire and rescue authorities should make sure that their scrutiny of misconduct cases is independent of the service."),
]
add(slug="handling-of-misconduct-in-fire-and-rescue-services",
    title="An inspection of the handling of misconduct in fire and rescue services",
    published=date(2025, 3, 27), type="Thematic inspection",
    summary=["This thematic inspection examined how fire and rescue services in England handle allegations of misconduct."],
    report=_fire_misc, html_report=False, pdf=True, expected=(5, 0, 0, 0))

# 8 HTML + PDF -----------------------------------------------------------------------------
_stalk = [
    h2("Foreword"),
    p("Stalking causes lasting psychological harm, and it can escalate to serious violence. Victims told us they were often not believed when they first went to the police."),
    h2("Summary"),
    p("Forces have improved how they record stalking since our 2017 inspection with HM Crown Prosecution Service Inspectorate, when we recommended that forces should review how they identify stalking. But officers still miss it, especially when it happens online. We make seven recommendations."),
    h2("Recognising stalking"),
    p("In 40 percent of the cases we reviewed, stalking behaviour was recorded as a lesser harassment offence."),
    h3("Recommendation 1"),
    p("By 30 November 2025, chief constables should make sure that stalking is recognised and correctly recorded when it is first reported."),
    h2("Protecting victims"),
    p("Stalking protection orders were used in only a small number of cases, and breaches were rarely investigated."),
    h3("Recommendation 2"),
    p("By 30 November 2025, chief constables should:"),
    ul(["(a) make sure that a stalking protection order is considered in every case;",
        "(b) make sure that every reported breach of an order is investigated; and",
        "(c) monitor how often orders are applied for and granted."], **{"class": "parts"}),
    h3("Recommendation 3"),
    p("By 31 March 2026, the College of Policing should update its guidance on stalking to include stalking that is carried out online."),
    h2("National arrangements"),
    h3("Recommendation 4"),
    p("By 31 March 2026, the Home Office, working with chief constables, should make sure that stalking offences are recorded consistently in national crime data."),
    h3("Recommendation 5"),
    p("By 31 March 2026, the NPCC lead for stalking and harassment should set up a national network of stalking single points of contact in forces."),
    h3("Recommendation 6"),
    p("By 30 June 2026, police and crime commissioners should make sure that independent stalking advocates are available to victims in their area."),
    h3("Recommendation 7"),
    p("By 30 June 2026, the Crown Prosecution Service should make sure that prosecutors apply for restraining orders in all suitable stalking cases."),
    h2("Annex A: Methodology"),
    p("We inspected six forces and reviewed 300 cases of stalking and harassment."),
]
add(slug="police-response-to-stalking-and-harassment-inspection",
    title="An inspection of the police response to stalking and harassment",
    published=date(2025, 5, 9), type="Thematic inspection", all_forces=True,
    summary=["We inspected how well the police recognise stalking, protect victims and bring offenders to justice."],
    report=_stalk, pdf=True, expected=(7, 2, 0, 0))

# 9 ----------------------------------------------------------------------------------------
_rape_recs = [
    "By 31 October 2025, chief constables and CPS Area leads should agree a joint plan to improve the quality of rape case files.",
    "By 31 October 2025, the Crown Prosecution Service should make sure that early investigative advice is given within 28 days of a request.",
    "By 31 December 2025, forces should make sure that a supervisor checks every rape case file before it is submitted to the CPS.",
    "By 31 December 2025, the NPCC lead for adult sexual offences should share the findings of this inspection with every force and monitor the response.",
    "By 31 March 2026, the Crown Prosecution Service, in consultation with the NPCC, should review the national file standard for rape cases.",
]
_rape = [
    h2("Foreword"),
    p("Victims of rape deserve a criminal justice system that treats their cases with care. A good case file is the foundation of a good decision to charge."),
    h2("Summary"),
    p("This joint inspection with HM Crown Prosecution Service Inspectorate examined 200 rape case files. We found that many files were incomplete and that communication between the police and the CPS was poor."),
    h3("Our recommendations"),
    ol(_rape_recs),
    h2("Case file quality"),
    p("Only 38 percent of files met the national file standard. Most missing material was available to the police but not included."),
    p(f"<strong>Recommendation 1:</strong> {_rape_recs[0]}"),
    p(f"<strong>Recommendation 3:</strong> {_rape_recs[2]}"),
    h2("Early advice"),
    p("Requests for early advice were often answered slowly."),
    p(f"<strong>Recommendation 2:</strong> {_rape_recs[1]}"),
    h2("National oversight"),
    p(f"<strong>Recommendation 4:</strong> {_rape_recs[3]}"),
    p(f"<strong>Recommendation 5:</strong> {_rape_recs[4]}"),
]
add(slug="joint-inspection-rape-case-file-quality",
    title="A joint inspection of the quality of rape case files",
    published=date(2025, 2, 26), type="Joint inspection", all_forces=True,
    joint_with=["HM Crown Prosecution Service Inspectorate"],
    summary=["This joint inspection examined the quality of case files that the police submit to the CPS in rape cases."],
    report=_rape, expected=(5, 2, 0, 0))

# 10 ---------------------------------------------------------------------------------------
_lanc = [
    h2("Introduction"),
    p("This report is one of a series on police custody, carried out jointly with HM Inspectorate of Prisons. We visited the force&#8217;s four custody suites unannounced."),
    h2("Summary"),
    p("Custody staff were respectful and caring towards detainees. However, we found a serious problem with the way risk was managed, and we have made it a cause of concern."),
    h2("Cause of concern and recommendations"),
    h3("Cause of concern 1"),
    p("Detainees were not always observed at the frequency set in their care plans. Some observations were recorded as done when CCTV showed they had not been carried out."),
    p("<strong>Recommendations</strong>"),
    ol(["The force should make sure that detainees are observed at the frequency their risk assessment requires and that observations are accurately recorded.",
        "The force should introduce regular audits of observation records against CCTV footage."]),
    h2("Areas for improvement"),
    ol(["The force should make sure that detainees are told about their rights and entitlements in a way they can understand.",
        "The force should make sure that detainees are offered a shower and a change of clothing when they are held for more than 24 hours.",
        "The force should reduce the time that detainees wait to be booked in.",
        "The force should make sure that use of force in custody is recorded and reviewed.",
        "The force should make sure that detainees released under investigation are given information about support services."]),
    h2("Leadership, accountability and partnerships"),
    p("The force has a clear custody strategy and a senior leader responsible for custody."),
    practice("Custody liaison and diversion", "Liaison and diversion workers are present in all suites for 16 hours a day and see most detainees with mental health needs."),
    h2("Treatment and conditions"),
    p("Custody suites were clean and well maintained."),
]
add(slug="lancashire-police-custody-unannounced-inspection-2025",
    title="Report on an unannounced inspection visit to police custody suites in Lancashire",
    published=date(2025, 8, 14), type="Custody inspection", forces=["Lancashire Constabulary"],
    joint_with=["HM Inspectorate of Prisons"],
    summary=["An unannounced inspection of police custody in Lancashire, carried out jointly with HM Inspectorate of Prisons."],
    report=_lanc, expected=(2, 2, 5, 1))

# 11 corporate -----------------------------------------------------------------------------
_prog = [
    h2("Introduction"),
    p("This document sets out our inspection programme for 2025&#8211;26 and the framework within which we inspect. It has been approved by the Home Secretary in accordance with the Police Act 1996."),
    h2("Our inspection programme"),
    p("In 2025&#8211;26 we will complete PEEL inspections of 14 forces, carry out six thematic inspections and continue our national child protection inspections."),
    h2("How we report"),
    p("When we find a serious problem we may identify a cause of concern and make recommendations to address it. Less serious problems are reported as areas for improvement. Under section 55 of the Police Act 1996, police and crime commissioners must publish comments on our reports within 56 days."),
    p("In 2024&#8211;25 we made 142 recommendations and identified 318 areas for improvement."),
    h2("Monitoring"),
    p("We monitor each force&#8217;s progress against our recommendations through our monitoring portal."),
]
add(slug="inspection-programme-and-framework-2025-26",
    title="HMICFRS inspection programme and framework 2025&#8211;26",
    published=date(2025, 4, 2), type="Corporate document",
    summary=["Our inspection programme and framework for 2025 to 2026."],
    report=_prog, expected=(0, 0, 0, 0))

# 12 PDF only progress ---------------------------------------------------------------------
_roads = [
    h2("Summary"),
    p("In 2020 we made 13 recommendations about roads policing. We have now reviewed progress against each of them. Five have been implemented, six are partially implemented and two have not been implemented. We make three new recommendations."),
    h2("Progress since 2020"),
    h3("Recommendation 2 (2020)"),
    quote("By 31 December 2020, chief constables should make sure that roads policing is included in their force strategic assessments."),
    p("Status: Partially implemented. Most forces now include roads policing, but the analysis is often limited."),
    h3("Recommendation 7 (2020)"),
    quote("By 30 June 2021, the Department for Transport should review how data on road traffic collisions is shared with the police."),
    p("Status: Implemented."),
    p("Progress against the remaining eleven recommendations is set out in Annex A."),
    h2("New recommendations"),
    ol(["By 31 March 2026, chief constables should make sure that their roads policing officers have the training they need to investigate fatal collisions.",
        "By 31 March 2026, the Department for Transport should publish a national road safety strategy that sets out the role of the police.",
        "By 30 June 2026, the NPCC lead for roads policing should develop a national performance framework for roads policing."]),
    h2("Annex A: Progress against all 2020 recommendations"),
    p("Recommendations 1, 3, 5, 7 and 9 have been implemented. Recommendations 2, 4, 6, 8, 10 and 12 are partially implemented. Recommendations 11 and 13 have not been implemented."),
]
add(slug="roads-policing-follow-up-inspection",
    title="Roads policing: a follow-up inspection",
    published=date(2025, 9, 19), type="Progress report", all_forces=True,
    summary=["We revisited our 2020 inspection of roads policing to see what progress has been made."],
    report=_roads, html_report=False, pdf=True, expected=(3, 1, 0, 0))

# 13 ---------------------------------------------------------------------------------------
_kent = [
    h2("Introduction"),
    p("We inspected how well Kent Police protects children. This report sets out our findings."),
    h2("Summary"),
    p("We found that the force works well with partners, but it doesn&#8217;t always respond quickly enough when children go missing. We make two recommendations and identify three areas for improvement."),
    h2("Recommendations"),
    h3("Recommendation 1"),
    p("Within six months, Kent Police should make sure that every report of a missing child is risk assessed by a trained supervisor within one hour."),
    h3("Recommendation 2"),
    p("Within three months, the force should make sure that return home interviews are requested for every child who has been missing."),
    h2("Areas for improvement"),
    ol(["<strong>Information sharing.</strong> The force should make sure that information about children is shared with partner agencies without delay.",
        "<strong>Training.</strong> The force should make sure that frontline officers receive training in recognising child criminal exploitation.",
        "<strong>Performance information.</strong> The force should improve the management information it uses to understand its child protection work."]),
    h2("Detailed findings"),
    p("Officers we spoke to were committed to protecting children. Partnership working in the multi-agency safeguarding hub was strong."),
    practice("Contextual safeguarding", "The force works with schools and transport providers to identify locations where children are at risk of exploitation."),
]
add(slug="national-child-protection-inspection-kent-police-2025",
    title="Kent Police: National child protection inspection",
    published=date(2025, 1, 23), type="Child protection inspection", forces=["Kent Police"],
    summary=["Our inspection of how well Kent Police protects children."],
    report=_kent, expected=(2, 2, 3, 0))

# 14 ---------------------------------------------------------------------------------------
_syv_r1 = ("By 31 March 2026, chief constables should: (a) make sure that serious youth violence is a priority in their force&#8217;s strategic assessment; "
           "(b) appoint a senior officer to lead the force&#8217;s response; and (c) make sure that neighbourhood officers are trained to recognise children at risk of exploitation.")
_syv_r2 = "By 31 March 2026, the College of Policing should publish guidance on working with children who are at risk of involvement in violence."
_syv_r3 = "By 30 June 2026, the Home Office, in consultation with the NPCC lead for serious violence, should evaluate the funding provided to violence reduction units."
_syv_r4 = "By 30 June 2026, all police forces should make sure that they share information with violence reduction units under the serious violence duty."
_syv = [
    h2("Foreword"),
    p("Serious violence involving young people has devastating consequences for victims, families and communities. We examined how well the police work to prevent it."),
    h2("1. Understanding the problem"),
    p("Forces&#8217; understanding of serious youth violence varied widely. Few had a senior leader with clear responsibility for it."),
    h3("Recommendation 1"),
    p(_syv_r1),
    h2("2. Working with partners"),
    p("Violence reduction units have improved joint working, but their funding is short term and information sharing is inconsistent."),
    h3("Recommendation 2"),
    p(_syv_r2),
    h3("Recommendation 3"),
    p(_syv_r3),
    h3("Recommendation 4"),
    p(_syv_r4),
    h2("Annex A: Summary of recommendations"),
    ol([_syv_r1, _syv_r2, _syv_r3, _syv_r4]),
    h2("Annex B: Methodology"),
    p("We visited eight forces and interviewed 190 officers, staff and partners."),
]
add(slug="police-tackling-serious-youth-violence",
    title="An inspection of how well the police tackle serious youth violence",
    published=date(2025, 7, 3), type="Thematic inspection", all_forces=True,
    summary=["We examined how well the police work with partners to prevent serious violence involving young people."],
    report=_syv, expected=(4, 2, 0, 0))

# 15 ---------------------------------------------------------------------------------------
_df = [
    h2("Summary"),
    p("Demand for digital forensics continues to grow. Backlogs in most forces mean that victims wait too long for their devices to be examined and returned."),
    h2("Recommendations"),
    ol(["By 30 April 2026, chief constables should make sure that they understand the size of their digital forensics backlog and have a plan to reduce it.",
        "By 30 April 2026, the Home Office should set out how it will fund digital forensic capability in the longer term.",
        "By 30 June 2026, the NPCC lead for digital forensics should publish national standards for the triage of devices."]),
    h2("Areas for improvement"),
    h3("Area for improvement 1"),
    p("Forces should make sure that officers who use self-service kiosks are trained and that their competence is checked each year."),
    h3("Area for improvement 2"),
    p("Chief constables should make sure that victims are told how long they can expect to wait for their device to be returned."),
    h2("Findings"),
    p("Accreditation of digital forensic units has improved, but kiosk use is poorly controlled."),
]
add(slug="digital-forensics-inspection-2025",
    title="Digital forensics: an inspection of how police forces examine digital devices",
    published=date(2025, 10, 30), type="Thematic inspection", all_forces=True,
    summary=["We inspected how effectively police forces examine mobile phones, computers and other digital devices."],
    report=_df, expected=(3, 1, 2, 0))

# 16 corporate -----------------------------------------------------------------------------
_strat = [
    h2("Our purpose"),
    p("We promote improvements in policing and fire and rescue services to make everyone safer."),
    h2("Our priorities for 2025 to 2029"),
    ul(["Inspect in a way that is proportionate to risk.", "Make our findings clear and actionable.",
        "Follow up our recommendations so that the public can see whether they have been acted on."]),
    h2("How we will measure success"),
    p("We will publish an annual report on the progress forces and services have made against the recommendations and areas for improvement we have given them."),
]
add(slug="hmicfrs-strategy-2025-2029", title="Our strategy 2025 to 2029",
    published=date(2025, 1, 9), type="Corporate document",
    summary=["Our strategy sets out what we will achieve between 2025 and 2029."],
    report=_strat, expected=(0, 0, 0, 0))

# 17 ---------------------------------------------------------------------------------------
_lfb = [
    h2("Introduction"),
    p("In our 2023 inspection of London Fire Brigade we identified a cause of concern about how the brigade prepared for major incidents. We made three recommendations to address it. We revisited the brigade in January 2025 to assess its progress."),
    h2("The cause of concern"),
    quote("The brigade hasn&#8217;t made sure that it is prepared to respond to major incidents in high-rise buildings."),
    h3("Recommendations made in 2023"),
    quote("By 31 March 2024, the brigade should make sure that all control room staff are trained in handling fire survival guidance calls.",
          "By 31 March 2024, the brigade should make sure that its evacuation policy is understood by all operational staff.",
          "By 31 March 2024, the brigade should test its high-rise procedures in realistic exercises with partner organisations."),
    h2("What we found"),
    p("All three recommendations have been completed. Control room staff have been trained, and the brigade has carried out four large-scale exercises."),
    h2("Conclusion"),
    p("We are satisfied that the brigade has made sufficient progress. We have closed the cause of concern. We make no new recommendations and have not identified any new areas for improvement."),
]
add(slug="london-fire-brigade-cause-of-concern-revisit-2025",
    title="London Fire Brigade: revisit to consider progress against the cause of concern",
    published=date(2025, 3, 5), type="Fire and rescue service inspection",
    services=["London Fire Brigade"],
    summary=["We revisited London Fire Brigade to assess its progress against the cause of concern we identified in 2023."],
    report=_lfb, expected=(0, 0, 0, 0))

# 18 ---------------------------------------------------------------------------------------
_oocr = [
    h2("Foreword"),
    p("Out-of-court resolutions can be a swift and effective response to low-level offending by adults. This joint inspection by three inspectorates examined how they are used."),
    h2("Summary"),
    p("Decisions to use out-of-court resolutions were generally appropriate, but conditions attached to them were rarely monitored, and victims were not always consulted."),
    h2("Findings"),
    p("Scrutiny panels existed in every area, but few had independent members."),
    h2("Recommendations"),
    p("We make four recommendations."),
    ol(["By 31 December 2025, chief constables and police and crime commissioners should make sure that each area has an independent scrutiny panel that reviews a sample of out-of-court resolutions.",
        "By 31 December 2025, the Ministry of Justice should publish national data on the use of out-of-court resolutions for adults.",
        "By 31 March 2026, the Crown Prosecution Service and the NPCC lead for out-of-court resolutions should agree how the views of victims are recorded.",
        "By 31 March 2026, the Probation Service should make sure that its staff are informed when an adult they supervise receives an out-of-court resolution."]),
]
add(slug="joint-thematic-inspection-out-of-court-resolutions-adults",
    title="A joint thematic inspection of out-of-court resolutions for adults",
    published=date(2025, 3, 20), type="Joint inspection", all_forces=True,
    joint_with=["HM Crown Prosecution Service Inspectorate", "HM Inspectorate of Probation"],
    summary=["Three inspectorates examined how out-of-court resolutions are used for adults who offend."],
    report=_oocr, expected=(4, 1, 0, 0))

# 19 ---------------------------------------------------------------------------------------
_as_afis = [
    ("Crime recording", "The force should make sure that it records crimes reported to it in line with national standards, including behavioural crimes such as coercive control."),
    ("Victim contact", "The force should make sure that victims are updated regularly about their cases."),
    ("Stop and search", "The force should make sure that officers record the grounds for every stop and search."),
    ("Workforce planning", "The force should improve its workforce planning so that it has enough detectives."),
]
_as = [
    h2("Overview"),
    p("We have concerns about how Avon and Somerset Constabulary protects vulnerable people and responds to the public. We have identified two causes of concern and four areas for improvement."),
    h3("Causes of concern"),
    ul(["Protecting vulnerable people", "Responding to the public"]),
    h3("Areas for improvement"),
    ul([t for t, _ in _as_afis]),
    h2("Protecting vulnerable people"),
    h3("Cause of concern: Protecting vulnerable people"),
    p("The force doesn&#8217;t always identify vulnerable people and assess the risks to them. Safeguarding referrals were missing in a third of the cases we reviewed."),
    h4("Recommendation 1"),
    p("By 31 May 2026, Avon and Somerset Constabulary should make sure that: (a) officers identify vulnerability at every incident; and (b) safeguarding referrals are made in every case where they are needed."),
    h4("Recommendation 2"),
    p("By 31 May 2026, the chief constable should make sure that the force&#8217;s public protection teams have enough trained investigators."),
    h2("Responding to the public"),
    h3("Cause of concern: Responding to the public"),
    p("The force takes too long to attend incidents, including some where people are vulnerable."),
    h4("Recommendation 3"),
    p("By 31 March 2026, the force should make sure that it attends incidents within its published attendance times."),
    h2("Recording data about crime"),
    afi(*_as_afis[0]),
    h2("Investigating crime"),
    afi(*_as_afis[1]),
    h2("Treatment of the public"),
    afi(*_as_afis[2]),
    h2("Leadership and force management"),
    afi(*_as_afis[3]),
    practice("Neighbourhood problem-solving", "The force&#8217;s problem-solving hub helps neighbourhood teams evaluate the tactics they use."),
]
add(slug="peel-2025-avon-and-somerset-constabulary",
    title="PEEL 2025: An inspection of Avon and Somerset Constabulary",
    published=date(2025, 11, 27), type="PEEL assessment", forces=["Avon and Somerset Constabulary"],
    summary=["Our PEEL inspection assessed how good Avon and Somerset Constabulary is in several areas of policing."],
    report=_as, expected=(3, 3, 4, 2))

# 20 ---------------------------------------------------------------------------------------
_mc = [
    h2("Foreword"),
    p("Every year, tens of thousands of children go missing. Most return quickly, but some are at serious risk of harm while they are away."),
    h2("Summary"),
    p("The police response to missing children has improved, but it is still inconsistent. In 2016 we recommended that forces should record every missing episode on a single system. That recommendation remains unimplemented in several forces."),
    h2("1. The initial response"),
    p("Risk assessments were usually completed, but the grading of risk was often inconsistent."),
    p("<strong>Recommendation 1</strong><br>By 31 January 2026, the NPCC lead for missing persons should produce a national framework for grading the risk to missing children."),
    p("<strong>Recommendation 2</strong><br>By 31 March 2026, the College of Policing should update its authorised professional practice on missing persons to reflect the national framework."),
    h2("2. Investigations and searches"),
    p("Searches were well coordinated when the risk was high."),
    p("<strong>Recommendation 3</strong><br>By 31 March 2026, chief constables should make sure that every child who has been missing is offered a return home interview."),
    h2("3. Working with partners"),
    p("<strong>Recommendation 4</strong><br>By 30 June 2026, police and crime commissioners should make sure that return home interview services are adequately funded."),
    p("<strong>Recommendation 5</strong><br>By 30 June 2026, the Department for Education, working with chief constables and local authorities, should publish guidance for children&#8217;s homes on reporting children missing."),
]
add(slug="police-response-to-missing-children-inspection",
    title="Missing children: an inspection of the police response",
    published=date(2025, 5, 22), type="Thematic inspection", all_forces=True,
    summary=["We inspected how well the police respond when children go missing."],
    report=_mc, expected=(5, 1, 0, 0))


EXPECTED = {pub.slug: pub.expected for pub in PUBS}
TRIO = {
    "diverting-children-from-criminal-justice-joint-inspection": (18, 1, 0, 0),
    "group-based-child-sexual-exploitation-progress-report": (6, 4, 0, 0),
    "national-child-protection-inspection-west-midlands-police-november-2025": (0, 0, 7, 0),
}
assert len(PUBS) == 20
assert all(EXPECTED[k] == v for k, v in TRIO.items())
