"""Actors: people, organisations, countries and unnamed sources, one per real-world referent in an article.

`find_actors(doc, body_start)` builds an `ActorTable`: named mentions from NER and the outlet list, linked
within the article ("Arreaza" -> "Jorge Arreaza"), with titles as written and the state they speak for.
Later stages extend the table through `resolve_np` (pronouns, role nouns, unnamed sources) and then freeze
it into `Actor` records.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.sentences import lower_forms, sentence, text_of
from claimtrail.models import Actor, ActorKind
from claimtrail.models import Span as TextSpan

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev", "mr.", "mrs.", "ms."})
# ranks written short before a name ("Sgt. Tanya Whitfield"): NER may tag the rank alone as a person
_RANKS = frozenset(
    {"sgt", "lt", "capt", "col", "gen", "maj", "cpl", "pte", "det", "insp", "supt", "cmdr", "adm"}
)
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "attr", "appos"})
_PLACE_PREPS = frozenset({"in", "to", "from", "at", "near", "into", "across", "around", "outside", "inside"})
_TITLE_LINKS = frozenset({"of", "in", "for", "'s", "’s", "-", "and"})
_COUNTRY_REFS = frozenset({"country", "nation", "state", "government"})


@dataclass(slots=True)
class ActorEntry:
    key: str
    name: str
    kind: ActorKind
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    first: int = 0
    credited: bool = False  # a news outlet the dateline credits ('Fjordposten' in 'BERGEN (Fjordposten) -')


def _folded(word: str) -> str:
    """'inês' -> 'ines': the given-name lists are ASCII."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def hyphenated(token: Token) -> str:
    """The whole hyphenated word a token ends ('Adeyemi-Cole' for 'Cole'), or the token's own text."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2
    return doc[i : token.i + 1].text


def strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text).strip()


def is_given_name(word: str) -> bool:
    folded = _folded(word.lower())
    return folded in lexicon().female_names or folded in lexicon().male_names


def occupation_before_name(first: str, second: str) -> bool:
    """'Lobsterman', 'Fisherman' before a given name: an occupation the role list does not name."""
    return first.lower().endswith("man") and is_given_name(second)


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text if end > start else ""


class ActorTable:
    """Actors of one article, and which tokens mention them (token indices stay inside `extract/`)."""

    def __init__(self, doc: Doc, body_start: int) -> None:
        self.doc = doc
        self.body_start = body_start
        self.entries: dict[str, ActorEntry] = {}
        self.token_actor: dict[int, str] = {}
        self.title_tokens: set[int] = set()
        # title spans of each person as written (before trimming), for affiliations found later
        self.title_spans: dict[str, list[tuple[int, int]]] = {}
        self.guessed_affiliation: set[str] = set()  # affiliations taken from the sentence's one country
        self._persons_by_last: dict[str, str] = {}
        self._genders: dict[str, str | None] = {}
        self.speakers: dict[int, str] = {}  # token index of a speech act's subject -> its speaker
        self.merged: dict[str, str] = {}  # a key merged into another actor (see `relink`) -> that actor
        self.home_country: str | None = None  # the country of the dateline's place, when known
        self.town: str | None = None  # the dateline's place as the body writes it ('Sofia')

    # -- building -------------------------------------------------------------------------------------
    def add(self, key: str, name: str, kind: ActorKind, start: int, end: int) -> str:
        entry = self.entries.get(key)
        if entry is None:
            entry = ActorEntry(key=key, name=name, kind=kind, first=self.doc[start].idx)
            self.entries[key] = entry
        elif len(name) > len(entry.name) and kind in ("PERSON", "ORG"):
            entry.name = name
        span = self.doc[start:end]
        entry.mentions[(span.start_char, span.end_char)] = span.text
        entry.first = min(entry.first, span.start_char)
        for i in range(start, end):
            self.token_actor[i] = key
        return key

    def relink(self, old: str, new: str) -> str:
        """`old` turns out to be `new` ('A former compliance officer ...' is Janet Kowalczyk): one actor."""
        entry = self.entries.pop(old)
        target = self.entries[new]
        target.mentions.update(entry.mentions)
        target.first = min(target.first, entry.first)
        for table in (self.token_actor, self.speakers):
            for i, key in table.items():
                if key == old:
                    table[i] = new
        self.merged = {k: new if v == old else v for k, v in self.merged.items()} | {old: new}
        self._genders.pop(new, None)
        return new

    def move_mention(self, token: Token, key: str) -> str:
        """A one-word mention belongs to another actor than first linked ('Ortega' is Lucia, not Daniel)."""
        old = self.token_actor.get(token.i)
        if old is not None and old in self.entries:
            self.entries[old].mentions.pop((token.idx, token.idx + len(token.text)), None)
        return self.add(key, self.name(key), self.kind(key), token.i, token.i + 1)

    def canonical(self, key: str | None) -> str | None:
        """The actor a key stands for now (after `relink`)."""
        return self.merged.get(key, key) if key is not None else None

    def actor_of_name(self, token: Token) -> str | None:
        """The actor a name token stands for: its mention, or the person with that surname ('Sloane's')."""
        key = self.token_actor.get(token.i)
        if key is None and (token.pos_ == "PROPN" or token.is_title):
            key = self._persons_by_last.get(token.text) or self._persons_by_last.get(hyphenated(token))
        return self.merged.get(key, key) if key is not None else None

    def add_speaker(self, subject: Token, key: str) -> None:
        """`subject` names the speaker of a quote: the most salient antecedent for a later pronoun."""
        self.speakers[subject.i] = key

    def add_title(self, key: str, title: str) -> None:
        entry = self.entries[key]
        title = title.strip(" ,")
        if title and title not in entry.titles:
            entry.titles.append(title)

    def gender(self, key: str) -> str | None:
        """'f', 'm' or None, from a given name, a gendered title or an honorific before a mention."""
        key = self.merged.get(key, key)
        if key not in self._genders:
            self._genders[key] = self._infer_gender(self.entries[key])
        return self._genders[key]

    def _infer_gender(self, entry: ActorEntry) -> str | None:
        if entry.kind != "PERSON":
            return None
        lex = lexicon()
        words = {w.lower() for title in entry.titles for w in title.split()}
        for start, _ in entry.mentions:
            span = self.doc.char_span(start, start + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                words.add(self.doc[span.start - 1].lower_)  # "Mr. Smith", "Ms Kovacs"
        first = _folded(entry.name.split()[0].lower()) if entry.name else ""
        female = first in lex.female_names or bool(words & lex.female_words)
        male = first in lex.male_names or bool(words & lex.male_words)
        if female == male:
            return None
        return "f" if female else "m"

    def kind(self, key: str) -> ActorKind:
        return self.entries[self.merged.get(key, key)].kind

    def name(self, key: str) -> str:
        return self.entries[self.merged.get(key, key)].name

    def actor_at(self, token: Token) -> str | None:
        return self.token_actor.get(token.i)

    # -- freezing -------------------------------------------------------------------------------------
    def freeze(self) -> tuple[tuple[Actor, ...], dict[str, str]]:
        """Records in order of first mention, and the map from internal keys to record ids."""
        ordered = sorted(self.entries.values(), key=lambda e: e.first)
        ids = {e.key: f"a{n}" for n, e in enumerate(ordered, 1)}
        ids |= {old: ids[new] for old, new in self.merged.items() if new in ids}
        actors = tuple(
            Actor(
                id=ids[e.key],
                name=e.name,
                kind=e.kind,
                titles=tuple(e.titles),
                affiliation=e.affiliation,
                mentions=tuple(
                    TextSpan(start=s, end=t, text=txt) for (s, t), txt in sorted(e.mentions.items())
                ),
            )
            for e in ordered
        )
        return actors, ids


# -- named mentions -----------------------------------------------------------------------------------


@cache
def _outlet_pattern() -> re.Pattern[str]:
    names = sorted(lexicon().outlets, key=len, reverse=True)  # longest first: "AP" after "Associated Press"
    # the lookahead on the names' first letters rejects most positions before the alternation is tried
    firsts = "".join(sorted({n[0] for n in names}))
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?=[{re.escape(firsts)}])(?<![\w-])(?:{alternation})(?![\w-])")


def _outlet_spans(doc: Doc, credited: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Token spans of known outlet names and of the outlets the dateline credits, whatever NER made of
    them ('Fjordposten reported' read as a person)."""
    spans: list[tuple[int, int]] = []
    text = text_of(doc)
    found = [m.span() for m in _outlet_pattern().finditer(text)]
    for name in credited:
        found += [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    for start, end in found:
        span = doc.char_span(start, end)
        if span is not None and (span.start, span.end) not in spans:
            spans.append((span.start, span.end))
    return spans


def _is_agentive(span: Span) -> bool:
    """A place name acting as a government ("Moscow asked"), not a location ("in Moscow")."""
    root = span.root
    if root.dep_ == "conj":
        return _is_agentive(span.doc[root.head.i : root.head.i + 1])
    if root.dep_ == "pobj":
        return root.head.lower_ not in _PLACE_PREPS and root.head.dep_ == "agent"
    if root.dep_ == "compound":
        return False
    return root.dep_ in _AGENT_DEPS


def _classify(span: Span) -> tuple[str, str, ActorKind] | None:
    """Key, canonical name and kind of a named span, or None when it is not an actor here."""
    lex = lexicon()
    text = strip_determiner(span.text)
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    elif span[-1].tag_ == "POS" and text.endswith(("'", "’")):  # "Penobscot Harbor Partners' chief"
        text = text[:-1]
    if text in lex.outlets:
        return f"ORG:{text.lower()}", text, "ORG"
    if text in lex.countries:
        country = lex.countries[text]
        return f"GPE:{country}", country, "GPE"
    if text in lex.offices:  # "The White House said": the office, which speaks for its state
        return (f"ORG:{text.lower()}", text, "ORG") if _is_agentive(span) else None
    if f"The {text}" in lex.seats:  # "The Hague said", with the article inside the seat's name
        text = f"The {text}"
    if text in lex.seats:
        if not _is_agentive(span):
            return None
        country = lex.seats[text]
        return f"GPE:{country}", country, "GPE"
    label = span.label_
    if label == "ORG" and len(span) == 3 and occupation_before_name(span[0].text, span[1].text):
        label = "PERSON"  # "Lobsterman Caleb Ames" read as a company
    if label == "PERSON" and len(span) == 1 and text.lower().rstrip(".") in _RANKS:
        return None  # "Sgt" of "Sgt. Tanya Whitfield", cut at the rank's dot
    if label == "PERSON" and len(span) == 1 and span[0].pos_ == "NOUN" and is_role(span[0]):
        return None  # "Founder" of "Founder and chief executive Miguel Sarmento", opening a sentence
    if label == "PERSON":
        words = [w for w in text.split() if w.lower().rstrip(".") not in _HONORIFICS]
        while len(words) > 1 and (
            words[0].lower() in lex.role_nouns
            or (len(words) > 2 and words[0].lower().endswith(("ician", "ologist", "ist")))  # "Statistician"
            or (len(words) > 2 and occupation_before_name(words[0], words[1]))  # "Lobsterman"
        ):
            words = words[1:]
        given = next((k for k, w in enumerate(words) if is_given_name(w)), 0)
        if given and len(words) - given >= 2 and any(w.lower() in lex.role_nouns for w in words[:given]):
            words = words[given:]  # "Banana grower Tony Ricci": the occupation and what it grows go
        name = " ".join(words) or text
        return f"PERSON:{name.lower()}", name, "PERSON"
    if label == "ORG" and len(span) > 1 and span[0].lower_ in lex.company_nouns and span[0].is_title:
        text = span[1:].text  # "Carmaker Solvanta Motors said": the company noun opens the sentence
    if label in ("ORG", "GPE", "FAC"):
        kind: ActorKind = "GPE" if label == "GPE" else "ORG"
        if kind == "ORG" and text in _names_with_s(span.doc):
            text += "'s"  # "Fenwright's has denied": the 's is the company's, not a possessive
        return f"{kind}:{text.lower()}", text, kind
    return None


def _joined_at_s(spans: list[Span]) -> list[Span]:
    """ "St. Brendan's Medical Center" read as 'St. Brendan' and 'Medical Center': a name, its 's and an
    institution's capitalised name right after it are one organisation (St. Mary's Hospital)."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and span.label_ == "ORG"
            and prev.label_ in ("ORG", "PERSON")  # not "Indonesia's National Disaster Management Agency"
            and prev.text not in lexicon().countries
            and (
                (span.start == prev.end + 1 and span.doc[prev.end].text in ("'s", "’s"))
                or (span.start == prev.end and prev[-1].text in ("'s", "’s"))
            )
            and {t.lower_ for t in span} & (_INSTITUTION_WORDS | _ORG_WORDS | {"center", "centre", "college"})
            and all(t.is_title for t in span)
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label="ORG")
            continue
        out.append(span)
    return out


def _repeated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Later mentions NER missed of a name it found once ('Levant Maritime rejected ...'): the same
    capitalised words elsewhere are the same actor. Organisations' names, and people's full names."""
    names = {
        tuple(t.text for t in s): s.label_ for s in spans if s.label_ in ("ORG", "PERSON") and len(s) > 1
    }
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for i, tok in enumerate(doc):
        if i in taken or not tok.text[:1].isupper():
            continue
        for words, label in names.items():
            end = i + len(words)
            longer = end < len(doc) and doc[end].pos_ == "PROPN"  # not the start of a longer name
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words and not longer:
                # a piece NER found inside the repeated name ('Tejo' of 'Sporting Vale do Tejo') gives way
                inside = {j for s in spans if i <= s.start and s.end <= end for j in range(s.start, s.end)}
                if not (taken - inside) & set(range(i, end)):
                    found.append(Span(doc, i, end, label=label))
                    taken.update(range(i, end))
                    break
    return found + _repeated_surnames(doc, spans, taken)


def _repeated_surnames(doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
    """ "Pirc, reached by telephone, was blunter": a person's surname alone that NER missed, when no
    other person found has that surname."""
    persons = [s for s in spans if s.label_ == "PERSON" and len(s) > 1]
    by_last: dict[str, int] = {}
    for s in persons:
        by_last[s[-1].text] = by_last.get(s[-1].text, 0) + 1
    found = []
    for tok in doc:
        if tok.i in taken or by_last.get(tok.text) != 1 or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        beside = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any((t.pos_ == "PROPN" and t.is_title) or t.text in ("-", "'s", "’s") for t in beside):
            continue  # part of a longer name ("Deshpande-Rao")
        found.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    return found


def _whole_person_name(span: Span) -> Span:
    """'Ana Lucia' tagged without 'Quispe': a capitalised word the name's last word modifies (a compound
    on it) and NER left unlabelled ends the name."""
    doc = span.doc
    end = span.end
    while (
        span.label_ == "PERSON"
        and end < len(doc)
        and end - span.start < 4
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    ):
        end += 1
    start = span.start
    before = doc[start - 1] if start > 0 else None
    if (  # "Assistant Chief Constable Priya Natarajan" with only 'Natarajan' tagged: the given name joins
        span.label_ == "PERSON"
        and before is not None
        and before.pos_ == "PROPN"
        and before.is_title
        and not before.ent_type_
        and not is_role(before)
        and is_given_name(before.text)
    ):
        start -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="PERSON")


def _with_s(span: Span) -> Span:
    """The mention of a name written with its 's ('Fenwright's') covers the 's."""
    doc = span.doc
    follows = span.end < len(doc) and doc[span.end].text in ("'s", "’s")
    # a person's name takes no 's of its own: "Garnett's, a chain of shops" read as a person is a shop
    if span.label_ in ("ORG", "PERSON") and follows and strip_determiner(span.text) in _names_with_s(doc):
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


_NAMES_WITH_S = "claimtrail.names_with_s"


def _names_with_s(doc: Doc) -> frozenset[str]:
    """Names written with an 's that possesses nothing ('Fenwright's has denied', 'at Macy's.'): the 's is
    part of the name (Sainsbury's, McDonald's), so every mention's name keeps it."""
    found = doc.user_data.get(_NAMES_WITH_S)
    if found is None:
        names = set()
        for i in (i for i, low in enumerate(lower_forms(doc)) if i and low in ("'s", "’s")):
            tok, name = doc[i], doc[i - 1]
            # "Garnett's, a chain of 40 hardware shops, said": a possessive is never followed by a comma
            before_comma = i + 1 < len(doc) and doc[i + 1].text == "," and name.is_title
            if name.pos_ == "PROPN" and (name.dep_ not in ("poss", "compound") or before_comma):
                ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
                names.add(strip_determiner(ent.text if ent is not None and ent.end == tok.i else name.text))
        found = doc.user_data[_NAMES_WITH_S] = frozenset(names)
    return found


# labels NER gives some organisations' names (a title, a product, an event)
_MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _named_spans(doc: Doc, body_start: int, credited: tuple[str, ...] = ()) -> list[Span]:
    outlets = _outlet_spans(doc, credited)
    spans = [doc[s:e] for s, e in outlets]
    spans = [Span(doc, s.start, s.end, label="ORG") for s in spans]
    taken = {i for s, e in outlets for i in range(s, e)}
    for ent in (part for e in doc.ents for part in _split_at_commas(e)):
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in ("PERSON", "ORG", "GPE", "FAC"):
            spans.append(ent)
        elif ent.label_ in _MISREAD_LABELS and len(ent) > 1 and ent[-1].lower_ in _MISREAD_ENDINGS:
            # "The Munster Dairy Farmers' Association" read as a work of art
            spans.append(Span(doc, ent.start, ent.end, label="ORG"))
        elif ent.text in lexicon().seats or ent.text in lexicon().countries:
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))  # "Montevideo" read as a product
    spans += _named_by_company_word(doc, {i for s in spans for i in range(s.start, s.end)})
    spans += _mastheads(doc, {i for s in spans for i in range(s.start, s.end)})
    spans += _named_with_company_ending(doc, {i for s in spans for i in range(s.start, s.end)})
    spans += _appositive_people(doc, {i for s in spans for i in range(s.start, s.end)})
    spans = [_org_after_the(_without_title_place(s)) for s in _state_possessive_split(spans)]
    spans = [_with_state_prefix(_person_if_titled(_org_if_institution(s))) for s in spans]
    spans = [
        _place_if_listed(_org_if_company_titled(_person_if_title_inside(_org_if_led_so(s)))) for s in spans
    ]
    spans = [
        _whole_org_name(_org_if_which(_org_if_press_named(_place_if_located(_person_if_who(s)))))
        for s in spans
    ]
    spans = [s for s in spans if not _all_lower_person(s)]
    spans = [_place_if_site(_org_if_suffixed(s)) for s in _joined_names(_outermost(spans))]
    spans = _products_everywhere(_vessels_everywhere(spans))
    spans = [_place_if_structure(s) for s in _natural_places_everywhere(spans)]
    spans = [_org_if_described(_with_police(_with_broadcast_word(s))) for s in spans if not _inside_title(s)]
    spans = [_org_if_spoken_for(s) for s in spans]
    spans = [_with_s(_whole_person_name(s)) for s in _one_kind_per_name(_joined_at_s(spans))]
    spans = _outermost(spans + _repeated_names(doc, spans))
    return sorted((s for s in spans if s.start_char >= body_start), key=lambda s: s.start)


def _all_lower_person(span: Span) -> bool:
    """'lorry' read as a person: a person's name is capitalised."""
    return span.label_ == "PERSON" and all(t.is_lower for t in span)


def _named_by_company_word(doc: Doc, taken: set[int]) -> list[Span]:
    """'regional airline Nordflug', 'logistics firm Kargo': a capitalised name right after a company word
    is a company, whatever NER made of it (nothing, a nationality, a product)."""
    found = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        i += 1
        if not (tok.is_lower and (is_company_word(tok) or _news_site(tok)) and tok.pos_ == "NOUN"):
            continue
        start = i + 1 if doc[i].text == "," else i  # "from the company, Tejo Obras."
        end = start
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[0].isupper():
            end += 1
        closed = end == len(doc) or doc[end].is_punct
        if end > start and (start == i or closed) and doc[end - 1].ent_type_ not in ("PERSON", "GPE", "DATE"):
            found.append(Span(doc, start, end, label="ORG"))
            i = end
    return found


def is_company_word(tok: Token) -> bool:
    """A word for a company or a news outlet: a name right after it is that body's ('airline Nordflug')."""
    return tok.lower_ in lexicon().company_nouns or tok.lower_ in PRESS_NOUNS


def _news_site(tok: Token) -> bool:
    """'news site Datalek Nieuws', 'news portal Wschod Monitor': a site of news is an outlet ('heritage
    site Machu Picchu' is not)."""
    return tok.lower_ in ("site", "portal", "outlet") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "news"


def _org_if_press_named(span: Span) -> Span:
    """'Kenyan newspaper Mwangaza' read as a place: a name right after a press word is the outlet's,
    unless it is a listed place."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if span.label_ not in ("GPE", "PERSON") or before is None or before.lower_ not in PRESS_NOUNS:
        return span
    return span if span.text in _listed_places() else Span(doc, span.start, span.end, label="ORG")


def _capitalised_run_start(doc: Doc, last: int, taken: set[int]) -> int:
    """Where the run of capitalised proper nouns ending at `last` starts (no token already taken)."""
    start = last
    while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken:
        start -= 1
    return start


def _mastheads(doc: Doc, taken: set[int]) -> list[Span]:
    """'the Harbour Ledger reported': a newspaper's name NER missed, capitalised words after 'the' that
    end in a masthead word."""
    found = []
    for i in (i for i, low in enumerate(lower_forms(doc)) if low in MASTHEAD_WORDS and i not in taken):
        tok = doc[i]
        if not tok.is_title:
            continue
        start = _capitalised_run_start(doc, tok.i, taken)
        after_the = start > 0 and doc[start - 1].lower_ == "the"
        opening = doc[start].is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","
        if tok.i - start in (1, 2, 3) and (after_the or opening):  # "Ecclesia Report, which covers ..."
            found.append(Span(doc, start, tok.i + 1, label="ORG"))
    return found


def _named_with_company_ending(doc: Doc, taken: set[int]) -> list[Span]:
    """'Humberside Water denied', 'Prairie Hearth Foods said', "The Educators' Superannuation Trust":
    capitalised names NER missed that end in a word companies or other bodies are named with."""
    found = []
    for i in (i for i, low in enumerate(lower_forms(doc)) if low in _ORG_NAME_ENDINGS and i not in taken):
        tok = doc[i]
        if not tok.is_title or tok.pos_ != "PROPN":
            continue
        start = max(_capitalised_run_start(doc, tok.i, taken), tok.i - 3)
        owner = start - 2  # "The Educators' Superannuation Trust": the owner's name and its ' belong to it
        if owner >= 0 and doc[start - 1].tag_ == "POS" and _unnamed_proper(doc[owner]) and owner not in taken:
            start = owner
        end = tok.i + 1
        while end < len(doc) and end not in taken and doc[end].text.rstrip(".").lower() in _LEGAL_SUFFIXES:
            end += 1  # "Corvel Systems Inc"
        body = tok.lower_ in _BODY_NAME_WORDS  # "the Mersey Lyric Trust", unlike "the Thames Water" utility
        if start < tok.i and (start == 0 or doc[start - 1].lower_ != "the" or body):
            found.append(Span(doc, start, end, label="ORG"))
    return found


# last words of the names of bodies that are no companies, which NER may miss ('Superannuation Trust')
_BODY_NAME_WORDS = frozenset({"trust", "foundation", "society", "federation", "association", "institute"})

_LEGAL_SUFFIXES = frozenset(
    {"inc", "corp", "ltd", "co", "plc", "llc", "ag", "sa", "nv", "se", "group", "holdings"}
)


def _state_possessive_split(spans: list[Span]) -> list[Span]:
    """ "Uruguay's Foreign Ministry" read as one name: the state, and the body it owns; "the university's
    Institute for Molecular Oncology": the institute, without the common noun that owns it."""
    out = []
    for span in spans:
        owned = span.label_ == "ORG" and len(span) > 2 and span[1].tag_ == "POS"
        if owned and span[0].text in lexicon().countries:
            state = Span(span.doc, span.start, span.start + 1, label="GPE")
            out += [state, Span(span.doc, span.start + 2, span.end, label="ORG")]
        elif _owned_by_common_noun(span):
            out.append(Span(span.doc, span.start + 3, span.end, label="ORG"))
        else:
            out.append(span)
    return out


def _owned_by_common_noun(span: Span) -> bool:
    """'the university's Institute for Molecular Oncology': a name after a common noun's possessive."""
    return (
        span.label_ == "ORG"
        and len(span) > 3
        and span[0].lower_ == "the"
        and span[1].is_lower
        and span[2].tag_ == "POS"
        and span[3].is_title
    )


def _one_kind_per_name(spans: list[Span]) -> list[Span]:
    """'Nimbly' read as a company once and as a person elsewhere: a name the article uses for an
    organisation is that organisation's everywhere."""
    orgs = {_bare(s.text) for s in spans if s.label_ == "ORG"}
    return _relabel_named(spans, orgs, ("PERSON",), "ORG")


def _relabel_named(spans: list[Span], names: set[str], kinds: tuple[str, ...], label: str) -> list[Span]:
    """Every span of one of `kinds` whose name (without 'the' or 's) is in `names`, relabelled `label`."""
    return [
        Span(s.doc, s.start, s.end, label=label) if s.label_ in kinds and _bare(s.text) in names else s
        for s in spans
    ]


def _bare(name: str) -> str:
    name = strip_determiner(name)
    return name[:-2] if name.endswith(("'s", "’s")) else name


def _split_at_commas(ent: Span) -> list[Span]:
    """'Nimbly, Arjun Mehta' read as one name: a company and the person after the comma (a two- or
    three-word capitalised name is a person's); other pieces keep the entity's label."""
    doc = ent.doc
    commas = [t.i for t in ent if t.text == ","]
    if not commas:
        return [ent]
    bounds = [ent.start, *commas, ent.end]
    parts = []
    for left, right in itertools.pairwise(bounds):
        start = left if left == ent.start else left + 1
        if right <= start:
            continue
        piece = doc[start:right]
        person = start > ent.start and 2 <= len(piece) <= 3 and all(t.is_title for t in piece)
        parts.append(Span(doc, start, right, label="PERSON" if person else ent.label_))
    return parts


def _appositive_people(doc: Doc, taken: set[int]) -> list[Span]:
    """'The mayor of Alzira, Carmen Ruiz, said' and 'Carmen Ruiz, the town's mayor, said': a two- or
    three-word capitalised name set off by commas next to a role is a person, whatever NER made of it."""
    found = []
    i = 1
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end - i < 2 or any(
            j in taken or doc[j].ent_type_ in ("GPE", "ORG", "FAC", "DATE") for j in range(i, end)
        ):
            i = max(end, i + 1)
            continue
        closed = end < len(doc) and doc[end].text in (",", ".")
        if doc[i - 1].text == "," and closed and (_role_before(doc, i - 1) or _role_after(doc, end)):
            found.append(Span(doc, i, end, label="PERSON"))
        elif doc[i].is_sent_start and closed and doc[end].text == "," and _role_after(doc, end):
            found.append(Span(doc, i, end, label="PERSON"))  # "Amara Osei, the union's organiser, said"
        i = end
    return found


def _role_before(doc: Doc, comma: int) -> bool:
    """A role noun in the noun phrase just before the comma ('The mayor of the town of Alzira')."""
    for j in range(comma - 1, max(comma - 8, -1), -1):
        tok = doc[j]
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
            return False
        if is_role(tok) and tok.pos_ == "NOUN":
            return True
    return False


def _role_after(doc: Doc, end: int) -> bool:
    """', the town's mayor,' or ', a doctor at X,' right after the name."""
    j = end + 1
    return (
        j < len(doc)
        and doc[j].lower_ in ("a", "an", "the")
        and any(is_role(doc[k]) and doc[k].pos_ == "NOUN" for k in range(j + 1, min(j + 6, len(doc))))
    )


def _person_if_title_inside(span: Span) -> Span:
    """'Superintendent Marcus Bell' read as an organisation: a role title and a two-word name are a person."""
    if span.label_ != "ORG" or len(span) < 3:
        return span
    inner = span.start
    while inner < span.end and is_role(span.doc[inner]) and span.doc[inner].is_title:
        inner += 1
    name = span.doc[inner : span.end]
    institution = _ORG_WORDS | _INSTITUTION_WORDS | lexicon().org_heads
    if inner == span.start or not 2 <= len(name) <= 3 or any(t.lower_ in institution for t in name):
        return span
    if all(t.is_title and t.pos_ == "PROPN" for t in name):
        return Span(span.doc, span.start, span.end, label="PERSON")
    return span


def names_an_organisation(span: Span) -> bool:
    """A name with an institution's word ('Northfield Hospitals NHS Trust'), after a company word ('copper
    miner Andes Cobre'), or a listed office ('Downing Street')."""
    words = {t.lower_ for t in span}
    before = span.doc[span.start - 1] if span.start > 0 else None
    after_company_word = before is not None and before.is_lower and before.lower_ in lexicon().company_nouns
    listed = span.text in lexicon().offices
    return (
        bool(words & (_INSTITUTION_WORDS | _ORG_WORDS - {"of", "for", "and"})) or after_company_word or listed
    )


def _org_if_company_titled(span: Span) -> Span:
    """'video-sharing app Vantix' read as a person: a name right after a company word is a company's."""
    if span.label_ != "PERSON" or span.start == 0:
        return span
    before = span.doc[span.start - 1]
    if before.text == "," and span.start > 1 and span.root.dep_ == "appos":  # "the company, Tejo Obras"
        before = span.doc[span.start - 2]
    if before.is_lower and is_company_word(before):
        return Span(span.doc, span.start, _capitalised_end(span), label="ORG")
    return span


def _capitalised_end(span: Span) -> int:
    """Where a name runs to over the capitalised words NER left outside it ('operator Orkney Island
    Links': the parser took 'Links' for a plural noun)."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.end < 3 and doc[end].is_title and doc[end].is_alpha:
        if doc[end].ent_type_ or doc[end].is_sent_start:
            break
        end += 1
    return end


# last words of newspaper names ('Puget Sound Tribune', 'Harbour Ledger')
MASTHEAD_WORDS = frozenset(
    {
        "report",
        "tribune",
        "times",
        "post",
        "herald",
        "journal",
        "gazette",
        "news",
        "chronicle",
        "telegraph",
        "daily",
        "review",
        "wire",
        "press",
        "observer",
        "guardian",
        "courier",
        "ledger",
        "mail",
        "express",
        "mirror",
        "inquirer",
        "enquirer",
        "examiner",
        "dispatch",
        "bulletin",
        "sentinel",
        "globe",
        "advertiser",
        "argus",
        "reporter",
        "mercury",
        "messenger",
        "echo",
        "register",
        "gleaner",
        "clarion",
        "bugle",
        "revue",
    }
)


# nouns that name only a news outlet: 'the daily Diario Atlantico' is a newspaper, not a person
PRESS_NOUNS = frozenset(
    {
        "paper",
        "newspaper",
        "daily",
        "tabloid",
        "magazine",
        "broadcaster",
        "website",
        "weekly",
        "monthly",
        "blog",
    }
)


def _place_if_listed(span: Span) -> Span:
    """'the attorney general of West Virginia' read as a person: a listed region is a place."""
    if span.label_ in ("PERSON", "ORG") and strip_determiner(span.text) in lexicon().regions:
        return Span(span.doc, span.start, span.end, label="GPE")
    return span


_BODY_HEADS = frozenset(
    {
        "commission", "committee", "council", "institute", "agency", "office", "ministry", "department",
        "authority", "centre", "center", "fund", "foundation", "association", "bureau", "board", "league",
        "federation", "society", "academy", "service", "directorate", "inspectorate", "secretariat",
        "diocese", "archdiocese", "university", "bank", "port",
    }
)  # fmt: skip
# heads whose name is 'of' a place: "Diocese of Davenport", "University of Ghana", "Bank of Mongolia"
_PLACE_NAMED = frozenset({"diocese", "archdiocese", "university", "bank", "port"})


def _joined_word(doc: Doc, i: int) -> bool:
    """A capitalised word (with its 's or ') that a name joins with 'and': not a person's name."""
    word = doc[i - 1] if doc[i].tag_ == "POS" and i > 0 else doc[i]
    return word.pos_ == "PROPN" and word.is_title and word.ent_type_ not in ("PERSON", "DATE", "ORG")


def _unnamed_proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_


def _whole_org_name(span: Span) -> Span:
    """An organisation's name NER cut short: 'Commission' of 'Commission for the Prevention of Corruption'
    (a body and its 'for/of ...' tail of capitalised words), 'Coach Industries' of 'Norhaven Coach
    Industries' (capitalised words just before it)."""
    if span.label_ != "ORG":
        return span
    doc = span.doc
    start, end = span.start, span.end
    institution = bool(
        {t.lower_ for t in span}
        & (
            _INSTITUTION_WORDS
            | {"center", "centre", "college", "trust", "federation", "union", "association"}
        )
    )
    while start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and before.is_title and not before.ent_type_:
            start -= 1
        elif before.lower_ in ("and", "&") and start > 1 and institution and _joined_word(doc, start - 2):
            # "National Oil Spill Detection and Response Agency", "Broadland and Waveney Hospitals NHS
            # Trust", "Nurses' and Midwives' Federation": cut at 'and'
            start = start - 2 if doc[start - 2].tag_ != "POS" else start - 3
        elif before.tag_ == "POS" and start > 1 and _unnamed_proper(doc[start - 2]) and institution:
            start -= 1  # "St. Brigid's Regional Hospital": the saint's name and its 's belong to the name
        elif before.lower_ in _NAME_ARTICLES and start > 1 and _unnamed_proper(doc[start - 2]):
            start -= 2  # "Diario da" + "Bola": NER kept only the words after the linking article
        elif before.text == "-" and start > 2 and len(doc[start - 2].text) == 1 and doc[start - 2].is_alpha:
            start -= 2  # "Gauteng e-Hailing Drivers' Association": NER began after the hyphen
        else:
            break
    end = name_tail_end(doc, end)
    if doc[end - 1].lower_ in ("of", "for") and end < len(doc) and doc[end].is_title:
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1  # "the National Marine Park of" + "Zakynthos": NER cut the name at its place
    # "Diario del Turia", "Jornal da Bola": a name's linking article and the capitalised words after it
    while end + 1 < len(doc) and doc[end].lower_ in _NAME_ARTICLES and doc[end + 1].is_title:
        end += 2
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="ORG")


# first words of foreign newspapers' names ('Diario da Bola', 'Gazeta de Nord') and of clubs' names
FOREIGN_PRESS_WORDS = frozenset(
    {"diario", "diário", "jornal", "gazeta", "gazzetta", "folha", "correio", "corriere", "giornale",
     "periodico", "periódico"}
)  # fmt: skip
_ORG_LEADING_WORDS = FOREIGN_PRESS_WORDS | frozenset(
    {"sporting", "atletico", "atlético", "athletic", "olympique", "dynamo", "dinamo", "deportivo", "racing",
     "real", "clube"}
)  # fmt: skip


def _org_if_led_so(span: Span) -> Span:
    """'Atletico Costa Azul', 'Diario da Bola' read as people: a name opening with a club's or a foreign
    newspaper's word is an organisation (made whole across 'do Tejo' by `_whole_org_name`; `_with_s`
    gives the 's back to names written with one)."""
    if span.label_ in ("PERSON", "GPE") and len(span) > 1 and span[0].lower_ in _ORG_LEADING_WORDS:
        end = span.end - (span[-1].tag_ == "POS")  # "Diario da Bola's editor": NER took in the possessive
        return Span(span.doc, span.start, end, label="ORG")
    return span


_NAME_ARTICLES = frozenset({"del", "de", "da", "do", "dos", "das", "di", "della", "du", "des", "der"})


def name_tail_end(doc: Doc, end: int) -> int:
    """Where a body's name ending at `end` really ends: after its 'for/of (the) ...' tail of capitalised
    words ('Commission' + 'for the Prevention of Corruption'); `end` when there is none."""
    if doc[end - 1].lower_ not in _BODY_HEADS or end + 1 >= len(doc) or doc[end].lower_ not in ("for", "of"):
        return end
    k = end + 1 + (doc[end + 1].lower_ == "the")
    tail = k
    if doc[end - 1].lower_ in _PLACE_NAMED and doc[k].ent_type_ == "GPE" and doc[k].is_title:
        while tail < len(doc) and doc[tail].ent_type_ == "GPE" and doc[tail].is_title:
            tail += 1  # "Diocese of Davenport": the place is the name
        return tail
    while tail < len(doc) and doc[tail].ent_type_ not in ("DATE", "TIME", "GPE"):
        if not (doc[tail].is_title or (doc[tail].lower_ in ("of", "and", "for") and tail > k)):
            break
        tail += 1
    while tail > k and not doc[tail - 1].is_title:
        tail -= 1
    return tail if tail > k else end


# the last word of a club's or company's name, without its dot ('Co.', 'Inc.', 'FC')
COMPANY_SUFFIXES = frozenset(
    {"fc", "cf", "afc", "sc", "inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ag", "sa", "nv", "bv", "spa"}
)


def _inside_title(span: Span) -> bool:
    """'State' in 'Secretary of State for Infrastructure', 'Health' in 'Minister of Health': a piece of a
    title NER took for an organisation."""
    doc = span.doc
    if (
        span.label_ != "ORG"
        or len(span) != 1
        or span.start < 2
        or doc[span.start - 1].lower_ not in ("of", "for")
    ):
        return False
    return is_role(doc[span.start - 2]) and doc[span.start - 2].is_title


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _org_if_spoken_for(span: Span) -> Span:
    """ "a spokeswoman for Kaldera Pay" read as a person: what a spokesperson speaks for is an organisation,
    unless the name starts with a given name ('a spokesman for Joe Biden')."""
    doc = span.doc
    after_for = (
        span.start > 1 and doc[span.start - 1].lower_ == "for" and doc[span.start - 2].lower_ in _SPOKES
    )
    if span.label_ == "PERSON" and after_for and not is_given_name(span[0].text):
        return Span(doc, span.start, span.end, label="ORG")
    return span


def _org_if_described(span: Span) -> Span:
    """ "Via Tejo, the private company that maintains the bridge," read as a person: the apposition says."""
    doc = span.doc
    if span.label_ != "PERSON" or span.end + 3 >= len(doc) or doc[span.end].text != ",":
        return span
    appos = next((c for c in span.root.children if c.dep_ == "appos" and c.i > span.end), None)
    if appos is not None and appos.lower_ in lexicon().company_nouns and appos.i - span.end <= 5:
        return Span(doc, span.start, span.end, label="ORG")
    return span


_BROADCAST_WORDS = frozenset({"TV", "Radio", "Channel"})


def _with_broadcast_word(span: Span) -> Span:
    """'TV Ribatejo', 'Radio Kiskeya': the broadcast word before a name is part of the outlet's name."""
    doc = span.doc
    if (
        span.start > 0
        and doc[span.start - 1].text in _BROADCAST_WORDS
        and span.label_ in ("PERSON", "ORG", "GPE")
    ):
        return Span(doc, span.start - 1, span.end, label="ORG")
    end = span.end
    if span.text in _BROADCAST_WORDS:  # NER found 'TV' alone
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
    return Span(doc, span.start, end, label="ORG") if end > span.end else span


def _with_police(span: Span) -> Span:
    """'Rotterdam police said': a place and the police after it are that place's police force."""
    doc = span.doc
    place = span.label_ == "GPE" or (span.label_ == "PERSON" and len(span) == 1)
    if place and span.end < len(doc) and doc[span.end].text == "police":
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


_NATURAL_SITES = frozenset({"river", "lake", "valley", "bay", "island"})
_SITES = _NATURAL_SITES | frozenset(
    {"depot", "plant", "factory", "site", "warehouse", "mine", "terminal", "refinery", "yard", "facility",
     "campus", "branch", "works", "smelter", "mill", "bridge", "junction", "interchange", "crossing",
     "square", "roundabout", "tunnel"}
)  # fmt: skip


def _place_if_site(span: Span) -> Span:
    """ "the company's Trafford Park depot": a name that only says where a site is is a place."""
    root = span.root
    if span.label_ in ("ORG", "FAC") and root.dep_ == "compound" and root.head.lower_ in _SITES:
        return Span(span.doc, span.start, span.end, label="LOC")  # no actor
    return span


_VESSEL_WORDS = frozenset(
    {"ship", "vessel", "tanker", "trawler", "ferry", "freighter", "boat", "yacht", "liner", "barge", "tug",
     "submarine", "frigate", "destroyer", "cruiser", "dredger", "catamaran"}
)  # fmt: skip


def _vessels_everywhere(spans: list[Span]) -> list[Span]:
    """ "the cargo vessel Aurelia Bay", "the trawler Karen Dahl": a ship is no actor, here or where the
    article names it again ("which owns the Aurelia Bay")."""
    vessels = {
        _bare(s.text)
        for s in spans
        if s.start > 0 and s.doc[s.start - 1].lower_ in _VESSEL_WORDS and s.doc[s.start - 1].is_lower
    }
    return _relabel_named(spans, vessels, ("ORG", "PERSON", "GPE", "FAC"), "PRODUCT")


_PRODUCT_NOUNS = frozenset(
    {"satellite", "rocket", "phone", "smartphone", "handset", "laptop", "tablet", "car", "vehicle", "truck",
     "jet", "aircraft", "plane", "drone", "engine", "vaccine", "drug", "app", "chip", "processor", "console",
     "device", "robot", "heater", "model", "reactor", "turbine", "missile"}
)  # fmt: skip


def _products_everywhere(spans: list[Span]) -> list[Span]:
    """ "its SW-Dark 1 satellite", "the Kestrel X9 drone": a name set before a product noun is the product's
    when it is owned ('its') or numbered like a model; it is no actor here or where the article names it
    again ("had followed SW-Dark 1"). 'A Samsung phone' keeps its maker."""
    products = set()
    for s in spans:
        doc = s.doc
        before = doc[s.start - 1] if s.start > 0 else None
        owned = before is not None and before.tag_ == "PRP$"
        numbered = any(t.like_num or any(c.isdigit() for c in t.text) for t in s)
        named = s.end < len(doc) and doc[s.end].lower_ in _PRODUCT_NOUNS  # the name set before the noun
        if named and (owned or numbered):
            products |= {_bare(s.text), f"{_bare(s.text)}."}  # "caused by SW-Dark 1." ends a sentence
    return _relabel_named(spans, products, ("ORG", "PERSON", "GPE", "FAC"), "PRODUCT")


# last words of a structure's name ("the Kiel Canal", "the Tagus Bridge"): a place, not who speaks
_STRUCTURES = frozenset(
    {
        "canal",
        "bridge",
        "tunnel",
        "dam",
        "highway",
        "motorway",
        "reservoir",
        "strait",
        "arena",
        "stadium",
        "station",
    }
)


def _place_if_structure(span: Span) -> Span:
    """ "the Kiel Canal" read as an organisation: a canal, bridge or dam is a place; so is the building a
    name sets before 'tower' or 'building' ('the Harbourline tower')."""
    if span.label_ in ("ORG", "FAC", "PERSON") and len(span) > 1 and span[-1].lower_ in _STRUCTURES:
        return Span(span.doc, span.start, span.end, label="LOC")
    building = span.root.dep_ == "compound" and span.root.head.lower_ in _BUILDINGS
    after_the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
    if span.label_ in ("ORG", "FAC", "PERSON") and building and after_the:
        return Span(span.doc, span.start, span.end, label="LOC")
    return span


_BUILDINGS = frozenset({"tower", "towers", "building", "skyscraper", "block", "complex", "estate", "mall"})


def _natural_places_everywhere(spans: list[Span]) -> list[Span]:
    """ "the Sasar river" ... "the Sasar supplies drinking water": a name the article gives a river or a
    lake is that place everywhere (a company's 'plant' or 'depot' may bear the company's own name)."""
    rivers = {
        _bare(s.text)
        for s in spans
        if s.label_ == "LOC" and s.root.dep_ == "compound" and s.root.head.lower_ in _NATURAL_SITES
    }
    return _relabel_named(spans, rivers, ("ORG", "PERSON"), "LOC")


def _org_if_suffixed(span: Span) -> Span:
    """ "Douro FC" read as a person: a name ending in a club's or company's suffix is an organisation."""
    last = span[-1].lower_.replace(".", "")
    if span.label_ in ("PERSON", "GPE") and len(span) > 1 and last in COMPANY_SUFFIXES:
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


def _joined_names(spans: list[Span]) -> list[Span]:
    """'the Bellingham Parks and' + 'Recreation Department': two pieces of one organisation's name."""
    by_start = {s.start: s for s in spans if s.label_ == "ORG"}
    joined, dropped = [], set()
    for s in sorted(spans, key=lambda s: s.start):
        if s.start in dropped:
            continue
        following = by_start.get(s.end)
        if s.label_ == "ORG" and s[-1].lower_ in ("and", "&", "of", "for") and following is not None:
            start = s.start + (s[0].lower_ == "the")
            joined.append(Span(s.doc, start, following.end, label="ORG"))
            dropped.add(following.start)
            continue
        after_and = by_start.get(s.end + 1) if s.end < len(s.doc) and s.doc[s.end].lower_ == "and" else None
        if after_and is None:
            joined.append(s)
            continue
        # "Brighton" + "and" + "Hove City Council": a council named after two places
        joint = s.label_ == "GPE" and _joint_authority(after_and)
        if (s.label_ == "ORG" and _headless(s)) or joint:
            # "National Oil Spill Detection" + "and" + "Response Agency": no organisation ends in 'Detection'
            joined.append(Span(s.doc, s.start, after_and.end, label="ORG"))
            dropped.add(after_and.start)
            continue
        joined.append(s)
    return joined


def _joint_authority(span: Span) -> bool:
    """'Hove City Council' after 'Brighton and': a council named after two places ('Kensington and Chelsea
    Council'), not a place and a body ('France and the European Commission')."""
    return span[0].lower_ != "the" and span[-1].lower_ in ("council", "borough", "authority")


def _headless(span: Span) -> bool:
    """A name that cannot end an organisation's name: no organisation word, company suffix or outlet."""
    last = span[-1].lower_.rstrip(".")
    heads = lexicon().org_heads | _INSTITUTION_WORDS | _ORG_WORDS | COMPANY_SUFFIXES
    return len(span) > 1 and last not in heads and span.text not in lexicon().outlets


def _outermost(spans: list[Span]) -> list[Span]:
    """Spans not inside a longer one ('Turia' inside 'Diario del Turia', once the name is made whole)."""
    return [
        s for s in spans if not any(o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in spans)
    ]


def _person_if_who(span: Span) -> Span:
    """ "Anne-Marie Douat, who heads the federation" read as an organisation: 'who' follows a person."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    who = len(after) == 2 and after[0].text == "," and after[1].lower_ == "who"
    if span.label_ == "ORG" and who and len(span) >= 2 and all(t.is_title for t in span if t.is_alpha):
        return Span(doc, span.start, span.end, label="PERSON")
    return span


def _org_if_which(span: Span) -> Span:
    """ "Thalassa Watch, which has monitored the beaches" read as a person: 'which' follows no person."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    which = (
        len(after) == 2 and after[0].text == "," and after[1].lower_ == "which" and after[1].dep_ == "nsubj"
    )
    if span.label_ == "PERSON" and which and len(span) >= 2:
        return Span(doc, span.start, span.end, label="ORG")
    return span


def _place_if_located(span: Span) -> Span:
    """ "a glassworks in Valencia" read as a person: a one-word name after 'in' or 'near' is a place."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if span.label_ == "PERSON" and len(span) == 1 and before is not None and before.lower_ in ("in", "near"):
        return Span(doc, span.start, span.end, label="GPE")
    # "in open waters east of Pulau Tioman", "off Johor": a name after a bearing is a place
    bearing = span.start > 1 and before is not None and before.lower_ == "of"
    bearing = bearing and doc[span.start - 2].lower_ in _BEARINGS
    if span.label_ == "PERSON" and (bearing or (before is not None and before.lower_ == "off")):
        return Span(doc, span.start, span.end, label="GPE")
    return span


_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def _org_after_the(span: Span) -> Span:
    """'The Lindenberg Rundschau reported': a two-word name right after 'the' is not a person's."""
    doc = span.doc
    if span.label_ == "PERSON" and span.start > 0 and doc[span.start - 1].lower_ == "the" and len(span) >= 2:
        return Span(doc, span.start, span.end, label="ORG")
    return span


_PLACE_LINKS = frozenset({"to", "in", "at", "for", "of"})
_PARTICLES = frozenset({"de", "da", "do", "dos", "van", "von", "der", "al", "bin", "la", "le", "di"})


def _without_title_place(span: Span) -> Span:
    """'Ambassador to Venezuela Vladimir Zaemsky': the title's place is not part of the person's name.

    When a role noun and a preposition come just before a name that starts with a country (or a capital),
    the country is cut off and the rest, if two or more words, is taken as a person.
    """
    doc = span.doc
    if span.label_ not in ("PERSON", "ORG") or span.start < 2 or len(span) < 3:
        return span
    link, role = doc[span.start - 1], doc[span.start - 2]
    if link.lower_ not in _PLACE_LINKS or not (is_role(role) or role.is_title):
        return span
    places = lexicon().countries.keys() | lexicon().seats.keys()
    for size in (3, 2, 1):
        name = doc[span.start + size : span.end]
        words = all(t.is_title or t.lower_ in _PARTICLES for t in name)
        named = len(name) >= 2 and name[0].is_title and words
        if named and doc[span.start : span.start + size].text in places:
            return Span(doc, name.start, name.end, label="PERSON")
    return span


_ORG_WORDS = frozenset(
    {
        "of",
        "for",
        "and",
        "university",
        "institute",
        "inc",
        "corp",
        "ltd",
        "group",
        "council",
        "party",
        "agency",
    }
    | {"association", "union", "bank", "company", "department", "office"}
)


_COMPANY_NAME_WORDS = frozenset(
    {
        "utilities",
        "pharma",
        "pharmaceuticals",
        "motors",
        "airlines",
        "airways",
        "energy",
        "oil",
        "foods",
        "logistics",
        "systems",
        "technologies",
        "labs",
        "capital",
        "holdings",
        "media",
        "press",
        "times",
        "post",
        "tribune",
        "herald",
        "journal",
        "gazette",
        "telegraph",
        "chronicle",
        "mining",
        "steel",
        "bank",
        "insurance",
        "ventures",
        "partners",
        "investments",
        "securities",
        "industries",
        "enterprises",
        "solutions",
        "software",
        "networks",
        "consulting",
        "associates",
        "records",
        "pictures",
        "studios",
        "entertainment",
        "films",
        "publishing",
        "resources",
        "petroleum",
        "shipping",
        "telecom",
        "communications",
        "robotics",
        "semiconductor",
        "semiconductors",
        "water",
        "telekom",
        "telecoms",
        "telecommunications",
        "wireless",
        "broadband",
        "aviation",
        "aerospace",
        "chemicals",
        "cement",
        "textiles",
        "breweries",
        "brewing",
        "dairies",
        "bakeries",
        "hotels",
        "resorts",
        "railways",
        "freight",
        "therapeutics",
        "biosciences",
        "biotech",
        "electronics",
        "automotive",
        "engineering",
        "digital",
        "transit",
        "international",
        "coaches",
        "buses",
        "haulage",
    }
)
# last words of organisations' names NER may miss: companies' and other bodies'
_ORG_NAME_ENDINGS = _COMPANY_NAME_WORDS | _BODY_NAME_WORDS
_MISREAD_ENDINGS = _ORG_NAME_ENDINGS | _ORG_WORDS - {"of", "for", "and"}
_INSTITUTION_WORDS = _COMPANY_NAME_WORDS | frozenset(
    {
        "center",
        "centre",
        "hospital",
        "college",
        "school",
        "church",
        "clinic",
        "institute",
        "university",
        "foundation",
        "fund",
        "trust",
        "museum",
        "airport",
        "stadium",
    }
)


def _org_if_institution(span: Span) -> Span:
    """NER calls some institutions people ('Medical Center') or places ("Halden Pharma's"); a name like an
    institution's is neither (a place keeps 'center', 'school' and the like: 'Kennedy Space Center')."""
    words = {t.lower_ for t in span}
    if span.label_ == "PERSON" and words & (_INSTITUTION_WORDS | _ORG_WORDS - {"of", "for", "and"}):
        return Span(span.doc, span.start, span.end, label="ORG")
    if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title and span[-1].lower_ in MASTHEAD_WORDS:
        return Span(span.doc, span.start, span.end, label="ORG")  # "Ecclesia Report", "Harbour Ledger"
    if span.label_ == "PERSON" and ends_in_country([t.text for t in span]):
        return Span(span.doc, span.start, span.end, label="ORG")
    if span.label_ == "GPE" and len(span) > 1 and span.text not in _listed_places():
        start = _capitalised_run_start(span.doc, span.start, set())  # "Consumer" + "Watch Netherlands"
        if ends_in_country([t.text for t in span.doc[start : span.end]]):
            return Span(span.doc, start, span.end, label="ORG")
    if span.label_ == "GPE" and words & _COMPANY_NAME_WORDS:
        return Span(span.doc, span.start, span.end, label="ORG")
    if span.label_ == "GPE" and len(span) > 1 and span[-1].lower_ in _BODY_ENDINGS:
        return Span(span.doc, span.start, span.end, label="ORG")  # "West Yorkshire Police" read as a place
    return span


@cache
def _listed_places() -> frozenset[str]:
    """Countries, seats of government and regions the lexicon lists: names that are places."""
    lex = lexicon()
    return frozenset(lex.countries.keys() | lex.seats.keys() | lex.regions)


def ends_in_country(words: list[str]) -> bool:
    """'Consumer Watch Netherlands', 'Transparency International Kenya': a country is no surname, so a
    longer name ending in one is an organisation's (its national branch, often)."""
    return len(words) > 2 and words[-1] in lexicon().countries


# last words of a public body's name, which NER may read as the place it is named after
_BODY_ENDINGS = frozenset(
    {"police", "constabulary", "council", "ministry", "department", "commission", "authority", "agency",
     "university", "hospital", "court", "parliament", "assembly", "service", "board"}
)  # fmt: skip


def _short_company_names(spans: list[Span], town: str | None = None) -> list[Span]:
    """'Halden' read as a town, or 'Harlow' as a person, after 'Halden Pharma' or 'Harlow Appliance Co.'
    was named: the first word of a company's name (unless a person named in full has that word)."""
    firsts = {s[0].text for s in spans if s.label_ == "ORG" and len(s) > 1}
    places = _listed_places() | {town or ""}
    people = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    # "its Dayton dishwasher plant" in a story datelined DAYTON: the town, not the Dayton Ledger
    spans = [Span(s.doc, s.start, s.end, label="GPE") if len(s) == 1 and s.text == town else s for s in spans]
    return [
        Span(s.doc, s.start, s.end, label="ORG")
        if s.label_ in ("GPE", "PERSON")
        and len(s) == 1
        and s.text in firsts
        and s.text not in places
        and s.text not in people
        else s
        for s in spans
    ]


def _is_given_name(word: str) -> bool:
    return word in lexicon().female_names or word in lexicon().male_names


def _person_if_titled(span: Span) -> Span:
    """NER calls some people ORG ('Sofia Reyes'): a 2-3 word name that starts with a given name or carries
    a role title is a person."""
    if span.label_ == "PERSON":
        return span
    doc = span.doc
    given = doc[span.start - 1] if len(span) == 1 and span.start > 0 else None
    if given is not None and given.pos_ == "PROPN" and not given.ent_type_ and _is_given_name(given.lower_):
        return Span(doc, given.i, span.end, label="PERSON")  # "Ana" left out of "Ana Beltrán" (an ORG)
    if not 2 <= len(span) <= 3:
        return span
    institution = _ORG_WORDS | _INSTITUTION_WORDS | lexicon().org_heads
    if any(t.lower_ in institution or not (t.is_title or t.lower_ in _PARTICLES) for t in span):
        return span  # "Marloes de Vries" keeps its particle
    if span.text in lexicon().outlets or span.text in lexicon().countries or span.text in lexicon().seats:
        return span
    lex = lexicon()
    given_name = span[0].lower_ in lex.female_names or span[0].lower_ in lex.male_names
    # "Nigeria's Minister of Petroleum Resources, Adebayo Ogunleye": the name in apposition to a post
    head = span.root.head
    post = span.root.dep_ == "appos" and is_role(head) and head.lower_ not in lex.org_heads
    if given_name or post or _title_before(doc, span.start) is not None or _appositive_title(doc, span):
        return Span(doc, span.start, span.end, label="PERSON")  # a given name, or a role title
    return span


def _with_state_prefix(span: Span) -> Span:
    """'U.S. Anti-Doping Agency': NER leaves the country prefix out of the organisation's name."""
    doc = span.doc
    if span.label_ != "ORG" or span.start == 0:
        return span
    prev = doc[span.start - 1]
    if prev.text in ("U.S.", "US", "UK", "U.K.", "EU") and prev.dep_ in ("compound", "nmod", "amod"):
        return Span(doc, span.start - 1, span.end, label="ORG")
    return span


def _initials(name: str) -> str:
    """'U.S. Anti-Doping Agency' -> 'USADA': an all-capitals word gives all its letters."""
    words = re.split(r"[\s\-]+", name.replace(".", ""))
    kept = [w for w in words if w and w.lower() not in ("and", "of", "the", "for", "&")]
    return "".join(w if w.isupper() else w[0] for w in kept).upper()


def _drop_state(name: str) -> str:
    return re.sub(r"^U\.?S\.?\s", "", name)


def link_org(table: ActorTable, key: str, name: str) -> tuple[str, str]:
    """Short forms and acronyms: 'Calder' -> 'Calder Pharma', 'FDA' -> 'U.S. Food and Drug Administration'."""
    for other_key, entry in table.entries.items():
        states = {other_key.partition("@")[2], key.partition("@")[2]} - {""}
        if entry.kind != "ORG" or other_key == key or len(states) > 1:
            continue  # another state's body of that name is another body
        full = entry.name
        words = full.split()
        if len(name.split()) < len(words) and (full.startswith(name + " ") or full.endswith(" " + name)):
            if words[-1].lower() in _BODY_ENDINGS and name == " ".join(words[:-1]):
                continue  # "West Yorkshire" is the place 'West Yorkshire Police' is named after
            return other_key, full
        if _inner_run(name.split(), words):  # "Sulawesi Bumi" after "PT Sulawesi Bumi Mineral"
            return other_key, full
        if len(name.split()) > len(words) and (name.startswith(full + " ") or name.endswith(" " + full)):
            return other_key, name  # "Calder" first, "Calder Pharma" later: one actor, the longer name
        without_state = _drop_state(full)
        short = full.replace(".", "")
        if short.isupper() and len(short) >= 2 and short in (_initials(name), _initials(_drop_state(name))):
            return other_key, name  # "USADA" first, "U.S. Anti-Doping Agency" later
        bare = name.replace(".", "")  # "U.N." is "UN"
        if bare.isupper() and len(bare) >= 2 and bare in (_initials(full), _initials(without_state)):
            return other_key, full
    return key, name


def _link_person(table: ActorTable, span: Span, key: str, name: str) -> tuple[str, str]:
    """A lone surname joins the full name already seen ("Arreaza" -> "Jorge Arreaza")."""
    words = name.split()
    if len(words) == 1 and words[0] in table._persons_by_last:
        full = table._persons_by_last[words[0]]
        return full, table.entries[full].name
    longer = _longer_name(table, words)
    if longer is not None:  # "Fernández Ortega" after "María José Fernández Ortega": the double surname
        return longer, table.entries[longer].name
    if len(words) > 1:
        table._persons_by_last[words[-1]] = key
        table._persons_by_last.setdefault(" ".join(words[-2:]), key)
    return key, name


def _longer_name(table: ActorTable, words: list[str]) -> str | None:
    """The one person already named whose name ends with these (two or more) words."""
    if len(words) < 2:
        return None
    found = {
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON" and len(e.name.split()) > len(words) and e.name.split()[-len(words) :] == words
    }
    return found.pop() if len(found) == 1 else None


def _inner_run(short: list[str], long: list[str]) -> bool:
    """Two or more words that run inside a longer name, neither at its start nor at its end."""
    n = len(short)
    return 2 <= n < len(long) - 1 and any(long[i : i + n] == short for i in range(1, len(long) - n))


def _short_org_names(spans: list[Span]) -> list[Span]:
    """'Sulawesi Bumi' read as a person after 'PT Sulawesi Bumi Mineral': words of a company's name."""
    orgs = [[t.text for t in s] for s in spans if s.label_ == "ORG" and len(s) > 2]
    fixed = []
    for s in spans:
        words = [t.text for t in s if t.text not in ("'s", "’s")]
        inner = s.label_ == "PERSON" and any(
            _inner_run(words, org) or (len(words) >= 2 and org[: len(words)] == words) for org in orgs
        )
        fixed.append(Span(s.doc, s.start, s.end, label="ORG") if inner else s)
    return fixed


def _relabel_surnames(spans: list[Span]) -> list[Span]:
    """NER labels some surnames GPE or ORG ("Arreaza told"); a span equal to a known surname is a person."""
    people = [s for s in spans if s.label_ == "PERSON" and len(s) > 1]
    # "Andre Whitlock's account": the surname is the word before the possessive
    surnames = {s[-2].text if s[-1].tag_ == "POS" and len(s) > 2 else s[-1].text for s in people}
    # "Gil Sarmiento" after "Tomás Gil Sarmiento": a double surname NER read as an organisation
    double = {s[-k:].text for s in people for k in range(2, len(s))}
    fixed = []
    for s in spans:
        bare = s[:-1] if len(s) > 1 and s[-1].tag_ == "POS" else s  # "Lloyd's assertion"
        relabel = s.label_ != "PERSON" and ((len(bare) == 1 and bare.text in surnames) or s.text in double)
        fixed.append(Span(s.doc, s.start, s.end, label="PERSON") if relabel else s)
    return fixed


# -- titles -------------------------------------------------------------------------------------------


def is_role(token: Token) -> bool:
    if token.lower_ in lexicon().role_nouns or token.lemma_.lower() in lexicon().role_nouns:
        return True
    # professions the list does not name: 'pediatrician', 'hydrologist', 'psychiatrist', 'dentist'
    word = token.lower_
    return (
        token.pos_ == "NOUN"
        and token.is_lower
        and (word.endswith(_ROLE_SUFFIXES) or _IST.match(word) is not None)
    )


_ROLE_SUFFIXES = ("ician", "ologist", "iatrist")
_IST = re.compile(r"^[a-z]{4,}[^aeiou]ist$")  # 'dentist', 'novelist'; not 'wrist', 'assist'


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """'Venezuelan Foreign Minister' in 'Venezuelan Foreign Minister Jorge Arreaza' (tokens before a name)."""
    i = start - 1
    sent_start = sentence(doc[start]).start
    while i >= sent_start:
        tok = doc[i]
        if (
            (tok.is_punct and tok.text not in ("-",))
            or tok.is_space
            or (tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ not in _TITLE_LINKS)
        ):
            break
        if tok.pos_ in ("DET", "PRON", "NUM") or tok.ent_type_ == "DATE":
            break
        if not (
            tok.is_title
            or tok.is_upper
            or is_role(tok)
            or tok.lower_ in _TITLE_LINKS
            or tok.pos_ in ("ADJ", "NOUN", "PROPN")
        ):
            break
        i -= 1
    first = i + 1
    while first < start and doc[first].lower_ in _TITLE_LINKS:
        first += 1
    # "an offer for Lyon striker Jules Marchetti": a common noun and its link word are not the title's
    while (
        first + 1 < start
        and doc[first].is_lower
        and not is_role(doc[first])
        and doc[first + 1].lower_ in _TITLE_LINKS
    ):
        first += 2
    if first >= start or not any(is_role(doc[j]) for j in range(first, start)):
        return None
    # The title ends at its last role noun; anything after it is part of the name.
    return first, start


def _post_before(doc: Doc, span: Span) -> tuple[int, int] | None:
    """ "Nigeria's Minister of Petroleum Resources, Adebayo Ogunleye": the post the name is in apposition
    to, without its determiner and possessor (which name the state or body it serves)."""
    head = span.root.head
    if (
        span.root.dep_ != "appos"
        or head.i >= span.start
        or not is_role(head)
        or head.lower_ in lexicon().org_heads
    ):
        return None
    if doc[span.start - 1].text != ",":
        return None
    if any(c.dep_ == "poss" and c.pos_ != "PROPN" for c in head.children):
        return None  # "the country's president, Nicolas Maduro": kept as written elsewhere
    first = head.left_edge.i
    for tok in doc[head.left_edge.i : head.i]:
        if (
            tok.pos_ == "DET"
            or tok.dep_ in ("poss", "case")
            or any(a.dep_ == "poss" for a in tok.ancestors if a.i < head.i)
        ):
            first = tok.i + 1
    end = span.start - 1
    return (first, end) if first <= head.i < end else None


def _names_a_body(token: Token) -> bool:
    return token.is_lower and (token.lower_ in lexicon().org_heads or token.lower_ in PRESS_NOUNS)


def _appositive_title(doc: Doc, span: Span, org: bool = False) -> tuple[int, int] | None:
    """'the country's president, Nicolas Maduro,' or 'Nicolas Maduro, the country's president,'; with
    `org`, what an organisation is called ('The Harbour Ledger, a local news website,')."""
    if span.start >= 2 and doc[span.start - 1].text == ",":
        head = doc[span.start - 2]
        if is_role(head) and head.pos_ == "NOUN":
            left = min(t.i for t in head.subtree)
            if left < span.start - 1:
                return left, span.start - 1
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        j = span.end + 1
        if doc[j].lower_ in _TIME_ADVERBS and j + 1 < len(doc):  # "Bernd Scholl, then the airline's COO,"
            j += 1
        k, words = j, 0
        # a long organisation's name counts as one word: "deputy director of operations at the U.N. Office
        # for the Coordination of Humanitarian Affairs"
        while k < len(doc) and not _ends_appositive(doc[k]) and words < 12:
            words += doc[k].ent_iob_ != "I"
            k += 1
        if (
            k > j
            and doc[j].pos_ in ("DET", "PRON", "ADJ", "NOUN", "PROPN")
            and any(is_role(doc[x]) or (org and _names_a_body(doc[x])) for x in range(j, k))
            and doc[k - 1].pos_ in ("NOUN", "PROPN")
            and (k == len(doc) or _ends_appositive(doc[k]))
        ):
            return j, k
    return None


_TIME_ADVERBS = frozenset({"then", "now", "currently", "formerly", "previously", "later"})


def _ends_appositive(tok: Token) -> bool:
    """',', '.', ';', a line break or a relative pronoun ('a pediatrician at X who has treated ...')."""
    return tok.text in (",", ".", ";") or tok.is_space or tok.tag_ in ("WP", "WDT")


def _as_written(doc: Doc, start: int, end: int) -> tuple[int, int, Span | None]:
    """A title before a name stays as written: 'State Department spokeswoman', 'Foreign Minister'."""
    return start, end, None


def _title_and_employer(doc: Doc, start: int, end: int) -> tuple[int, int, Span | None]:
    """The title without a leading 'a' or possessive pronoun, and cut before the organisation it names:
    'a pediatrician at Riverside Children's Hospital' -> 'pediatrician' and that hospital."""
    while start < end - 1 and (doc[start].lower_ in ("a", "an") or doc[start].tag_ == "PRP$"):
        start += 1
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.dep_ != "prep" or tok.lower_ not in ("at", "of", "for", "with", "from"):
            continue
        named = [t for t in tok.subtree if t.ent_type_ in ("ORG", "FAC") or t.pos_ == "PROPN"]
        if named and any(is_role(doc[x]) for x in range(start, i)):
            org = next((e for e in doc.ents if e.start <= named[0].i < e.end and e.label_ == "ORG"), None)
            if org is None:  # "at German regional airline Nordflug" (NER: a nationality): the closing name
                run = end
                while run > i + 1 and doc[run - 1].pos_ == "PROPN" and doc[run - 1].is_title:
                    run -= 1
                org = (
                    Span(doc, run, end, label="ORG")
                    if run < end and doc[run - 1].lower_ in lexicon().company_nouns
                    else None
                )
            return start, i, org
    return start, end, None


def _title_after_org(doc: Doc, span: Span) -> tuple[int, int] | None:
    """'news agency' in 'the Reuters news agency', 'broadcaster' in 'the RT broadcaster'; not a post the
    organisation has ("the Defence Department's deputy secretary")."""
    k = span.end
    if doc[k - 1].tag_ == "POS" or (k < len(doc) and doc[k].tag_ == "POS"):
        return None
    while k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower:
        k += 1
    if k > span.end and (is_role(doc[k - 1]) or doc[k - 1].lower_ in lexicon().org_heads):
        return span.end, k
    return None


def _title_before_org(doc: Doc, span: Span) -> tuple[int, int] | None:
    """'Italian newspaper' before 'La Voce dello Sport', 'security blog' before 'BreachLedger'."""
    j = span.start - 1
    if j < 0 or not doc[j].is_lower or doc[j].pos_ == "VERB":
        return None  # "who heads the federation": a verb, no title
    if not (doc[j].lower_ in lexicon().org_heads or is_role(doc[j])):
        return None
    left = j
    while left - 1 >= 0 and doc[left - 1].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[left - 1].is_punct:
        left -= 1
    return left, span.start


def affiliation_of(table: ActorTable, start: int, end: int) -> str | None:
    """The state a title names: 'Russian Ambassador' -> Russia, "the country's president" -> that country."""
    lex = lexicon()
    doc = table.doc
    for i in range(start, end):
        tok = doc[i]
        for table_ in (lex.demonyms, lex.countries, lex.seats):
            if tok.text in table_:
                return table_[tok.text]
        if tok.lower_ in _COUNTRY_REFS and i + 1 < end and doc[i + 1].tag_ == "POS":
            return recent_country(table, doc[i].idx)
    return None


def recent_country(table: ActorTable, before_char: int) -> str | None:
    """The country most recently named before a position ("the country" refers back to it)."""
    named = [country for idx, country in _countries_named(table) if idx < before_char]
    return named[-1] if named else None


def _countries_named(table: ActorTable) -> Iterator[tuple[int, str]]:
    """(offset, country) of each country the body names, by name or demonym, in text order."""
    lex = lexicon()
    for tok in table.doc:
        if tok.idx < table.body_start:
            continue
        country = lex.countries.get(tok.text) or lex.demonyms.get(tok.text)
        if country and country != "European Union":
            yield tok.idx, country


def dateline_town(place: str | None) -> str | None:
    """The dateline's place as the body writes it: 'DAYTON, Ohio' -> 'Dayton'."""
    return place.split(",")[0].strip().title() if place else None


def country_of_place(place: str | None) -> str | None:
    """The country of a dateline place: 'OSLO' -> Norway, 'LISBON' -> Portugal (None when not listed)."""
    if not place:
        return None
    country = _places_by_folded_name().get(place.split(",")[0].strip().casefold())
    return None if country == "European Union" else country


@cache
def _places_by_folded_name() -> dict[str, str]:
    lex = lexicon()
    places = (*lex.countries.items(), *lex.seats.items(), *lex.dateline_capitals.items())
    return {name.casefold(): country for name, country in places}


def first_country(table: ActorTable) -> str | None:
    """The first country the body names, by name or demonym: the state a story is about."""
    return next((country for _, country in _countries_named(table)), None)


def _sentence_country(table: ActorTable, sent: Span) -> str | None:
    lex = lexicon()
    found = {lex.countries.get(t.text) or lex.demonyms.get(t.text) for t in sent} - {None}
    return found.pop() if len(found) == 1 else None


def add_person_titles(table: ActorTable, span: Span, key: str) -> None:
    doc = table.doc
    inner = span.start
    while inner < span.end - 1 and is_role(doc[inner]):
        inner += 1
    if inner > span.start:  # NER kept the title inside the name: "Councilor Rosa Mendes"
        table.add_title(key, doc[span.start : inner].text)
    for found, trim in (
        (_title_before(doc, span.start) or _post_before(doc, span), _as_written),
        (_appositive_title(doc, span), _title_and_employer),
    ):
        if found is None:
            continue
        entry = table.entries[key]
        table.title_spans.setdefault(key, []).append(found)
        s, e, employer = trim(doc, *found)  # the employer stays free to be an actor of its own
        if entry.affiliation is None:
            # "a safety manager at German regional airline Nordflug" speaks for the airline, not Germany
            state = affiliation_of(table, *found) if employer is None else affiliation_of(table, s, e)
            entry.affiliation = state or (strip_determiner(employer.text) if employer is not None else None)
        table.add_title(key, _span_text(doc, s, e))
        owner_end = max((i + 1 for i in range(s, e) if doc[i].tag_ == "POS"), default=s)
        owner = _owning_company(doc, s, owner_end)
        # "Victor Oprea, Carpatic Aur's general manager": the company stays free to be an actor
        table.title_tokens.update(i for i in range(s, e) if owner is None or not owner[0] <= i < owner_end)
        if s < owner_end < e and any(is_role(doc[i]) for i in range(owner_end, e)):
            table.add_title(key, _span_text(doc, owner_end, e))  # "the cooperative's president": president
    entry = table.entries[key]
    if entry.affiliation is None:  # "Transport economist Lotte Brink of Delft University"
        entry.affiliation = _organisation_after_name(doc, span)
    post = _post_before(doc, span)
    if entry.affiliation is None and post is not None:  # "Nigeria's Minister of ..." serves Nigeria
        entry.affiliation = affiliation_of(table, span.root.head.left_edge.i, post[0])
    if entry.affiliation is None and entry.titles:
        entry.affiliation = _sentence_country(table, sentence(span[0]))
        if entry.affiliation is not None:
            table.guessed_affiliation.add(key)


def _organisation_after_name(doc: Doc, span: Span) -> str | None:
    """The organisation 'of' or 'at' right after a person's name names ('Lotte Brink of Delft
    University')."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "at"):
        return None
    first = doc[i + 1]
    ent = next((e for e in doc.ents if e.start == first.i and e.label_ == "ORG"), None)
    if ent is None and first.lower_ == "the" and i + 2 < len(doc):
        ent = next((e for e in doc.ents if e.start == i + 2 and e.label_ == "ORG"), None)
    return strip_determiner(ent.text) if ent is not None else None


def _owning_company(doc: Doc, start: int, owner_end: int) -> tuple[int, int] | None:
    """The tokens of a company that owns a title ("Carpatic Aur's general manager"), as NER tagged it."""
    first = start + 1 if doc[start].lower_ == "the" else start
    owner = range(first, owner_end - 1)  # without the 's
    if not owner or not all(doc[i].pos_ == "PROPN" and doc[i].is_title for i in owner):
        return None
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
        first -= 1  # "the Lusaka Ledger's editor" with the title found from 'Ledger'
    return (first, owner_end - 1) if any(doc[i].ent_type_ == "ORG" for i in owner) else None


def find_named_actors(
    doc: Doc, body_start: int = 0, credited: tuple[str, ...] = (), place: str | None = None
) -> ActorTable:
    """Named actors of the article body (text before `body_start`, the dateline, is not a mention);
    `credited` are the outlets the dateline names, `place` the dateline's place."""
    table = ActorTable(doc, body_start)
    table.town = dateline_town(place)
    capital_of = country_of_place(place)
    named = _named_spans(doc, body_start, credited)
    spans = _short_org_names(_short_company_names(_relabel_surnames(named), table.town))
    persons = [s for s in spans if s.label_ == "PERSON"]
    others = [s for s in spans if s.label_ != "PERSON"]
    for span in persons:
        classified = _classify(span)
        if classified is None:
            continue
        if classified[2] != "PERSON":  # a listed outlet, state or office NER read as a person
            others.append(span)
            continue
        key, name = _link_person(table, span, classified[0], classified[1])
        table.add(key, name, "PERSON", span.start, span.end)
        add_person_titles(table, span, key)
    for span in sorted(others, key=lambda s: s.start):  # in text order: a full name before its short form
        if any(i in table.title_tokens or i in table.token_actor for i in range(span.start, span.end)):
            continue
        classified = _classify(span)
        if classified is None:
            continue
        key, name, kind = classified
        # the mention is the name without its possessive ending
        end = (
            span.end - 1
            if len(span) > 1 and span[-1].tag_ == "POS" and not name.endswith(("'s", "’s"))
            else span.end
        )
        state = _possessing_state(span) if kind == "ORG" else None
        if state is not None:  # "Argentina's Foreign Ministry" and "Uruguay's Foreign Ministry": two bodies
            key = f"{key}@{state.lower()}"
        elif kind == "ORG":  # "the Foreign Ministry" after "Uruguay's Foreign Ministry": that one
            owned = [k for k in table.entries if k.startswith(key + "@")]
            key = max(owned, key=lambda k: table.entries[k].first) if owned else key
        if kind == "ORG":
            key, name = link_org(table, key, name)
        if span.text == table.town and capital_of is not None and kind != "PERSON" and _is_agentive(span):
            key, name, kind = f"GPE:{capital_of}", capital_of, "GPE"  # "Sofia said" in a story from SOFIA
        table.add(key, name, kind, span.start, end)
        table.entries[key].credited |= name in credited
        if name in lexicon().offices:
            table.entries[key].affiliation = lexicon().seats.get(name)
        if state is not None and table.entries[key].affiliation is None:
            table.entries[key].affiliation = state
        if kind == "ORG":
            titles = (
                _title_before_org(doc, span),
                _title_after_org(doc, span),
                _appositive_title(doc, span, org=True),
            )
            for found in titles:
                if found:
                    table.add_title(key, _span_text(doc, *found))
                    table.title_tokens.update(range(*found))
    return table


def _possessing_state(span: Span) -> str | None:
    """The country a body's name is owned by: 'Argentina's Foreign Ministry' -> Argentina."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].tag_ != "POS":
        return None
    return lexicon().countries.get(doc[span.start - 2].text)


def full_affiliations(table: ActorTable) -> None:
    """ "The Ledger's editor" works for the Lusaka Ledger: an employer written short takes the full name
    of the organisation it is a mention of."""
    by_mention = {
        strip_determiner(text).removesuffix("'s").removesuffix("’s"): entry.name
        for entry in table.entries.values()
        if entry.kind == "ORG"
        for text in entry.mentions.values()
    }
    orgs = [e.name for e in table.entries.values() if e.kind == "ORG"]
    for entry in table.entries.values():
        if entry.kind != "PERSON" or entry.affiliation is None:
            continue
        if entry.affiliation in by_mention:
            entry.affiliation = by_mention[entry.affiliation]
            continue
        longer = [name for name in orgs if name.startswith(entry.affiliation + " ")]
        if len(longer) == 1:  # "Greyline founder Carter Vance" after "Greyline Research"
            entry.affiliation = longer[0]
