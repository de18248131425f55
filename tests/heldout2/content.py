"""The 20 publications of the second held-out site, with the counts a careful reader gives.

All prose is written for this fixture. `expected` applies the Counting rules of
the site model (rules: docs/counting-rules.md): rec = recommendations this report makes, cc = how many of them
have chief constables among their actors (force-specific "the force should" included),
afi = areas for improvement, coc = causes of concern.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from .site import Pub


def E(rec=0, cc=0, afi=0, coc=0) -> dict:
    return {"recommendations": rec, "recommendations_to_chief_constables": cc,
            "areas_for_improvement": afi, "causes_of_concern": coc}


def rbox(label, text):
    return ("box", "", [("h5", label), ("p", text)])


ALL_FORCES = "All police forces in England and Wales"

# --- 1. Diverting children (joint with HMI Probation), HTML + the same PDF --------------

DIVERT_RECS = [
    "By 31 March 2026, the Ministry of Justice should publish a single national framework for out-of-court resolutions for children, setting out which outcomes are available, who may decide on them and how they are reviewed.",
    "By 31 March 2026, the Youth Justice Board should issue guidance to youth justice services on the minimum assessment a child should receive before a diversionary outcome is agreed.",
    "By 30 June 2026, the Home Office, in consultation with chief constables, should amend the crime outcome codes so that a diversionary outcome delivered with a youth justice service can be recorded separately from one delivered by the police alone.",
    "By 30 June 2026, chief constables should make sure that every decision to divert a child is reviewed by a supervisor within 48 hours, and that the reasons for the decision are recorded on the crime record.",
    "By 30 June 2026, the National Police Chiefs' Council lead for children and young people should produce a model joint decision-making panel protocol that forces and youth justice services can adopt locally.",
    "By 30 September 2026, the College of Policing should update its authorised professional practice on out-of-court resolutions to reflect the national framework.",
    "By 30 September 2026, police and crime commissioners should: (a) review the diversion services they commission for children; (b) make sure that those services are available in every part of their area; and (c) publish the results of the review.",
    "By 30 September 2026, directors of children's services should make sure that a social worker contributes to the joint decision when the child is known to children's social care.",
    "By 30 September 2026, youth justice service management boards should receive and scrutinise quarterly data on the use and outcomes of diversion in their area.",
    "By 31 December 2026, the Department for Education should work with schools to make sure that exclusion information is shared with youth justice services when a child is being considered for diversion.",
    "By 31 December 2026, local safeguarding children partnerships should assure themselves that diversion arrangements protect children who are being criminally exploited.",
    "By 31 December 2026, the Ministry of Justice, working with chief constables and the Youth Justice Board, should commission an independent evaluation of the long-term outcomes for children who are diverted.",
    "By 31 December 2026, the Youth Justice Board should publish annual data on diversion, broken down by ethnicity, sex and care status.",
    "By 31 December 2026, heads of youth justice services should make sure that every diverted child is offered a follow-up contact three months after the intervention ends.",
    "By 31 March 2027, NHS England should make sure that speech, language and communication assessments are available to youth justice services for children being considered for diversion.",
    "By 31 March 2027, the Crown Prosecution Service should review its guidance on charging children so that prosecutors consider whether a diversionary outcome has been properly explored.",
    "By 31 March 2027, the NPCC lead for out-of-court resolutions, supported by the College of Policing, should develop training for custody officers on recognising when a child may be suitable for diversion.",
    "By 31 March 2027, the Ministry of Justice and the Home Office should jointly agree how diversion work with children will be funded from April 2027 onwards.",
]

divert_body = [
    ("h2", "Foreword"),
    ("p", "Most children who come into contact with the police do not need to go to court. Dealing with them outside the formal system, when it is done well, reduces the chance that they offend again and spares them a criminal record that can follow them for years.[[fn:See our earlier joint work on this subject, published in 2018 and available at https://www.justiceinspectorates.gov.uk/hmicfrs/publications/joint-inspection-of-out-of-court-work/.]]"),
    ("p", "This joint inspection, carried out with HM Inspectorate of Probation, looked at how well the police and youth justice services decide which children to divert and what happens to them afterwards. We found committed staff working within arrangements that differ widely from one area to the next."),
    ("p", "In 2018 we recommended that forces record the reasons for every diversion decision. That recommendation has still not been fully acted upon, and several practitioners told us that the police should be involved earlier. We make 18 recommendations in this report. Only one is for chief constables; most are for the bodies that set policy for, fund and oversee youth justice."),
    ("h2", "Summary of recommendations"),
    ("p", "The table below lists our recommendations. Each is explained in the chapter it relates to."),
    ("table", ["No.", "Recommendation"], [[str(i), t] for i, t in enumerate(DIVERT_RECS, 1)],
     "Table 1: Our recommendations"),
    ("h2", "1. How decisions to divert children are made"),
    ("p", "We examined 212 cases from eight areas. In most, the decision to divert the child was sound, but the quality of the recorded rationale varied a great deal. In a quarter of cases we could not tell from the records why the child had been diverted rather than charged."),
    ("p", "There is no single national framework. Each area has built its own, and the outcome codes used to record diversion do not distinguish between an outcome agreed with the youth justice service and one delivered by a police officer alone."),
    ("h4", "Our recommendations on decision-making"),
] + [rbox(f"Recommendation {i}", DIVERT_RECS[i - 1]) for i in range(1, 7)] + [
    ("h2", "2. Working together"),
    ("p", "Joint decision-making panels worked best where children's social care and education were represented. Where they were not, information about exploitation or school exclusion was often missed.[[fn:Panels in two areas met fortnightly; in the others they met weekly or as needed.]]"),
    ("p", "Commissioning by police and crime commissioners has improved access to diversion in many areas, but coverage is patchy in rural districts."),
    ("h4", "Our recommendations on partnership working"),
] + [rbox(f"Recommendation {i}", DIVERT_RECS[i - 1]) for i in range(7, 13)] + [
    ("h2", "3. What happens after diversion"),
    ("p", "Very few areas knew what had become of the children they had diverted. Data on outcomes by ethnicity, sex and care status was rarely collected, so disproportionality could not be identified."),
    ("box", "Promising practice: a follow-up call at three months", [
        ("p", "In one area, a youth justice worker telephones each family three months after the intervention ends. Families told us they valued this, and the service uses what it learns to improve its work."),
    ], "promising"),
    ("h4", "Our recommendations on outcomes"),
] + [rbox(f"Recommendation {i}", DIVERT_RECS[i - 1]) for i in range(13, 19)] + [
    ("h2", "Annex A: Methodology"),
    ("p", "Fieldwork took place between February and May 2025 in eight police force areas. We interviewed 164 practitioners and 31 children and parents, and reviewed 212 case files."),
    ("table", ["Area", "Cases reviewed", "Interviews"],
     [["Area 1", "28", "22"], ["Area 2", "25", "19"], ["Area 3", "27", "21"], ["Area 4", "26", "20"],
      ["Area 5", "27", "18"], ["Area 6", "26", "23"], ["Area 7", "27", "21"], ["Area 8", "26", "20"]],
     "Table 2: Fieldwork by area"),
    ("h2", "Annex B: Terms of reference"),
    ("p", "The inspection asked whether decisions to divert children are timely, well informed and consistent, and whether diverted children receive support that reduces their chance of reoffending."),
]

# --- 2. Group-based CSE progress report ---------------------------------------------------

CSE_OLD = [
    ("By 31 October 2023, chief constables should make sure that their forces record group-based child sexual exploitation using the national flag.", "Partially complete"),
    ("By 31 October 2023, the Home Office should publish the findings of its review of data on group-based offending.", "Complete"),
    ("By 31 December 2023, chief constables should appoint a single senior officer with responsibility for the response to child sexual exploitation.", "Complete"),
    ("By 31 December 2023, the NPCC lead for child protection should establish a national network of practitioners.", "Complete"),
    ("By 31 March 2024, forces should make sure that intelligence about exploitation from partner agencies is recorded and assessed within seven days.", "Incomplete"),
    ("By 31 March 2024, the College of Policing should publish guidance on disrupting perpetrator networks.", "Partially complete"),
    ("By 31 March 2024, chief constables should review how victims are kept informed during long investigations.", "Incomplete"),
    ("By 30 June 2024, the National Crime Agency should offer analytical support to forces investigating complex networks.", "Complete"),
    ("By 30 June 2024, police and crime commissioners should make sure that specialist support services for victims are commissioned in their areas.", "Partially complete"),
]

CSE_NEW = [
    "By 31 March 2026, chief constables should make sure that every crime report involving group-based child sexual exploitation is flagged at the point of recording and that the flag is checked during supervisory review.",
    "By 30 April 2026, all police forces should use the national problem profile template to produce an annual assessment of group-based exploitation in their area.",
    "By 31 May 2026, the NPCC lead for child protection and chief constables should agree a minimum standard for the disruption of perpetrator networks, and forces should report against it each year.",
    "By 30 June 2026, chief constables should make sure that every victim has a named point of contact for the whole of the investigation and any prosecution.",
    "By 31 March 2026, the Home Office, working with the NPCC, should confirm funding for the national analytical capability beyond March 2027.",
    "By 30 September 2026, the College of Policing should include the investigation of group-based exploitation in its specialist child abuse investigation training.",
]

cse_body = [
    ("h2", "Introduction"),
    ("p", "In 2023 we published our inspection of how the police and law enforcement agencies respond to group-based child sexual exploitation. We made nine recommendations and one area for improvement. This report sets out what progress has been made against each of them, and makes six new recommendations where we found that more needs to be done."),
    ("p", "We are encouraged by the progress made nationally. But in too many forces the improvements depend on a few committed people rather than on sound systems."),
    ("h2", "Progress against our 2023 findings"),
    ("p", "For each 2023 recommendation we give its original wording and our assessment of its status."),
]
for i, (text, status) in enumerate(CSE_OLD, 1):
    cse_body += [
        ("h4", f"Recommendation {i} (2023)"),
        ("p", text),
        ("p", f"<strong>Status:</strong> {status}"),
        ("p", {"Complete": "We found evidence that this has been done in all the forces we visited.",
               "Partially complete": "Some progress has been made, but the work is not finished in every force.",
               "Incomplete": "We found little evidence of progress against this recommendation."}[status]),
    ]
cse_body += [
    ("h4", "Area for improvement (2023)"),
    ("p", "Forces should improve how they use civil orders to protect children from people who pose a risk of sexual exploitation."),
    ("p", "<strong>Status:</strong> Partially complete"),
    ("p", "Use of civil orders has increased in most forces, but many orders are still not monitored after they are made."),
    ("h2", "What we found"),
    ("p", "Recording has improved. Of the 96 cases we reviewed, 71 had been flagged correctly, compared with 44 of 90 in 2023. Problem profiles were of variable quality, and only three of the forces we visited had used theirs to direct disruption activity."),
    ("p", "Victims told us that they had been passed between officers and that they did not always know who was dealing with their case."),
    ("h2", "Our new recommendations"),
    ("p", "We make the following six recommendations."),
] + [x for i, t in enumerate(CSE_NEW, 1) for x in (("h5", f"Recommendation {i}"), ("p", t))] + [
    ("h2", "Annex: Forces visited"),
    ("p", "We visited Avon and Somerset Constabulary, Derbyshire Constabulary, Essex Police, Northumbria Police, South Yorkshire Police and Thames Valley Police."),
]

# --- 3. West Midlands Police child protection ---------------------------------------------

WMP_AFIS = [
    ("Initial response to children at risk", "The force should make sure that officers attending incidents involving children record the child's voice and their observations of the child's behaviour and circumstances."),
    ("Referrals to children's social care", "The force should make sure that referrals to children's social care are made within 24 hours and contain enough information for partners to assess risk."),
    ("Supervision of investigations", "The force should improve the supervision of child abuse investigations so that they are progressed without avoidable delay."),
    ("Children held in custody overnight", "The force should work with local authorities to reduce the number of children held in police custody overnight after charge."),
    ("Missing children", "The force should make sure that return home interviews are consistently requested and that the information from them is used to reduce the risk of a child going missing again."),
    ("Online child abuse", "The force should reduce the time taken to assess and act on referrals about indecent images of children."),
    ("Quality assurance", "The force should develop its quality assurance of child protection work so that senior leaders understand how well children are protected."),
]

wmp_body = [
    ("h2", "Introduction"),
    ("p", "This inspection is one of a national programme of child protection inspections. We assessed how well West Midlands Police protects children at risk of harm, from the first contact to the end of an investigation."),
    ("h2", "Summary"),
    ("p", "West Midlands Police is committed to protecting children. Officers and staff we met were caring and knew the children they were working with. But the service children receive is not consistent across the force area, and we have identified seven areas for improvement."),
    ("table", ["", "Area for improvement"], [[str(i), t] for i, (t, _) in enumerate(WMP_AFIS, 1)],
     "Our areas for improvement"),
    ("p", "In our 2019 inspection we recommended that the force should improve how it responds to children who go missing from home. The force has made progress, but there is more to do."),
    ("h2", "Initial contact"),
    ("p", "Call handlers generally identified risk to children correctly. Attending officers were kind and patient with children, but in 19 of the 60 cases we examined they did not record what the child had said or how the child appeared."),
    ("h5", f"Area for improvement 1: {WMP_AFIS[0][0]}"),
    ("p", WMP_AFIS[0][1]),
    ("p", "Referrals to children's social care were sometimes delayed by several days and some contained too little detail for partners to act on."),
    ("h5", f"Area for improvement 2: {WMP_AFIS[1][0]}"),
    ("p", WMP_AFIS[1][1]),
    ("h2", "Investigation"),
    ("p", "Supervisors did not always set clear lines of enquiry, and some investigations stalled while officers waited for other agencies."),
    ("h5", f"Area for improvement 3: {WMP_AFIS[2][0]}"),
    ("p", WMP_AFIS[2][1]),
    ("box", "Promising practice: early help navigators", [
        ("p", "The force has placed early help navigators in each local policing area. They link families with support before problems escalate, and partners spoke highly of them."),
    ], "promising"),
    ("h2", "Decision-making"),
    ("p", "Too many children charged with an offence were kept in custody overnight because no alternative accommodation was available."),
    ("p", "<b>Area for improvement 4</b>"),
    ("p", WMP_AFIS[3][1]),
    ("p", "<b>Area for improvement 5</b>"),
    ("p", WMP_AFIS[4][1]),
    ("h2", "Online abuse and leadership"),
    ("p", "The online child abuse investigation team had a backlog of 140 referrals when we inspected. Some had waited more than three months for assessment."),
    ("p", "<b>Area for improvement 6</b>"),
    ("p", WMP_AFIS[5][1]),
    ("p", "Leaders receive a great deal of performance data, but little of it tells them about the quality of the work done with children."),
    ("p", "<b>Area for improvement 7</b>"),
    ("p", WMP_AFIS[6][1]),
    ("h2", "Next steps"),
    ("p", "We will ask the force to provide an action plan within six weeks of publication. We will monitor progress through our regular force liaison."),
]

# --- 4. Gwent PEEL ----------------------------------------------------------------------

gwent_body = [
    ("h2", "Overall summary"),
    ("table", ["Area", "Grade"], [
        ["Police legitimacy", "Adequate"], ["Preventing crime", "Good"],
        ["Responding to the public", "Inadequate"], ["Investigating crime", "Requires improvement"],
        ["Protecting vulnerable people", "Adequate"], ["Managing offenders", "Good"],
        ["Developing a positive workplace", "Requires improvement"]], "Our judgments"),
    ("p", "We are concerned that Gwent Police is not answering calls from the public quickly enough. We have identified one cause of concern, with two recommendations, and six areas for improvement."),
    ("h2", "Responding to the public"),
    ("p", "In the twelve months to March 2025 the force answered 71 percent of emergency calls within ten seconds, against a national standard of 90 percent. One in five non-emergency callers abandoned the call."),
    ("box", "Cause of concern", [
        ("p", "Gwent Police is not answering emergency and non-emergency calls quickly enough, and it does not always identify vulnerable callers at the first contact. This means that people in danger may not get the help they need."),
        ("p", "<b>Recommendations</b>"),
        ("ol", [
            "By 31 March 2026, the force should make sure that it has enough trained call handlers to meet the national standard for answering emergency calls.",
            "By 31 March 2026, the force should make sure that call handlers use a structured risk assessment on every call and that this is checked by supervisors.",
        ]),
    ], "warning"),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should make sure that it attends incidents within the times it has set, and that callers are told if there will be a delay."),
    ("h2", "Investigating crime"),
    ("p", "Investigations were generally well planned, but victims were not always updated and some cases were closed without all lines of enquiry being followed."),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should make sure that victims are updated regularly and that their wishes are recorded when an investigation is closed."),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should improve how it records the reasons why a suspect has not been charged."),
    ("h2", "Protecting vulnerable people"),
    ("p", "The force has invested in specialist domestic abuse officers. Risk assessments were generally completed, but repeat victims were not always identified."),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should make sure that repeat victims of domestic abuse are identified and that their risk is reassessed."),
    ("box", "Innovative practice", [("p", "The force uses a text messaging service that allows victims of domestic abuse to contact their investigating officer discreetly.")], "promising"),
    ("h2", "Developing a positive workplace"),
    ("p", "Officers and staff told us they were tired and that workloads in response teams were too high."),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should understand the wellbeing needs of its workforce and make sure that supervisors have time to support their teams."),
    ("p", "<b>Area for improvement</b>"),
    ("p", "The force should make sure that its promotion processes are seen as fair by officers and staff."),
    ("h2", "About the data"),
    ("p", "Data in this report comes from a range of sources, including the Home Office and our own data collection. Where a figure is marked as provisional, it may change."),
]

# --- 5. Devon and Somerset FRS, HTML + the same PDF ---------------------------------------

dsfrs_body = [
    ("h2", "Overview"),
    ("table", ["Area", "Grade"], [
        ["Preventing fires and other risks", "Adequate"], ["Protecting the public through fire regulation", "Requires improvement"],
        ["Responding to fires and other emergencies", "Good"], ["Promoting the right values and culture", "Inadequate"],
        ["Making the fire and rescue service affordable now and in the future", "Adequate"]], "Judgments"),
    ("p", "We have one cause of concern about how the service promotes its values and culture, with three recommendations, and five areas for improvement."),
    ("h2", "Promoting the right values and culture"),
    ("p", "Staff in some stations told us that inappropriate behaviour was tolerated and that they would not feel safe raising concerns. The service had not acted on the findings of its own staff survey."),
    ("h3", "Cause of concern"),
    ("p", "The service has not done enough to make sure that all its staff behave in line with its values. Staff do not have confidence in the way the service deals with complaints and grievances."),
    ("h4", "Recommendations"),
    ("p", "<b>Recommendation 1:</b> By 1 December 2025, the service should make sure that all managers are trained to recognise and challenge inappropriate behaviour."),
    ("p", "<b>Recommendation 2:</b> By 1 December 2025, the service should make sure that it has an independent and confidential route for staff to raise concerns."),
    ("p", "<b>Recommendation 3:</b> By 1 March 2026, the service should review how it handles grievances and make sure that they are resolved promptly."),
    ("h2", "Preventing fires and other risks"),
    ("p", "Home fire safety visits were targeted at the people most at risk, but the service had a backlog of 1,900 visits."),
    ("h5", "Area for improvement"),
    ("p", "The service should make sure that it carries out home fire safety visits in a timely way for the people most at risk."),
    ("h2", "Protecting the public through fire regulation"),
    ("p", "The risk-based inspection programme had not been updated for three years."),
    ("h5", "Area for improvement"),
    ("p", "The service should make sure that its risk-based inspection programme prioritises the highest-risk premises."),
    ("h5", "Area for improvement"),
    ("p", "The service should make sure that it has enough qualified fire safety inspectors to carry out its programme."),
    ("h2", "Responding to fires and other emergencies"),
    ("p", "The service responds well to emergencies. Crews we spoke to were confident and well trained."),
    ("box", "Innovative practice: drone support", [("p", "The service uses drones to give incident commanders a view of large fires, which has helped them deploy crews more safely.")], "promising"),
    ("h5", "Area for improvement"),
    ("p", "The service should make sure that on-call fire engine availability is improved so that it can meet its response standards."),
    ("h2", "Making the service affordable"),
    ("p", "Financial plans are realistic, but the service relies on reserves to balance its budget in 2026/27."),
    ("h5", "Area for improvement"),
    ("p", "The service should make sure that its savings plans are realistic and that it can balance its budget without relying on reserves."),
]

# --- 6. Stalking thematic ------------------------------------------------------------------

stalk_recs = [
    "By 31 January 2026, chief constables should make sure that: (a) all reports of harassment are screened for stalking behaviours; (b) stalking is recorded as stalking, not as harassment or malicious communications; and (c) the screening is checked by a supervisor.",
    "By 31 March 2026, the NPCC lead for stalking and harassment should publish guidance on when a stalking protection order should be considered.",
    "By 31 March 2026, the Home Office, in consultation with chief constables, should review the statutory guidance on stalking protection orders.",
    "By 30 June 2026, police and crime commissioners should make sure that independent stalking advocates are available to every victim who needs one.",
    "By 30 June 2026, the College of Policing should include stalking in its initial training for all new officers.",
    "By 30 June 2026, the Crown Prosecution Service should make sure that prosecutors consider applying for a restraining order in every stalking case.",
    "By 30 September 2026, chief constables and police and crime commissioners should jointly review the support available to victims of stalking in their areas.",
]

stalk_body = [
    ("h2", "Foreword"),
    ("p", "Five years ago we found that stalking was too often missed by the police. This inspection asked whether that has changed. It has, but not by enough."),
    ("h2", "Our recommendations at a glance"),
    ("table", ["", "Subject", "For"], [
        ["R1", "Identifying and recording stalking", "Chief constables"],
        ["R2", "Guidance on protection orders", "NPCC lead"],
        ["R3", "Statutory guidance", "Home Office"],
        ["R4", "Advocacy for victims", "Police and crime commissioners"],
        ["R5", "Training", "College of Policing"],
        ["R6", "Restraining orders", "Crown Prosecution Service"],
        ["R7", "Support for victims", "Chief constables and PCCs"]]),
    ("h2", "Identifying stalking"),
    ("p", "Of the 130 harassment cases we reviewed, 41 showed behaviours that should have been recognised as stalking.[[fn:The statutory guidance says that forces should consider a stalking protection order whenever the legal test is met.]] Victims told us that they had to explain their experience several times before it was taken seriously."),
    ("p", "<strong>R1:</strong> " + stalk_recs[0]),
    ("h2", "Protecting victims"),
    ("p", "Stalking protection orders are used more than they were, but practice varies widely between forces. Some forces had never applied for one."),
    ("p", "<strong>R2:</strong> " + stalk_recs[1]),
    ("p", "<strong>R3:</strong> " + stalk_recs[2]),
    ("p", "Victims valued the support of independent advocates, but in many areas there were long waiting lists.[[fn:In one area the wait was more than four months.]]"),
    ("p", "<strong>R4:</strong> " + stalk_recs[3]),
    ("h2", "Skills and the criminal justice system"),
    ("p", "New officers receive little training on stalking. Prosecutors did not always consider restraining orders, even when the victim asked for one."),
    ("p", "<strong>R5:</strong> " + stalk_recs[4]),
    ("p", "<strong>R6:</strong> " + stalk_recs[5]),
    ("p", "<strong>R7:</strong> " + stalk_recs[6]),
    ("h2", "Annex A: Progress on our 2020 recommendations"),
    ("table", ["2020 recommendation", "Progress"], [
        ["Forces should appoint a stalking lead at chief officer level", "All forces have done so"],
        ["The Home Office should commission research on the prevalence of stalking", "Research published in 2023"]]),
]

# --- 7. Disclosure joint with HMCPSI, PDF only ----------------------------------------------

disc_recs = [
    "By 31 December 2025, chief constables and Chief Crown Prosecutors should agree a local protocol for the early exchange of unused material in rape cases.",
    "By 31 December 2025, the CPS should make sure that prosecutors record their disclosure decisions on the case management system.",
    "By 31 March 2026, the NPCC lead for disclosure, working with the CPS, should revise the national disclosure standards to cover digital material.",
    "By 31 March 2026, forces should make sure that disclosure officers in rape investigations have completed the accredited disclosure training.",
    "By 30 June 2026, the Attorney General's Office should review the guidance on third-party material so that it is consistent with the revised standards.",
]

disc_body = [
    ("h2", "Executive summary"),
    ("p", "This joint inspection by HMICFRS and HM Crown Prosecution Service Inspectorate examined how the police and the Crown Prosecution Service handle unused material in rape and serious sexual offence cases."),
    ("p", "Disclosure in these cases has improved since our last inspection, but schedules were still inaccurate in a third of the files we examined. In 2022 we recommended that the CPS should give feedback to the police on every disclosure schedule; this is now done in most areas."),
    ("p", "We make the following recommendations."),
] + [("p", f"{i}. {t}") for i, t in enumerate(disc_recs, 1)] + [
    ("h2", "Background"),
    ("p", "The prosecution has a duty to disclose any material that might reasonably be considered capable of undermining its case or assisting the defence. In rape cases, this can include large volumes of digital material, such as messages and social media content."),
    ("h2", "Police handling of unused material"),
    ("p", "Disclosure officers were often inexperienced. Many had not completed accredited training, and supervisors did not always review schedules before they went to the CPS."),
    ("p", "Recommendation 4 addresses this."),
    ("h2", "CPS handling of unused material"),
    ("p", "Prosecutors reviewed schedules promptly in most cases, but their decisions were often not recorded, which made it difficult for the police to understand what was needed."),
    ("h2", "Recommendations"),
] + [x for i, t in enumerate(disc_recs, 1) for x in (("h5", f"Recommendation {i}"), ("p", t))] + [
    ("h2", "Annex: File examination"),
    ("table", ["Measure", "Police files", "CPS files"], [
        ["Schedules accurate", "64%", "n/a"], ["Disclosure decisions recorded", "n/a", "58%"],
        ["Third-party material requested appropriately", "71%", "69%"]]),
]

# --- 8. Dyfed-Powys custody, PDF only (joint with HM Inspectorate of Prisons) --------------

dp_body = [
    ("h2", "Introduction"),
    ("p", "This report describes the findings of an unannounced inspection of police custody in Dyfed-Powys Police, carried out jointly by HM Inspectorate of Prisons and HMICFRS. The inspection looked at the treatment of detainees and the conditions in which they were held."),
    ("h2", "Summary"),
    ("p", "Detainees were generally treated with respect, and custody staff were caring. However, we found serious weaknesses in the governance of the use of force in custody, which we have identified as a cause of concern."),
    ("h3", "Cause of concern and recommendations"),
    ("p", "Cause of concern 1: The force could not show that the use of force in custody was always justified, proportionate and properly recorded. Records were incomplete and footage was not routinely reviewed."),
    ("p", "Recommendation 2: The force should make sure that every use of force in custody is recorded accurately and that the records are reviewed by a supervisor."),
    ("p", "Recommendation 3: The force should make sure that CCTV footage of the use of force is retained and sampled for quality assurance."),
    ("h3", "Areas for improvement"),
    ("p", "4. The force should make sure that detainees are told of their rights and entitlements in a way they can understand."),
    ("p", "5. The force should make sure that risk assessments are reviewed when a detainee's circumstances change."),
    ("p", "6. The force should reduce the time that detainees wait for a mental health assessment."),
    ("p", "7. The force should make sure that cells are clean and free of ligature points."),
    ("h2", "Leadership, accountability and partnerships"),
    ("p", "The custody command had a clear structure. Partnership work with health providers was good, but there were long waits for mental health assessments at night."),
    ("h2", "Pre-custody: first point of contact"),
    ("p", "Officers generally considered alternatives to custody. Children were rarely brought into custody."),
    ("h2", "In the custody suite: booking in, individual needs and legal rights"),
    ("p", "Booking-in was generally respectful, but the explanation of rights was hurried in busy periods, and some detainees with learning difficulties did not understand what they had been told."),
    ("h2", "Section 5: Summary of causes of concern, recommendations and areas for improvement"),
    ("p", "Cause of concern 1 and Recommendations 2 and 3 are set out in the summary above. Areas for improvement 4 to 7 relate to rights, risk, health and the physical environment."),
]

# --- 9. Digital forensics, PDF only --------------------------------------------------------

df_recs = [
    "By 31 October 2025, chief constables should make sure that their forces have an accurate record of all devices awaiting examination, including those held outside the digital forensic unit.",
    "By 31 March 2026, the Home Office should publish a national strategy for digital forensics that sets out how the capability will be funded.",
    "By 31 March 2026, the NPCC lead for digital forensics, working with the Forensic Capability Network, should establish a national triage standard for devices.",
    "By 30 June 2026, all police forces should: (a) introduce a triage process for every device seized; (b) make sure that investigators receive training in using self-service kiosks; and (c) monitor the time taken to return devices to victims.",
]

df_body = [
    ("h2", "Summary"),
    ("p", "Almost every investigation now involves digital evidence. We found that forces had 25,000 devices waiting to be examined, and some victims had waited more than a year for their phone to be returned."),
    ("p", "We make four recommendations. Two are for chief constables, one for the Home Office and one for the NPCC lead."),
    ("h2", "The scale of demand"),
    ("p", "Forces could not always tell us how many devices they held. Devices held in property stores were often not included in the figures."),
    ("h5", "Recommendation 1"),
    ("p", df_recs[0]),
    ("h2", "National arrangements"),
    ("p", "There is no national strategy, and funding for digital forensics comes from many sources."),
    ("h5", "Recommendation 2"),
    ("p", df_recs[1]),
    ("h5", "Recommendation 3"),
    ("p", df_recs[2]),
    ("h2", "Triage and return of devices"),
    ("p", "Forces that triage devices at the point of seizure had much smaller backlogs. Victims told us that losing their phone made them feel punished for reporting."),
    ("h5", "Recommendation 4"),
    ("p", df_recs[3]),
    ("h2", "Annex B: Our 2021 recommendations"),
    ("p", "The table below restates the recommendations from our 2021 inspection of digital forensics and summarises progress. They are not repeated as new recommendations."),
    ("table", ["2021 recommendation", "Progress"], [
        ["By March 2022, chief constables should make sure that digital forensic units are accredited to the required standard.", "Partly achieved"],
        ["By March 2022, the College of Policing should publish guidance on the use of kiosks.", "Achieved"]]),
]

# --- 10. Cleveland revisit ---------------------------------------------------------------

clev_old = [
    ("The force should make sure that it assesses the risk to missing people accurately at the first report.", "Addressed"),
    ("The force should make sure that supervisors review the search strategy for every high-risk missing person.", "Addressed"),
    ("The force should make sure that prevention interviews are carried out when people return.", "Addressed"),
    ("The force should improve its analysis of people who go missing repeatedly.", "Partly addressed"),
]

clev_body = [
    ("h2", "Introduction"),
    ("p", "In our 2024 inspection of Cleveland Police's response to missing people, we identified four areas for improvement. In December 2024 we revisited the force to assess its progress."),
    ("h2", "Progress"),
] + [x for i, (t, s) in enumerate(clev_old, 1) for x in (
    ("h5", f"Area for improvement {i} (2024)"), ("p", t), ("p", f"<strong>Our assessment:</strong> {s}"))] + [
    ("p", "The force has made good progress. It is now analysing repeat missing episodes and expects to complete this work by the summer."),
    ("h2", "Conclusion"),
    ("p", "We are satisfied with the progress made. We make no new recommendations or areas for improvement in this report, and we will continue to monitor the remaining work through our usual liaison with the force."),
]

# --- 11. Neighbourhood policing thematic ---------------------------------------------------

nb_recs = [
    ("All police forces", "By 30 September 2025, all police forces should: (a) publish the name of the neighbourhood officer for every ward; (b) protect neighbourhood officers from being routinely taken away to fill response shifts; and (c) record the time neighbourhood officers spend on abstractions."),
    ("Chief constables and PCCs", "By 30 June 2025, chief constables and police and crime commissioners should agree how neighbourhood policing will be measured in their area and publish the measures."),
    ("PCCs", "By 30 June 2025, police and crime commissioners should make sure that the public are consulted on neighbourhood priorities at least once a year."),
    ("College of Policing", "By 31 December 2025, the College of Policing should develop a professional development programme for neighbourhood officers."),
    ("Home Office", "By 31 March 2026, the Home Office, supported by the NPCC, should set out how the neighbourhood policing guarantee will be funded after 2026."),
]

nb_body = [
    ("h2", "Summary"),
    ("p", "Neighbourhood policing is valued by the public, but in many forces it has been eroded by the demands of response policing. We make five recommendations."),
    ("table", ["No.", "Recommendation", "Who"], [[str(i), t, w] for i, (w, t) in enumerate(nb_recs, 1)],
     "Table 1: Summary of recommendations"),
    ("h2", "The state of neighbourhood policing"),
    ("p", "In half the forces we visited, neighbourhood officers spent more than a third of their time on response duties. Residents did not know who their local officer was."),
    ("h5", "Recommendation 1"),
    ("p", nb_recs[0][1]),
    ("h2", "Accountability"),
    ("p", "Few forces could tell us whether their neighbourhood policing was working. Police and crime plans rarely included measures for it."),
    ("h5", "Recommendation 2"),
    ("p", nb_recs[1][1]),
    ("h5", "Recommendation 3"),
    ("p", nb_recs[2][1]),
    ("h2", "Skills and funding"),
    ("p", "Neighbourhood officers told us that they had received little training for the role. Funding has been short term."),
    ("h5", "Recommendation 4"),
    ("p", nb_recs[3][1]),
    ("h5", "Recommendation 5"),
    ("p", nb_recs[4][1]),
    ("h2", "Annex: Forces inspected"),
    ("p", "Cheshire Constabulary, Durham Constabulary, Hertfordshire Constabulary, Kent Police, North Wales Police and Wiltshire Police."),
]

# --- 12. Merseyside SOC ------------------------------------------------------------------

mers_body = [
    ("h2", "Summary"),
    ("p", "Merseyside Police has a good understanding of the organised crime groups operating in its area and disrupts many of them. Its management of the most serious offenders over the long term is less effective."),
    ("p", "<strong>Our findings at a glance</strong>"),
    ("ul", ["Recommendation: lifetime management of organised criminals",
            "Area for improvement 1: intelligence development",
            "Area for improvement 2: recording disruptions",
            "Area for improvement 3: sharing data with partners"]),
    ("h2", "Understanding the threat"),
    ("p", "The force's intelligence picture is detailed, but intelligence from neighbourhood teams is not always developed."),
    ("p", "<b>Area for improvement 1: Intelligence development</b>"),
    ("p", "The force should make sure that intelligence about serious and organised crime from neighbourhood teams is assessed and developed."),
    ("h2", "Pursuing offenders"),
    ("p", "The force disrupts organised crime groups effectively, but does not always record the disruptions it achieves."),
    ("p", "<b>Area for improvement 2: Recording disruptions</b>"),
    ("p", "The force should make sure that all disruptions are recorded so that it can assess which tactics work best."),
    ("p", "Lifetime management plans were in place for only a few of the most serious offenders, and they were not reviewed."),
    ("h5", "Recommendation"),
    ("p", "By 31 May 2025, Merseyside Police should make sure that every organised criminal who poses a high risk of harm has a lifetime management plan that is reviewed at least every six months."),
    ("h2", "Working with partners"),
    ("p", "Partnership working is strong, but data sharing with local authorities relies on informal arrangements."),
    ("p", "<b>Area for improvement 3: Sharing data with partners</b>"),
    ("p", "The force should put formal data-sharing agreements in place with its local authority partners."),
]

# --- 13. GMP cause of concern revisit ------------------------------------------------------

gmp_body = [
    ("h2", "Introduction"),
    ("p", "In 2022 we reported a cause of concern about crime recording in Greater Manchester Police and made three recommendations. This report sets out our assessment of the force's progress."),
    ("h2", "The 2022 cause of concern"),
    ("quote", [
        ("p", "<b>Cause of concern</b>"),
        ("p", "The force does not record a large proportion of the crimes reported to it, particularly violent crimes and crimes reported by vulnerable people."),
        ("p", "<b>Recommendations</b>"),
        ("p", "1. By 31 March 2023, the force should make sure that crimes are recorded within 24 hours of being reported."),
        ("p", "2. By 31 March 2023, the force should make sure that its crime registrar has enough staff to audit recording decisions."),
        ("p", "3. By 30 June 2023, the force should make sure that officers are trained in the crime recording rules."),
    ]),
    ("h2", "Our assessment"),
    ("p", "All three recommendations have been implemented. Our audit found that the force now records 94 percent of reported crime, up from 81 percent. We have therefore closed the cause of concern."),
    ("table", ["2022 recommendation", "Status"], [["1", "Implemented"], ["2", "Implemented"], ["3", "Implemented"]]),
    ("h2", "A remaining weakness"),
    ("p", "Some incidents of anti-social behaviour that should have been recorded as crimes were not."),
    ("h5", "Area for improvement"),
    ("p", "The force should make sure that its auditing of anti-social behaviour incidents identifies crimes that have not been recorded."),
]

# --- 14. Fire misconduct thematic ---------------------------------------------------------

fm_recs = [
    "By 1 March 2025, chief fire officers should make sure that all staff can report misconduct through a confidential route that is independent of their line management.",
    "By 1 June 2025, chief fire officers should make sure that misconduct investigations are carried out by trained investigators.",
    "By 1 June 2025, fire and rescue services should: (a) record all misconduct allegations and their outcomes; (b) analyse the data to identify patterns; and (c) report the analysis to their fire and rescue authority.",
    "By 1 October 2025, the Home Office should introduce a barring list for the fire and rescue sector.",
    "By 1 October 2025, the National Fire Chiefs Council, working with the Fire Standards Board, should publish a national code for misconduct investigations.",
]

fm_body = [
    ("h2", "Foreword"),
    ("p", "Our earlier report on the values and culture of fire and rescue services made 35 recommendations. This inspection looked specifically at how services deal with misconduct."),
    ("details", "Recommendations", [("ol", fm_recs)]),
    ("h2", "Reporting misconduct"),
    ("p", "Many staff told us they would not report misconduct because they feared the consequences. Several services had no confidential reporting route."),
    ("h2", "Investigating misconduct"),
    ("p", "Investigations were often carried out by managers with no training, and some took more than a year to complete."),
    ("h2", "Data and oversight"),
    ("p", "Few services could tell us how many misconduct cases they had dealt with. Fire and rescue authorities rarely received information about misconduct."),
    ("h2", "National arrangements"),
    ("p", "Unlike policing, the fire and rescue sector has no barring list, so people dismissed for gross misconduct can join another service."),
]

# --- 15. IOM joint with HMI Probation ------------------------------------------------------

iom_body = [
    ("h2", "Introduction"),
    ("p", "Integrated offender management brings the police and probation services together to manage the people who commit the most crime in their communities. This joint inspection with HM Inspectorate of Probation examined how well it works."),
    ("details", "Recommendations", [
        ("p", "<b>Chief constables and regional probation directors should:</b>"),
        ("ol", ["make sure that every integrated offender management scheme has a joint performance framework that measures reoffending."]),
        ("p", "<b>HM Prison and Probation Service should:</b>"),
        ("ol", ["make sure that probation practitioners in integrated offender management teams have manageable caseloads;",
                "provide guidance on sharing information about people on integrated offender management with the police."], 2),
        ("p", "<b>Police and crime commissioners should:</b>"),
        ("ol", ["make sure that the services they commission for people on integrated offender management are evaluated."], 4),
    ]),
    ("h2", "Findings"),
    ("p", "Police and probation staff worked well together in most schemes. But schemes rarely measured their effect on reoffending, and probation caseloads were too high."),
    ("p", "Some police officers in the teams had been moved to other duties. Information sharing was hampered by incompatible systems."),
    ("p", "For more on joint inspections see https://hmiprobation.justiceinspectorates.gov.uk/document/integrated-offender-management/."),
]

# --- 16. State of Policing -----------------------------------------------------------------

sop_body = [
    ("h2", "Introduction"),
    ("p", "This is my annual assessment of policing in England and Wales. In the past year we published 41 inspection reports and made 152 recommendations and 318 areas for improvement."),
    ("h2", "The police response to the public"),
    ("p", "Many forces have improved how quickly they answer calls, but too many people still wait too long for an officer to attend."),
    ("box", "Our 2022 recommendation, not yet implemented", [
        ("p", "By 31 March 2023, chief constables should make sure that their forces have enough trained investigators to meet demand."),
        ("p", "Two years on, only 12 forces have done this."),
    ]),
    ("h2", "The police workforce"),
    ("p", "The workforce is less experienced than at any time in the past twenty years."),
    ("h2", "Recommendations"),
    ("p", "I make two recommendations this year."),
    ("p", "<b>Recommendation 1</b>: By 31 March 2026, the Home Office should set out a long-term plan for the funding of policing that gives forces certainty over at least three years."),
    ("p", "<b>Recommendation 2</b>: By 31 December 2025, chief constables should make sure that newly promoted sergeants receive supervisory training before they take up the role."),
    ("h2", "Conclusion"),
    ("p", "Policing in England and Wales has many strengths. But it needs stable funding and a more experienced workforce to meet the demands placed on it."),
]

# --- 17. Business plan (corporate) ---------------------------------------------------------

bp_body = [
    ("h2", "Our purpose"),
    ("p", "We promote improvements in policing and fire and rescue services to make everyone safer. We do this by inspecting, monitoring and advising."),
    ("h2", "Our priorities for 2025 to 2026"),
    ("ul", ["Deliver the PEEL and fire and rescue inspection programmes.",
            "Carry out the thematic inspections in our published programme.",
            "Monitor how forces and services respond to our recommendations and areas for improvement.",
            "Improve the accessibility of our reports."]),
    ("p", "Forces and services should expect to be contacted by their liaison lead before each inspection. We will publish our findings and, where we find problems, make recommendations."),
    ("h2", "How we will measure our performance"),
    ("table", ["Measure", "Target"], [
        ["Reports published within 12 weeks of fieldwork", "90%"],
        ["Recommendations with a named addressee", "100%"],
        ["Staff survey engagement", "70%"]]),
    ("h2", "Our budget"),
    ("p", "Our budget for 2025 to 2026 is 31.6 million pounds, of which 80 percent is spent on staff."),
]

# --- 18. FOI disclosure log (corporate, PDF) -------------------------------------------------

foi_body = [
    ("h2", "About this log"),
    ("p", "This log lists the freedom of information requests we answered between July and September 2025, with a summary of each response."),
    ("h2", "Requests"),
    ("table", ["Reference", "Request", "Response"], [
        ["FOI 2025/118", "Number of recommendations made to Kent Police since 2020", "We made 14 recommendations and 22 areas for improvement to Kent Police in that period."],
        ["FOI 2025/121", "Staff numbers by grade", "Information provided."],
        ["FOI 2025/130", "Costs of the PEEL programme", "Information provided in part; some information is exempt."],
        ["FOI 2025/134", "Correspondence about a cause of concern", "Information not held."]]),
]

# --- 19. Hampshire and Isle of Wight FRS -------------------------------------------------------

hiow_afis = [
    "The service should make sure that its prevention activity is targeted at the people most at risk of fire.",
    "The service should make sure that it has enough qualified staff to deliver its protection programme.",
    "The service should make sure that fire engines crewed by on-call staff are available when needed.",
    "The service should make sure that its staff understand how to raise concerns about behaviour.",
]

hiow_body = [
    ("h2", "Overview"),
    ("p", "Hampshire and Isle of Wight Fire and Rescue Service is good at responding to emergencies and at planning for the future. It needs to improve its prevention and protection work."),
    ("details", "Areas for improvement", [("ol", hiow_afis)]),
    ("h2", "Preventing fires and other risks"),
    ("p", "Home fire safety checks were not always carried out for the people most at risk."),
    ("h5", "Area for improvement"),
    ("p", hiow_afis[0]),
    ("h2", "Protecting the public through fire regulation"),
    ("p", "The service has lost experienced fire safety inspectors and has not replaced them."),
    ("h5", "Area for improvement"),
    ("p", hiow_afis[1]),
    ("h2", "Responding to emergencies"),
    ("p", "On-call availability fell to 58 percent during the day in summer 2025."),
    ("box", "Promising practice", [("p", "The service shares control room arrangements with two neighbouring services, which has improved resilience.")], "promising"),
    ("h2", "Culture"),
    ("p", "Most staff were positive about the culture of the service, but some did not know how to raise concerns."),
]

# --- 20. Lincolnshire vetting ---------------------------------------------------------------

lin_body = [
    ("h2", "Summary"),
    ("p", "Lincolnshire Police has improved its vetting processes, but its counter-corruption unit does not have the capacity to deal with the intelligence it receives. We make three recommendations and identify two areas for improvement."),
    ("h2", "Recommendations"),
    ("p", "1. By 31 March 2026, the chief constable should make sure that the counter-corruption unit has enough staff to assess and develop all corruption intelligence within 28 days."),
    ("p", "2. By 31 March 2026, Lincolnshire Police should: (a) check all officers and staff against the police national database at least once a year; (b) record the outcome of each check; and (c) act on any relevant information found."),
    ("p", "3. By 30 June 2026, the force should make sure that it monitors the use of its IT systems to identify potential data misuse."),
    ("h2", "Areas for improvement"),
    ("p", "<b>Area for improvement 1</b>"),
    ("p", "The force should make sure that vetting decisions that disagree with the recommendation of a vetting officer are recorded with a rationale."),
    ("p", "<b>Area for improvement 2</b>"),
    ("p", "The force should make sure that officers and staff understand how to report concerns about colleagues."),
    ("h2", "Vetting"),
    ("p", "The force had cleared its vetting backlog. Decisions were generally well reasoned, though some did not record why the decision-maker disagreed with the vetting officer."),
    ("h2", "Counter-corruption"),
    ("p", "The unit received 310 pieces of intelligence in the year, but assessed only 190 within 28 days. The force did not monitor its IT systems proactively."),
]


PUBLICATIONS: list[Pub] = [
    Pub("diverting-children-from-the-criminal-justice-system-joint-inspection",
        "An inspection of the effectiveness of diverting children from the criminal justice system",
        date(2025, 10, 15), "Joint thematic inspection", [], ALL_FORCES,
        "A joint inspection with HM Inspectorate of Probation of how the police and youth justice services divert children away from the formal criminal justice system.",
        E(18, 1), divert_body, pdf="diverting-children-joint-inspection.pdf",
        joint_with=["HM Inspectorate of Probation"], note="trio 1; summary table + chapter boxes; HTML + same PDF"),
    Pub("group-based-child-sexual-exploitation-progress-report",
        "Group-based child sexual exploitation: a progress report on the police and law enforcement response",
        date(2025, 10, 24), "Progress report", [], ALL_FORCES,
        "We assess progress against the nine recommendations and one area for improvement from our 2023 inspection and make six new recommendations.",
        E(6, 4), cse_body, note="trio 2; reviews 9 old recs + 1 AFI with statuses"),
    Pub("west-midlands-police-national-child-protection-inspection-2025",
        "West Midlands Police: National child protection inspection",
        date(2025, 11, 20), "National child protection inspection", ["West Midlands Police"], "West Midlands Police",
        "Our inspection of how well West Midlands Police protects children at risk of harm.",
        E(0, 0, 7), wmp_body, note="trio 3; AFI title table + h5 and <p><b> AFIs"),
    Pub("peel-2025-27-gwent-police",
        "PEEL 2025–27: An inspection of Gwent Police",
        date(2025, 9, 11), "PEEL assessment", ["Gwent Police"], "Gwent Police",
        "Our PEEL assessment of how well Gwent Police keeps people safe and reduces crime.",
        E(2, 2, 6, 1), gwent_body, note="cause of concern box + ol recs; bold AFI lead-ins"),
    Pub("devon-and-somerset-fire-and-rescue-service-effectiveness-efficiency-and-people-2025",
        "Devon and Somerset Fire and Rescue Service: Effectiveness, efficiency and people 2025",
        date(2025, 6, 26), "Fire and rescue service inspection", [], "Devon and Somerset Fire and Rescue Service",
        "Our inspection of the effectiveness and efficiency of Devon and Somerset Fire and Rescue Service and how well it looks after its people.",
        E(3, 0, 5, 1), dsfrs_body, pdf="devon-somerset-frs-2025.pdf", note="fire; HTML + same PDF"),
    Pub("police-response-to-stalking-2025",
        "Still not taken seriously? An inspection of the police response to stalking",
        date(2025, 8, 21), "Thematic inspection", [], ALL_FORCES,
        "We revisit the police response to stalking five years after our last inspection.",
        E(7, 2), stalk_body, note="R1..R7 paragraphs; at-a-glance table; footnote with should"),
    Pub("disclosure-of-unused-material-in-rape-cases-joint-inspection",
        "A joint inspection of the disclosure of unused material in rape and serious sexual offence cases",
        date(2025, 7, 17), "Joint thematic inspection", [], ALL_FORCES,
        "A joint inspection with HM Crown Prosecution Service Inspectorate of how the police and CPS handle unused material in rape cases.",
        E(5, 2), disc_body, html=False, pdf="disclosure-unused-material-rase-joint.pdf",
        joint_with=["HM Crown Prosecution Service Inspectorate"], note="PDF only; numbered '1.' paras then repeated"),
    Pub("police-custody-inspection-dyfed-powys-police-2025",
        "Report on an unannounced inspection visit to police custody suites in Dyfed-Powys Police",
        date(2025, 1, 23), "Police custody inspection", ["Dyfed-Powys Police"], "Dyfed-Powys Police",
        "A joint inspection with HM Inspectorate of Prisons of the treatment and conditions of detainees in Dyfed-Powys Police custody.",
        E(2, 2, 4, 1), dp_body, html=False, pdf="dyfed-powys-custody-2025.pdf",
        joint_with=["HM Inspectorate of Prisons"], note="PDF only; custody numbering across CoC/recs/AFIs"),
    Pub("digital-forensics-demand-inspection",
        "Under the microscope: an inspection of how police forces manage digital forensic demand",
        date(2025, 5, 13), "Thematic inspection", [], ALL_FORCES,
        "We inspected how well police forces manage the growing demand for the examination of digital devices.",
        E(4, 2), df_body, html=False, pdf="digital-forensics-demand.pdf", note="PDF only; annex restates 2021 recs"),
    Pub("cleveland-police-revisit-missing-people-2025",
        "Cleveland Police: Revisit of the 2024 inspection of the response to missing people",
        date(2025, 2, 19), "Revisit", ["Cleveland Police"], "Cleveland Police",
        "We revisited Cleveland Police to assess its progress against the four areas for improvement from our 2024 inspection.",
        E(), clev_body, note="revisit; old AFIs with assessments; no new findings"),
    Pub("neighbourhood-policing-inspection-2024",
        "Back on the beat: an inspection of neighbourhood policing",
        date(2024, 12, 5), "Thematic inspection", [], ALL_FORCES,
        "Our inspection of the state of neighbourhood policing in England and Wales.",
        E(5, 2), nb_body, note="summary table with full text + h5 repeats; (a)(b)(c)"),
    Pub("merseyside-police-serious-and-organised-crime-inspection",
        "An inspection of Merseyside Police's response to serious and organised crime",
        date(2024, 11, 7), "Serious and organised crime inspection", ["Merseyside Police"], "Merseyside Police",
        "Our inspection of how well Merseyside Police tackles serious and organised crime.",
        E(1, 1, 3), mers_body, note="findings-at-a-glance list; 'Merseyside Police should'"),
    Pub("greater-manchester-police-crime-recording-cause-of-concern-revisit",
        "Greater Manchester Police: Revisit of the cause of concern on crime recording",
        date(2024, 10, 10), "Revisit", ["Greater Manchester Police"], "Greater Manchester Police",
        "We assessed the progress Greater Manchester Police has made against our 2022 cause of concern about crime recording.",
        E(0, 0, 1), gmp_body, note="quoted 2022 CoC + 3 recs in blockquote; 1 new AFI"),
    Pub("fire-and-rescue-services-handling-of-misconduct",
        "Standards of behaviour: an inspection of how fire and rescue services handle misconduct",
        date(2024, 9, 12), "Fire and rescue thematic inspection", [], "All fire and rescue services in England",
        "Our thematic inspection of how fire and rescue services in England deal with misconduct.",
        E(5, 0), fm_body, note="accordion <details> with <ol>; chief fire officers"),
    Pub("integrated-offender-management-joint-thematic-inspection",
        "A joint thematic inspection of integrated offender management",
        date(2024, 7, 18), "Joint thematic inspection", [], ALL_FORCES,
        "A joint inspection with HM Inspectorate of Probation of integrated offender management.",
        E(4, 1), iom_body, joint_with=["HM Inspectorate of Probation"],
        note="actor lead-in '<b>X should:</b>' then <ol> items"),
    Pub("state-of-policing-2024",
        "State of Policing: The annual assessment of policing in England and Wales 2024",
        date(2025, 3, 27), "Annual assessment", [], ALL_FORCES,
        "His Majesty's Chief Inspector of Constabulary's annual assessment of policing in England and Wales.",
        E(2, 1), sop_body, note="box quoting a 2022 recommendation; 2 new recs"),
    Pub("hmicfrs-business-plan-2025-to-2026",
        "HMICFRS business plan 2025 to 2026",
        date(2025, 4, 1), "Corporate document", [], "",
        "Our business plan sets out what we will do in 2025 to 2026.",
        E(), bp_body, note="corporate; 'should expect' prose"),
    Pub("freedom-of-information-disclosure-log-july-to-september-2025",
        "Freedom of information disclosure log: July to September 2025",
        date(2025, 12, 2), "Corporate document", [], "",
        "Our log of freedom of information requests answered between July and September 2025.",
        E(), foi_body, html=False, pdf="foi-disclosure-log-2025-q2.pdf", note="corporate PDF"),
    Pub("hampshire-and-isle-of-wight-fire-and-rescue-service-2025",
        "Hampshire and Isle of Wight Fire and Rescue Service: Effectiveness, efficiency and people 2025",
        date(2025, 11, 12), "Fire and rescue service inspection", [], "Hampshire and Isle of Wight Fire and Rescue Service",
        "Our inspection of Hampshire and Isle of Wight Fire and Rescue Service.",
        E(0, 0, 4), hiow_body, note="AFIs in accordion <ol>, two repeated under h5"),
    Pub("lincolnshire-police-vetting-and-counter-corruption",
        "An inspection of vetting and counter-corruption in Lincolnshire Police",
        date(2025, 9, 30), "Force inspection", ["Lincolnshire Police"], "Lincolnshire Police",
        "Our inspection of how well Lincolnshire Police vets its workforce and tackles corruption.",
        E(3, 3, 2), lin_body, note="numbered '1.' paragraph recs; chief constable / force name"),
]

for _i, _p in enumerate(PUBLICATIONS):
    _p.post_id = 41000 + _i * 7

TRIO = {
    "diverting-children-from-the-criminal-justice-system-joint-inspection": E(18, 1),
    "group-based-child-sexual-exploitation-progress-report": E(6, 4),
    "west-midlands-police-national-child-protection-inspection-2025": E(0, 0, 7),
}
