"""Every wording pattern the reader uses, in one place (docs/counting-rules.md).

Labels ("Recommendation 3", "Area for improvement"), kinds, findings headings, review and
status words (R1), practice boxes (not findings), notes sections, lead-ins (R3), the
report's statements about itself ("we make seven recommendations", "we make no new
recommendations": witnesses, see watcher/parse/witnesses.py) and the register's status
words. The parser (findings, blocks, recognisers) and store/register.py import them from
here; a new wording is added once.
"""

from __future__ import annotations

import re

# "promising practice", "case study": a box of these holds no findings
PRACTICE_WORDS = (
    r"(?:promising|innovative|notable|good|interesting|effective|positive)\s+practice"
    r"|case\s+stud(?:y|ies)|spotlight\b"
)
# the register's status words (store/register.py): what a spreadsheet's status cell may say
CLOSED_WORDS = {"closed", "close", "complete", "completed", "done", "discharged", "achieved",
                "implemented", "met", "resolved"}
OPEN_WORDS = {"open", "opened", "reopened", "in progress", "ongoing", "outstanding", "live",
              "not started", "active", "pending"}
# A paragraph that is nothing but a finding label: "Area for improvement", "Cause of concern 2",
# "Recommendations", "New recommendation 1:".
LABEL_ONLY = re.compile(
    r"^\s*(?:(?:new|further|additional)\s+)?"
    r"(?:recommendations?|areas? for improvement|causes? of concern(?:\s+(?:and|with)\s+recommendations?)?)"
    r"(?:\s*(?:no\.?\s*|number\s+)?\d{1,3})?\s*[:.]?\s*$",
    re.I,
)
# a PDF line that starts with a finding label
LABEL_LINE = re.compile(
    r"^(?:new\s+|further\s+|additional\s+)?(?:recommendation|area for improvement|cause of concern"
    r"(?:\s+(?:and|with)\s+recommendations?\b)?)\b"
    r"(?:\s*\d{1,3})?(?:\s*\(\s*(?:19|20)\d\d\s*\))?",
    re.I,
)

REC, AFI, COC = "recommendation", "area_for_improvement", "cause_of_concern"
_KIND_NAMES = {REC: "recommendations", AFI: "areas for improvement", COC: "causes of concern"}
_SINGULAR = {REC: "recommendation", AFI: "area for improvement", COC: "cause of concern"}
_NAME_KINDS = {
    "recommendation": REC, "recommendations": REC,
    "area for improvement": AFI, "areas for improvement": AFI,
    "cause of concern": COC, "causes of concern": COC,
}

# "Recommendation 3", "Area for improvement 2: Call handling", "Recommendation 3 (2023)",
# "New recommendation 1", "Causes of concern" (plural: a section, not one finding)
_LABEL = re.compile(
    r"^\s*(?P<new>(?:new|further|additional)\s+)?"
    r"(?P<kind>recommendation|area for improvement|cause of concern|areas for improvement|causes of concern"
    r"|afi(?=s?\s*\d)|coc(?=s?\s*\d))"  # "AFI 3", "CoC 1": the abbreviations, numbered
    r"(?P<plural>s)?\b"
    # "Cause of concern and recommendations": a cause of concern with its recommendations
    r"(?P<andrec>(?<=concern)\s+(?:and|with)\s+(?:its\s+|our\s+|the\s+)?recommendations?\b)?"
    r"(?:\s*(?:no\.?\s*|number\s+)?(?P<num>\d{1,3})\b)?"
    r"\s*(?P<year>\(\s*(?:19|20)\d\d\s*\))?"
    r"(?P<sep>\s*[:.\-–—]\s*|\s+)?(?P<rest>.*)$",
    re.I | re.S,
)
_KIND_WORDS = [
    (COC, re.compile(r"\bcauses? of concern\b", re.I)),
    (AFI, re.compile(r"\bareas? for improvement\b", re.I)),
    (REC, re.compile(r"\brecommendations?\b", re.I)),
]
_FINDING_WORDS = r"(?:recommendations?|areas? for improvement|causes? of concern)"
_REVIEW_HEADING = re.compile(
    rf"\b(?:progress|update|updates)\b.*\b(?:{_FINDING_WORDS}|previous|earlier|last|original|since)\b"
    rf"|\b(?:previous|earlier|original|prior|past|outstanding|existing|last)\b.*\b(?:{_FINDING_WORDS}|report|inspection)\b"
    rf"|\b(?:19|20)\d\d\b.*\b{_FINDING_WORDS}"
    rf"|\b{_FINDING_WORDS}\b.*\b(?:from|in|made in|of|since)\s+(?:our|the|its|that)\s+(?:(?:19|20)\d\d|previous|earlier|original|last|first|initial|prior)\b"
    rf"|\b{_FINDING_WORDS}\s*\d*\s*\(\s*(?:19|20)\d\d\s*\)"
    # "Recommendations made in 2023", "Areas for improvement identified in March 2022"
    rf"|\b{_FINDING_WORDS}\s+(?:we\s+)?(?:made|given|set out|issued|raised|identified|published)\s+(?:in|during)\s+"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b"
    r"|^\s*(?:our\s+)?assessment(?:\s+of\s+progress)?\s*$|^\s*(?:current\s+)?status\b|\bwhat progress\b"
    r"|\bhow (?:the force|forces|the service|services) (?:has|have) responded\b|\breview of (?:our|the) (?:previous|earlier|\d{4})",
    re.I,
)
# A heading that introduces findings: "Recommendations", "Our recommendations", "Summary of
# areas for improvement", "Cause of concern 1", "Recommendations to chief constables" - but not
# "Monitoring recommendations" or "How we follow up our recommendations".
_FINDING_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?!(?:\w+ing|about|how|why|what|when|progress|status|update|implementation|monitoring)\b)"
    r"(?:[\w’'-]+\s+){0,3}?(?:recommendations?|areas? for improvement|causes? of concern)\b",
    re.I,
)
_STATUS_HEADING = re.compile(
    r"^\s*(?:current\s+|hmicfrs\s+)?(?:status|our assessment|assessment of progress|progress(?: made)?|our judgment|update)"
    r"(?:\s+(?:on|against|of|since)\b.*)?\s*[:.]?\s*$",
    re.I,
)
_NEW_HEADING = re.compile(
    rf"\bnew\s+{_FINDING_WORDS}|\b(?:further|additional)\s+{_FINDING_WORDS}|\bour new\b|\bwe (?:now )?(?:make|recommend)\b",
    re.I,
)
# A section of notes ("Footnotes", "Endnotes", "Notes", "References", "Sources"): like a practice
# box, it holds no findings.
_NOTES_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:foot\s*notes?|end\s*notes?|notes|references|sources|bibliography"
    r"|notes and references|references and notes|sources and notes)\s*[:.]?\s*$",
    re.I,
)
_PRACTICE = re.compile(rf"^\s*(?:{PRACTICE_WORDS})", re.I)
# Paragraph markers that make the current section a review of an earlier finding.
_STATUS_PARA = re.compile(
    r"^\s*(?:current\s+|hmicfrs\s+)?(?:status|our assessment|assessment|progress|rag rating|rating)\s*[:\-–—]"
    r"|^\s*(?:this|the) (?:previous |original )?(?:recommendation|area for improvement|cause of concern) "
    r"(?:has|had|is|was) (?:been )?(?:not |partially |fully )?(?:met|achieved|completed|complete|implemented|discharged|closed|superseded)\b"
    r"|^\s*we (?:consider|assess|judge|found) (?:that )?this (?:recommendation|area for improvement) (?:has|is|was)\b",
    re.I,
)
# "Chief constables should:" / "X should, within three months:" - a lead-in ending in its modal.
# As a sentence, it and the bullets that continue it are ONE finding (R3, the settled
# convention); as a heading over a list, it groups that addressee's numbered findings.
_LEADIN = re.compile(
    r"\b(?:should|must|needs? to)\s*(?:,?\s*(?:by|within|before|no later than)\s[^:;.]{0,50}?)?\s*,?\s*:\s*$", re.I
)
_STATUS_WORDS = re.compile(
    r"\|\s*(?:complete|completed|incomplete|partially complete|partially completed|partially met|met|not met|achieved|"
    r"not achieved|partially achieved|in progress|ongoing|discharged|closed|open|superseded|no longer applicable)\s*(?:\||$)",
    re.I,
)
_STATUS_HEADER_CELL = re.compile(r"(?:^|\|)\s*(?:status|progress|assessment|rag rating|our assessment)\s*(?:\||$)", re.I)
_PART = re.compile(r"^\s*(?:\(?(?:[a-z]|[ivx]{1,5})\)|[a-z]\.)\s+\S", re.I)
_LETTER_MARKER = re.compile(r"^(?:[a-z]|[ivx]{1,5})$", re.I)
# A short title, not a sentence: "Protecting vulnerable people"
_TITLE_LIKE = re.compile(r"^(?=.{3,120}$)[^.!?;:]*[^.!?;:\s'\"’”)]$")
_PROSE_START = re.compile(
    r"^\s*(?:we|our|this report|in this|the following|there (?:is|are|were|was)|hmicfrs|inspectors|it|these|this)\b",
    re.I,
)
_CONT_SUBJECT = re.compile(
    r"^(?:this|these|it|they|such|that|those|its|their|in doing so|as part of this|to do this|to achieve this)\b"
    r"|^(?:the|this|that|these|its|their|such an?|an?) (?:plan|review|work|strategy|approach|framework|guidance|programme|"
    r"process|assessment|training|action plan|report|policy|change|changes|improvement|improvements|system|audit|"
    r"evaluation|arrangements?|data|information|analysis|findings|results)\b",
    re.I,
)
_CONT_START = re.compile(
    r"^\s*(?:this (?:should|must|will|includes?|plan|work|review)|these (?:should|must|will)|it should|they should|"
    r"in doing so|as part of this|to do this|to achieve this|in particular|specifically|for example|including|"
    r"this includes)\b",
    re.I,
)
_SENTENCE_MODAL = re.compile(r"\b(?:should|must|(?:is|are) required to)\b|[.!?]['\"’”)]?$", re.I)
_DATE_LEAD = re.compile(r"^\s*(?:(?:by|before|no later than)\s+[^,]{0,60}?(?:19|20)\d\d|within\s+[^,]{1,90})\s*,", re.I)
_WE_SUBJECT = re.compile(r"\b(?:we|i|you|our)\b|\brecommended\b|\bsaid\b|\bfound\b", re.I)
# "Home Office guidance says panels should ...", "The law states that officers should ...": the
# "should" is reported from guidance or law, not a finding this report makes.
_REPORTED = re.compile(
    r"\b(?:says|tells|told|advises|advised|suggests|suggested|recommends|stipulates|specifies|makes clear|made clear)\b"
    r"|\b(?:states?|stated|requires?|required|expects?|expected|sets? out|notes?|noted|provides?|provided|explains?"
    r"|explained|is clear|are clear|was clear|were clear)\s+that\b",
    re.I,
)

_NUM_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five".split()
    )
}
_NUM_RE = r"\d{1,3}|" + "|".join(sorted((re.escape(w) for w in _NUM_WORDS), key=len, reverse=True))
_STATED = re.compile(
    r"\b(?P<verb>have made|has made|are making|is making|make|makes|made|making|have identified|has identified|"
    r"identified|identify|identifies|set out|sets out|contains|contain|includes|include|give|gives|have given|"
    r"raise|raises|raised|have raised|list|lists|found|have found)\s+"
    r"(?:a total of\s+|in total\s+|a further\s+|just\s+|only\s+)?"
    rf"(?<![\d,.])(?P<num>{_NUM_RE})\s+(?:(?:new|further|additional|national|specific|separate|key|main)\s+)?"
    r"(?P<kind>recommendations?|areas? for improvement|causes? of concern"
    r"|areas? (?:where|in which) the (?:force|service|constabulary) (?:needs|has|ought) to improve)\b",
    re.I,
)
# "We have identified one cause of concern, with two recommendations, and four areas for
# improvement": further counts joined to a stated one share its verb and its subject.
_STATED_MORE = re.compile(
    r"\s*,?\s*(?:(?:and|with|as well as|plus|together with)\s+)?"
    rf"(?<![\d,.])(?P<num>{_NUM_RE})\s+(?:(?:new|further|additional|national|specific|separate|key|main)\s+)?"
    r"(?P<kind>recommendations?|areas? for improvement|causes? of concern)\b",
    re.I,
)
# An instruction to the reader about the page ("Select each heading to see the detail",
# "Click on a recommendation to expand it"): never a finding's text.
_READER_NOTE = re.compile(
    r"^(?![^.!?]*\b(?:should|must|needs? to)\b)\s*(?:please\s+)?(?:select|click(?:\s+on)?|tap(?:\s+on)?|open|expand|use)\s+(?:each|a|an|the|any|on)\b[^.!?]{0,80}?"
    r"\bto\s+(?:see|view|read|show|open|expand|reveal|display|find out)\b[^.!?]{0,60}[.!]?\s*$",
    re.I,
)
_STATED_SUBJECT = re.compile(r"\b(?:we|i|this report|the report|this inspection|our|hmicfrs|the inspectorates?|inspectors|in total)\b", re.I)
_PAST_REF = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:previous|earlier|original|last|prior|first|initial|former|that)\s+(?:[\w/-]+\s+){0,2}?(?:report|inspection|review|publication)"
    r"|\b(?:last|past|previous|that)\s+year\b|\b(?:over|during|in)\s+the\s+(?:year|last\s+\w+\s+years?)\b"
    r"|\bpreviously\b|\boriginally\b|\bat the time\b|\bthen\b",
    re.I,
)
_PRESENT_SUBJECT = re.compile(r"\b(?:this report|this inspection|we (?:have|now|also|are|make|identify)|in this report)\b", re.I)
_SUBSET = re.compile(r"\b(?:this|the|each|that) (?:chapter|section|part|area|theme)\b|\bchapter \d", re.I)
_SUBSET_POST = re.compile(r"^\s*(?:to|for|aimed at|directed at|addressed to|specifically|that (?:apply|are) (?:to|for)|about|on)\b", re.I)
_NEGATED = re.compile(
    r"\b(?:no|not (?:make|made|making|identify|identified|find|found|give|raise|raised) any|n't (?:make|made|identify|identified|find|found|raise|raised) any|"
    r"not (?:made|make|making) (?:a|any) (?:new )?)\s+(?:new\s+|further\s+)?(?P<kind>recommendations?|areas? for improvement|causes? of concern)",
    re.I,
)

# The report says of itself that it makes none of a kind: "We make no new recommendations",
# "This report makes no recommendations or areas for improvement", "we have not made any new
# recommendations". Strong evidence: any "should" text of that kind in it is quoted or reviewed.
# Not "no recommendations to the Home Office" (a subset) nor "in 2019 we made none" (past).
_NONE_KIND = r"(?:new\s+|further\s+|additional\s+)?(?:recommendations?|areas? for improvement|causes? of concern)\b"
_NONE_MADE = re.compile(
    r"\b(?:we|this report|this inspection|the report)\s+(?:(?:make|makes|are making|have made|has made)\s+no"
    r"|(?:do|does|have|has)\s+not\s+(?:make|made|identified|identify)\s+any"
    r"|(?:don't|doesn't|haven't|hasn't|don’t|doesn’t|haven’t|hasn’t)\s+(?:make|made|identified|identify)\s+any)\s+"
    rf"(?P<kind>{_NONE_KIND})"
    rf"(?:\s*,?\s+(?:or|and|nor)\s+(?:any\s+)?(?P<kind2>{_NONE_KIND}))?"
    r"(?!\s+(?:to|for|about|on|in (?:this|the) (?:chapter|section|part))\b)",
    re.I,
)


def _kind_of(word: str) -> str:
    w = word.lower()
    if "concern" in w or w.startswith("coc"):
        return COC
    if "improve" in w or w.startswith("afi"):
        return AFI
    return REC


