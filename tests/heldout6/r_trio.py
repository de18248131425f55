"""Bodies of the three reports in the December 2025 committee paper, and of the 2023
report the progress report reviews."""
from __future__ import annotations

from .blocks import (F, G, H, L, P, Q, Box, Earlier, EarlierSet, Notes, Section,
                     SumList, T, Tabs)

# ---------------------------------------------------------------------------
# Diverting children from the criminal justice system (joint, HMI Probation)
# ---------------------------------------------------------------------------

DIVERT_FORCES = ["Avon and Somerset Constabulary", "Dyfed-Powys Police", "Durham Constabulary",
                 "Essex Police", "Merseyside Police", "West Midlands Police"]

_DIVERT_RECS = [
    ("Ministry of Justice", "31 December 2026",
     "By 31 December 2026, the Ministry of Justice should put in place a statutory framework for "
     "out-of-court resolutions for children, so that the decision to divert a child is made "
     "consistently and recorded in the same way in every area.", False),
    ("Ministry of Justice", "30 September 2026",
     "By 30 September 2026, the Ministry of Justice should publish annual national data on the use "
     "and outcomes of diversion for children, broken down by ethnicity, sex, age and care status.", False),
    ("Youth Justice Board", "30 June 2026",
     "By 30 June 2026, the Youth Justice Board should revise its case management guidance so that it "
     "sets clear expectations for the assessment, planning and review of diversion cases.", False),
    ("Youth Justice Board", "31 March 2027",
     "By 31 March 2027, the Youth Justice Board should develop a quality assurance framework for "
     "diversion work and use it in its oversight of youth justice services.", False),
    ("Home Office", "31 March 2026",
     "By 31 March 2026, the Home Office should amend the Home Office Counting Rules so that a "
     "decision to divert a child through a joint decision-making panel can be recorded as a distinct "
     "crime outcome.", False),
    ("Home Office", "30 September 2026",
     "By 30 September 2026, the Home Office, working with the National Police Chiefs\u2019 Council and "
     "chief constables, should review the national guidance on the use of outcome 22 for children "
     "and make sure it reflects the principles of child-first justice.", False),
    ("NPCC lead for children and young people", "30 June 2026",
     "By 30 June 2026, the National Police Chiefs\u2019 Council lead for children and young people "
     "should issue guidance on the membership, terms of reference and record-keeping of joint "
     "decision-making panels.", False),
    ("Chief constables", "31 March 2026",
     "By 31 March 2026, chief constables should make sure that every child who is eligible for "
     "diversion is referred to the youth justice service promptly, and that custody and "
     "investigating officers understand the diversion options available in their area.", True),
    ("College of Policing", "31 December 2026",
     "By 31 December 2026, the College of Policing should include diversion and child-first "
     "principles in the initial learning and continuing professional development of officers who "
     "deal with children.", False),
    ("Police and crime commissioners", "31 March 2026",
     "By 31 March 2026, police and crime commissioners should make sure that the diversion services "
     "they commission for children are evaluated, and that the results are shared with youth "
     "justice service management boards.", False),
    ("Youth justice service management boards", "30 June 2026",
     "By 30 June 2026, youth justice service management boards should receive and scrutinise "
     "performance information on diversion, including the over-representation of Black and "
     "mixed-heritage children.", False),
    ("Youth justice service management boards", "30 June 2026",
     "By 30 June 2026, youth justice service management boards should make sure that partners, "
     "including health and education, are represented at joint decision-making panels by people "
     "with the authority to commit resources.", False),
    ("Heads of youth justice services", "31 March 2026",
     "By 31 March 2026, heads of youth justice services should make sure that every child referred "
     "for diversion has a timely assessment that takes account of their needs, their safety and "
     "their wellbeing.", False),
    ("Heads of youth justice services", "30 September 2026",
     "By 30 September 2026, heads of youth justice services should make sure that children and their "
     "parents or carers understand the outcome given, what it means for their future and what they "
     "have agreed to do.", False),
    ("Directors of children\u2019s services", "30 September 2026",
     "By 30 September 2026, directors of children\u2019s services should make sure that children in "
     "care who come into contact with the police are not criminalised for behaviour that would be "
     "dealt with differently in a family home.", False),
    ("Department for Education", "31 March 2027",
     "By 31 March 2027, the Department for Education should issue guidance to schools on working "
     "with youth justice services to support children who are diverted from the criminal justice "
     "system.", False),
    ("NHS England", "31 December 2026",
     "By 31 December 2026, NHS England should make sure that liaison and diversion services are "
     "available to children in every police custody suite in England.", False),
    ("Welsh Government", "31 December 2026",
     "By 31 December 2026, the Welsh Government should work with youth justice services in Wales to "
     "make sure that the Children First approach to diversion is delivered consistently across all "
     "22 local authorities.", False),
]


def divert_sections():
    recs = [F("rec", text, num=str(i), owner=owner, deadline=dl, cc=cc)
            for i, (owner, dl, text, cc) in enumerate(_DIVERT_RECS, 1)]
    return [
        Section("foreword", "Foreword", [
            P("Every year, thousands of children in England and Wales come to the attention of the "
              "police for behaviour that could lead to a criminal record. For most of them, a formal "
              "prosecution is neither necessary nor helpful. Diversion \u2013 dealing with a child\u2019s "
              "offending outside the formal court process \u2013 can address the causes of that "
              "behaviour, repair harm to victims and keep a child\u2019s future open."),
            P("This is the first time our two inspectorates have looked together at how well diversion "
              "works from the moment a child is arrested or reported to the point at which their "
              "intervention ends. We wanted to know whether the right children are being diverted, "
              "whether decisions are fair and well recorded, and whether the work done with children "
              "makes a difference."),
            P("We found much to be encouraged by. Practitioners in youth justice services are committed "
              "and often skilled, and in several areas police officers and youth justice staff sit "
              "together to make decisions. But the picture is uneven. A child\u2019s chance of being "
              "diverted depends too much on where they live, and too little is known nationally about "
              "what diversion achieves. Black and mixed-heritage children are less likely than white "
              "children to be offered diversion, and nobody we spoke to could fully explain why."),
            P("Our recommendations are addressed to the many organisations that share responsibility "
              "for this work. We ask them to act together, and promptly."),
            P("Richard Talbot, HM Chief Inspector of Probation", cls="sig"),
            P("Anne Holloway QPM, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            H("What we did", 3),
            P("Between January and May 2025 we inspected six police forces and the youth justice "
              "services that work with them: Avon and Somerset Constabulary, Dyfed-Powys Police, "
              "Durham Constabulary, Essex Police, Merseyside Police and West Midlands Police. We "
              "examined 212 cases of children who had been considered for diversion, held focus "
              "groups with 146 practitioners and spoke to 38 children and 21 parents and carers."),
            H("What we found", 3),
            P("Diversion was used widely, and in most of the cases we examined the decision to divert "
              "was the right one. Where police and youth justice services had agreed a shared "
              "approach, decisions were quicker and children were seen sooner. In two areas, however, "
              "children waited more than eight weeks between their arrest and a decision, and some "
              "had been re-arrested in the meantime."),
            P("Assessments were generally thorough, but plans did not always say what the child would "
              "do or how success would be measured. Children\u2019s own views were recorded in fewer than "
              "half of the plans we read. Partners outside the police and youth justice services, in "
              "particular health and education, were often absent from decision-making."),
            P("Nationally, there is no statutory basis for most diversion outcomes and no shared "
              "definition of success. The data held by the Ministry of Justice, the Home Office and "
              "the Youth Justice Board does not allow anyone to say how many children are diverted "
              "each year, or what happens to them afterwards."),
            H("Our recommendations", 3),
            P("We make 18 recommendations. One is for chief constables. The others are for the "
              "Ministry of Justice, the Youth Justice Board, the Home Office, the National Police "
              "Chiefs\u2019 Council, the College of Policing, police and crime commissioners, youth justice "
              "service management boards and heads of service, directors of children\u2019s services, the "
              "Department for Education, NHS England and the Welsh Government. They are set out in "
              "full in the next section."),
        ]),
        Section("recommendations", "Recommendations", [
            G(None, recs, style="table",
              intro="Each recommendation below has an owner and a date by which we expect it to have "
                    "been achieved. We will follow up progress against them."),
        ]),
        Section("introduction", "1. Introduction", [
            P("The principal aim of the youth justice system, set out in section 37 of the Crime and "
              "Disorder Act 1998, is to prevent offending by children and young people. Diversion "
              "is one of the main ways in which that aim is pursued.[[1]]"),
            Q("It shall be the principal aim of the youth justice system to prevent offending by "
              "children and young persons.", "Crime and Disorder Act 1998, section 37(1)"),
            P("Diversion covers a range of outcomes. Some, such as youth cautions and youth "
              "conditional cautions, are formal and set out in law. Others, such as community "
              "resolutions and the outcome known as \u2018outcome 22\u2019, are informal and rely on local "
              "agreements between the police and youth justice services.[[2]] The Youth Justice "
              "Board\u2019s guidance describes the expected approach:"),
            Q("Youth justice services should make sure that every child considered for an out-of-court "
              "disposal receives an assessment proportionate to their needs before a decision is "
              "made.", "Youth Justice Board, Case management guidance (2023)"),
            P("In 2024 the number of first-time entrants to the youth justice system fell for the "
              "twelfth year in a row. That fall reflects, in part, greater use of diversion. But the "
              "reduction has not been shared equally: the proportion of first-time entrants who are "
              "Black or of mixed heritage has risen over the same period."),
            Notes([
                "Crime and Disorder Act 1998, section 37.",
                "Outcome 22 is defined in the Home Office Counting Rules as \u2018diversionary, educational "
                "or intervention activity, resulting from the crime report, has been undertaken and it "
                "is not in the public interest to take any further action\u2019.",
            ]),
        ]),
        Section("first-contact", "2. Arrest, first contact and referral", [
            P("How a child is treated in the first hours after arrest shapes what follows. In the "
              "best cases we saw, custody officers identified at the outset that a child might be "
              "suitable for diversion, contacted the youth justice service the same day and avoided "
              "unnecessary interviews under caution."),
            P("Elsewhere, practice depended on the knowledge of individual officers. Several "
              "investigators told us they did not know what diversion options existed in their "
              "area, and in 31 of the 212 cases the referral to the youth justice service was made "
              "more than a week after the child was first dealt with. In West Midlands Police, a "
              "single referral route for all six local authority areas had reduced delays "
              "significantly, though officers were still unclear about the criteria in one area."),
            P("The delays matter. A child who waits weeks to hear what will happen to them is less "
              "likely to engage, and victims are left without an outcome. This is why our "
              "recommendation to chief constables concerns prompt referral and officers\u2019 "
              "understanding of the options (recommendation 8)."),
            Box("Promising practice", "A youth justice worker in the custody suite",
                ["In Durham, a youth justice practitioner works in the main custody suite during the "
                 "busiest hours. They speak to every child who is brought in, advise custody "
                 "officers on the child\u2019s circumstances and make an early referral where diversion "
                 "is likely. Average time from arrest to decision fell from 27 days to 9 days in the "
                 "first year."]),
        ]),
        Section("decision-making", "3. Joint decision-making", [
            P("All six areas used some form of joint decision-making panel, where the police and the "
              "youth justice service decide together on the most suitable outcome. The panels "
              "varied widely in membership, in the information available to them and in how their "
              "decisions were recorded. Only two had written terms of reference that had been "
              "reviewed in the past two years."),
            P("Decisions were usually proportionate, and we agreed with the outcome in 183 of the 212 "
              "cases. But the reasons for decisions were often missing, which made it impossible to "
              "check whether similar cases were being treated alike. We saw no area that regularly "
              "examined panel decisions by ethnicity."),
            P("Health and education partners attended panels in only two areas. Where they did, they "
              "brought information that changed decisions: a school exclusion, an undiagnosed "
              "speech and language need, a history of self-harm. We make recommendations to "
              "management boards and to the National Police Chiefs\u2019 Council on panel membership and "
              "record-keeping."),
        ]),
        Section("interventions", "4. Working with children", [
            P("Once a child had been diverted, the work done with them was often good. Practitioners "
              "built trusting relationships, and many children told us that their worker was the "
              "first adult who had listened to them. Reparation activities were well chosen in most "
              "cases, and victims were offered the chance to take part in restorative work."),
            P("The quality of plans was weaker. Too many were lists of appointments rather than "
              "descriptions of what would change for the child. Safety and wellbeing were assessed "
              "well at the start, but were not always reviewed when circumstances changed. Children "
              "in care, in particular, were sometimes brought into the youth justice system for "
              "incidents in their placement that would have been handled by a parent at home."),
            P("Children and parents were not always clear what the outcome meant. Several parents "
              "believed that a community resolution would appear on a standard criminal record "
              "check; others did not know that a youth caution might be disclosed in some "
              "circumstances."),
        ]),
        Section("oversight", "5. Data, outcomes and oversight", [
            P("No national body can say how many children are diverted each year. The Ministry of "
              "Justice publishes data on formal out-of-court disposals, but the informal outcomes "
              "that now make up most diversion are not collected in a consistent way. Locally, "
              "management boards received data on volumes, but rarely on outcomes, reoffending or "
              "disproportionality."),
            P("Police and crime commissioners fund a significant proportion of diversion activity, "
              "either directly or through grants. Few of the schemes we looked at had been "
              "evaluated, and commissioning decisions were seldom informed by evidence of what "
              "worked."),
            P("Without better data, the system cannot learn. Our recommendations to the Ministry of "
              "Justice and the Youth Justice Board are intended to provide a national picture, and "
              "those to management boards to make sure local leaders use the information they "
              "already hold."),
        ]),
        Section("annex-a", "Annex A: Methodology", [
            P("The inspection was carried out jointly by HM Inspectorate of Probation and HMICFRS. "
              "In each of the six areas we examined a sample of cases, chosen at random from children "
              "considered for diversion between April and September 2024, and held interviews and "
              "focus groups with police officers and staff, youth justice practitioners, managers "
              "and partners."),
            T(["Area", "Police force", "Cases examined"], [
                ["Bristol and South Gloucestershire", "Avon and Somerset Constabulary", "36"],
                ["Carmarthenshire", "Dyfed-Powys Police", "34"],
                ["County Durham", "Durham Constabulary", "35"],
                ["Southend and Thurrock", "Essex Police", "35"],
                ["Liverpool", "Merseyside Police", "36"],
                ["Birmingham", "West Midlands Police", "36"],
            ], caption="Fieldwork areas"),
            P("We also reviewed national data and policy and interviewed representatives of the "
              "Ministry of Justice, the Home Office, the Youth Justice Board, the National Police "
              "Chiefs\u2019 Council and the College of Policing. HM Inspectorate of Probation\u2019s version "
              "of this report is published at "
              "{{a|https://hmiprobation.justiceinspectorates.gov.uk/document/effectiveness-of-diverting-children-from-the-criminal-justice-system/|"
              "hmiprobation.justiceinspectorates.gov.uk}}."),
        ]),
        Section("annex-b", "Annex B: Glossary", [
            T(["Term", "Meaning"], [
                ["Community resolution", "An informal outcome for a low-level offence, agreed with the victim where there is one."],
                ["Joint decision-making panel", "A meeting at which the police and youth justice service decide on the outcome for a child."],
                ["Outcome 22", "A crime outcome recording that diversionary activity has taken place and no further action is in the public interest."],
                ["Youth conditional caution", "A statutory caution with conditions that the child must comply with."],
            ]),
        ]),
    ]


# ---------------------------------------------------------------------------
# 2023: group-based child sexual exploitation (the original report)
# ---------------------------------------------------------------------------

CSE_2023_RECS = [
    ("By 31 March 2024, the Home Office should set out a national definition of group-based "
     "child sexual exploitation for use by all agencies, and require its use in data collection.", False),
    ("By 31 March 2024, chief constables should make sure that their forces record the ethnicity of "
     "victims and suspects in every group-based child sexual exploitation investigation, in line "
     "with the national standard.", True),
    ("By 30 June 2024, the National Police Chiefs\u2019 Council lead for child protection and abuse "
     "investigation should develop a national problem profile of group-based child sexual "
     "exploitation, drawing on force and regional intelligence.", False),
    ("By 30 June 2024, chief constables should review how their forces identify children at risk of "
     "exploitation from missing person reports, return home interviews and safeguarding referrals, "
     "and act on what the review finds.", True),
    ("By 30 September 2024, the College of Policing should update its authorised professional "
     "practice on child sexual exploitation to include the investigation of group-based offending.", False),
    ("With immediate effect, chief constables should make sure that officers and staff do not "
     "describe children who are being exploited as making lifestyle choices, and that records use "
     "language that reflects the child\u2019s status as a victim.", True),
    ("By 31 March 2024, the Director General of the National Crime Agency should make sure that the "
     "agency\u2019s intelligence assessments of child sexual exploitation are shared with regional "
     "organised crime units and force intelligence bureaux.", False),
    ("By 31 December 2024, chief constables and police and crime commissioners should make sure that "
     "specialist support services are available to every victim and survivor of group-based child "
     "sexual exploitation in their area, whatever the age at which they report.", True),
    ("By 31 March 2025, the Home Office, with the support of the National Police Chiefs\u2019 Council, "
     "should evaluate the effectiveness of the national response to group-based child sexual "
     "exploitation and publish its findings.", False),
]

CSE_2023_AFI = ("Forces should improve how they use disruption tactics, including civil orders and "
                "licensing powers, against people suspected of group-based child sexual exploitation.")


def cse2023_sections():
    recs = [F("rec", t, num=str(i), cc=cc, style="card") for i, (t, cc) in enumerate(CSE_2023_RECS, 1)]
    afi = F("afi", CSE_2023_AFI, title="Disruption of suspects", style="card")
    annex = [F("rec", t, num=str(i), cc=cc, repeat=True) for i, (t, cc) in enumerate(CSE_2023_RECS, 1)]
    return [
        Section("foreword", "Foreword", [
            P("The sexual exploitation of children by groups of offenders is among the most serious "
              "harms the police deal with. The victims are children, often already vulnerable, and "
              "the abuse can continue for years. Inquiries in Rotherham, Rochdale, Oxford, Telford and "
              "elsewhere have shown how badly agencies failed those children in the past."),
            P("This inspection asked whether the police and other law enforcement agencies now "
              "respond effectively. We found that much has improved: there is more awareness, more "
              "specialist capability and better joint working. But the response is inconsistent, "
              "the national picture remains poorly understood and some of the language of the past "
              "persists."),
            P("Dr Caroline Pryce, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            P("We inspected the response to group-based child sexual exploitation in eight forces and "
              "at national level. We examined 105 investigations and spoke to more than 300 officers, "
              "staff and partners, as well as to survivors."),
            P("We make nine recommendations and identify one area for improvement. They are summarised "
              "in Annex A."),
        ]),
        Section("definitions", "1. Understanding the problem", [
            P("There is no agreed definition of group-based child sexual exploitation. Forces and "
              "partner agencies use different terms, and some do not distinguish group-based "
              "offending from other forms of child sexual exploitation. This makes it difficult to "
              "compare data or to understand the scale of the problem."),
            recs[0],
            P("Data on the ethnicity of suspects and victims is incomplete. In 34 of the 105 "
              "investigations we examined, the ethnicity of at least one suspect was not recorded. "
              "Without reliable data, forces cannot understand the nature of offending in their areas "
              "or demonstrate that they respond without fear or favour."),
            recs[1],
            P("No national problem profile has been produced since 2017. Regional analysts told us "
              "they lacked a shared picture against which to assess local intelligence."),
            recs[2],
        ]),
        Section("identification", "2. Identifying children at risk", [
            P("Many exploited children first come to police attention as missing persons. We found "
              "that the information gathered from return home interviews was not always shared with "
              "the police, and that where it was, it was not consistently added to intelligence "
              "systems."),
            recs[3],
            recs[4],
            P("We were concerned to read records that described children as \u2018choosing\u2019 to associate "
              "with adult men, or as \u2018putting themselves at risk\u2019. Such language can lead officers to "
              "treat a child victim as complicit."),
            recs[5],
        ]),
        Section("investigation", "3. Investigation and disruption", [
            P("The quality of investigations was generally good once a case had been allocated to a "
              "specialist team. Victims were supported by trained officers, and most investigations "
              "were well planned. The National Crime Agency provided valuable support in complex "
              "cases, but its intelligence assessments did not always reach the forces that needed "
              "them."),
            recs[6],
            P("Forces made limited use of disruption tactics. Civil orders, licensing powers and "
              "child abduction warning notices were used in only a minority of cases where they "
              "might have protected children."),
            afi,
        ]),
        Section("support", "4. Supporting victims and survivors", [
            P("Survivors told us that the support they had received depended on their age when they "
              "reported and on where they lived. Adults reporting abuse that took place in childhood "
              "often found no specialist service available to them."),
            recs[7],
            recs[8],
        ]),
        Section("annex-a", "Annex A: Summary of recommendations and area for improvement", [
            G("Recommendations", annex, style="ol"),
            G("Area for improvement", [F("afi", CSE_2023_AFI, repeat=True)], style="plain"),
        ]),
    ]


# ---------------------------------------------------------------------------
# 2025: group-based child sexual exploitation progress report
# ---------------------------------------------------------------------------

_CSE_PROGRESS = [
    ("Partially met", "The Home Office consulted on a definition in 2024 but has not yet required its use in data collection."),
    ("Not met", "Ethnicity of suspects remained unrecorded in 27 percent of the investigations we examined."),
    ("Not met", "A draft problem profile was produced in 2024 but has not been finalised or shared."),
    ("Met", "All eight forces had reviewed their processes, and six had changed them as a result."),
    ("Met", "The College of Policing published updated guidance in September 2024."),
    ("Partially met", "Victim-blaming language had reduced but we still found it in 9 of the 80 records we read."),
    ("Met", "Intelligence assessments are now shared through an agreed national process."),
    ("Partially met", "Support for adult survivors is still unavailable in three of the eight areas."),
    ("Partially met", "An evaluation was commissioned in 2025 and is due to report in 2026."),
]


def cse_progress_sections():
    earlier = [Earlier(f"Recommendation {i} (2023)", text, status, note)
               for i, ((text, _), (status, note)) in enumerate(zip(CSE_2023_RECS, _CSE_PROGRESS), 1)]
    earlier.append(Earlier("Area for improvement (2023)", CSE_2023_AFI, "Partially met",
                           "Disruption plans existed in four of the eight forces."))
    new = [
        F("rec", "By 30 April 2026, chief constables should make sure that their forces use the "
                 "national flag for group-based child sexual exploitation on all relevant crime and "
                 "intelligence records, and audit its use every six months.", cc=True),
        F("rec", "By 30 June 2026, chief constables and police and crime commissioners should jointly "
                 "review the specialist support available to victims and survivors of group-based child "
                 "sexual exploitation in their area, and close any gaps they find.", cc=True),
        F("rec", "By 30 September 2026, all police forces should have a documented disruption plan for "
                 "every suspect of group-based child sexual exploitation identified through "
                 "intelligence, and review it at least monthly.", cc=True),
        F("rec", "By 31 March 2026, the National Police Chiefs\u2019 Council lead for child protection and "
                 "abuse investigation should publish the national problem profile we recommended in "
                 "2023, and update it every year.", cc=False),
        F("rec", "By 30 June 2026, the Home Office, working with chief constables, should establish a "
                 "single national dataset on group-based child sexual exploitation that includes the "
                 "ethnicity of victims and suspects.", cc=False),
        F("rec", "By 31 December 2026, chief constables should:", cc=True, bullets=[
            "make sure that all officers and staff who work with children complete the national "
            "exploitation training;",
            "review, with partner agencies, the quality of return home interviews in their force area; and",
            "put in place a process to make sure that children who report exploitation are kept "
            "informed about the progress of their case.",
        ]),
    ]
    return [
        Section("foreword", "Foreword", [
            P("In 2023 we published our inspection of the police and law enforcement response to "
              "group-based child sexual exploitation. We said then that we would return to see what "
              "progress had been made. This report sets out what we found when we did so, in the "
              "spring of 2025."),
            P("Some of our recommendations have been acted on in full, and we recognise the work "
              "that forces and national bodies have done. But progress on the most important "
              "recommendations \u2013 those on data, on the national picture and on support for survivors "
              "\u2013 has been too slow. In the meantime, public concern about this form of abuse has, "
              "rightly, not gone away."),
            P("Dr Caroline Pryce, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            P("Of the nine recommendations we made in 2023, three have been met, five partially met and "
              "one not met. The area for improvement we identified has been partially addressed."),
            P("We make six new recommendations. Four of them are for chief constables; the others are "
              "for the National Police Chiefs\u2019 Council and the Home Office."),
        ]),
        Section("introduction", "1. Introduction", [
            P("Our 2023 report, {{a|https://www.justiceinspectorates.gov.uk/hmicfrs/publications/police-and-law-enforcement-response-to-group-based-child-sexual-exploitation/|"
              "An inspection of the police and law enforcement response to group-based child sexual "
              "exploitation}}, made nine recommendations and identified one area for improvement. For "
              "this progress report we revisited the eight forces we inspected in 2023, examined 80 "
              "investigations opened since January 2024 and interviewed national leads."),
            P("We assessed each recommendation as met, partially met or not met. Where a "
              "recommendation had not been met, we considered whether a new recommendation was "
              "needed to secure progress."),
        ]),
        Section("findings", "2. What we found", [
            H("Data and the national picture", 3),
            P("The quality of data has improved, but not enough. Forces now use a national flag to "
              "identify group-based offending, but its use is inconsistent: in one force, only a "
              "third of the investigations we would have expected to be flagged had been. The "
              "ethnicity of suspects was still missing in more than a quarter of cases."),
            P("The national problem profile we recommended has been drafted but not finalised. Its "
              "absence leaves forces without a shared understanding of the threat."),
            H("Identifying and protecting children", 3),
            P("Forces have improved how they identify children at risk. Return home interviews are "
              "now shared with the police in most areas, and intelligence from them is more often "
              "recorded. Officers were better able to recognise the signs of exploitation."),
            H("Disrupting offenders", 3),
            P("Disruption remains under-used. Four of the eight forces had introduced disruption "
              "plans for suspects, and in those forces we saw creative use of licensing and civil "
              "powers. The other four relied on criminal investigation alone."),
            H("Supporting victims and survivors", 3),
            P("Survivors described better experiences than in 2023, particularly where an independent "
              "advocate had been involved from the start. But in three areas there was still no "
              "specialist support for people reporting abuse as adults."),
        ]),
        Section("recommendations", "3. Recommendations", [
            P("The tabs below set out our assessment of each of our 2023 recommendations and our new "
              "recommendations."),
            Tabs([
                ("Progress on our 2023 recommendations", [
                    EarlierSet(earlier, style="cards"),
                ]),
                ("New recommendations", [
                    G("New recommendations", new, style="ol",
                      intro="We make the following new recommendations."),
                ]),
            ]),
        ]),
        Section("annex-a", "Annex A: Methodology", [
            P("Fieldwork took place between March and May 2025 in the eight forces inspected in 2023. "
              "We examined 80 investigations, held 34 interviews and focus groups and spoke to 12 "
              "survivors through a specialist support organisation."),
        ]),
    ]


# ---------------------------------------------------------------------------
# West Midlands Police: national child protection inspection (November 2025)
# ---------------------------------------------------------------------------

_WMP_AFIS = [
    ("The force should improve how its leaders use performance information to understand the "
     "quality of its child protection work.",
     "The force should make sure that its performance framework for child protection includes "
     "measures of the quality of practice, not only of volume and timeliness, and that senior "
     "leaders use this information to drive improvement."),
    ("The force should improve the way it identifies and records risk to children at first contact.",
     "The force should make sure that call handlers and attending officers consistently identify, "
     "assess and record the risks to children, including when the child is not the subject of the "
     "call, and that they record the child\u2019s voice."),
    ("The force should make sure that it shares information with partner agencies promptly.",
     "The force should reduce the time it takes to share child protection referrals with children\u2019s "
     "social care, and make sure that it attends and contributes to all strategy discussions."),
    ("The force should improve the supervision of child protection investigations.",
     "The force should make sure that supervisors regularly review child protection investigations, "
     "set clear investigation plans and record the rationale for key decisions."),
    ("The force should reduce delays in the examination of digital devices in child abuse cases.",
     "The force should reduce the time taken to examine digital devices seized in child abuse "
     "investigations, and make sure that it assesses and manages the risk to children while "
     "examinations are outstanding."),
    ("The force should make sure that it considers and uses all available protective orders.",
     "The force should make sure that officers consider and, where appropriate, apply for protective "
     "orders, such as sexual risk orders, child abduction warning notices and domestic abuse "
     "protection orders, to protect children."),
    ("The force should reduce the number of children held overnight in police custody.",
     "The force should work with local authorities to reduce the number of children who are detained "
     "overnight in police custody after charge, and make sure that it records why alternative "
     "accommodation was not provided."),
]


def wmp_sections():
    afi = [F("afi", text, title=title, style="card") for title, text in _WMP_AFIS]
    return [
        Section("summary", "Summary of findings", [
            P("In June and July 2025 we inspected how well West Midlands Police protects children. "
              "This report sets out what we found."),
            P("The force has a clear commitment to protecting children, and its leaders have invested "
              "in specialist teams. Most officers we spoke to understood their responsibilities and "
              "were motivated to do the right thing for children. We saw many examples of good work, "
              "particularly in the response to child sexual exploitation."),
            P("However, the quality of the force\u2019s work was inconsistent. It did not always identify "
              "risk at first contact, some investigations lacked supervision and there were long "
              "delays in examining digital devices. Too many children were held overnight in "
              "custody."),
            SumList("We have identified the following areas for improvement:",
                    [title for title, _ in _WMP_AFIS]),
            P("We have not identified any cause of concern and we make no recommendations in this "
              "report. We expect the force to act on each of these areas for improvement."),
        ]),
        Section("introduction", "Introduction", [
            P("The national child protection inspection programme assesses how well each police force "
              "in England and Wales protects children. Inspections look at the whole of a child\u2019s "
              "journey through police contact, from the first call to the outcome of an "
              "investigation."),
            P("In West Midlands Police we examined 124 cases, held 31 focus groups and interviews and "
              "observed the work of the force\u2019s public protection teams, its control room and its "
              "custody suites. We also spoke to the force\u2019s partners in the seven local authority "
              "areas it covers."),
            P("The force area has a population of about 2.9 million, of whom around 680,000 are "
              "children. It is one of the most diverse areas of the country."),
        ]),
        Section("leadership", "Leadership and management", [
            P("Chief officers have made child protection a priority. The force\u2019s public protection "
              "command has grown by 140 officers and staff since 2022, and leaders told us that "
              "protecting children was at the heart of the force\u2019s plan."),
            P("The force collects a large amount of performance information, but most of it measures "
              "how many referrals are made and how quickly they are processed. Little of it tells "
              "leaders whether the work is good. Audits of practice were infrequent and their "
              "findings were not consistently acted on."),
            afi[0],
        ]),
        Section("initial-contact", "Initial contact", [
            P("Call handlers were generally courteous and quick to deploy officers when a child was in "
              "immediate danger. But in 19 of the 52 incidents we examined that involved a child, risk "
              "to the child had not been properly assessed, often because the child was not the "
              "subject of the call. Officers attending domestic abuse incidents did not always speak "
              "to children who were present."),
            afi[1],
            Box("Promising practice", "Children\u2019s voice in body-worn video",
                ["Officers in the Walsall neighbourhood policing unit are encouraged to use body-worn "
                 "video to record children\u2019s own words at domestic abuse incidents, with the child\u2019s "
                 "agreement. The recordings are shared with children\u2019s social care and have helped "
                 "social workers to understand children\u2019s experiences."]),
        ]),
        Section("assessment", "Assessment and help", [
            P("The force\u2019s multi-agency safeguarding hub arrangements differ between local authority "
              "areas. In the best of them, police and social care staff worked side by side and "
              "shared information on the same day. In others, referrals waited several days before "
              "being reviewed by police staff, and the force was not represented at every strategy "
              "discussion."),
            afi[2],
        ]),
        Section("investigation", "Investigation", [
            P("Specialist investigators were experienced and knowledgeable, but many carried heavy "
              "workloads. In 23 of the 70 investigations we examined, there was no evidence of "
              "supervisory review for more than a month. Some investigations had drifted as a "
              "result."),
            afi[3],
            P("At the time of our inspection, more than 1,100 digital devices were waiting to be "
              "examined, some of them for more than a year. The force had plans to reduce the backlog "
              "but had not assessed the risk to children in the cases affected."),
            afi[4],
        ]),
        Section("decision-making", "Decision-making", [
            P("Officers used arrest and bail appropriately in most cases. However, protective orders "
              "were seldom considered. We found only a handful of applications for sexual risk orders "
              "in the previous year, and officers in several teams were unfamiliar with child "
              "abduction warning notices."),
            afi[5],
        ]),
        Section("custody", "Children in police custody", [
            P("Custody staff treated children with care and made sure that appropriate adults were "
              "called promptly. But in the 12 months before our inspection, 214 children were held "
              "overnight after charge because no alternative accommodation had been provided. The "
              "reasons were rarely recorded."),
            afi[6],
        ]),
        Section("next-steps", "Next steps", [
            P("We expect the force to produce an action plan within six weeks of the publication of "
              "this report, setting out how it will address each of the areas for improvement. We "
              "will monitor its progress through our routine inspection activity."),
            P("Under section 55 of the Police Act 1996, the West Midlands Police and Crime "
              "Commissioner must publish comments on this report within 56 days."),
        ]),
    ]
