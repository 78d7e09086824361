"""Actors: people, organisations, countries and unnamed sources, one per real-world referent in an article.

`find_actors(doc, body_start)` builds an `ActorTable`: named mentions from NER and the outlet list, linked
within the article ("Arreaza" -> "Jorge Arreaza"), with titles as written and the state they speak for.
Later stages extend the table through `resolve_np` (pronouns, role nouns, unnamed sources) and then freeze
it into `Actor` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.lexicon import lexicon
from claimtrail.models import Actor, ActorKind
from claimtrail.models import Span as TextSpan

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev", "mr.", "mrs.", "ms."})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "attr", "appos"})
_PLACE_PREPS = frozenset({"in", "to", "from", "at", "near", "into", "across", "around", "outside", "inside"})
_TITLE_LINKS = frozenset({"of", "in", "for", "'s", "’s", "-", "and"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_PERSONAL = _MALE | _FEMALE
_PLURAL = frozenset({"they", "them", "their", "themselves"})
_NEUTER = frozenset({"it", "its", "itself"})
_QUANTITY_HEADS = frozenset(
    {"dozens", "hundreds", "thousands", "many", "some", "several", "most", "scores", "millions"}
)
_NAMED_BY_FIELD = frozenset(
    {
        "ministry",
        "department",
        "commission",
        "committee",
        "agency",
        "office",
        "board",
        "authority",
        "council",
        "regulator",
        "service",
        "bureau",
    }
)
_GOVERNMENT_NOUNS = frozenset(
    {"government", "administration", "ministry", "police", "army", "military", "court"}
)
_COUNTRY_REFS = frozenset({"country", "nation", "state", "government"})


@dataclass(slots=True)
class _Entry:
    key: str
    name: str
    kind: ActorKind
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    first: int = 0


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text).strip()


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text if end > start else ""


class ActorTable:
    """Actors of one article, and which tokens mention them (token indices stay inside `extract/`)."""

    def __init__(self, doc: Doc, body_start: int) -> None:
        self.doc = doc
        self.body_start = body_start
        self.entries: dict[str, _Entry] = {}
        self.token_actor: dict[int, str] = {}
        self.title_tokens: set[int] = set()
        self._persons_by_last: dict[str, str] = {}

    # -- building -------------------------------------------------------------------------------------
    def add(self, key: str, name: str, kind: ActorKind, start: int, end: int) -> str:
        entry = self.entries.get(key)
        if entry is None:
            entry = _Entry(key=key, name=name, kind=kind, first=self.doc[start].idx)
            self.entries[key] = entry
        elif len(name) > len(entry.name) and kind == "PERSON":
            entry.name = name
        span = self.doc[start:end]
        entry.mentions[(span.start_char, span.end_char)] = span.text
        entry.first = min(entry.first, span.start_char)
        for i in range(start, end):
            self.token_actor[i] = key
        return key

    def add_title(self, key: str, title: str) -> None:
        entry = self.entries[key]
        title = title.strip(" ,")
        if title and title not in entry.titles:
            entry.titles.append(title)

    def kind(self, key: str) -> ActorKind:
        return self.entries[key].kind

    def name(self, key: str) -> str:
        return self.entries[key].name

    def actor_at(self, token: Token) -> str | None:
        return self.token_actor.get(token.i)

    # -- freezing -------------------------------------------------------------------------------------
    def freeze(self) -> tuple[tuple[Actor, ...], dict[str, str]]:
        """Records in order of first mention, and the map from internal keys to record ids."""
        ordered = sorted(self.entries.values(), key=lambda e: e.first)
        ids = {e.key: f"a{n}" for n, e in enumerate(ordered, 1)}
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


def _outlet_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of known outlet names, longest first at each position."""
    names = sorted(lexicon().outlets, key=len, reverse=True)
    text = doc.text
    spans: list[tuple[int, int]] = []
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and not any(s <= span.start < e for s, e in spans):
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
    text = _strip_det(span.text)
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    if text in lex.outlets:
        return f"ORG:{text.lower()}", text, "ORG"
    if text in lex.countries:
        country = lex.countries[text]
        return f"GPE:{country}", country, "GPE"
    if text in lex.seats:
        if not _is_agentive(span):
            return None
        country = lex.seats[text]
        return f"GPE:{country}", country, "GPE"
    label = span.label_
    if label == "PERSON":
        words = [w for w in text.split() if w.lower().rstrip(".") not in _HONORIFICS]
        while len(words) > 1 and words[0].lower() in lex.role_nouns:
            words = words[1:]
        name = " ".join(words) or text
        return f"PERSON:{name.lower()}", name, "PERSON"
    if label in ("ORG", "GPE", "FAC"):
        kind: ActorKind = "GPE" if label == "GPE" else "ORG"
        return f"{kind}:{text.lower()}", text, kind
    return None


def _named_spans(doc: Doc, body_start: int) -> list[Span]:
    outlets = _outlet_spans(doc)
    spans = [doc[s:e] for s, e in outlets]
    spans = [Span(doc, s.start, s.end, label="ORG") for s in spans]
    taken = {i for s, e in outlets for i in range(s, e)}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "FAC") and not any(
            i in taken for i in range(ent.start, ent.end)
        ):
            spans.append(ent)
    spans = [_with_state_prefix(_person_if_titled(_org_if_institution(s))) for s in spans]
    return sorted((s for s in spans if s.start_char >= body_start), key=lambda s: s.start)


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


_INSTITUTION_WORDS = frozenset(
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
    """NER calls some institutions people ('Medical Center'); a name like an institution's is not a person."""
    words = {t.lower_ for t in span}
    if span.label_ == "PERSON" and words & (_INSTITUTION_WORDS | _ORG_WORDS - {"of", "for", "and"}):
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


def _person_if_titled(span: Span) -> Span:
    """NER calls some people ORG ('Sofia Reyes'): a 2-3 word name that carries a role title is a person."""
    if span.label_ == "PERSON" or not 2 <= len(span) <= 3:
        return span
    institution = _ORG_WORDS | _INSTITUTION_WORDS | lexicon().org_heads
    if any(t.lower_ in institution or not t.is_title for t in span):
        return span
    doc = span.doc
    if span.text in lexicon().outlets or span.text in lexicon().countries or span.text in lexicon().seats:
        return span
    if _title_before(doc, span.start) is not None or _appositive_title(doc, span) is not None:
        return Span(doc, span.start, span.end, label="PERSON")
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
    words = re.split(r"[\s\-]+", name.replace(".", ""))
    return "".join(w[0] for w in words if w and w.lower() not in ("and", "of", "the", "for", "&")).upper()


def _link_org(table: ActorTable, key: str, name: str) -> tuple[str, str]:
    """Short forms and acronyms: 'Calder' -> 'Calder Pharma', 'FDA' -> 'U.S. Food and Drug Administration'."""
    for other_key, entry in table.entries.items():
        if entry.kind != "ORG" or other_key == key:
            continue
        full = entry.name
        words = full.split()
        if len(name.split()) < len(words) and (full.startswith(name + " ") or full.endswith(" " + name)):
            return other_key, full
        without_state = re.sub(r"^U\.?S\.?\s", "", full)
        if name.isupper() and len(name) >= 2 and name in (_initials(full), _initials(without_state)):
            return other_key, full
    return key, name


def _link_person(table: ActorTable, span: Span, key: str, name: str) -> tuple[str, str]:
    """A lone surname joins the full name already seen ("Arreaza" -> "Jorge Arreaza")."""
    words = name.split()
    if len(words) == 1 and words[0] in table._persons_by_last:
        full = table._persons_by_last[words[0]]
        return full, table.entries[full].name
    if len(words) > 1:
        table._persons_by_last[words[-1]] = key
    return key, name


def _relabel_surnames(spans: list[Span]) -> list[Span]:
    """NER labels some surnames GPE or ORG ("Arreaza told"); a span equal to a known surname is a person."""
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    fixed = []
    for s in spans:
        relabel = s.label_ != "PERSON" and len(s) == 1 and s.text in surnames
        fixed.append(Span(s.doc, s.start, s.end, label="PERSON") if relabel else s)
    return fixed


# -- titles -------------------------------------------------------------------------------------------


def _is_role(token: Token) -> bool:
    return token.lower_ in lexicon().role_nouns or token.lemma_.lower() in lexicon().role_nouns


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """'Venezuelan Foreign Minister' in 'Venezuelan Foreign Minister Jorge Arreaza' (tokens before a name)."""
    i = start - 1
    sent_start = doc[start].sent.start
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
            or _is_role(tok)
            or tok.lower_ in _TITLE_LINKS
            or tok.pos_ in ("ADJ", "NOUN", "PROPN")
        ):
            break
        i -= 1
    first = i + 1
    while first < start and doc[first].lower_ in _TITLE_LINKS:
        first += 1
    if first >= start or not any(_is_role(doc[j]) for j in range(first, start)):
        return None
    # The title ends at its last role noun; anything after it is part of the name.
    return first, start


def _appositive_title(doc: Doc, span: Span) -> tuple[int, int] | None:
    """'the country's president, Nicolas Maduro,' or 'Nicolas Maduro, the country's president,'."""
    if span.start >= 2 and doc[span.start - 1].text == ",":
        head = doc[span.start - 2]
        if _is_role(head) and head.pos_ == "NOUN":
            left = min(t.i for t in head.subtree)
            if left < span.start - 1:
                return left, span.start - 1
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        j = span.end + 1
        k = j
        while k < len(doc) and doc[k].text not in (",", ".", ";") and not doc[k].is_space and k - j < 8:
            k += 1
        if (
            k > j
            and doc[j].pos_ in ("DET", "PRON", "ADJ", "NOUN", "PROPN")
            and any(_is_role(doc[x]) for x in range(j, k))
            and doc[k - 1].pos_ in ("NOUN", "PROPN")
            and (k == len(doc) or doc[k].text in (",", ".", ";"))
        ):
            return j, k
    return None


def _title_after_org(doc: Doc, span: Span) -> tuple[int, int] | None:
    """'news agency' in 'the Reuters news agency', 'broadcaster' in 'the RT broadcaster'."""
    k = span.end
    while k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower:
        k += 1
    if k > span.end and (_is_role(doc[k - 1]) or doc[k - 1].lower_ in lexicon().org_heads):
        return span.end, k
    return None


def _title_before_org(doc: Doc, span: Span) -> tuple[int, int] | None:
    """'Italian newspaper' before 'La Voce dello Sport', 'security blog' before 'BreachLedger'."""
    j = span.start - 1
    if j < 0 or not doc[j].is_lower or not (doc[j].lower_ in lexicon().org_heads or _is_role(doc[j])):
        return None
    left = j
    while left - 1 >= 0 and doc[left - 1].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[left - 1].is_punct:
        left -= 1
    return left, span.start


def _affiliation_of(table: ActorTable, start: int, end: int) -> str | None:
    """The state a title names: 'Russian Ambassador' -> Russia, "the country's president" -> that country."""
    lex = lexicon()
    doc = table.doc
    for i in range(start, end):
        tok = doc[i]
        for table_ in (lex.demonyms, lex.countries, lex.seats):
            if tok.text in table_:
                return table_[tok.text]
        if tok.lower_ in _COUNTRY_REFS and i + 1 < end and doc[i + 1].tag_ == "POS":
            return _recent_country(table, doc[i].idx)
    return None


def _recent_country(table: ActorTable, before_char: int) -> str | None:
    """The country most recently named before a position ("the country" refers back to it)."""
    lex = lexicon()
    best: tuple[int, str] | None = None
    for tok in table.doc:
        if tok.idx >= before_char:
            break
        if tok.idx < table.body_start:
            continue
        country = lex.countries.get(tok.text) or lex.demonyms.get(tok.text)
        if country and country != "European Union":
            best = (tok.idx, country)
    return best[1] if best else None


def _sentence_country(table: ActorTable, sent: Span) -> str | None:
    lex = lexicon()
    found = {lex.countries.get(t.text) or lex.demonyms.get(t.text) for t in sent} - {None}
    return found.pop() if len(found) == 1 else None


def _add_person_titles(table: ActorTable, span: Span, key: str) -> None:
    doc = table.doc
    inner = span.start
    while inner < span.end - 1 and _is_role(doc[inner]):
        inner += 1
    if inner > span.start:  # NER kept the title inside the name: "Councilor Rosa Mendes"
        table.add_title(key, doc[span.start : inner].text)
    for locate in (_title_before, lambda d, s: _appositive_title(d, span)):
        found = locate(doc, span.start)
        if found is None:
            continue
        s, e = found
        table.add_title(key, _span_text(doc, s, e))
        table.title_tokens.update(range(s, e))
        entry = table.entries[key]
        if entry.affiliation is None:
            entry.affiliation = _affiliation_of(table, s, e)
    entry = table.entries[key]
    if entry.affiliation is None and entry.titles:
        entry.affiliation = _sentence_country(table, span.sent)


def find_actors(doc: Doc, body_start: int = 0) -> ActorTable:
    """Named actors of the article body (text before `body_start`, the dateline, is not a mention)."""
    table = ActorTable(doc, body_start)
    spans = _relabel_surnames(_named_spans(doc, body_start))
    persons = [s for s in spans if s.label_ == "PERSON"]
    others = [s for s in spans if s.label_ != "PERSON"]
    for span in persons:
        classified = _classify(span)
        if classified is None:
            continue
        key, name = _link_person(table, span, classified[0], classified[1])
        table.add(key, name, "PERSON", span.start, span.end)
        _add_person_titles(table, span, key)
    for span in others:
        if any(i in table.title_tokens or i in table.token_actor for i in range(span.start, span.end)):
            continue
        classified = _classify(span)
        if classified is None:
            continue
        key, name, kind = classified
        if kind == "ORG":
            key, name = _link_org(table, key, name)
        table.add(key, name, kind, span.start, span.end)
        if kind == "ORG":
            titles = (_title_before_org(doc, span), _title_after_org(doc, span), _appositive_title(doc, span))
            for found in titles:
                if found:
                    table.add_title(key, _span_text(doc, *found))
                    table.title_tokens.update(range(*found))
    _register_field_organisations(table)
    return table


def _is_field_word(token: Token) -> bool:
    """'energy' in 'energy ministry', 'electoral' in 'electoral commission' (not 'Dutch', not 'new')."""
    if token.dep_ == "compound" and token.pos_ == "NOUN":
        return True
    return (
        token.dep_ == "amod" and token.pos_ == "ADJ" and token.is_lower and token.lower_ in _FIELD_ADJECTIVES
    )


_FIELD_ADJECTIVES = frozenset(
    {
        "electoral",
        "judicial",
        "federal",
        "national",
        "central",
        "regional",
        "provincial",
        "municipal",
        "financial",
        "economic",
        "military",
        "medical",
        "foreign",
        "interior",
        "environmental",
        "statistical",
        "supreme",
        "constitutional",
        "anti-corruption",
    }
)


def _register_field_organisations(table: ActorTable) -> None:
    """'The Dutch agriculture ministry confirmed ...' names an organisation later called 'the ministry'."""
    for tok in table.doc:
        if tok.idx < table.body_start or tok.i in table.token_actor or tok.lower_ not in _NAMED_BY_FIELD:
            continue
        # "the Reuters news agency" is Reuters; "Saudi Arabia's energy ministry" is a ministry of its own
        named = any(
            t.i in table.title_tokens
            or t.ent_type_ == "ORG"
            or table.token_actor.get(t.i, "").startswith("ORG:")
            for t in tok.lefts
            if t.dep_ != "poss"
        )
        if not named and any(_is_field_word(c) for c in tok.lefts):
            _nominal_actor(table, tok)


# -- resolving a noun phrase to an actor ---------------------------------------------------------------


def _np_bounds(token: Token, *, appos: bool = False) -> tuple[int, int]:
    """The noun phrase of a head token, without relative clauses, trailing commas or quotes.

    With `appos`, an appositive name is part of it ("Her spokesman, Pieter Vos,").
    """
    left = token.left_edge.i
    doc = token.doc
    # "refuted on Monday media reports": a date or punctuation at the left edge is not part of the source.
    while left < token.i and (
        doc[left].ent_type_ in ("DATE", "TIME") or doc[left].is_punct or doc[left].is_space
    ):
        left += 1
    right = token.i
    for child in token.rights:
        if appos and child.dep_ == "appos":
            right = max(right, child.right_edge.i)
            continue
        if appos and child.text == ",":
            continue
        if child.dep_ in ("relcl", "acl", "punct", "appos", "cc", "conj") or child.is_space:
            break
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            break  # "the opposition leader of being a US puppet": the gerund is the accusation
        right = max(right, _edge_without_clauses(child))
    while right > token.i and (token.doc[right].is_punct or token.doc[right].is_space):
        right -= 1
    return left, right + 1


def _edge_without_clauses(token: Token) -> int:
    """Right edge of a phrase, leaving out relative clauses and asides ('Aramco, who spoke on ...')."""
    right = token.i
    for child in token.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":  # "state oil company Aramco"
            right = max(right, _edge_without_clauses(child))
            continue
        if child.dep_ in ("relcl", "acl", "appos", "punct") or child.is_space:
            break
        right = max(right, _edge_without_clauses(child))
    return right


def _group_of_conjuncts(table: ActorTable, token: Token) -> str | None:
    """'such European powers as France, Germany ... and the United Kingdom' -> one group actor."""
    members: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("as", "including", "like"):
            members = [c for c in child.children if c.dep_ == "pobj"]
    if not members:
        return None
    first = members[0]
    conj = [first, *first.conjuncts]
    left = min(c.left_edge.i for c in conj)
    right = max(c.right_edge.i for c in conj) + 1
    span = table.doc[left:right]
    name = _strip_det(span.text)
    return table.add(f"GROUP:{name.lower()}", name, "GPE" if first.ent_type_ == "GPE" else "ORG", left, right)


def _recent_actor(table: ActorTable, before: int, kinds: tuple[ActorKind, ...]) -> str | None:
    """The actor of one of `kinds` a pronoun most likely refers to.

    Within the pronoun's own sentence the nearest earlier candidate wins; before it, the nearest subject of
    an earlier sentence (the salient entity), then the nearest mention of any role.
    """
    doc = table.doc
    sent_start = doc[before].sent.start
    best_any: str | None = None
    for i in range(before - 1, max(-1, before - 400), -1):
        key = table.token_actor.get(i)
        if key is None or table.kind(key) not in kinds:
            continue
        if i >= sent_start:
            return key
        tok = doc[i]
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass"):
            return key
        best_any = best_any or key
    return best_any


_OUTLET_NOUNS = frozenset(
    {
        "paper",
        "newspaper",
        "daily",
        "tabloid",
        "magazine",
        "broadcaster",
        "channel",
        "outlet",
        "website",
        "site",
        "blog",
        "agency",
        "station",
        "network",
    }
)


def _is_outlet(entry: _Entry) -> bool:
    words = set(" ".join(entry.titles).lower().split())
    return entry.name in lexicon().outlets or bool(words & _OUTLET_NOUNS)


def _role_reference(table: ActorTable, token: Token) -> str | None:
    """'the minister', 'the ministry', 'the company': the last actor whose name or title has that noun."""
    noun = token.lower_
    for key in sorted(table.entries, key=lambda k: -table.entries[k].first):
        entry = table.entries[key]
        if entry.first >= token.idx:
            continue
        words = " ".join([entry.name, *entry.titles]).lower()
        if re.search(rf"\b{re.escape(noun)}\b", words):
            return key
    if noun in lexicon().org_heads and noun not in _GOVERNMENT_NOUNS:
        orgs = [e for e in table.entries.values() if e.kind == "ORG" and e.first < token.idx]
        # "the paper" means the last outlet named; "the company" the last organisation that is not one
        outlet_like = [e for e in orgs if _is_outlet(e)]
        if noun in _OUTLET_NOUNS:
            orgs = outlet_like or orgs
        else:
            orgs = [e for e in orgs if not _is_outlet(e)] or orgs
        if orgs:
            return max(orgs, key=lambda e: e.first).key
    return None


def _nominal_actor(table: ActorTable, token: Token) -> str | None:
    """An unnamed source or an organisation named by a noun phrase ('the opposition-led legislature')."""
    lex = lexicon()
    if token.lower_ in _QUANTITY_HEADS:  # "dozens of countries": the source is the countries
        pobj = next(
            (g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None
        )
        if pobj is not None and pobj.lower_ in lex.unnamed_heads:
            left, right = _np_bounds(token)
            text = table.doc[left : pobj.i + 1].text
            return table.add(f"UNNAMED:{text.lower()}", text, "UNNAMED", left, pobj.i + 1)
    left, right = _np_bounds(token)
    doc = table.doc
    head = token.lemma_.lower()
    determiner = doc[left].lower_ if left < token.i else ""
    has_proper = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.is_title for t in doc[left + 1 : token.i])
    if determiner == "the" and not has_proper and (token.lower_ in lex.org_heads or _is_role(token)):
        linked = _role_reference(table, token)
        if linked is not None:
            table.add(linked, table.name(linked), table.kind(linked), left, right)
            return linked
    if token.lower_ in lex.org_heads and token.lower_ in _NAMED_BY_FIELD:
        field_words = [t for t in doc[left : token.i] if _is_field_word(t)]
        if field_words:  # "Saudi Arabia's energy ministry": named by its field
            name = " ".join([*(t.text.lower() for t in field_words), token.lower_])
            key = table.add(f"ORG:{name}", name, "ORG", field_words[0].i, token.i + 1)
            entry = table.entries[key]
            entry.affiliation = entry.affiliation or _affiliation_of(table, left, token.i)
            return key
    if token.lower_ in lex.org_heads:
        proper = [t for t in doc[left : token.i] if t.ent_type_ in ("NORP", "GPE", "ORG") or t.is_title]
        if proper and determiner in ("the", ""):
            name = _strip_det(doc[proper[0].i : token.i + 1].text)
            key = table.add(f"ORG:{name.lower()}", name, "ORG", left, right)
            modifiers = [t for t in doc[left : token.i] if t not in proper and t.pos_ != "DET"]
            if modifiers:
                first, last = modifiers[0].i, modifiers[-1].i + 1
                table.add_title(key, doc[first:last].text)
            entry = table.entries[key]
            entry.affiliation = entry.affiliation or _affiliation_of(table, left, token.i)
            return key
    if head in lex.unnamed_heads or token.lower_ in lex.unnamed_heads or token.lower_ in lex.org_heads:
        text = doc[left:right].text
        return table.add(f"UNNAMED:{text.lower()}", text, "UNNAMED", left, right)
    return None


_ORG_SUFFIXES = frozenset(
    {
        "inc",
        "inc.",
        "corp",
        "corp.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "group",
        "co",
        "co.",
        "ag",
        "sa",
        "gmbh",
        "holdings",
        "partners",
        "systems",
        "technologies",
    }
)


def _proper_actor(table: ActorTable, token: Token) -> str:
    """A proper-noun subject NER missed: a known surname, a company ('Corvel Systems Inc') or a name."""
    doc = table.doc
    left = token.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
        left -= 1
    words = [t.text for t in doc[left : token.i + 1]]
    name = " ".join(words)
    if len(words) == 1 and name in table._persons_by_last:
        key = table._persons_by_last[name]
        return table.add(key, table.name(key), "PERSON", left, token.i + 1)
    for key, entry in table.entries.items():
        if entry.name == name or entry.name.endswith(" " + name):
            return table.add(key, entry.name, entry.kind, left, token.i + 1)
    lowered = {w.lower() for w in words}
    is_org = bool(lowered & (_ORG_SUFFIXES | lexicon().org_heads)) or len(words) == 1
    kind: ActorKind = "ORG" if is_org else "PERSON"
    key = table.add(f"{kind}:{name.lower()}", name, kind, left, token.i + 1)
    if kind == "PERSON":
        table._persons_by_last.setdefault(words[-1], key)
    return key


def unnamed_source(table: ActorTable, token: Token) -> str:
    """A source described, not named ('Organisers of the 2026 Winter Games'), as an UNNAMED actor."""
    left, right = _np_bounds(token)
    text = table.doc[left:right].text
    return table.add(f"UNNAMED:{text.lower()}", text, "UNNAMED", left, right)


def resolve_pronoun(table: ActorTable, token: Token) -> str | None:
    low = token.lower_
    if low in _PERSONAL:
        return _recent_actor(table, token.i, ("PERSON",))
    if low in _PLURAL:
        return _recent_actor(table, token.i, ("ORG", "GPE", "UNNAMED"))
    if low in _NEUTER:
        return _recent_actor(table, token.i, ("ORG", "GPE", "UNNAMED"))
    return None


def resolve_np(table: ActorTable, token: Token, *, record_pronoun: bool = True) -> str | None:
    """The actor a noun phrase headed by `token` stands for, adding mentions as it goes."""
    group = _group_of_conjuncts(table, token)
    if group is not None:
        return group
    left, right = _np_bounds(token, appos=True)
    ranked: list[tuple[int, int, str]] = []
    for i in range(left, right):
        key = table.token_actor.get(i)
        # "Her spokesman, Pieter Vos": a possessive inside the phrase is someone else
        if key is not None and not (table.doc[i].dep_ == "poss" and table.doc[i].pos_ == "PRON"):
            rank = {"PERSON": 0, "ORG": 1, "UNNAMED": 2, "GPE": 3}.get(table.kind(key), 4)
            ranked.append((rank, abs(i - token.i), key))
    if ranked and min(ranked)[0] < 3:
        best = min(ranked)
        modifier_only = all(
            table.doc[i].dep_ == "compound" for i in range(left, right) if table.token_actor.get(i) == best[2]
        )
        indefinite = table.doc[left].lower_ in ("a", "an") and token.pos_ == "NOUN"
        if modifier_only and indefinite:  # "A Telegram channel linked to ...": a source, not Telegram
            return unnamed_source(table, token)
        person_role = (
            _is_role(token) and token.lower_ not in lexicon().org_heads and token.i not in table.token_actor
        )
        in_of_phrase = table.kind(best[2]) != "PERSON" and all(
            any(a.dep_ == "prep" and a.head.i == token.i for a in table.doc[i].ancestors)
            for i in range(left, right)
            if table.token_actor.get(i) == best[2]
        )
        if person_role and (table.kind(best[2]) == "ORG" or in_of_phrase):
            # "A former chief financial officer of St. Brendan's Medical Center": a person, not the hospital
            return unnamed_source(table, token)
        return best[2]
    if token.pos_ in ("NOUN", "PROPN"):
        # "the opposition leader of being a US puppet": the role noun, not a country inside its modifiers
        nominal = (
            _nominal_actor(table, token) if token.lower_ in lexicon().org_heads or _is_role(token) else None
        )
        if nominal is not None:
            return nominal
    unlinked_name = token.pos_ == "PROPN" and token.i not in table.token_actor
    if ranked and unlinked_name and token.idx >= table.body_start:
        return _proper_actor(table, token)  # "Evans Njoroge, Malawi's envoy": not the country in the aside
    if ranked:
        return min(ranked)[2]
    if token.pos_ == "PROPN" and token.idx >= table.body_start:
        return _proper_actor(table, token)
    if token.pos_ == "PRON":
        key = resolve_pronoun(table, token)
        if key is not None and record_pronoun:
            table.add(key, table.name(key), table.kind(key), token.i, token.i + 1)
        return key
    return _nominal_actor(table, token)


def add_pronoun_mentions(table: ActorTable) -> None:
    """Personal pronouns in the body resolved to the person they most likely refer to."""
    for tok in table.doc:
        if tok.idx >= table.body_start and tok.lower_ in _PERSONAL and tok.i not in table.token_actor:
            key = _recent_actor(table, tok.i, ("PERSON",))
            if key is not None:
                table.add(key, table.name(key), "PERSON", tok.i, tok.i + 1)
