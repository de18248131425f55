"""Force-specific and fire and rescue service reports."""
from __future__ import annotations

from .blocks import (F, G, H, L, P, Q, Box, Earlier, EarlierSet, Grades, Notes, Section,
                     SumList, T)


def _peel_about(force, year):
    return Section("about", "About this inspection", [
        P(f"This report sets out our findings on how well {force} provides policing to the public. "
          f"It is part of our PEEL {year} programme, in which we inspect every territorial police "
          "force in England and Wales."),
        P("We use a five-point scale to grade each area of policing we assess: outstanding, good, "
          "adequate, requires improvement and inadequate. Where we find that a force needs to "
          "improve, we may identify an area for improvement. Where we find a serious problem, we "
          "report a cause of concern and make recommendations to address it."),
    ])


def _next_steps(force, pcc):
    return Section("next-steps", "Next steps", [
        P(f"We expect {force} to produce an action plan within six weeks of the publication of this "
          "report, setting out how it will respond to our findings. We will monitor its progress."),
        P(f"Under section 55 of the Police Act 1996, the {pcc} must publish comments on this report "
          "within 56 days of its publication."),
    ])


# ---------------------------------------------------------------------------
# Humberside PEEL 2023-25 (PDF only)
# ---------------------------------------------------------------------------

def humberside_sections():
    return [
        _peel_about("Humberside Police", "2023\u201325"),
        Section("judgments", "Our judgments", [
            Grades([
                ("Police powers and public treatment", "Good"),
                ("Preventing crime", "Outstanding"),
                ("Responding to the public", "Good"),
                ("Investigating crime", "Good"),
                ("Protecting vulnerable people", "Adequate"),
                ("Managing offenders", "Requires improvement"),
                ("Developing a positive workplace", "Good"),
                ("Leadership and force management", "Outstanding"),
            ]),
        ]),
        Section("observations", "HM Inspector\u2019s observations", [
            P("I am pleased with the performance of Humberside Police in keeping people safe and "
              "reducing crime. The force has sustained the high standard we found in our last "
              "inspection and has improved further in some areas. Its leaders have a clear "
              "understanding of the demands the force faces and plan carefully to meet them."),
            P("There are some areas in which the force needs to improve. It needs to manage the risk "
              "posed by registered sex offenders more effectively, and it needs to understand the "
              "wellbeing of its officers and staff in the public protection unit better."),
            P("Roy Whitcombe, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("investigating", "Investigating crime", [
            P("The force carries out effective investigations that are well supervised. Victims are "
              "usually kept updated. However, where a victim withdraws support for an investigation, "
              "the force does not always record the reasons, and evidence-led prosecutions are not "
              "always considered."),
            F("afi", "The force should make sure that it records victims\u2019 reasons for withdrawing "
                     "support for investigations, and that it considers evidence-led prosecutions "
                     "where appropriate.", num="1"),
        ]),
        Section("offenders", "Managing offenders", [
            P("The force had 142 overdue visits to registered sex offenders at the time of our "
              "inspection. Some of the offenders concerned were assessed as posing a high risk."),
            F("afi", "The force should reduce the number of overdue visits to registered sex "
                     "offenders, prioritising those who pose the highest risk.", num="2"),
        ]),
        Section("workplace", "Developing a positive workplace", [
            P("The force has a strong wellbeing offer. Officers and staff in the public protection "
              "unit told us that their workloads were high and that they found it difficult to take "
              "up the support available."),
            F("afi", "The force should make sure that it understands the wellbeing needs of officers "
                     "and staff in its public protection unit and acts on them.", num="3"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Dyfed-Powys national child protection inspection (cards, upper-case labels)
# ---------------------------------------------------------------------------

DP_COC = ("The force does not adequately assess and manage the risk to children who go missing "
          "from home or from care.")
DP_RECS = [
    "Within three months, Dyfed-Powys Police should make sure that every report of a missing child "
    "is risk assessed by a trained supervisor, and that the assessment is reviewed at each stage of "
    "the enquiry.",
    "Within six months, the chief constable should make sure that return home interviews are "
    "requested for every child found after going missing, and that the information from them is "
    "recorded and used to protect the child.",
]
DP_AFIS = [
    ("The voice of the child",
     "The force should improve how it records the voice of the child in its safeguarding referrals."),
    ("Strategy discussions",
     "The force should make sure that it holds strategy discussions with children\u2019s social care "
     "promptly in every case where a child may be at risk of significant harm."),
    ("Operation Encompass",
     "The force should reduce the time it takes to tell schools about domestic abuse incidents "
     "involving their pupils through Operation Encompass."),
    ("Appropriate adults",
     "The force should make sure that children detained in custody are supported by an appropriate "
     "adult without delay."),
]


def dyfed_sections():
    coc = F("coc", DP_COC, title="Missing children", style="card", recs=[
        F("rec", t, num=str(i), cc=True, style="card") for i, t in enumerate(DP_RECS, 1)])
    afi = [F("afi", t, title=title, style="card") for title, t in DP_AFIS]
    return [
        Section("summary", "Summary", [
            P("We inspected how well Dyfed-Powys Police protects children between October and "
              "November 2024. The force covers the largest geographical area of any force in England "
              "and Wales, and much of it is rural."),
            P("We found that the force\u2019s officers and staff are committed to protecting children, "
              "and that its work with partner agencies is generally effective. But its response to "
              "children who go missing is not good enough, and we have concerns about the risk this "
              "presents."),
            P("We have identified one cause of concern, with two recommendations, and four areas for "
              "improvement."),
        ]),
        Section("introduction", "Introduction", [
            P("Our national child protection inspections look at how well each force protects "
              "children. In Dyfed-Powys we examined 96 cases and spoke to officers, staff and partners "
              "in all four local authority areas: Carmarthenshire, Ceredigion, Pembrokeshire and "
              "Powys."),
        ]),
        Section("missing", "Children who go missing", [
            P("In the year before our inspection, the force received 1,412 reports of missing "
              "children. In 17 of the 30 cases we examined, the initial risk assessment had not been "
              "reviewed by a supervisor, and in some of these the risk had been graded as low despite "
              "clear indicators of exploitation."),
            P("Return home interviews were requested in fewer than half of the cases where a child "
              "had been found. Where interviews took place, the information gathered was seldom "
              "added to police systems."),
            coc,
        ]),
        Section("referrals", "Referrals and information sharing", [
            P("Referrals to children\u2019s social care were made promptly in most cases. However, many "
              "referrals did not record what the child had said or how they had appeared."),
            afi[0],
            P("Strategy discussions were held in most cases where they were needed, but some were "
              "delayed by several days."),
            afi[1],
            P("The force notifies schools of domestic abuse incidents through Operation Encompass. "
              "Notifications were often sent more than 48 hours after the incident."),
            afi[2],
        ]),
        Section("custody", "Children in custody", [
            P("Children were detained in custody only when necessary. Appropriate adults were called "
              "promptly in working hours, but children detained overnight waited on average six hours "
              "for one to arrive."),
            afi[3],
        ]),
        _next_steps("Dyfed-Powys Police", "Dyfed-Powys Police and Crime Commissioner"),
    ]


# ---------------------------------------------------------------------------
# Lincolnshire crime data integrity (PDF only)
# ---------------------------------------------------------------------------

def lincs_sections():
    rec = F("rec", "By 31 December 2025, the force should:", num="1", cc=True, parts=[
        ("a", "make sure that all violent crimes, including behavioural crimes such as stalking, "
              "harassment and controlling or coercive behaviour, are recorded within 24 hours of "
              "being reported;"),
        ("b", "put in place arrangements to make sure that crimes disclosed to partner agencies, "
              "and shared with the force, are recorded; and"),
        ("c", "establish an audit regime that checks the accuracy of crime recording decisions "
              "every month and reports the results to chief officers."),
    ])
    coc = F("coc", "Lincolnshire Police is not recording enough of the crimes reported to it. We "
                   "estimate that the force fails to record 11.2 percent of the crimes reported to it "
                   "each year, and 17.6 percent of violent crimes.", recs=[rec])
    afis = [
        F("afi", "The force should make sure that cancelled crimes are reviewed by the force crime "
                 "registrar before they are cancelled.", num="1"),
        F("afi", "The force should make sure that it records reports of rape within 24 hours of "
                 "their being made.", num="2"),
        F("afi", "The force should make sure that it uses outcome codes correctly, in particular "
                 "outcomes 15 and 16.", num="3"),
    ]
    return [
        Section("summary", "Summary", [
            P("This inspection assessed how accurately Lincolnshire Police records crime. We "
              "examined crime reports and incident records for the period 1 June to 30 November "
              "2024."),
            Grades([("Crime recording", "Requires improvement")],
                   caption="Our judgment"),
            P("We estimate that the force records 88.8 percent of the crimes reported to it. This is "
              "a decline since our last inspection in 2019. The force\u2019s recording of violent "
              "crime, and of behavioural crimes in particular, is not good enough."),
        ]),
        Section("cause-of-concern", "Cause of concern", [
            coc,
        ]),
        Section("areas-for-improvement", "Areas for improvement", [
            G(None, afis, style="card"),
        ]),
        Section("findings", "Main findings", [
            P("The force has improved its recording of sexual offences since 2019, and its recording "
              "of crimes reported directly to the police is generally accurate. But many crimes "
              "reported during incidents attended by officers are not recorded, especially where "
              "the victim does not want the police to take action."),
            P("We examined 104 crimes that should have been cancelled only with the approval of the "
              "force crime registrar. In 21 of them, the crime had been cancelled by a supervisor "
              "without that approval."),
        ]),
        Section("annex", "Annex A: Audit results", [
            T(["Crime type", "Recorded", "Should have been recorded", "Recording rate"], [
                ["Violence against the person", "392", "476", "82.4%"],
                ["Sexual offences", "171", "177", "96.6%"],
                ["Other crime", "618", "658", "93.9%"],
            ], caption="Table 1: Audit findings"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Gwent PEEL 2025-27 (plain AFI paragraphs under per-chapter headings)
# ---------------------------------------------------------------------------

def gwent_sections():
    def afis(*texts):
        return G("Areas for improvement" if len(texts) > 1 else "Area for improvement",
                 [F("afi", t, style="plain") for t in texts], style="plain")
    return [
        _peel_about("Gwent Police", "2025\u201327"),
        Section("judgments", "Our judgments", [
            Grades([
                ("Police powers and public treatment", "Good"),
                ("Preventing crime", "Good"),
                ("Responding to the public", "Requires improvement"),
                ("Investigating crime", "Adequate"),
                ("Protecting vulnerable people", "Adequate"),
                ("Managing offenders", "Requires improvement"),
                ("Developing a positive workplace", "Adequate"),
                ("Leadership and force management", "Good"),
            ]),
        ]),
        Section("observations", "HM Inspector\u2019s observations", [
            P("Gwent Police has made progress since our last inspection. Its leaders have a good "
              "understanding of the force\u2019s demand and have acted to improve the service it gives "
              "to victims. The force works well with its communities and its partners, and it "
              "treats people fairly."),
            P("But the force still needs to improve how it responds to the public. Too many "
              "non-emergency calls are not answered. It also needs to improve how it supervises "
              "investigations and manages registered sex offenders."),
            P("Anne Holloway QPM, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("responding", "Responding to the public", [
            P("The force answers emergency calls quickly. But in the year to March 2025 it took "
              "more than three minutes on average to answer non-emergency calls, and 22 percent of "
              "callers abandoned their call before it was answered."),
            afis("The force should make sure that it answers non-emergency calls promptly and that "
                 "fewer callers abandon their calls."),
        ]),
        Section("investigating", "Investigating crime", [
            P("Investigations were generally proportionate, but in 29 of the 110 we examined there "
              "was no record of supervision, and investigation plans were often missing. Victims\u2019 "
              "needs were not always assessed, as the Code of Practice for Victims of Crime "
              "requires."),
            afis("The force should make sure that investigations are supervised effectively and that "
                 "investigation plans are recorded.",
                 "The force should make sure that it carries out and records a needs assessment for "
                 "every victim, as required by the Code of Practice for Victims of Crime."),
        ]),
        Section("vulnerable", "Protecting vulnerable people", [
            P("The force has a good understanding of vulnerability and trains its officers well. It "
              "was one of the first forces in Wales to use domestic abuse protection notices and "
              "orders, but it used them in fewer cases than it could have."),
            Box("Innovative practice", "Safeguarding in the custody suite",
                ["Independent domestic violence advisers are based in the force\u2019s custody suite at "
                 "Ystrad Mynach, so that victims can be offered support as soon as a suspect is "
                 "arrested."]),
            afis("The force should make sure that it applies for a domestic abuse protection order "
                 "in every case where one would protect the victim."),
        ]),
        Section("offenders", "Managing offenders", [
            P("The force had a backlog of 87 overdue risk assessments of registered sex offenders. "
              "Some had been overdue for more than six months."),
            afis("The force should make sure that it completes risk assessments of registered sex "
                 "offenders on time."),
        ]),
        Section("workplace", "Developing a positive workplace", [
            P("Most officers and staff told us that the force is a good place to work. But those in "
              "the public protection teams described heavy workloads and said they did not have "
              "time to use the wellbeing support on offer."),
            afis("The force should make sure that officers and staff in its public protection teams "
                 "have manageable workloads and access to wellbeing support."),
        ]),
        _next_steps("Gwent Police", "Gwent Police and Crime Commissioner"),
    ]


# ---------------------------------------------------------------------------
# Cleveland PEEL 2025-27 (accordions; cause of concern with a bulleted rec)
# ---------------------------------------------------------------------------

def cleveland_sections():
    coc = F("coc", "The force does not answer calls from the public quickly enough, and it does not "
                   "always assess the risk to callers well enough. This means that vulnerable people "
                   "may not get the help they need.",
            title="Responding to the public", style="accordion", recs=[
                F("rec", "Within three months, the force should make sure that it answers emergency "
                         "calls within ten seconds, in line with national standards, and that it "
                         "reduces the number of non-emergency calls that are abandoned.",
                  num="1", cc=True),
                F("rec", "Within six months, the force should put in place arrangements to ensure that:",
                  num="2", cc=True, bullets=[
                      "call handlers use a structured risk assessment for every call;",
                      "repeat and vulnerable callers are identified at first contact;",
                      "incidents are graded correctly and the grading is reviewed when deployment is "
                      "delayed;",
                      "supervisors in the control room have the time and training to oversee "
                      "decisions; and",
                      "callers are told when to expect a response and updated if it changes.",
                  ]),
            ])
    afi = [
        F("afi", "The force should improve how it records the use of stop and search, including the "
                 "grounds for each search.", title="Recording stop and search", style="accordion"),
        F("afi", "The force should make sure that it attends incidents within the times it has set.",
          title="Attendance times", style="accordion"),
        F("afi", "The force should improve the standard of its investigations of crimes involving "
                 "vulnerable victims.", title="Investigations involving vulnerable victims",
          style="accordion"),
        F("afi", "The force should make sure that it identifies repeat victims of anti-social "
                 "behaviour and works with partners to protect them.",
          title="Repeat victims of anti-social behaviour", style="accordion"),
        F("afi", "The force should improve how it plans its workforce, so that it has enough trained "
                 "detectives.", title="Workforce planning", style="accordion"),
    ]
    return [
        _peel_about("Cleveland Police", "2025\u201327"),
        Section("judgments", "Our judgments", [
            Grades([
                ("Police powers and public treatment", "Adequate"),
                ("Preventing crime", "Requires improvement"),
                ("Responding to the public", "Inadequate"),
                ("Investigating crime", "Requires improvement"),
                ("Protecting vulnerable people", "Adequate"),
                ("Managing offenders", "Good"),
                ("Developing a positive workplace", "Adequate"),
                ("Leadership and force management", "Requires improvement"),
            ]),
        ]),
        Section("observations", "HM Inspector\u2019s observations", [
            P("Cleveland Police has improved in several respects since it was removed from our "
              "enhanced monitoring process. Its leaders are committed to further improvement and "
              "its workforce is motivated. However, I have serious concerns about how the force "
              "responds to the public."),
            P("In the year to March 2025, only 71 percent of emergency calls were answered within "
              "ten seconds, and almost a third of non-emergency calls were abandoned. I have "
              "therefore identified a cause of concern and made two recommendations."),
            P("Roy Whitcombe, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("causes-of-concern", "Cause of concern", [
            P("Select each heading to see the detail."),
            coc,
        ]),
        Section("areas-for-improvement", "Areas for improvement", [
            G(None, afi, style="accordion"),
        ]),
        Section("powers", "Police powers and public treatment", [
            P("The force treats people fairly and with respect. Its use of stop and search was "
              "generally proportionate, but in 38 of the 200 records we reviewed the grounds were "
              "not recorded in enough detail for us to judge whether they were reasonable."),
        ]),
        Section("responding", "Responding to the public", [
            P("The control room was understaffed at the time of our inspection. Call handlers did "
              "not consistently use the THRIVE risk assessment model, and repeat callers were often "
              "not identified. Incidents were frequently downgraded when no officer was available."),
        ]),
        Section("investigating", "Investigating crime", [
            P("The force\u2019s investigations of crimes against vulnerable victims were not always "
              "thorough. The force has fewer detectives than it needs, and many investigations were "
              "allocated to officers without the necessary training."),
        ]),
        _next_steps("Cleveland Police", "Cleveland Police and Crime Commissioner"),
    ]


# ---------------------------------------------------------------------------
# Devon and Cornwall cause of concern revisit
# ---------------------------------------------------------------------------

def devon_sections():
    earlier = [
        Earlier("Recommendation 1",
                "Within three months, the force should make sure that it allocates every "
                "investigation to an officer with the right skills and experience.",
                "Partially met", "Allocation has improved, but 14 percent of serious investigations "
                "were still allocated to untrained officers."),
        Earlier("Recommendation 2",
                "Within three months, the force should make sure that supervisors review "
                "investigations regularly and record their direction.", "Met",
                "Supervisory reviews were recorded in 92 percent of the investigations we examined."),
        Earlier("Recommendation 3",
                "Within six months, the force should make sure that victims are kept informed of the "
                "progress of their investigations, in line with the Code of Practice for Victims of "
                "Crime.", "Met", "Victim contact was recorded in most cases."),
        Earlier("Recommendation 4",
                "Within six months, the force should make sure that it has enough trained detectives to "
                "meet its demand.", "Not met",
                "The force still has a shortfall of 118 detectives."),
    ]
    return [
        Section("introduction", "Introduction", [
            P("In our PEEL 2023\u201325 inspection of Devon and Cornwall Police, published in 2024, we "
              "identified a cause of concern about the force\u2019s investigation of crime. We said that "
              "the force was not investigating crime effectively and that victims were not always "
              "kept informed. We made four recommendations."),
            P("In June 2025 we revisited the force to assess its progress. This report sets out what "
              "we found."),
        ]),
        Section("cause-of-concern", "The 2024 cause of concern", [
            Q("The force is not investigating crime effectively. Investigations are not always "
              "allocated to officers with the right skills, they are not always supervised, and "
              "victims are not always kept informed.", "PEEL 2023\u201325: An inspection of Devon and "
              "Cornwall Police (2024)"),
        ]),
        Section("progress", "Progress against our recommendations", [
            EarlierSet(earlier, style="table", headers=("Recommendation (2024)", "Our assessment", "Status")),
        ]),
        Section("conclusion", "Our conclusion", [
            P("The force has made good progress on supervision and on keeping victims informed. "
              "But it has not been able to recruit and train enough detectives, and too many serious "
              "investigations are still being allocated to officers without the skills they need."),
            P("We have concluded that the cause of concern has been partly addressed. To secure "
              "further progress, we are replacing recommendations 1 and 4 with the following "
              "recommendation."),
            G("New recommendation", [
                F("rec", "By 31 March 2026, the force should make sure that it has enough trained "
                         "detectives in its criminal investigation department to allocate every "
                         "serious investigation to a qualified investigator within 48 hours of its "
                         "being recorded.", cc=True),
            ], style="plain"),
            P("We will continue to monitor the force\u2019s progress through our PEEL 2025\u201327 "
              "programme."),
        ]),
    ]


# ---------------------------------------------------------------------------
# Kent PEEL 2025-27
# ---------------------------------------------------------------------------

def kent_sections():
    def afi(t):
        return F("afi", t, style="flag")
    return [
        _peel_about("Kent Police", "2025\u201327"),
        Section("judgments", "Our judgments", [
            Grades([
                ("Police powers and public treatment", "Good"),
                ("Preventing crime", "Adequate"),
                ("Responding to the public", "Adequate"),
                ("Investigating crime", "Good"),
                ("Protecting vulnerable people", "Good"),
                ("Managing offenders", "Adequate"),
                ("Developing a positive workplace", "Outstanding"),
                ("Leadership and force management", "Good"),
            ]),
        ]),
        Section("observations", "HM Inspector\u2019s observations", [
            P("Kent Police is a well-led force that provides a good service to the public in most "
              "respects. Its investigations are thorough and it protects vulnerable people well. "
              "Its workforce told us that it is a supportive and inclusive place to work."),
            P("The force needs to understand better whether its crime prevention activity works, and "
              "to make sure that it keeps victims informed. I have identified four areas for "
              "improvement."),
            P("Anne Holloway QPM, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("preventing", "Preventing crime", [
            P("The force\u2019s neighbourhood teams are well established and know their communities. But "
              "the force rarely evaluates its prevention work, so it cannot tell which approaches "
              "reduce crime."),
            H("Area for improvement", 3),
            afi("The force should make sure that it evaluates its crime prevention activity, so that "
                "it understands what works."),
        ]),
        Section("responding", "Responding to the public", [
            P("Calls were answered promptly. However, in 14 of the 80 calls we reviewed, the call "
              "handler had not identified that the caller was vulnerable."),
            H("Area for improvement", 3),
            afi("The force should improve how it identifies vulnerability when it first receives a "
                "call."),
        ]),
        Section("investigating", "Investigating crime", [
            P("Investigations were well planned and supervised. Victims were not always told about "
              "the progress of their case, particularly when investigations were transferred between "
              "teams."),
            Box("Promising practice", "Investigation hubs",
                ["The force has set up investigation hubs in which volume crime investigators work "
                 "alongside analysts and digital media investigators. The hubs have reduced the "
                 "average time to charge for burglary by 19 days."]),
            H("Area for improvement", 3),
            afi("The force should make sure that it keeps victims updated on the progress of their "
                "investigations."),
        ]),
        Section("offenders", "Managing offenders", [
            P("The force manages registered sex offenders well. But people suspected of possessing "
              "indecent images of children sometimes waited months for their devices to be "
              "examined, and the risk they posed was not always reassessed in that time."),
            H("Area for improvement", 3),
            afi("The force should make sure that it manages the risk posed by people suspected of "
                "possessing indecent images of children while investigations are under way."),
        ]),
        _next_steps("Kent Police", "Kent Police and Crime Commissioner"),
    ]


# ---------------------------------------------------------------------------
# Merseyside custody (joint with HM Inspectorate of Prisons): manual numbering
# ---------------------------------------------------------------------------

_MERSEY_COC = ("Detainees were not always safe in custody. Observation levels were not always set "
               "according to risk, and some detainees who were under the influence of drink or "
               "drugs were not roused in line with national guidance.")
_MERSEY_RECS = [
    "The force should make sure that observation levels are set according to the risk each detainee "
    "presents, and that observations are carried out at the required frequency.",
    "The force should make sure that rousing checks are carried out and recorded in line with the "
    "College of Policing\u2019s authorised professional practice.",
]
_MERSEY_AFIS = [
    "The force should make sure that its strategic oversight of custody includes the analysis of the "
    "use of force on detainees.",
    "The force should make sure that detainees\u2019 property is stored securely and recorded "
    "accurately.",
    "The force should make sure that detainees held for more than 24 hours are offered a shower and a "
    "change of clothes.",
    "The force should make sure that a pre-release risk assessment is completed for every detainee, "
    "and that vulnerable detainees are given information about support services on release.",
]


def merseyside_sections():
    def coc(repeat=False, nums=("5.3", "5.4", "5.5")):
        return F("coc", _MERSEY_COC, num=nums[0], repeat=repeat, recs=[
            F("rec", t, num=n, cc=True, repeat=repeat) for n, t in zip(nums[1:], _MERSEY_RECS)])
    return [
        Section("introduction", "1. Introduction", [
            P("1.1 This report is one in a series of inspections of police custody carried out jointly "
              "by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue "
              "Services. These inspections form part of the joint work programme of the "
              "inspectorates and contribute to the United Kingdom\u2019s response to its international "
              "obligations under the Optional Protocol to the UN Convention against Torture."),
            P("1.2 We carried out an unannounced inspection of the five custody suites of Merseyside "
              "Police in September 2025. The suites have a total of 126 cells. In the year before the "
              "inspection, 31,642 people were detained."),
        ]),
        Section("leadership", "2. Leadership, accountability and partnerships", [
            P("2.1 There was a clear governance structure for custody, led by a chief superintendent. "
              "Performance data was collected but was not used to analyse the use of force on "
              "detainees, and the force could not tell us how often force had been used in custody."),
            G("Area for improvement", [F("afi", _MERSEY_AFIS[0], num="2.2")], style="manual"),
        ]),
        Section("booking-in", "3. Booking in and individual needs", [
            P("3.1 Detainees were booked in promptly and treated respectfully. Custody staff were "
              "attentive to individual needs, including those of women and children."),
            P("3.2 Property was kept in unlocked lockers in two suites, and the property records we "
              "checked were often incomplete."),
            G("Area for improvement", [F("afi", _MERSEY_AFIS[1], num="3.3")], style="manual"),
        ]),
        Section("conditions", "4. Conditions and detainee care", [
            P("4.1 Cells were generally clean. Detainees held for long periods were not routinely "
              "offered a shower or a change of clothes."),
            G("Area for improvement", [F("afi", _MERSEY_AFIS[2], num="4.2")], style="manual"),
        ]),
        Section("safeguarding", "5. Safeguarding and health care", [
            P("5.1 Health care was provided by an external contractor and was of a good standard. "
              "Liaison and diversion services were available in all suites."),
            P("5.2 We reviewed the custody records of 40 detainees who had been assessed as requiring "
              "observation. In 11, the observation level had not been set according to the risk "
              "recorded at booking in. In nine cases where rousing was required, checks were not "
              "carried out or were recorded without the detainee being roused."),
            G("Cause of concern and recommendations", [coc()], style="manual"),
        ]),
        Section("release", "6. Release and transfer from custody", [
            P("6.1 Pre-release risk assessments were completed in most cases, but were often "
              "superficial. Vulnerable detainees were not always given information about support "
              "services."),
            G("Area for improvement", [F("afi", _MERSEY_AFIS[3], num="6.2")], style="manual"),
        ]),
        Section("summary", "7. Summary of cause of concern, recommendations and areas for improvement", [
            G("Cause of concern and recommendations", [coc(repeat=True, nums=("7.1", "7.2", "7.3"))],
              style="manual"),
            G("Areas for improvement",
              [F("afi", t, num=f"7.{i}", repeat=True) for i, t in enumerate(_MERSEY_AFIS, 4)],
              style="manual"),
        ]),
        Section("appendix", "Appendix I: Inspection team", [
            T(["Name", "Role"], [
                ["Kieran Doyle", "HMI Prisons team leader"],
                ["Sarah Lomax", "HMICFRS inspector"],
                ["Peter Adeyemi", "Health care inspector"],
                ["Joanne Whitlock", "Researcher"],
            ]),
        ]),
    ]


# ---------------------------------------------------------------------------
# Northamptonshire PEEL 2025-27 ("AFI n" numbered paragraphs)
# ---------------------------------------------------------------------------

def northants_sections():
    return [
        _peel_about("Northamptonshire Police", "2025\u201327"),
        Section("judgments", "Our judgments", [
            Grades([
                ("Police powers and public treatment", "Requires improvement"),
                ("Preventing crime", "Good"),
                ("Responding to the public", "Requires improvement"),
                ("Investigating crime", "Adequate"),
                ("Protecting vulnerable people", "Good"),
                ("Managing offenders", "Good"),
                ("Developing a positive workplace", "Adequate"),
                ("Leadership and force management", "Adequate"),
            ]),
        ]),
        Section("observations", "HM Inspector\u2019s observations", [
            P("Northamptonshire Police has improved its response to vulnerable people and manages "
              "offenders well. But it is too slow to attend incidents that need a priority response, "
              "and its use of stop and search needs attention."),
            P("Roy Whitcombe, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("powers", "Police powers and public treatment", [
            P("People from Black and mixed-heritage backgrounds were 4.2 times more likely than white "
              "people to be stopped and searched in the force area. The force had not done enough to "
              "understand why."),
            F("afi", "The force should make sure that it uses stop and search fairly, and that it "
                     "monitors and explains any disproportionate use of the power on people from "
                     "ethnic minority backgrounds.", num="1", style="numpara"),
        ]),
        Section("responding", "Responding to the public", [
            P("The force attended only 54 percent of priority incidents within its target of one "
              "hour in the year to March 2025."),
            F("afi", "The force should improve how quickly it responds to incidents graded as "
                     "requiring a priority response.", num="2", style="numpara"),
        ]),
        Section("investigating", "Investigating crime", [
            P("The force investigates most crime to an adequate standard. Fraud investigations were "
              "often allocated to officers who had no training in them."),
            F("afi", "The force should make sure that officers and staff who investigate fraud "
                     "receive the training they need.", num="3", style="numpara"),
        ]),
        _next_steps("Northamptonshire Police", "Northamptonshire Police, Fire and Crime Commissioner"),
    ]


# ---------------------------------------------------------------------------
# Fire and rescue services
# ---------------------------------------------------------------------------

def _frs_grades(rows):
    return Section("judgments", "Our judgments", [Grades(rows)])


def staffs_sections():
    def afi(n, t):
        return F("afi", t, num=str(n), style="numpara")
    return [
        Section("about", "About this inspection", [
            P("This report sets out our findings from our inspection of Staffordshire Fire and Rescue "
              "Service. We assess how effective and efficient the service is, and how well it looks "
              "after its people."),
        ]),
        _frs_grades([
            ("Understanding the risk of fire and other emergencies", "Good"),
            ("Preventing fires and other risks", "Adequate"),
            ("Protecting the public through fire regulation", "Requires improvement"),
            ("Responding to fires and other emergencies", "Good"),
            ("Responding to major and multi-agency incidents", "Good"),
            ("Making best use of resources", "Adequate"),
            ("Making the fire and rescue service affordable now and in the future", "Good"),
            ("Promoting the right values and culture", "Requires improvement"),
            ("Getting the right people with the right skills", "Adequate"),
            ("Ensuring fairness and promoting diversity", "Requires improvement"),
            ("Managing performance and developing leaders", "Adequate"),
        ]),
        Section("overall", "HM Inspector\u2019s summary", [
            P("Staffordshire Fire and Rescue Service responds well to emergencies and understands the "
              "risks in its area. It has a balanced budget and sound plans for the future. But it "
              "needs to improve its protection work and its culture."),
            P("Sir Gareth Ellison, HM Inspector of Fire & Rescue Services", cls="sig"),
        ]),
        Section("prevention", "Preventing fires and other risks", [
            P("The service carried out more than 11,000 home fire safety visits last year. But fewer "
              "than half of them were to households identified as being at high risk of fire."),
            afi(1, "The service should make sure that it targets its home fire safety visits at the "
                   "people most at risk of fire."),
        ]),
        Section("protection", "Protecting the public through fire regulation", [
            P("The service\u2019s risk-based inspection programme did not include all the high-risk "
              "premises in its area, and it had fallen behind with the audits it had planned."),
            afi(2, "The service should make sure that its risk-based inspection programme prioritises "
                   "the highest-risk buildings, and that audits are carried out on time."),
            P("Unwanted fire signals from automatic alarms accounted for 38 percent of the "
              "incidents the service attended."),
            afi(3, "The service should work with businesses to reduce the number of unwanted fire "
                   "signals it attends."),
        ]),
        Section("culture", "Promoting the right values and culture", [
            P("Most staff told us they were proud to work for the service. But a significant minority "
              "said they had seen inappropriate behaviour and had not felt able to challenge it."),
            Box("Promising practice", "Independent reporting line",
                ["The service has introduced an independent, confidential reporting line, run by an "
                 "external provider, through which staff can raise concerns about behaviour."]),
            afi(4, "The service should make sure that staff feel able to challenge inappropriate "
                   "behaviour, and that senior leaders act as role models."),
        ]),
        Section("fairness", "Ensuring fairness and promoting diversity", [
            P("The service does not collect enough information about the diversity of its "
              "workforce to understand whether its processes are fair."),
            afi(5, "The service should improve how it collects and uses data on the diversity of its "
                   "workforce."),
        ]),
    ]


def cumbria_sections():
    coc = F("coc", "The service does not have an effective risk-based inspection programme, and it is "
                   "not auditing enough of the highest-risk premises in its area.",
            title="Protection", style="card", recs=[
                F("rec", "By 31 March 2026, the service should make sure that its risk-based "
                         "inspection programme identifies all high-risk premises, including those "
                         "where people sleep."),
                F("rec", "By 30 June 2026, the service should make sure that it has enough qualified "
                         "protection staff to deliver its risk-based inspection programme."),
            ])
    afis = [
        F("afi", "The service should make sure that it meets its response standards in rural areas.",
          title="Rural response"),
        F("afi", "The service should make sure that it has a clear and sustainable plan for the "
                 "recruitment and retention of on-call firefighters.", title="On-call firefighters"),
        F("afi", "The service should make sure that staff understand and have confidence in its "
                 "grievance and whistleblowing processes.", title="Grievance and whistleblowing"),
    ]
    return [
        Section("about", "About this inspection", [
            P("This report sets out our findings from our 2025 inspection of Cumbria Fire and Rescue "
              "Service, which since April 2023 has been part of Westmorland and Furness Council."),
        ]),
        _frs_grades([
            ("Understanding the risk of fire and other emergencies", "Adequate"),
            ("Preventing fires and other risks", "Good"),
            ("Protecting the public through fire regulation", "Inadequate"),
            ("Responding to fires and other emergencies", "Requires improvement"),
            ("Responding to major and multi-agency incidents", "Good"),
            ("Making best use of resources", "Adequate"),
            ("Making the fire and rescue service affordable now and in the future", "Adequate"),
            ("Promoting the right values and culture", "Adequate"),
            ("Getting the right people with the right skills", "Requires improvement"),
            ("Ensuring fairness and promoting diversity", "Adequate"),
            ("Managing performance and developing leaders", "Adequate"),
        ]),
        Section("overall", "HM Inspector\u2019s summary", [
            P("Cumbria Fire and Rescue Service serves a large and sparsely populated area. Its "
              "prevention work is good and it works well with other agencies. But I am concerned "
              "about its protection work, and I have identified a cause of concern."),
            P("Sir Gareth Ellison, HM Inspector of Fire & Rescue Services", cls="sig"),
        ]),
        Section("cause-of-concern", "Cause of concern", [coc]),
        Section("protection", "Protecting the public through fire regulation", [
            P("The service had audited only 112 of the 1,460 premises it had identified as high risk "
              "in the past three years. Its protection team had four vacancies and relied on staff "
              "who were still in training."),
        ]),
        Section("response", "Responding to fires and other emergencies", [
            P("The service met its response standard in urban areas, but not in rural areas, where "
              "on-call fire engines were often unavailable."),
        ]),
        Section("areas-for-improvement", "Areas for improvement", [
            G(None, afis, style="dl"),
        ]),
    ]
