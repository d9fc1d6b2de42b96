"""spaCy annotation layer: a registered component marking the parts of a target value.

The spans come from :class:`nlp.targets.Target` (the rule parser); spaCy gives them a
standard home (``doc.spans["targets"]``, ``doc.ents``) so that spaCy users can add the
component to their own pipelines and the app can render values with displaCy.

>>> nlp = make_nlp()
>>> doc = nlp("≥日均1万人次")
>>> [(s.text, s.label_) for s in doc.spans["targets"]]
[('≥', 'COMPARATOR'), ('日均', 'PERIOD'), ('1', 'NUMBER'), ('万人次', 'UNIT')]
>>> doc._.target.value_base
10000.0
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .targets import Target
from .tokenize import jieba_ready

COMPONENT = "jixiao_targets"

for _name, _default in (("target", None), ("year", None), ("indicator_name", "")):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component(COMPONENT)
def jixiao_targets(doc: Doc) -> Doc:
    """Parse doc.text as a 指标值 and mark COMPARATOR, NUMBER, UNIT, PERIOD, DIRECTION and DATE spans."""
    target = Target.fromstring(doc.text, name=doc._.indicator_name or "", year=doc._.year)
    _split_at(doc, {b for s, e, _ in target.spans for b in (s, e)})
    spans = []
    for start, end, label in sorted(target.spans):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["targets"] = spans
    doc.ents = filter_spans(spans)
    doc._.target = target
    return doc


def _split_at(doc: Doc, bounds: set[int]) -> None:
    """Split tokens that a span boundary cuts (jieba glues "10%", "98%")."""
    with doc.retokenize() as retokenizer:
        for token in doc:
            cuts = sorted(b - token.idx for b in bounds if token.idx < b < token.idx + len(token.text))
            if not cuts:
                continue
            pieces = [token.text[i:j] for i, j in zip([0, *cuts], [*cuts, len(token.text)])]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


def make_nlp():
    """``spacy.blank("zh")`` with the jieba segmenter (offline) and the target component."""
    import spacy

    jieba_ready()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe(COMPONENT)
    return nlp


def render(text: str, nlp=None) -> str:
    """displaCy HTML of one value with its marked spans."""
    from spacy import displacy

    nlp = nlp or make_nlp()
    return displacy.render(nlp(text), style="ent", jupyter=False,
                           options={"colors": {"COMPARATOR": "#f4a261", "NUMBER": "#8ecae6", "UNIT": "#90be6d",
                                               "PERIOD": "#cdb4db", "DIRECTION": "#ffb703", "DATE": "#e9c46a"}})
