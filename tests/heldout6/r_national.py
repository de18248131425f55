"""National and multi-force reports, and corporate documents."""
from __future__ import annotations

from .blocks import (F, G, H, L, P, Q, Box, Earlier, EarlierSet, Notes, Section, T)

# ---------------------------------------------------------------------------
# Police vetting (PDF only)
# ---------------------------------------------------------------------------

def vetting_sections():
    recs = [
        F("rec", "By 31 October 2025, chief constables should make sure that their force vetting units:",
          num="1", cc=True, parts=[
              ("a", "record the rationale for every decision to grant clearance where adverse "
                    "information is present;"),
              ("b", "carry out a further review before confirming in post any officer who was vetted "
                    "with conditions; and"),
              ("c", "check the Police National Database for every applicant, including those "
                    "transferring from another force."),
          ]),
        F("rec", "By 31 March 2026, the College of Policing should amend the vetting authorised "
                 "professional practice to set a minimum standard for the aftercare of officers and "
                 "staff who hold clearance with conditions.", num="2"),
        F("rec", "By 30 April 2026, all chief constables and the National Police Chiefs\u2019 Council lead "
                 "for counter-corruption should agree and introduce a national standard for the "
                 "proactive monitoring of police IT systems.", num="3", cc=True),
        F("rec", "By 31 December 2025, the Home Office should make the regulations necessary to require "
                 "a re-vetting check whenever an officer or member of staff is the subject of a "
                 "finding of misconduct.", num="4"),
        F("rec", "By 31 March 2026, forces should make sure that their counter-corruption units have "
                 "enough trained staff to assess all intelligence about abuse of position for a sexual "
                 "purpose within seven days of its receipt.", num="5", cc=True),
        F("rec", "By 30 June 2026, the College of Policing, in consultation with chief constables, "
                 "should produce guidance on the use of the police barred and advisory lists in vetting "
                 "decisions.", num="6"),
        F("rec", "By 30 June 2026, chief constables should:", num="7", cc=True, bullets=[
            "make sure that every officer and member of staff receives training on the signs of abuse "
            "of position for a sexual purpose;",
            "publish, at least once a year, the number of vetting refusals and withdrawals in their "
            "force; and",
            "review the vetting status of every officer and member of staff whose clearance has "
            "expired.",
        ]),
    ]
    return [
        Section("foreword", "Foreword", [
            P("The public must be able to trust the people who police them. Vetting is one of the "
              "most important ways in which forces make sure that they recruit and keep people of "
              "integrity, and that they remove those who abuse their position."),
            P("In 2022 we published a report on vetting, misconduct and misogyny in the police "
              "service. We made 43 recommendations. Since then, the police service has done a great "
              "deal: every serving officer has been checked against national databases, and some "
              "forces have dismissed officers who should never have been recruited. But our findings "
              "in this inspection show that the standard of vetting decisions is still not "
              "consistently high enough."),
            P("Roy Whitcombe, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            P("We examined 1,280 vetting files in eight forces, together with 160 counter-corruption "
              "investigations. We found that most vetting decisions were sound, but in 131 files "
              "clearance had been granted despite adverse information without a recorded rationale."),
            P("In our 2022 report we recommended that, \u2018By 31 October 2023, chief constables should make "
              "sure that their vetting units record the rationale for decisions where adverse "
              "information is present\u2019. That recommendation remains only partly implemented, and we "
              "return to it in this report."),
            P("We make seven recommendations. Four are for chief constables, two for the College of "
              "Policing and one for the Home Office."),
        ]),
        Section("introduction", "1. Introduction", [
            P("Vetting in the police service is governed by the College of Policing\u2019s vetting code of "
              "practice and authorised professional practice. The code says that:"),
            Q("Chief officers should ensure that vetting decisions are made in a fair, consistent and "
              "transparent manner, taking account of all relevant information.",
              "College of Policing, Vetting Code of Practice (2023)"),
            P("Our inspection looked at vetting at the point of recruitment, at the aftercare of "
              "officers and staff who hold clearance, and at how forces identify and investigate the "
              "abuse of position for a sexual purpose."),
        ]),
        Section("vetting-decisions", "2. Vetting decisions", [
            P("Force vetting units had more staff and better systems than at the time of our 2022 "
              "inspection. Most decisions were timely and based on complete information. But the "
              "quality of recording was poor in some forces, and it was not always possible to tell "
              "why clearance had been granted."),
            P("Applicants transferring from other forces were treated inconsistently. Some forces "
              "relied on the vetting carried out by the previous force without further checks."),
        ]),
        Section("aftercare", "3. Aftercare and counter-corruption", [
            P("Once clearance had been granted, few forces monitored whether the conditions attached "
              "to it were being met. Counter-corruption units received more intelligence than "
              "before, but in four forces it took more than a month to assess intelligence about "
              "abuse of position for a sexual purpose."),
            P("Proactive monitoring of IT systems was well developed in some forces and absent in "
              "others. The absence of a national standard makes it hard for forces to know what "
              "good looks like."),
        ]),
        Section("recommendations", "4. Recommendations", [
            G(None, recs, style="card"),
        ]),
        Section("annex", "Annex A: About the data", [
            T(["Force", "Files examined", "Rationale missing"], [
                ["Force A", "160", "21"], ["Force B", "160", "9"], ["Force C", "160", "30"],
                ["Force D", "160", "14"], ["Force E", "160", "18"], ["Force F", "160", "11"],
                ["Force G", "160", "16"], ["Force H", "160", "12"],
            ], caption="Figure 1: Vetting files examined, by force"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Joint thematic inspection of the response to rape, phase three (with HMCPSI)
# ---------------------------------------------------------------------------

def rape_sections():
    recs = [
        F("rec", "By 30 June 2025, chief constables and Chief Crown Prosecutors should jointly agree a "
                 "protocol for case progression in rape cases after charge, with named points of "
                 "contact in each organisation.", num="1", cc=True,
          title="Case progression after charge"),
        F("rec", "By 31 March 2025, the CPS should make sure that prosecutors offer to meet the victim "
                 "before trial in every rape case, and that the offer is recorded.", num="2",
          title="Meeting victims before trial"),
        F("rec", "By 30 September 2025, chief constables should make sure that officers in charge of "
                 "rape cases keep in contact with victims throughout the period between charge and "
                 "trial, at intervals agreed with the victim.", num="3", cc=True,
          title="Contact with victims"),
        F("rec", "By 30 September 2025, the National Police Chiefs\u2019 Council lead for adult sexual "
                 "offences, working with the CPS, should review the national file standard for rape "
                 "cases to reduce the number of post-charge action plans.", num="4",
          title="File standards"),
        F("rec", "By 31 December 2025, HM Courts & Tribunals Service should publish data on the time "
                 "that rape cases take between charge and the end of the trial, for each Crown Court.",
          num="5", title="Court data"),
        F("rec", "By 31 December 2025, all police forces should make sure that independent sexual "
                 "violence advisers are told promptly of any change to trial dates.", num="6", cc=True,
          title="Independent sexual violence advisers"),
    ]
    return [
        Section("foreword", "Foreword", [
            P("This is the third and final report of our joint thematic inspection of the police and "
              "Crown Prosecution Service\u2019s response to rape. Our first two reports examined the "
              "investigation of rape and the decision to charge. This report follows cases from "
              "charge to the end of the trial."),
            P("The period after charge can be the hardest for victims. Delays in the courts mean that "
              "many wait more than two years for a trial. We found that victims too often felt "
              "forgotten during that wait, and that the police and CPS did not always work together "
              "to keep cases on track."),
            P("Andrew Crane, HM Chief Inspector of the Crown Prosecution Service", cls="sig"),
            P("Dr Caroline Pryce, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Executive summary", [
            P("We examined 180 rape cases charged between 2022 and 2024, from charge to verdict, and "
              "spoke to 40 victims. Our inspection covered six CPS areas and the police forces within "
              "them."),
            P("The average time from charge to the end of the trial was 698 days. In 31 percent of "
              "cases the victim withdrew support for the prosecution after charge. Victims who had "
              "regular contact with the officer in charge and with an independent sexual violence "
              "adviser were much more likely to remain engaged."),
        ]),
        Section("recommendations", "Recommendations", [
            P("Select a recommendation to read it in full."),
            G(None, recs, style="accordion"),
        ]),
        Section("context", "1. Context", [
            P("The number of rape cases charged has increased since the publication of the "
              "government\u2019s end-to-end rape review in 2021. The Crown Court backlog has increased "
              "over the same period. At the end of 2024 there were more than 2,800 outstanding rape "
              "cases awaiting trial."),
        ]),
        Section("case-building", "2. Case building after charge", [
            P("After charge, cases are often passed from the investigating team to a separate "
              "case progression unit. We found that the handover was not always well managed, and "
              "that requests from prosecutors for further evidence were sometimes left unanswered "
              "for weeks."),
            P("Post-charge action plans were issued in 84 percent of the cases we examined. Many of "
              "the actions could have been dealt with before charge if the file standard had been "
              "clearer."),
        ]),
        Section("victims", "3. Victim engagement", [
            P("Victims told us that contact from the police often stopped after charge. Where an "
              "independent sexual violence adviser was involved, they frequently became the only "
              "point of contact, but were not always told about changes to trial dates."),
            Q("I found out from my ISVA that the trial had been moved again. Nobody from the police "
              "had rung me for four months.", "Victim, interviewed for this inspection"),
        ]),
        Section("trial", "4. Trial readiness", [
            P("The CPS offered to meet victims before trial in fewer than half of the cases where a "
              "meeting would have been appropriate. Special measures were generally applied for in "
              "good time."),
        ]),
        Section("annex", "Annex: Methodology", [
            P("The inspection was carried out by HM Crown Prosecution Service Inspectorate and HMICFRS "
              "between February and July 2024. We examined case files, interviewed police officers, "
              "prosecutors and advisers, and held focus groups with victims through support "
              "organisations."),
        ]),
    ]


# ---------------------------------------------------------------------------
# Stalking progress report
# ---------------------------------------------------------------------------

def stalking_sections():
    earlier = [
        Earlier("Recommendation 1 (2024)",
                "By 30 September 2024, chief constables should make sure that stalking is identified "
                "and recorded correctly at the first point of contact.", "Incomplete",
                "Recording has improved, but we still found misclassified crimes in every force we visited."),
        Earlier("Recommendation 2 (2024)",
                "By 31 December 2024, chief constables should make sure that stalking protection orders "
                "are considered in every stalking investigation.", "Complete",
                "Consideration of orders is now recorded in most investigations."),
        Earlier("Recommendation 3 (2024)",
                "By 31 March 2025, the College of Policing should update its stalking and harassment "
                "training.", "Complete", "Updated training was published in January 2025."),
        Earlier("Recommendation 4 (2024)",
                "By 31 March 2025, the Home Office should review the statutory guidance on stalking "
                "protection orders.", "Incomplete", "A review has begun but is not complete."),
        Earlier("Recommendation 5 (2024)",
                "By 31 March 2025, the National Police Chiefs\u2019 Council lead for stalking and harassment "
                "should introduce a national performance framework.", "In progress",
                "A draft framework is being tested in four forces."),
    ]
    new = [
        F("rec", "By 30 June 2026, chief constables should make sure that every stalking crime is "
                 "reviewed by a supervisor within 24 hours of being recorded, and that the review "
                 "includes a structured assessment of risk.", cc=True),
        F("rec", "By 31 March 2026, the College of Policing should publish guidance on the "
                 "investigation of online and technology-enabled stalking."),
    ]
    return [
        Section("introduction", "Introduction", [
            P("In 2024 we published an inspection of the police response to stalking, in which we "
              "made five recommendations. This progress report sets out what has changed since then. "
              "We visited six forces between May and July 2025 and examined 150 stalking crimes."),
        ]),
        Section("progress", "Progress on our 2024 recommendations", [
            EarlierSet(earlier, style="table", headers=("Recommendation", "What we found", "Status")),
            P("Two of our recommendations are complete. We are disappointed that the recording of "
              "stalking has not improved further, and that the Home Office\u2019s review of statutory "
              "guidance is not complete."),
        ]),
        Section("findings", "What we found", [
            P("Victims of stalking received a better service than in 2024. Officers were more likely "
              "to recognise the pattern of behaviour that amounts to stalking, and stalking "
              "protection orders were used more often. However, in 41 of the 150 crimes we examined, "
              "there had been no supervisory review in the first week, and in some of these the "
              "risk to the victim had increased."),
            P("Technology-enabled stalking, including the use of tracking devices and fake social "
              "media accounts, featured in more than half of the crimes we examined. Officers told us "
              "they did not feel confident investigating it."),
        ]),
        Section("new-recommendations", "New recommendations", [
            G(None, new, style="ol", intro="We make two new recommendations."),
        ]),
    ]


# ---------------------------------------------------------------------------
# Inspection programme and framework 2025/26 (corporate)
# ---------------------------------------------------------------------------

def programme_sections():
    return [
        Section("introduction", "Introduction", [
            P("This document sets out the inspection programme and framework of His Majesty\u2019s "
              "Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) for 2025/26. It is "
              "published in accordance with paragraph 2 of Schedule 4A to the Police Act 1996, and has "
              "been approved by the Home Secretary."),
            P("We inspect and report on the efficiency and effectiveness of the 43 territorial police "
              "forces in England and Wales, and of the 44 fire and rescue services in England. We also "
              "inspect other bodies, including the National Crime Agency and British Transport Police, "
              "by invitation or under statutory arrangements."),
        ]),
        Section("programme", "Our inspection programme for 2025/26", [
            T(["Programme", "What it covers", "When"], [
                ["PEEL 2025\u201327", "Police effectiveness, efficiency and legitimacy, in every force", "From April 2025"],
                ["National child protection inspections", "How well forces protect children", "Throughout the year"],
                ["Crime data integrity", "The accuracy of crime recording", "Throughout the year"],
                ["Fire and rescue service inspections", "Effectiveness, efficiency and people, in every service", "From September 2025"],
                ["Custody inspections (with HM Inspectorate of Prisons)", "Unannounced visits to police custody", "Throughout the year"],
                ["Thematic inspections", "Neighbourhood policing; retail crime; facial recognition technology; diverting children (joint)", "2025/26"],
            ], caption="Table 1: Inspection programme 2025/26"),
            P("We may change this programme in response to events, or at the request of the Home "
              "Secretary or a police and crime commissioner."),
        ]),
        Section("framework", "Our inspection framework", [
            P("Our inspections assess forces and services against published criteria. Where we find "
              "that improvement is needed, we say so in our reports. Our reports may contain "
              "recommendations, areas for improvement and causes of concern, and we monitor how "
              "forces and services respond to them."),
            H("Monitoring", 3),
            P("Where we have serious concerns about a force\u2019s performance, we may move it from our "
              "routine monitoring (\u2018scan\u2019) to enhanced monitoring (\u2018engage\u2019). Forces in engage "
              "are overseen by the police performance oversight group, which reports to the Home "
              "Office."),
            H("Consultation", 3),
            P("Before publishing this programme we consulted the Home Secretary, police and crime "
              "commissioners, chief constables, the Welsh Government and others. We received 31 "
              "responses and have taken them into account."),
        ]),
        Section("resources", "Resources", [
            P("Our budget for 2025/26 is \u00a334.2 million. We expect to employ around 250 full-time "
              "equivalent staff, of whom about a third are seconded from police forces and fire and "
              "rescue services."),
        ]),
    ]


# ---------------------------------------------------------------------------
# Facial recognition technology (national; nothing for chief constables)
# ---------------------------------------------------------------------------

_FRT_RECS = [
    ("Home Office", "31 March 2026",
     "By 31 March 2026, the Home Office should bring forward a specific legal framework for the "
     "police use of live facial recognition, setting out when it may be used and who must "
     "authorise each deployment."),
    ("Home Office", "30 June 2026",
     "By 30 June 2026, the Home Office, working with chief constables, should establish a national "
     "register of deployments of live facial recognition, published at least every three months."),
    ("NPCC", "31 March 2026",
     "By 31 March 2026, the National Police Chiefs\u2019 Council lead for facial recognition should "
     "publish national standards for the construction, approval and review of watchlists."),
    ("College of Policing", "30 September 2026",
     "By 30 September 2026, the College of Policing should revise its authorised professional "
     "practice on live facial recognition to require the testing of algorithms for demographic "
     "bias before each new deployment."),
    ("NPCC", "31 December 2026",
     "By 31 December 2026, the National Police Chiefs\u2019 Council, in consultation with the "
     "Information Commissioner\u2019s Office, should develop a framework for auditing retrospective "
     "facial recognition searches of the Police National Database."),
]


def frt_sections():
    recs = [F("rec", t, num=str(i), owner=o, deadline=d) for i, (o, d, t) in enumerate(_FRT_RECS, 1)]
    rep = [F("rec", t, num=str(i), owner=o, deadline=d, repeat=True)
           for i, (o, d, t) in enumerate(_FRT_RECS, 1)]
    return [
        Section("foreword", "Foreword", [
            P("Facial recognition technology has the potential to help the police find wanted people "
              "and protect the vulnerable. It also raises real concerns about privacy, fairness and "
              "accountability. Its use is growing quickly: more forces are using live facial "
              "recognition, and almost all use retrospective searches."),
            P("This inspection is the first to examine how the police use the technology across "
              "England and Wales. We found that forces were generally careful and well intentioned, "
              "but that the legal framework is unclear, national standards are incomplete and public "
              "transparency is limited."),
            P("Roy Whitcombe, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            P("We surveyed all 43 forces and carried out fieldwork in seven of them. We examined 62 "
              "deployments of live facial recognition and 400 retrospective searches."),
            P("We make five recommendations: two to the Home Office, two to the National Police "
              "Chiefs\u2019 Council and one to the College of Policing. We make no recommendations to "
              "individual forces, because the changes needed are national."),
        ]),
        Section("law", "1. The legal framework", [
            P("There is no specific legislation governing the police use of facial recognition. "
              "Forces rely on common law powers, data protection law and human rights law, as "
              "interpreted by the Court of Appeal in 2020.[[1]] Officers and senior leaders told us "
              "they would welcome greater clarity."),
            G(None, [recs[0]], style="dl"),
            P("The public cannot easily find out when and where live facial recognition has been "
              "used. Some forces publish deployment records on their websites; others do not."),
            G(None, [recs[1]], style="dl"),
            Notes(["R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058."]),
        ]),
        Section("watchlists", "2. Watchlists and deployments", [
            P("The quality of watchlists varied. In the best examples, each person on the list had "
              "been included for a documented reason and the list was reviewed before every "
              "deployment. In others, lists were large and their contents were not reviewed."),
            G(None, [recs[2]], style="dl"),
            Box("Notable practice", "Community panels",
                ["One force invites members of an independent community panel to observe live "
                 "deployments and to review the watchlist criteria every quarter. Panel members told "
                 "us this had increased their confidence in the force\u2019s use of the technology."]),
        ]),
        Section("bias", "3. Accuracy and bias", [
            P("The algorithms used by forces have been independently tested, and at the settings "
              "recommended by suppliers the differences in accuracy between demographic groups were "
              "small. But forces did not always check that the settings used in a deployment "
              "matched those tested."),
            G(None, [recs[3]], style="dl"),
        ]),
        Section("retrospective", "4. Retrospective searches", [
            P("Retrospective facial recognition searches of the Police National Database have "
              "increased more than tenfold since 2021. Audit of these searches is limited: we found "
              "few forces that checked whether searches were necessary and proportionate."),
            G(None, [recs[4]], style="dl"),
        ]),
        Section("annex-a", "Annex A: Summary of recommendations", [
            G(None, rep, style="table"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Annual report and accounts (corporate, PDF only)
# ---------------------------------------------------------------------------

def annual_report_sections():
    return [
        Section("foreword", "HM Chief Inspector\u2019s foreword", [
            P("I am pleased to present HMICFRS\u2019s annual report and accounts for the year ending "
              "31 March 2025. It has been a year of considerable activity for the inspectorate. We "
              "completed the PEEL 2023\u201325 programme, began our fourth round of fire and rescue "
              "service inspections and published nine thematic reports."),
            P("Our work depends on the co-operation of forces and services, and on the commitment of "
              "our staff. I thank them all."),
            P("Sir Anthony Redmayne, HM Chief Inspector of Constabulary and HM Chief Inspector of Fire & Rescue Services", cls="sig"),
        ]),
        Section("performance", "Performance report", [
            P("In 2024/25 we published 68 reports. Across those reports we made 213 recommendations "
              "and identified 402 areas for improvement. At 31 March 2025, 61 percent of the "
              "recommendations we made in 2022/23 had been completed."),
            T(["Measure", "2023/24", "2024/25"], [
                ["Reports published", "71", "68"],
                ["Forces inspected under PEEL", "22", "21"],
                ["Fire and rescue services inspected", "0", "14"],
                ["Freedom of information requests answered within 20 working days", "96%", "98%"],
            ], caption="Table 1: Key performance measures"),
        ]),
        Section("accountability", "Accountability report", [
            P("HMICFRS is independent of government and of the bodies it inspects. The chief "
              "inspector is accountable to Parliament for the inspectorate\u2019s work, and the "
              "inspectorate\u2019s accounting officer is accountable to the Home Office\u2019s principal "
              "accounting officer for its use of public money."),
            P("The audit and risk assurance committee met four times during the year. It reviewed the "
              "inspectorate\u2019s risk register, the internal audit programme and these accounts."),
        ]),
        Section("accounts", "Financial statements", [
            T(["", "2023/24 \u00a3000", "2024/25 \u00a3000"], [
                ["Staff costs", "21,406", "22,918"],
                ["Other operating costs", "9,112", "9,604"],
                ["Total expenditure", "30,518", "32,522"],
            ], caption="Statement of comprehensive net expenditure"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Retail crime in five named forces
# ---------------------------------------------------------------------------

RETAIL_FORCES = ["Avon and Somerset Constabulary", "Lancashire Constabulary",
                 "Metropolitan Police Service", "Northumbria Police", "Sussex Police"]


def retail_sections():
    recs = [
        F("rec", "By 30 June 2026, chief constables should:", num="R1", cc=True, bullets=[
            "make sure that every report of violence against a shop worker is attended or followed up "
            "within 24 hours;",
            "appoint a senior officer to lead the force\u2019s response to retail crime; and",
            "publish, at least every six months, information for retailers about the outcomes of the "
            "crimes they have reported.",
        ]),
        F("rec", "By 31 March 2026, forces should review how they assess reports of shoplifting, so that "
                 "decisions not to investigate are made by a supervisor and explained to the victim.",
          num="R2", cc=True),
        F("rec", "By 30 September 2026, the National Police Chiefs\u2019 Council lead for business crime "
                 "should agree with national retailers a single standard for the evidence, including "
                 "CCTV footage, that shops provide to the police.", num="R3"),
        F("rec", "By 31 December 2026, the Home Office, in consultation with the National Police "
                 "Chiefs\u2019 Council, should evaluate the effect of the new offence of assaulting a retail "
                 "worker.", num="R4"),
    ]
    return [
        Section("summary", "Summary", [
            P("Shoplifting recorded by the police has risen to its highest level in more than twenty "
              "years, and shop workers report that violence and abuse are part of their daily "
              "working lives. We inspected five forces: Avon and Somerset, Lancashire, the Met, "
              "Northumbria and Sussex. In each we examined how reports were received, assessed and "
              "investigated, and spoke to retailers, shop workers and their representatives."),
            P("We found committed officers and some effective partnerships with businesses. But in "
              "all five forces, decisions not to investigate shoplifting were made without enough "
              "consideration of the evidence available, and victims were rarely told why."),
            P("We make four recommendations, two of which are for chief constables."),
        ]),
        Section("context", "1. Context", [
            P("In the year ending March 2025, the police in England and Wales recorded more than "
              "500,000 shoplifting offences. The British Retail Consortium estimates that the true "
              "figure is many times higher. The Crime and Policing Bill creates a new offence of "
              "assaulting a retail worker."),
            T(["Force", "Shoplifting offences 2024/25", "Charge rate"], [
                ["Avon and Somerset Constabulary", "14,210", "18%"],
                ["Lancashire Constabulary", "16,884", "21%"],
                ["Metropolitan Police Service", "71,902", "9%"],
                ["Northumbria Police", "19,466", "24%"],
                ["Sussex Police", "12,035", "15%"],
            ], caption="Figure 1: Recorded shoplifting in the forces we inspected"),
        ]),
        Section("reporting", "2. Reporting and assessment", [
            P("Retailers found it difficult to report crime. Online forms asked for information they "
              "did not have, and telephone calls to 101 were often not answered quickly. Three of the "
              "forces had introduced dedicated reporting routes for businesses."),
            Box("Promising practice", "A single reporting portal in Northumbria",
                ["Northumbria Police has worked with the local business crime partnership to build a "
                 "portal through which shops can upload statements and CCTV footage in one "
                 "submission. The proportion of reports with usable evidence has doubled."]),
            P("Assessment of reports was inconsistent. In 96 of the 250 reports we examined, the "
              "decision to close the case without investigation was made by a member of staff "
              "without supervisory review, and in most of these there was evidence that could have "
              "been pursued."),
        ]),
        Section("violence", "3. Violence against shop workers", [
            P("Shop workers told us they no longer reported abuse because nothing happened. Where "
              "violence was reported, attendance was often delayed: in the Met, the median time to "
              "attend a report of assault on a shop worker graded as requiring a prompt response was "
              "more than nine hours."),
            P("Leadership of the response to retail crime was unclear in two forces, where no senior "
              "officer had been given responsibility for it."),
        ]),
        Section("recommendations", "4. Our recommendations", [
            G(None, recs, style="numpara"),
        ]),
    ]


# ---------------------------------------------------------------------------
# Neighbourhood policing (national)
# ---------------------------------------------------------------------------

def neighbourhood_sections():
    rows = [
        ("Forces", "30 September 2026",
         "By 30 September 2026, forces should make sure that neighbourhood officers and police "
         "community support officers spend at least 80 percent of their working time on "
         "neighbourhood duties.", True),
        ("Chief constables and police and crime commissioners", "31 March 2027",
         "By 31 March 2027, chief constables and police and crime commissioners should publish a "
         "neighbourhood policing plan for each local policing area, developed with the community.", True),
        ("Home Office", "31 December 2026",
         "By 31 December 2026, the Home Office should publish national data on the number of officers "
         "and police community support officers in neighbourhood roles, and on how often they are "
         "taken away from those roles.", False),
        ("Chief constables and NPCC", "30 June 2026",
         "By 30 June 2026, all chief constables and the National Police Chiefs\u2019 Council lead for "
         "local policing should adopt the national neighbourhood policing guidelines in full.", True),
        ("College of Policing", "31 March 2027",
         "By 31 March 2027, the College of Policing, supported by chief constables, should develop an "
         "accredited career pathway for neighbourhood officers.", False),
    ]
    recs = [F("rec", t, num=str(i), owner=o, deadline=d, cc=cc) for i, (o, d, t, cc) in enumerate(rows, 1)]
    return [
        Section("foreword", "Foreword", [
            P("Neighbourhood policing is the foundation of the British model of policing by consent. "
              "It is how most people expect to meet the police, and it is how the police come to "
              "understand the communities they serve."),
            P("Our inspection found that neighbourhood policing has been eroded. In many forces, "
              "neighbourhood officers spend much of their time covering for shortages elsewhere. We "
              "welcome the government\u2019s commitment to restore neighbourhood policing, and our "
              "recommendations are intended to help make that commitment a reality."),
            P("Anne Holloway QPM, HM Inspector of Constabulary", cls="sig"),
        ]),
        Section("summary", "Summary", [
            P("We surveyed all 43 forces and carried out fieldwork in eight. We observed 64 "
              "neighbourhood shifts, spoke to more than 400 officers and staff and held public "
              "meetings in each force area."),
            P("Neighbourhood officers in the forces we visited spent on average 58 percent of their "
              "time on neighbourhood duties. In one force the figure was 34 percent."),
            P("We make five recommendations. Three of them apply to chief constables."),
        ]),
        Section("recommendations", "Recommendations", [
            G(None, recs, style="table", columns=("Ref", "Recommendation", "For", "By")),
        ]),
        Section("abstraction", "1. Abstraction", [
            P("Officers told us that they were regularly taken away from their neighbourhoods to "
              "staff response shifts, to guard crime scenes and to police events. Abstraction was "
              "seldom recorded, and few forces knew how often it happened."),
            P("Police community support officers were less often abstracted, but were sometimes "
              "given tasks, such as the delivery of court papers, that had no connection with their "
              "neighbourhood."),
        ]),
        Section("engagement", "2. Engagement and problem solving", [
            P("The best neighbourhood teams knew their communities well and used structured problem "
              "solving to deal with persistent problems. We saw a team reduce anti-social behaviour "
              "on an estate by a third by working with the housing provider and the local school."),
            Box("Promising practice", "Ward profiles written with residents",
                ["In one force, each neighbourhood team writes its ward profile with a panel of "
                 "residents, who then help to set the team\u2019s priorities for the next quarter."]),
            P("Elsewhere, engagement was limited to a small number of public meetings, attended by "
              "few people. Plans were not shared with communities, and communities did not know who "
              "their neighbourhood officer was."),
        ]),
        Section("workforce", "3. The neighbourhood workforce", [
            P("Neighbourhood roles were often filled by the least experienced officers, many of whom "
              "moved on within two years. Officers saw no career path in neighbourhood policing."),
        ]),
        Section("annex", "Annex A: Data tables", [
            P("The data tables that accompany this report are published as a separate document."),
        ]),
    ]


# ---------------------------------------------------------------------------
# State of Fire and Rescue 2025 (PDF only)
# ---------------------------------------------------------------------------

def state_of_fire_sections():
    recs = [
        F("rec", "By 31 December 2026, the Home Office should, in consultation with the fire and rescue "
                 "sector, legislate to give chief fire officers operational independence.", num="1"),
        F("rec", "By 30 September 2026, chief fire officers should make sure that their services have a "
                 "process for identifying and dealing with misconduct that meets the Core Code of "
                 "Ethics.", num="2"),
        F("rec", "By 31 March 2026, the National Fire Chiefs Council should produce a national standard "
                 "for the collection of data on the diversity of the fire and rescue workforce.", num="3"),
    ]
    return [
        Section("introduction", "Introduction", [
            P("This is my annual assessment of fire and rescue services in England, as required by "
              "the Fire and Rescue National Framework for England. It draws on the inspections we "
              "carried out during 2025 and on our wider knowledge of the sector."),
            P("Sir Anthony Redmayne, HM Chief Inspector of Fire & Rescue Services", cls="sig"),
        ]),
        Section("assessment", "My assessment", [
            P("Most fire and rescue services are good at responding to emergencies, and the public "
              "can be confident that they will be helped when they call. Services have improved how "
              "they prevent fires and protect the public through fire safety regulation."),
            P("But the sector still has serious problems with its culture. In several services we "
              "found bullying, harassment and discrimination, and staff who did not feel able to "
              "speak up. Progress in improving the diversity of the workforce remains slow."),
            P("Of the recommendations I made in State of Fire and Rescue 2023, two have been "
              "implemented and three remain outstanding. I repeat my call for reform of the "
              "governance of fire and rescue services."),
        ]),
        Section("recommendations", "My recommendations", [
            P("I make three recommendations."),
            G(None, recs, style="ol"),
        ]),
        Section("inspections", "Our inspections in 2025", [
            T(["Judgment", "Number of services"], [
                ["Outstanding", "3"], ["Good", "31"], ["Adequate", "38"],
                ["Requires improvement", "29"], ["Inadequate", "7"],
            ], caption="Figure 1: Graded judgments across the 2025 inspections"),
        ]),
    ]
