"""The registry of recognisers: one small class per way a report presents findings.

A recogniser reads a `Doc` (the report's blocks and their section tree) and yields
`Candidate`s, each with its evidence: the recogniser's name and where it read it. The
reconciler (watcher/parse/findings.py) de-duplicates candidates and applies the
counting rules (docs/counting-rules.md); witnesses (watcher/parse/witnesses.py) check the
result against what the report says about itself.

The registry today. Whole-document recognisers (`REGISTRY`, `run`):

- ``summary_list`` (`summary_list.SummaryList`): "We have identified the following areas
  for improvement:" followed by a list of short titles.
- ``force_should`` (`force_should.UnlabelledForceShould`): unlabelled "The force should
  ..." paragraphs in a report on one force, when nothing else marks its findings.
- ``labelled`` (`labelled.LabelledFinding`): the numbered labels a report gives its own
  findings ("Recommendation 7"), a witness of at least that many (never a finding itself).

The section walker (`findings._extract`, family ``sections``) reads the layouts whose
meaning depends on the blocks before them, in one pass over one shared state
(`walk.Walk`): a heading changes the section stack (`headings.read_heading`: findings
headings, label headings, reviews and progress sections (R1), practice boxes and notes,
accordion and definition-list titles); every other block goes to the walker steps
(`STEPS`, each a `Step`) in `READING_ORDER` until one takes it:

- ``table`` (`table.FindingsTable`): a findings table, one finding per row, with owner
  and deadline columns; a status column makes it a review.
- ``status`` (`review.StatusParagraph`): "Status: Incomplete" turns its section into a
  review; the page's reading instructions are skipped.
- ``lead_in`` (`lead_in.LeadInItems`): "Chief constables should:" then one item each (R3).
- ``review`` (`review.ReviewText`): inside a review only a new finding counts; a label
  with a year is an earlier report's.
- ``stated`` (`stated.StatedNumbers`): the numbers a report states of itself (a witness;
  it takes no block).
- ``labelled_text`` (`labelled.LabelledText`): a label in the text opens one finding.
- ``parts`` (`parts.OpenFinding`): an open finding's text, parts (a)(b) and continuation.
- ``cause_of_concern`` (`cause_of_concern.CauseOfConcern`): causes of concern and the
  recommendations that follow them (R6).
- ``findings_list`` (`findings_list.FindingsList`): "should" sentences under a findings
  heading, and AFI summary titles.
- ``dated`` (`findings_list.DatedRecommendation`): "By 31 March 2026, chief constables
  should ..." under no findings heading.

Each walker candidate carries its evidence (`_Cand.recogniser`, `_Cand.where`).

Adding a layout: write one recogniser module with one class, decorate it with
`@register` (or `@register_step` and name it in READING_ORDER, if what a block means
depends on the blocks before it), import it below, and add one fixture test that reads
the layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from watcher.parse.blocks import Block
from watcher.parse.structure import Section, build

__all__ = ["Candidate", "Doc", "REGISTRY", "Recogniser", "STEPS", "Step", "register", "register_step", "run"]


@dataclass
class Candidate:
    """A finding one recogniser believes it read, with its evidence."""

    kind: str  # recommendation | area_for_improvement | cause_of_concern
    text: str
    recogniser: str
    where: str
    order: int = 0  # index of the block it was read from
    title: str | None = None
    number: int | None = None
    title_only: bool = False  # a short title from a summary list, not the finding's text
    fills_gap: bool = True  # used only when the walker read none of this kind (else a witness)


@dataclass
class Doc:
    """What recognisers read: the blocks, their sections, and who the report is about."""

    blocks: list[Block]
    forces: tuple[str, ...] = ()
    title: str = ""
    root: Section = field(init=False)
    section_of: list[Section] = field(init=False)

    def __post_init__(self) -> None:
        self.root, self.section_of = build(self.blocks)


class Recogniser:
    """One way a report presents findings. Subclasses set `name` and implement `find`."""

    name = "recogniser"

    def find(self, doc: Doc) -> Iterator[Candidate]:  # pragma: no cover - abstract
        raise NotImplementedError


REGISTRY: list[Recogniser] = []


def register(cls: type[Recogniser]) -> type[Recogniser]:
    """Class decorator: add one instance of the recogniser to the registry."""
    REGISTRY.append(cls())
    return cls


class Step:
    """One layout the section walker reads block by block (watcher/parse/recognisers/walk.py).

    Unlike a `Recogniser` it reads in the walker's one pass, because what a block means
    depends on the headings, box, table and open finding before it (a `Walk`); `read`
    returns True when the block was this step's (the walker then moves to the next block).
    """

    name = "step"

    def read(self, w, at) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError


STEPS: list[Step] = []  # in READING_ORDER: the first step that takes a block ends its reading
# which step reads a block first matters (a status paragraph before a lead-in's items, a
# review before a label, a label before the "should" sentence it introduces)
READING_ORDER = ("table", "status", "lead_in", "review", "stated", "labelled_text", "parts",
                 "cause_of_concern", "findings_list", "dated")


def register_step(cls: type[Step]) -> type[Step]:
    """Class decorator: add one instance of the walker step to `STEPS`, in READING_ORDER."""
    STEPS.append(cls())
    STEPS.sort(key=lambda s: READING_ORDER.index(s.name))
    return cls


def run(doc: Doc, names: tuple[str, ...] | None = None) -> list[Candidate]:
    """Every registered recogniser's candidates (or only the named ones), in block order."""
    out: list[Candidate] = []
    for r in REGISTRY:
        if names is None or r.name in names:
            out.extend(r.find(doc))
    out.sort(key=lambda c: c.order)
    return out


from watcher.parse.recognisers import force_should, labelled, summary_list  # noqa: E402,F401  (they register)
# the walker steps, in reading order
from watcher.parse.recognisers import table, review, lead_in, stated, parts  # noqa: E402,F401
from watcher.parse.recognisers import cause_of_concern, findings_list  # noqa: E402,F401
