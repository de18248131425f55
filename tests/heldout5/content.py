"""Twenty publications for the fifth held-out site, with prose written for this test.

Each publication's body is a list of blocks (see site.py for how they render to HTML and
PDF). `expected` is what a careful liaison officer counts, following the counting rules
in the site model (rules: docs/counting-rules.md); the reasoning is written next to each one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Pub:
    slug: str
    title: str
    published: date
    type: str
    summary: str
    body: list
    expected: dict
    forces: list = field(default_factory=list)  # [] = all forces / not a police report
    forces_line: str | None = "All police forces in England and Wales"
    services: list = field(default_factory=list)
    joint_with: list = field(default_factory=list)
    html: bool = True
    pdf: bool = False
    pdf_file: str = ""
    post_id: int = 0


def E(recs=0, cc=0, afi=0, coc=0):
    return {
        "recommendations": recs,
        "recommendations_to_chief_constables": cc,
        "areas_for_improvement": afi,
        "causes_of_concern": coc,
    }


# block constructors --------------------------------------------------------------------
def H2(text, anchor=None):
    return ("h2", text, anchor)


def H3(text):
    return ("h3", text)


def H4(text):
    return ("h4", text)


def P(html):
    return ("p", html)


def OL(items, start=1):
    return ("ol", list(items), start)


def UL(items):
    return ("ul", list(items))


def BOX(kind, label, paras):
    return ("box", kind, label, list(paras))


def TABLE(header, rows):
    return ("table", list(header), [list(r) for r in rows])


def QUOTE(paras):
    return ("quote", list(paras))


OLD = "https://www.justiceinspectorates.gov.uk/hmicfrs"

# 1 -------------------------------------------------------------------------------------
DIV_RECS = [
    "By 31 March 2026, the Home Office should publish a national framework for out-of-court "
    "work with children, setting out minimum standards for assessment, consent and "
    "record-keeping.",
    "By 31 March 2026, the Ministry of Justice should make sure that the national framework "
    "is reflected in the standards that youth justice services are inspected against.",
    "By 30 June 2026, the Youth Justice Board should issue guidance to youth justice services "
    "on how to record the outcome of every diversion decision, so that outcomes can be "
    "compared between areas.",
    "By 30 June 2026, the Youth Justice Board should publish, every year, the number of "
    "children diverted in each area, broken down by ethnicity, sex and age.",
    "By 31 March 2026, the National Police Chiefs' Council lead for children and young people "
    "should agree with the Youth Justice Board a single definition of diversion, for use by "
    "police forces and youth justice services alike.",
    "By 30 September 2026, the National Police Chiefs' Council lead for children and young "
    "people, in consultation with chief constables, should develop a joint decision-making "
    "protocol for police and youth justice services.",
    "By 30 June 2026, the College of Policing should include the diversion of children in its "
    "authorised professional practice on investigation and in the initial learning for new "
    "officers.",
    "By 30 September 2026, the College of Policing should evaluate the training that custody "
    "officers receive on the needs of children in custody, and publish what it finds.",
    "By 31 December 2026, the Home Office, working with chief constables, should make sure "
    "that police recording systems can show whether a child was referred to a youth justice "
    "service and what happened next.",
    "By 31 March 2026, chief constables should make sure that every decision to divert a "
    "child, or not to divert them, is made or reviewed by a supervisor trained in the joint "
    "decision-making process.",
    "By 30 June 2026, police and crime commissioners should review the money they provide for "
    "diversion schemes and make sure that funding is agreed for longer than a single "
    "financial year.",
    "By 30 June 2026, youth justice service managers should make sure that every child "
    "referred for an out-of-court disposal: (a) has a full assessment before a decision is "
    "made; (b) is told, in language they understand, what accepting the outcome means; and "
    "(c) has an appropriate adult with them when the outcome is explained.",
    "By 30 June 2026, youth justice service managers should make sure that the views of "
    "victims are sought and recorded before a diversion decision is made.",
    "By 30 September 2026, HM Prison and Probation Service should make sure that probation "
    "practitioners seconded to youth justice services are trained in the out-of-court "
    "framework.",
    "By 31 March 2026, the Crown Prosecution Service should issue guidance to prosecutors on "
    "the circumstances in which a child who has been offered diversion should not be "
    "prosecuted.",
    "By 31 December 2026, the Department for Education should make sure that schools are told "
    "when a child on their roll has accepted a diversionary outcome, where it is safe to do "
    "so.",
    "By 31 December 2026, NHS England should make sure that children diverted from the "
    "criminal justice system can have a speech, language and communication assessment "
    "without long delays.",
    "By 31 March 2027, the Ministry of Justice and the Home Office should jointly evaluate "
    "the effect of the national framework on reoffending and on racial disparity.",
]


def _rec_box(n):
    return BOX("rec", f"Recommendation {n}", [DIV_RECS[n - 1]])


DIVERTING = Pub(
    slug="effectiveness-of-diverting-children-from-the-criminal-justice-system",
    title="The effectiveness of diverting children from the criminal justice system",
    published=date(2025, 10, 15),
    type="Joint inspection",
    joint_with=["HM Inspectorate of Probation"],
    summary="A joint inspection, with HM Inspectorate of Probation, of how well police forces "
    "and youth justice services divert children away from the criminal justice system.",
    expected=E(recs=18, cc=1),
    # 18 numbered recommendations in the summary, some repeated word for word in the
    # chapters (counted once). Only no. 10 has chief constables as an actor: no. 6 is the
    # NPCC lead "in consultation with chief constables", no. 9 is the Home Office "working
    # with chief constables". No. 12 has parts (a)-(c): one recommendation.
    body=[
        H2("Foreword", "foreword"),
        P("Diverting a child away from the criminal justice system can change the course of "
          "their life. Done well, it means a child gets help quickly and a victim sees a "
          "response that is proportionate. Done badly, it means a child who needed support "
          "gets none, or a child who should have been prosecuted is not."),
        P("This is a joint inspection by HM Inspectorate of Constabulary and Fire &amp; Rescue "
          "Services and HM Inspectorate of Probation. We visited six police forces and the "
          "youth justice services that work with them. We make 18 recommendations. Most are "
          "for national bodies, because the problems we found are not ones that a single "
          "force or service can fix alone."),
        P(f'Our 2018 inspection of youth offending (available on our <a href="{OLD}/'
          'publications/youth-offending-2018/">old website</a>) recommended that forces '
          "record the reasons for each out-of-court decision. That recommendation remains "
          "unimplemented in most of the areas we visited."),
        H2("Summary", "summary"),
        P("Police forces and youth justice services are diverting more children than they did "
          "five years ago, but the way they do it varies widely. In some areas a child is "
          "assessed within days; in others they wait for months. We found that black "
          "children were less likely than white children to be offered diversion for similar "
          "offences, and nobody could tell us why."),
        H3("Recommendations"),
        OL(DIV_RECS),
        H2("1. Making the decision", "decision"),
        P("In every area, the decision to divert a child is shared between the police and "
          "the youth justice service. We found that the two organisations often used "
          "different words for the same thing, and different thresholds. Officers told us "
          "they were unsure what the youth justice service would offer."),
        _rec_box(5),
        _rec_box(6),
        P("Police systems in four of the six forces could not show what had happened to a "
          "child after they were referred. Supervisors rarely reviewed the decision."),
        _rec_box(9),
        _rec_box(10),
        H2("2. Assessment and intervention", "assessment"),
        P("The quality of assessment was good in half the cases we examined. Where it was "
          "poor, children were given interventions that did not match their needs. Victims "
          "were rarely asked for their views."),
        _rec_box(12),
        _rec_box(13),
        _rec_box(14),
        H2("3. Oversight and data", "oversight"),
        P("No national body collects information about diversion in a form that allows areas "
          "to be compared. Local scrutiny panels exist in most areas, but few of them look at "
          "disparity."),
        _rec_box(3),
        _rec_box(4),
        _rec_box(18),
        H2("Annex A: Methodology", "annex-a"),
        P("We examined 240 case files, interviewed 61 children and their parents or carers, "
          "and held focus groups with officers, youth justice staff and magistrates."),
    ],
)

# 2 -------------------------------------------------------------------------------------
OLD_RECS = [
    ("By 31 October 2023, chief constables should make sure that their forces record "
     "whether a child sexual abuse offence was committed by a group.", "Partially complete",
     "Most forces now use a flag, but eleven forces do not apply it consistently."),
    ("By 31 October 2023, chief constables should make sure that analysts are assigned to "
     "support investigations into group-based offending.", "Complete",
     "Every force we spoke to has analysts who support these investigations."),
    ("By 31 December 2023, the College of Policing should publish guidance on investigating "
     "group-based child sexual exploitation.", "Complete",
     "The guidance was published in March 2024."),
    ("By 31 December 2023, the NPCC lead for child protection should set up a network of "
     "force leads for child sexual exploitation.", "Complete",
     "The network meets every quarter."),
    ("By 31 March 2024, chief constables should make sure that victims are kept informed "
     "throughout long investigations, in line with the Victims' Code.", "Incomplete",
     "Victims told us they still go months without hearing from officers."),
    ("By 31 March 2024, the Home Office should review how data on group-based child sexual "
     "exploitation is collected nationally.", "Incomplete",
     "The review has started but is not expected to report until 2026."),
    ("By 31 March 2024, chief constables should make sure that disruption tactics are "
     "recorded and evaluated.", "Partially complete",
     "Tactics are recorded but rarely evaluated."),
    ("By 30 June 2024, the National Crime Agency should offer specialist support to forces "
     "with complex investigations.", "Complete",
     "The agency has supported 14 investigations since 2023."),
    ("By 30 June 2024, police and crime commissioners should make sure that services for "
     "victims of child sexual exploitation are commissioned for at least three years at a "
     "time.", "Incomplete",
     "Most services are still commissioned one year at a time."),
]

GB_NEW = [
    "By 30 April 2026, chief constables should make sure that every allegation of "
    "group-based child sexual exploitation is flagged on force systems, so that the scale of "
    "offending can be understood.",
    "By 30 June 2026, chief constables should make sure that every officer who investigates "
    "group-based child sexual exploitation has completed the specialist training developed "
    "by the College of Policing.",
    "By 30 June 2026, all police forces should have a named lead for child sexual "
    "exploitation who reports directly to a chief officer.",
    "By 30 September 2026, chief constables and the National Crime Agency should agree how "
    "intelligence about offenders who operate across force boundaries is shared and acted "
    "on.",
    "By 31 March 2026, the NPCC lead for child protection should publish a national problem "
    "profile of group-based child sexual exploitation and update it every year.",
    "By 31 December 2026, the Home Office, supported by chief constables and the National "
    "Crime Agency, should commission an independent evaluation of the tactics used to "
    "disrupt offending groups.",
]


def _gb_review():
    out = []
    for i, (text, status, note) in enumerate(OLD_RECS, 1):
        out.append(H4(f"Recommendation {i} (2023)"))
        out.append(QUOTE([text]))
        out.append(P(f"<strong>Status:</strong> {status}. {note}"))
    out.append(H4("Area for improvement (2023)"))
    out.append(QUOTE(["Forces should make better use of information from partner agencies to "
                      "identify children at risk of exploitation."]))
    out.append(P("<strong>Status:</strong> Complete. Forces now receive regular information "
                 "from schools and health services."))
    return out


GBCSE = Pub(
    slug="effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
    title="The police and law enforcement response to group-based child sexual exploitation: "
    "progress report",
    published=date(2025, 10, 24),
    type="Inspection progress report",
    summary="We revisited our 2023 inspection of the response to group-based child sexual "
    "exploitation to find out how much progress has been made.",
    pdf=True,
    pdf_file="group-based-cse-progress-report.pdf",
    expected=E(recs=6, cc=4),
    # The 9 recommendations and 1 AFI from 2023 are reviewed, not made. New: 6; chief
    # constables are actors in nos. 1-4 (no. 3 "all police forces"; no. 4 "chief constables
    # and the National Crime Agency"); no. 5 is the NPCC lead; no. 6 the Home Office
    # "supported by chief constables". HTML and PDF are the same report.
    body=[
        H2("Introduction", "introduction"),
        P("In 2023 we inspected how well the police and other law enforcement agencies "
          "respond to group-based child sexual exploitation. That report made nine "
          "recommendations and identified one area for improvement. In this report we "
          "assess the progress made against each of them, and we make six new "
          "recommendations."),
        P("Progress has been uneven. The national bodies have done most of what we asked. "
          "Forces have done less, and some victims are still let down."),
        H2("Progress against our 2023 recommendations", "progress"),
        P("For each recommendation and area for improvement from our 2023 report, we give "
          "the original text and our assessment of progress."),
        *_gb_review(),
        H2("Our conclusions", "conclusions"),
        P("Of the nine 2023 recommendations, four are complete, two are partially complete "
          "and three are incomplete. We will continue to monitor the outstanding "
          "recommendations through our regular inspections."),
        H2("New recommendations", "new-recommendations"),
        *[x for i, t in enumerate(GB_NEW, 1) for x in (H4(f"Recommendation {i}"), P(t))],
        H2("Annex: About our data", "annex"),
        P("We collected data from all 43 forces in England and Wales and from the National "
          "Crime Agency, and we reviewed 120 investigations."),
    ],
)

# 3 -------------------------------------------------------------------------------------
WMP_AFIS = [
    ("Risk assessment for missing children",
     "West Midlands Police should make sure that risk assessments for missing children take "
     "account of previous missing episodes and of known associates."),
    ("Recording the voice of the child",
     "West Midlands Police should make sure that officers record the views, demeanour and "
     "behaviour of every child they deal with, so that decisions reflect the child's "
     "experience."),
    ("Strategy discussions",
     "West Midlands Police should make sure that officers attend and contribute to all "
     "strategy discussions within the agreed timescales."),
    ("Use of police protection powers",
     "West Midlands Police should improve the supervision of police protection powers, so "
     "that they are used only when necessary and children are not kept in police stations."),
    ("Children in custody",
     "West Midlands Police should make sure that children who are charged and refused bail "
     "are moved to local authority accommodation, and should record the reasons when this "
     "does not happen."),
    ("Online child abuse investigations",
     "West Midlands Police should reduce delays in examining digital devices seized in "
     "online child sexual abuse investigations."),
    ("Notifications to schools",
     "West Midlands Police should make sure that schools are told about domestic abuse "
     "incidents involving their pupils before the start of the next school day."),
]


def _wmp_afi(n):
    title, text = WMP_AFIS[n - 1]
    return [H4(f"Area for improvement {n}: {title}"), P(text)]


WMP = Pub(
    slug="west-midlands-national-child-protection-inspection-november-2025",
    title="West Midlands Police: national child protection inspection",
    published=date(2025, 11, 20),
    type="Child protection inspection",
    forces=["West Midlands Police"],
    forces_line="West Midlands Police",
    summary="Our inspection of how well West Midlands Police protects children at risk of "
    "harm.",
    expected=E(afi=7),
    # 7 AFI titles in the summary, each again in its chapter with its text: 7 AFIs.
    body=[
        H2("Introduction", "introduction"),
        P("This inspection is part of our national child protection inspection programme. "
          "We examined how well West Midlands Police works with partner agencies to protect "
          "children, from the first call to the outcome of an investigation."),
        P("Our previous inspection of the force, in 2019, made six recommendations. The force "
          "has acted on most of them, and we saw the benefit of that work."),
        H2("Summary of findings", "summary"),
        P("Officers and staff are committed to protecting children, and the force's senior "
          "leaders give child protection a high priority. But the quality of the force's "
          "work varies between its local policing areas."),
        H3("Areas for improvement"),
        P("We found seven areas for improvement. We list them here and describe each in the "
          "chapter that follows:"),
        UL([t for t, _ in WMP_AFIS]),
        H2("Initial contact and response", "initial-contact"),
        P("Call handlers identified risk well in most of the cases we examined. The response "
          "to children who go missing was less consistent."),
        *_wmp_afi(1),
        *_wmp_afi(2),
        BOX("practice", "Promising practice",
            ["<strong>Youth engagement officers</strong>",
             "The force has placed an officer in each of its local policing areas to work "
             "with children who have been reported missing three or more times. Early "
             "results show fewer repeat episodes."]),
        H2("Assessment and help", "assessment"),
        P("The force shares information with children's social care quickly, but officers "
          "do not always take part in the discussions that follow."),
        *_wmp_afi(3),
        *_wmp_afi(4),
        H2("Investigation", "investigation"),
        P("Investigations were generally thorough. Delays in examining devices meant that "
          "some children waited too long for an outcome."),
        *_wmp_afi(5),
        *_wmp_afi(6),
        H2("Working with schools", "schools"),
        P("The force takes part in a scheme that tells schools when a pupil has been affected "
          "by domestic abuse at home."),
        *_wmp_afi(7),
        H2("Next steps", "next-steps"),
        P("We will ask the force to tell us how it intends to respond to the areas for "
          "improvement, and we will monitor its progress."),
    ],
)

# 4 -------------------------------------------------------------------------------------
CUMBRIA = Pub(
    slug="peel-2025-an-inspection-of-cumbria-constabulary",
    title="PEEL 2025: An inspection of Cumbria Constabulary",
    published=date(2025, 7, 3),
    type="PEEL inspection",
    forces=["Cumbria Constabulary"],
    forces_line="Cumbria Constabulary",
    summary="Our PEEL inspection assessed how good Cumbria Constabulary is in several areas "
    "of policing.",
    expected=E(recs=2, cc=2, afi=6, coc=1),
    # One cause of concern with two recommendations to the chief constable (force-specific,
    # so applicable to chief constables). Six AFIs as bold lead-ins. The 2022 AFI mentioned
    # in prose is not a finding of this report.
    body=[
        H2("Our judgments", "judgments"),
        TABLE(["Area of policing", "Grade"], [
            ["Police legitimacy", "Adequate"],
            ["Preventing crime", "Adequate"],
            ["Responding to the public", "Inadequate"],
            ["Investigating crime", "Requires improvement"],
            ["Protecting vulnerable people", "Requires improvement"],
            ["Managing offenders", "Good"],
            ["Developing a positive workplace", "Adequate"],
        ]),
        H2("Overall summary", "summary"),
        P("The constabulary's performance has declined since our last inspection in one "
          "important area: it is not answering calls from the public quickly enough. We have "
          "identified a cause of concern about this."),
        H2("Cause of concern", "cause-of-concern"),
        P("The constabulary doesn't answer emergency and non-emergency calls quickly enough. "
          "Too many callers abandon their calls, and the constabulary doesn't always assess "
          "the risk to the people who call it."),
        H4("Recommendation 1"),
        P("Within three months, the chief constable should make sure that the constabulary "
          "has enough trained call handlers on duty to answer emergency calls within ten "
          "seconds."),
        H4("Recommendation 2"),
        P("Within three months, the chief constable should make sure that call handlers use "
          "a structured risk assessment for every caller, and that abandoned calls are "
          "returned."),
        H2("Preventing crime", "preventing"),
        P("Neighbourhood officers know their communities well, but they are often taken away "
          "to cover response duties."),
        P("<strong>Area for improvement:</strong> The constabulary should make sure that its "
          "neighbourhood teams use problem-solving plans that are reviewed and evaluated."),
        H2("Responding to the public", "responding"),
        P("In our 2022 PEEL inspection we identified an area for improvement about call "
          "handling. The constabulary hasn't made enough progress against it, which is why "
          "we now have a cause of concern."),
        P("<strong>Area for improvement:</strong> The constabulary should make sure that "
          "repeat victims are identified when they first contact it."),
        H2("Investigating crime", "investigating"),
        P("<strong>Area for improvement:</strong> The constabulary should make sure that "
          "investigation plans are recorded and that supervisors review them."),
        P("<strong>Area for improvement:</strong> The constabulary should improve how it "
          "records the reasons when a victim does not support a prosecution."),
        BOX("practice", "Innovative practice",
            ["<strong>Drug-related deaths review panel</strong>",
             "The constabulary chairs a panel with health and council partners that reviews "
             "every drug-related death and shares what it learns across the county."]),
        H2("Protecting vulnerable people", "protecting"),
        P("<strong>Area for improvement:</strong> The constabulary should make sure that the "
          "risk to victims of domestic abuse is reassessed when their circumstances change."),
        H2("Developing a positive workplace", "workplace"),
        P("<strong>Area for improvement:</strong> The constabulary should make sure that all "
          "officers and staff have regular wellbeing conversations with their supervisors."),
    ],
)

# 5 -------------------------------------------------------------------------------------
DP_AFIS = [
    ("Responding to the public",
     "The force should improve how quickly it answers non-emergency calls, including those "
     "made through its online services."),
    ("Investigating crime",
     "The force should make sure that it allocates crimes to officers with the right skills "
     "and experience."),
    ("Police legitimacy",
     "The force should make sure that stop and search records are accurate and that the "
     "grounds for each search are scrutinised."),
    ("Developing a positive workplace",
     "The force should develop a workforce plan that addresses its shortage of detectives."),
]


def _dp_afi(n):
    return [H4("Area for improvement"), P(DP_AFIS[n - 1][1])]


DYFED = Pub(
    slug="peel-2025-an-inspection-of-dyfed-powys-police",
    title="PEEL 2025: An inspection of Dyfed-Powys Police",
    published=date(2025, 3, 12),
    type="PEEL inspection",
    forces=["Dyfed-Powys Police"],
    forces_line="Dyfed-Powys Police",
    summary="Our PEEL inspection assessed how good Dyfed-Powys Police is in several areas of "
    "policing.",
    expected=E(afi=4),
    # Four AFIs in a summary table, each repeated in its chapter: 4. "Our previous PEEL
    # inspection identified six areas for improvement" is prose.
    body=[
        H2("Overall summary", "summary"),
        P("Dyfed-Powys Police is good at preventing crime and at managing offenders. It "
          "needs to improve how it answers non-emergency calls and how it investigates "
          "crime."),
        P("Our previous PEEL inspection identified six areas for improvement. The force has "
          "addressed four of them."),
        H3("Areas for improvement"),
        TABLE(["Area of policing", "Area for improvement"], DP_AFIS),
        H2("Responding to the public", "responding"),
        P("Emergency calls are answered quickly, but callers to the non-emergency number "
          "wait too long."),
        *_dp_afi(1),
        H2("Investigating crime", "investigating"),
        P("Investigations are generally effective, but some complex crimes are allocated to "
          "inexperienced officers."),
        *_dp_afi(2),
        H2("Police legitimacy", "legitimacy"),
        BOX("practice", "Promising practice",
            ["<strong>Community scrutiny of body-worn video</strong>",
             "Members of the public review footage of stop and search encounters with "
             "officers every month, and the force publishes what they found."]),
        *_dp_afi(3),
        H2("Developing a positive workplace", "workplace"),
        *_dp_afi(4),
    ],
)

# 6 -------------------------------------------------------------------------------------
KENT_AFIS = [
    "The service should make sure that its risk-based inspection programme targets the "
    "premises that present the highest risk.",
    "The service should make sure that it has enough qualified fire safety inspectors to "
    "carry out its inspection programme.",
    "The service should make sure that learning from operational incidents is captured after "
    "every significant incident and acted on.",
    "The service should improve the availability of its on-call fire engines.",
    "The service should make sure that staff understand how to raise concerns and feel "
    "confident in doing so.",
]


def _kent(n):
    return P(f'<span class="kst-afi-label"><strong>Area for improvement</strong></span><br>'
             f"{KENT_AFIS[n - 1]}")


KENT = Pub(
    slug="fire-and-rescue-service-inspection-2025-kent-fire-and-rescue-service",
    title="Fire and rescue service inspection 2025: Kent Fire and Rescue Service",
    published=date(2025, 9, 9),
    type="Fire and rescue service inspection",
    forces_line=None,
    services=["Kent Fire and Rescue Service"],
    summary="Our inspection of the effectiveness and efficiency of Kent Fire and Rescue "
    "Service, and how well it looks after its people.",
    expected=E(afi=5),
    # Five "the service should" AFIs listed at the top and repeated in the chapters: 5.
    body=[
        H2("Overall summary", "summary"),
        TABLE(["Area", "Grade"], [
            ["Understanding fires and other risks", "Good"],
            ["Preventing fires and other risks", "Good"],
            ["Protecting the public through fire regulation", "Requires improvement"],
            ["Responding to fires and other emergencies", "Adequate"],
            ["Promoting the right values and culture", "Adequate"],
        ]),
        P("In our 2022 inspection we identified an area for improvement in how the service "
          "evaluates its prevention work. It has made good progress."),
        H2("Areas for improvement", "afis"),
        OL(KENT_AFIS),
        H2("Protecting the public through fire regulation", "protection"),
        P("The service has reduced the number of inspections it carries out, and it does not "
          "always choose the right premises."),
        _kent(1),
        _kent(2),
        H2("Responding to fires and other emergencies", "response"),
        _kent(3),
        _kent(4),
        H2("Promoting the right values and culture", "culture"),
        _kent(5),
    ],
)

# 7 (PDF only) --------------------------------------------------------------------------
CORNWALL = Pub(
    slug="fire-and-rescue-service-inspection-2025-cornwall-fire-and-rescue-service",
    title="Fire and rescue service inspection 2025: Cornwall Fire and Rescue Service",
    published=date(2025, 5, 22),
    type="Fire and rescue service inspection",
    forces_line=None,
    services=["Cornwall Fire and Rescue Service"],
    summary="Our inspection of the effectiveness and efficiency of Cornwall Fire and Rescue "
    "Service, and how well it looks after its people.",
    html=False,
    pdf=True,
    pdf_file="frs-2025-cornwall.pdf",
    expected=E(recs=2, afi=3, coc=1),
    # One cause of concern, two recommendations to the service (not chief constables),
    # three AFIs. PDF only.
    body=[
        H2("About this inspection"),
        P("We inspected Cornwall Fire and Rescue Service between January and March 2025. We "
          "graded the service in eleven areas."),
        H2("Cause of concern"),
        P("The service hasn't done enough to make sure that its on-call firefighters are "
          "trained and assessed to a safe standard. Records of training are incomplete, and "
          "some firefighters have not completed breathing apparatus refresher training for "
          "more than two years."),
        H3("Recommendations"),
        P("Recommendation 1: By 31 December 2025, the service should make sure that every "
          "on-call firefighter has completed the training needed for the role they perform."),
        P("Recommendation 2: By 31 December 2025, the service should introduce a system that "
          "records training and competence accurately and alerts managers when training is "
          "overdue."),
        H2("Areas for improvement"),
        OL([
            "The service should make sure that its prevention activity is targeted at the "
            "people most at risk from fire.",
            "The service should make sure that the information firefighters need about "
            "high-risk premises is up to date and easy to find.",
            "The service should improve the diversity of its workforce.",
        ]),
        H2("Our judgments"),
        P("We judged the service to be adequate at understanding risk and at preventing "
          "fires, and to require improvement at responding to emergencies and at making the "
          "best use of its resources."),
    ],
)

# 8 -------------------------------------------------------------------------------------
STALK_RECS = [
    "By 31 December 2025, chief constables should make sure that every report of stalking "
    "is recorded as a crime of stalking, and not as harassment or malicious communications, "
    "where the behaviour meets the definition.",
    "By 31 March 2026, chief constables should make sure that stalking protection orders "
    "are considered in every stalking investigation, and that the reasons for not applying "
    "for one are recorded.",
    "By 31 March 2026, the College of Policing should update its guidance on stalking to "
    "include: (a) how to recognise fixated and obsessive behaviour; (b) how to assess risk "
    "when the suspect is a former partner; and (c) how to gather evidence of online "
    "stalking.",
    "By 30 June 2026, the NPCC lead for stalking and harassment should agree a national set "
    "of measures for the police response to stalking.",
    "By 30 June 2026, chief constables and police and crime commissioners should make sure "
    "that every victim of stalking is offered referral to a specialist advocacy service.",
    "By 31 December 2026, the Home Office, working with chief constables, should make sure "
    "that stalking protection orders are recorded on the Police National Computer so that "
    "breaches can be identified.",
    "By 31 March 2026, the Crown Prosecution Service should make sure that prosecutors "
    "consider a charge of stalking in every case referred to them as harassment, and record "
    "their reasons.",
]

STALKING = Pub(
    slug="a-joint-inspection-of-the-police-and-cps-response-to-stalking",
    title="A joint inspection of the police and CPS response to stalking",
    published=date(2025, 6, 5),
    type="Joint inspection",
    joint_with=["HM Crown Prosecution Service Inspectorate"],
    summary="A joint inspection with HM Crown Prosecution Service Inspectorate of how the "
    "police and the CPS respond to stalking.",
    expected=E(recs=7, cc=3, afi=1),
    # 7 numbered recommendations; chief constables in nos. 1, 2 and 5. No. 6 is the Home
    # Office "working with chief constables". One AFI ("Forces should").
    body=[
        H2("Foreword", "foreword"),
        P("Stalking causes fear and distress that can last for years. Our 2017 joint "
          "inspection with HM Crown Prosecution Service Inspectorate made recommendations "
          "that were meant to improve the response. Some were implemented; others were not."),
        P("In this inspection we make seven recommendations and identify one area for "
          "improvement."),
        H2("Findings", "findings"),
        P("Stalking is still too often recorded as a lesser offence. Stalking protection "
          "orders are under-used. Victims told us that they had to repeat their accounts to "
          "several officers."),
        H2("Recommendations", "recommendations"),
        *[x for i, t in enumerate(STALK_RECS, 1) for x in (H4(f"Recommendation {i}"), P(t))],
        H2("Area for improvement", "afi"),
        P("Forces should make sure that victims of stalking are kept informed of the progress "
          "of their case, in line with the Victims' Code."),
        H2("Annex: Methodology", "methodology"),
        P("We inspected eight forces and the CPS areas that serve them, and examined 160 "
          "case files."),
    ],
)

# 9 -------------------------------------------------------------------------------------
VETTING = Pub(
    slug="an-inspection-of-vetting-and-the-handling-of-misconduct-allegations",
    title="An inspection of vetting and the handling of misconduct allegations in the police "
    "service",
    published=date(2025, 1, 14),
    type="Thematic inspection",
    summary="We inspected how well forces vet their officers and staff, and how they deal "
    "with allegations of misconduct.",
    expected=E(recs=8, cc=4, coc=1),
    # One cause of concern followed by recommendations 1-3, then 4-8 (ol start=4): 8.
    # Chief constables: 1, 2, 6 ("all police forces"), 8. Not: College (3), NPCC lead (4),
    # Home Office (5), PCCs (7).
    body=[
        H2("Summary", "summary"),
        P("Since 2022 we have made 43 recommendations about vetting and professional "
          "standards. Only 12 have been fully implemented. This inspection found that many "
          "of the weaknesses we reported then are still present."),
        H2("Cause of concern and recommendations", "coc"),
        H3("Cause of concern"),
        P("Too many forces are granting vetting clearance to applicants about whom there are "
          "unresolved concerns, and they don't record why."),
        P("To address this cause of concern, we make the following recommendations."),
        OL([
            "By 31 July 2025, chief constables should make sure that every vetting decision "
            "that departs from the College of Policing's guidance is recorded with a "
            "rationale and reviewed by a senior officer.",
            "By 31 July 2025, chief constables should make sure that their vetting units "
            "have enough trained staff to clear their backlogs within six months.",
            "By 31 October 2025, the College of Policing should amend its vetting guidance "
            "so that applicants with a pattern of complaints are refused clearance unless "
            "there are exceptional reasons.",
        ]),
        H2("Our other recommendations", "other"),
        OL([
            "By 31 December 2025, the NPCC lead for vetting should establish a system to "
            "share vetting decisions between forces.",
            "By 31 March 2026, the Home Office should bring forward legislation so that "
            "vetting clearance can be withdrawn through a statutory process.",
            "By 31 December 2025, all police forces should check their entire workforce "
            "against the Police National Database and act on what they find.",
            "By 31 March 2026, police and crime commissioners should make sure that their "
            "force's professional standards arrangements are scrutinised at least twice a "
            "year.",
            "With immediate effect, chief constables should make sure that officers under "
            "investigation for sexual misconduct are not deployed to work with vulnerable "
            "people.",
        ], start=4),
        H2("1. Vetting", "vetting"),
        P("We examined 600 vetting files. In one in ten, clearance was granted despite "
          "concerns that had not been resolved."),
        H2("2. Misconduct", "misconduct"),
        P("Investigations into misconduct took an average of eleven months. Officers under "
          "investigation were sometimes left in roles that brought them into contact with "
          "vulnerable people."),
    ],
)

# 10 (corporate) ------------------------------------------------------------------------
BUSINESS_PLAN = Pub(
    slug="hmicfrs-business-plan-2025-to-2026",
    title="HMICFRS business plan 2025 to 2026",
    published=date(2025, 4, 1),
    type="Corporate document",
    forces_line=None,
    summary="Our business plan sets out what we will do in 2025 to 2026 and how we will "
    "measure our performance.",
    expected=E(),
    body=[
        H2("Introduction", "introduction"),
        P("This plan sets out our priorities for the year and the resources we will use to "
          "deliver them."),
        H2("Our priorities", "priorities"),
        UL([
            "Complete the PEEL inspection programme for every police force in England and "
            "Wales.",
            "Inspect every fire and rescue service in England.",
            "Carry out thematic inspections agreed with the Home Secretary.",
            "Follow up the recommendations we make, and report publicly on progress.",
        ]),
        H2("Our performance last year", "performance"),
        P("Our inspections of police forces in 2024 to 2025 resulted in 214 recommendations "
          "and more than 1,000 areas for improvement. We identified 19 causes of concern."),
        H2("Our budget", "budget"),
        TABLE(["Item", "2025 to 2026"], [["Staff costs", "£24.1m"], ["Other costs", "£6.3m"]]),
    ],
)

# 11 (corporate, PDF only) --------------------------------------------------------------
ANNUAL_REPORT = Pub(
    slug="hmicfrs-annual-report-and-accounts-2024-to-2025",
    title="HMICFRS annual report and accounts 2024 to 2025",
    published=date(2025, 7, 17),
    type="Corporate document",
    forces_line=None,
    summary="Our annual report and accounts for the financial year 2024 to 2025.",
    html=False,
    pdf=True,
    pdf_file="hmicfrs-annual-report-2024-25.pdf",
    expected=E(),
    body=[
        H2("Performance report"),
        P("In 2024 to 2025 we published 87 reports. We made 214 recommendations and "
          "identified 1,032 areas for improvement and 19 causes of concern."),
        P("We track whether forces and services act on our recommendations. Of the "
          "recommendations we made in 2022, 61 percent have now been implemented."),
        H2("Accountability report"),
        P("The Chief Inspector is the accounting officer. This report describes how we "
          "governed the organisation during the year."),
        H2("Financial statements"),
        P("Total net expenditure for the year was 29.8 million pounds."),
    ],
)

# 12 ------------------------------------------------------------------------------------
DA_RECS = [
    "By 31 October 2025, the CPS should make sure that prosecutors consider an "
    "evidence-led prosecution in every domestic abuse case in which the victim withdraws "
    "support.",
    "By 31 October 2025, the CPS should improve the quality of the advice its prosecutors "
    "give to the police about the evidence needed in domestic abuse cases.",
    "By 31 December 2025, chief constables should make sure that body-worn video is used at "
    "every domestic abuse incident that officers attend.",
    "By 31 December 2025, chief constables should make sure that first responders are "
    "trained to gather evidence, such as 999 recordings, photographs and witness statements, "
    "that can support a prosecution without the victim's evidence.",
    "By 31 March 2026, the CPS and the NPCC lead for domestic abuse should jointly publish a "
    "revised national protocol on evidence-led prosecutions.",
    "By 31 March 2026, chief constables, working with the CPS, should set up a joint panel "
    "in each force area to review domestic abuse cases that are discontinued.",
]

DOMESTIC = Pub(
    slug="evidence-led-prosecutions-in-domestic-abuse-cases-a-joint-inspection",
    title="Evidence-led prosecutions in domestic abuse cases: a joint inspection",
    published=date(2025, 2, 26),
    type="Joint inspection",
    joint_with=["HM Crown Prosecution Service Inspectorate"],
    summary="A joint inspection with HM Crown Prosecution Service Inspectorate of how the "
    "police and the CPS build cases that do not rely on the victim.",
    expected=E(recs=6, cc=3),
    # Six bold-labelled recommendations; chief constables in 3, 4 and 6 (subject "chief
    # constables, working with the CPS"). 1, 2 CPS; 5 CPS and NPCC lead.
    body=[
        H2("Summary", "summary"),
        P("Many victims of domestic abuse withdraw their support for a prosecution. When "
          "that happens, the case can still proceed if the police and the CPS have gathered "
          "other evidence. We found that this happens far less often than it could."),
        P("Our 2021 joint inspection recommended that the police and the CPS agree a joint "
          "approach to these cases. That recommendation hasn't been implemented."),
        H2("Recommendations", "recommendations"),
        *[P(f"<strong>Recommendation {i}</strong><br>{t}") for i, t in enumerate(DA_RECS, 1)],
        H2("1. The police response", "police"),
        P("Body-worn video was used at fewer than half of the incidents we examined."),
        H2("2. The prosecution", "prosecution"),
        P("Prosecutors rarely asked the police for the evidence that would have allowed a "
          "case to proceed without the victim."),
    ],
)

# 13 (HTML and the same PDF) ------------------------------------------------------------
GMP = Pub(
    slug="greater-manchester-police-crime-data-integrity-revisit",
    title="Greater Manchester Police: crime data integrity revisit",
    published=date(2025, 8, 8),
    type="Revisit",
    forces=["Greater Manchester Police"],
    forces_line="Greater Manchester Police",
    summary="We revisited Greater Manchester Police to check its progress against the cause "
    "of concern we identified in 2024 about crime recording.",
    pdf=True,
    pdf_file="gmp-crime-data-integrity-revisit-2025.pdf",
    expected=E(afi=2),
    # Reviews the 2024 cause of concern, its three recommendations and two AFIs (none
    # counted), closes the cause of concern, and makes two new AFIs.
    body=[
        H2("Background", "background"),
        P("In our 2024 crime data integrity inspection, we identified a cause of concern "
          "about the accuracy of the force's crime recording. We made three recommendations "
          "to address it, and we identified two areas for improvement."),
        H2("Progress against the 2024 recommendations", "progress"),
        TABLE(["2024 recommendation", "Our assessment"], [
            ["By 31 December 2024, the force should make sure that all reports of violent "
             "crime are recorded within 24 hours.", "Met"],
            ["By 31 December 2024, the force should make sure that its crime registrar has "
             "the staff needed to audit crime recording.", "Met"],
            ["By 31 March 2025, the force should train all call handlers in the Home Office "
             "counting rules.", "Met"],
        ]),
        H3("The 2024 areas for improvement"),
        P("The force should improve how it records crimes reported by other agencies "
          "<em>(2024 area for improvement 1)</em>: we found that this has improved."),
        P("The force should make sure that crimes are not cancelled without evidence "
          "<em>(2024 area for improvement 2)</em>: some progress, but more is needed."),
        H2("Conclusion", "conclusion"),
        P("The force now records 95 percent of reported crime correctly. We have closed the "
          "cause of concern."),
        H2("New areas for improvement", "new-afis"),
        H4("Area for improvement 1"),
        P("The force should make sure that reports of anti-social behaviour are reviewed to "
          "identify crimes that should have been recorded."),
        H4("Area for improvement 2"),
        P("The force should make sure that the decision to cancel a recorded crime is "
          "authorised by its crime registrar."),
    ],
)

# 14 (PDF only) -------------------------------------------------------------------------
DIGITAL = Pub(
    slug="an-inspection-of-how-well-the-police-use-digital-forensics",
    title="An inspection of how well the police use digital forensics",
    published=date(2024, 12, 19),
    type="Thematic inspection",
    summary="We inspected how well police forces examine digital devices in investigations.",
    html=False,
    pdf=True,
    pdf_file="police-digital-forensics-inspection.pdf",
    expected=E(recs=4, cc=2),
    body=[
        H2("Summary"),
        P("Backlogs of devices waiting to be examined are growing in most forces. Victims "
          "and suspects wait months for an outcome while phones and computers sit in "
          "storage."),
        H2("Recommendations"),
        H4("Recommendation 1"),
        P("By 30 September 2025, chief constables should make sure that devices seized in "
          "investigations are examined within the timescales agreed with the investigating "
          "officer."),
        H4("Recommendation 2"),
        P("By 30 September 2025, chief constables should make sure that their digital "
          "forensic units are accredited to the standards set by the Forensic Science "
          "Regulator."),
        H4("Recommendation 3"),
        P("By 31 March 2025, the NPCC lead for digital forensics should publish a national "
          "model for deciding which devices to examine first."),
        H4("Recommendation 4"),
        P("By 31 March 2026, the Home Office should fund a national capability to examine "
          "data from vehicles."),
        H2("Methodology"),
        P("We inspected six forces and reviewed 90 investigations."),
    ],
)

# 15 ------------------------------------------------------------------------------------
MERSEYSIDE = Pub(
    slug="merseyside-police-national-child-protection-inspection",
    title="Merseyside Police: national child protection inspection",
    published=date(2025, 4, 30),
    type="Child protection inspection",
    forces=["Merseyside Police"],
    forces_line="Merseyside Police",
    summary="Our inspection of how well Merseyside Police protects children at risk of harm.",
    expected=E(recs=2, cc=2, afi=5),
    # Two "Merseyside Police should" recommendations (force-specific: chief constable) and
    # five AFIs in an ordered list.
    body=[
        H2("Summary", "summary"),
        P("The force has improved its response to children since our last inspection, but "
          "we found two areas where children are still at risk, and we make recommendations "
          "about them."),
        H2("Recommendations", "recommendations"),
        H4("Recommendation 1"),
        P("Within three months, Merseyside Police should make sure that every child who is "
          "detained overnight in custody is referred to the local authority for "
          "accommodation."),
        H4("Recommendation 2"),
        P("Within six months, Merseyside Police should review its response to children who "
          "go missing from care, making sure that return interviews are completed and the "
          "information from them is acted on."),
        H2("Areas for improvement", "afis"),
        OL([
            "The force should make sure that officers understand when to use police "
            "protection powers.",
            "The force should improve the quality of the referrals it makes to children's "
            "social care.",
            "The force should make sure that supervisors review investigations involving "
            "children at risk regularly.",
            "The force should make sure that it shares information about children at risk "
            "of exploitation with partner agencies promptly.",
            "The force should make sure that officers record the views of children when "
            "they attend domestic abuse incidents.",
        ]),
        H2("Detailed findings", "findings"),
        P("We examined 72 cases. In most, officers acted quickly to protect children."),
    ],
)

# 16 ------------------------------------------------------------------------------------
FRS_MISCONDUCT = Pub(
    slug="standards-of-behaviour-the-handling-of-misconduct-in-fire-and-rescue-services",
    title="Standards of behaviour: the handling of misconduct in fire and rescue services",
    published=date(2024, 8, 20),
    type="Fire and rescue thematic inspection",
    forces_line=None,
    services=["All fire and rescue services in England"],
    summary="We inspected how fire and rescue services in England deal with misconduct.",
    expected=E(recs=5),
    # Five recommendations: chief fire officers (3), Home Office, NFCC. None for chief
    # constables.
    body=[
        H2("Summary", "summary"),
        P("Most staff in fire and rescue services behave well. But we found that misconduct "
          "processes are slow and inconsistent, and that staff do not trust them."),
        H2("Recommendations", "recommendations"),
        OL([
            "By 1 March 2025, chief fire officers should make sure that their services have "
            "a confidential way for staff to report misconduct.",
            "By 1 March 2025, chief fire officers should make sure that misconduct "
            "investigations are carried out by trained investigators.",
            "By 1 June 2025, chief fire officers should publish the number of misconduct "
            "cases their services have dealt with and the outcomes.",
            "By 1 October 2025, the Home Office should introduce a national barred list for "
            "fire and rescue services.",
            "By 1 October 2025, the National Fire Chiefs Council should produce a national "
            "misconduct standard.",
        ]),
        H2("Findings", "findings"),
        P("We reviewed 150 misconduct cases in ten services."),
    ],
)

# 17 ------------------------------------------------------------------------------------
IOM = Pub(
    slug="a-joint-thematic-inspection-of-integrated-offender-management",
    title="A joint thematic inspection of integrated offender management",
    published=date(2024, 11, 11),
    type="Joint inspection",
    joint_with=["HM Inspectorate of Probation"],
    summary="A joint inspection with HM Inspectorate of Probation of how the police and "
    "probation services manage the offenders who cause most harm.",
    expected=E(recs=4, cc=1),
    # Four recommendations; no. 1 (parts (a)-(c)) has chief constables as an actor.
    body=[
        H2("Summary", "summary"),
        P("Integrated offender management brings the police and probation services together "
          "to manage prolific offenders. We found that the right offenders were not always "
          "selected, and that information was not shared well."),
        H2("Recommendations", "recommendations"),
        H4("Recommendation 1"),
        P("By 31 May 2025, chief constables and probation regional directors should jointly "
          "review the selection of offenders for integrated offender management in each "
          "area, making sure that: (a) selection is based on current risk; (b) it includes "
          "the offenders who cause the most harm, such as perpetrators of domestic abuse; "
          "and (c) the cohort is reviewed at least every three months."),
        H4("Recommendation 2"),
        P("By 31 May 2025, HM Prison and Probation Service should make sure that probation "
          "practitioners in integrated offender management teams have manageable "
          "caseloads."),
        H4("Recommendation 3"),
        P("By 31 October 2025, HM Prison and Probation Service should make sure that "
          "probation practitioners and police officers can see the same case information "
          "about the offenders they manage together."),
        H4("Recommendation 4"),
        P("By 31 March 2026, the Ministry of Justice and the Home Office should jointly "
          "evaluate the national integrated offender management strategy."),
    ],
)

# 18 ------------------------------------------------------------------------------------
GWENT_AFIS = [
    ("Identifying vulnerability at first contact",
     "The force should make sure that call handlers use a structured risk assessment for "
     "every call."),
    ("Managing registered sex offenders",
     "The force should reduce the number of overdue visits to registered sex offenders."),
    ("Supervision of investigations",
     "The force should make sure that supervisors review investigations at regular "
     "intervals and record clear direction."),
]


def _gwent(n):
    title, text = GWENT_AFIS[n - 1]
    return BOX("afi", "Area for improvement", [f"<strong>{title}</strong>", text])


GWENT = Pub(
    slug="peel-2025-an-inspection-of-gwent-police",
    title="PEEL 2025: An inspection of Gwent Police",
    published=date(2025, 10, 2),
    type="PEEL inspection",
    forces=["Gwent Police"],
    forces_line="Gwent Police",
    summary="Our PEEL inspection assessed how good Gwent Police is in several areas of "
    "policing.",
    expected=E(afi=3),
    # Three AFI titles listed in the summary, each again as a callout with text: 3.
    body=[
        H2("Overall summary", "summary"),
        P("Gwent Police is good at investigating crime and at building a positive "
          "workplace. It is adequate in most other areas."),
        H3("Areas for improvement"),
        UL([t for t, _ in GWENT_AFIS]),
        H2("Responding to the public", "responding"),
        P("The force answers calls quickly, but it does not always identify vulnerable "
          "callers."),
        _gwent(1),
        H2("Managing offenders", "offenders"),
        _gwent(2),
        BOX("practice", "Promising practice",
            ["<strong>Joint visits with probation</strong>",
             "Offender managers and probation practitioners visit high-risk offenders "
             "together, which has improved the information both organisations hold."]),
        H2("Investigating crime", "investigating"),
        _gwent(3),
    ],
)

# 19 ------------------------------------------------------------------------------------
ESSEX = Pub(
    slug="report-on-an-unannounced-inspection-of-police-custody-suites-in-essex",
    title="Report on an unannounced inspection of police custody suites in Essex",
    published=date(2025, 1, 23),
    type="Custody inspection",
    forces=["Essex Police"],
    forces_line="Essex Police",
    joint_with=["HM Inspectorate of Prisons"],
    summary="A joint inspection with HM Inspectorate of Prisons of police custody in Essex.",
    expected=E(recs=2, cc=2, afi=6, coc=1),
    # One cause of concern with two "the force should" recommendations (chief constable),
    # six AFIs in a bulleted list, each its own sentence.
    body=[
        H2("Introduction", "introduction"),
        P("This unannounced inspection of police custody in Essex was carried out jointly "
          "with HM Inspectorate of Prisons. We visited all four of the force's custody "
          "suites."),
        H2("Cause of concern and recommendations", "coc"),
        P("<strong>Cause of concern:</strong> Detainees at risk were not always checked as "
          "often as their risk assessments required, and some checks were recorded but not "
          "carried out."),
        P("<strong>Recommendation:</strong> The force should make sure that detainees are "
          "checked as often as their risk assessment requires."),
        P("<strong>Recommendation:</strong> The force should audit its custody records "
          "against CCTV to make sure that recorded checks took place."),
        H2("Areas for improvement", "afis"),
        UL([
            "The force should make sure that detainees are told about their rights in a way "
            "they understand.",
            "The force should make sure that detainees' property is recorded accurately.",
            "The force should make sure that children are not held in custody overnight "
            "unless there is no alternative.",
            "The force should improve the cleanliness of its cells.",
            "The force should make sure that detainees can have a shower and exercise when "
            "they are held for more than 24 hours.",
            "The force should make sure that the use of force in custody is recorded and "
            "reviewed.",
        ]),
        BOX("practice", "Notable practice",
            ["Custody staff at one suite had arranged for a local charity to offer support "
             "to every detainee on release."]),
    ],
)

# 20 ------------------------------------------------------------------------------------
ACTIVISM = Pub(
    slug="an-inspection-of-police-impartiality-and-activism",
    title="An inspection of police impartiality and activism",
    published=date(2025, 5, 13),
    type="Thematic inspection",
    summary="We inspected how forces make sure that officers and staff remain impartial.",
    expected=E(recs=5, cc=1),
    # Five recommendations; only no. 3 has chief constables as an actor. The 2021
    # recommendation in the foreword is prose.
    body=[
        H2("Foreword", "foreword"),
        P("Public confidence in the police depends on their being seen to be impartial. In "
          "our 2021 report we recommended that forces review their policies on officers' "
          "involvement in campaigns. Most forces have done so, but the policies differ "
          "widely."),
        P("We make five recommendations in this report."),
        H2("Recommendations", "recommendations"),
        H4("Recommendation 1"),
        P("By 31 December 2025, the College of Policing should publish guidance on how "
          "officers and staff may express personal views on social media."),
        H4("Recommendation 2"),
        P("By 31 December 2025, the College of Policing should include impartiality in its "
          "Code of Ethics training."),
        H4("Recommendation 3"),
        P("By 31 March 2026, chief constables should make sure that their forces' "
          "relationships with external campaign groups are reviewed every year."),
        H4("Recommendation 4"),
        P("By 31 March 2026, the NPCC and the College of Policing should jointly agree "
          "national principles on police participation in public events."),
        H4("Recommendation 5"),
        P("By 30 June 2026, the Home Office should make sure that its funding for police "
          "partnerships requires an impartiality assessment."),
        H2("Findings", "findings"),
        P("We reviewed the policies of all 43 forces and interviewed 140 officers and staff."),
    ],
)

PUBS: list[Pub] = sorted(
    [DIVERTING, GBCSE, WMP, CUMBRIA, DYFED, KENT, CORNWALL, STALKING, VETTING, BUSINESS_PLAN,
     ANNUAL_REPORT, DOMESTIC, GMP, DIGITAL, MERSEYSIDE, FRS_MISCONDUCT, IOM, GWENT, ESSEX,
     ACTIVISM],
    key=lambda p: p.published,
    reverse=True,
)
for _i, _p in enumerate(sorted(PUBS, key=lambda p: p.published), start=4101):
    _p.post_id = _i

TRIO = [DIVERTING.slug, GBCSE.slug, WMP.slug]
EXPECTED = {p.slug: p.expected for p in PUBS}
