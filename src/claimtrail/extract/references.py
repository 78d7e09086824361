"""Resolving a noun phrase to the actor it stands for: names NER missed, pronouns, role nouns, sources.

`find_actors` is the actors stage: the named actors of `actors.find_named_actors`, plus organisations named
by their field ("the Dutch agriculture ministry"). Quotes and claims then call `resolve_np` on speakers and
targets, which adds mentions to the table as it resolves them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.actors import (
    COMPANY_SUFFIXES,
    FOREIGN_PRESS_WORDS,
    MASTHEAD_WORDS,
    PRESS_NOUNS,
    ActorEntry,
    ActorTable,
    add_person_titles,
    affiliation_of,
    country_of_place,
    ends_in_country,
    find_named_actors,
    full_affiliations,
    hyphenated,
    is_company_word,
    is_given_name,
    is_role,
    link_org,
    name_tail_end,
    names_an_organisation,
    occupation_before_name,
    strip_determiner,
)
from claimtrail.extract.coref import pronoun_antecedent, surname_antecedent
from claimtrail.extract.descriptions import (
    BODY_NOUNS,
    age_antecedent,
    already_called,
    called_by,
    company_in_title,
    company_named_later,
    conjoined_people,
    description_antecedent,
    earlier_unnamed,
    introduced_later,
    is_public_body,
    leading_verb,
    named_next,
    official_named_later,
    organisation_named_later,
    organising_committee,
)
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.sentences import lower_forms, lower_lemmas, paragraph_end, sentence, text_of
from claimtrail.models import ActorKind

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


def find_actors(
    doc: Doc, body_start: int = 0, place: str | None = None, outlets: tuple[str, ...] = ()
) -> ActorTable:
    """The actors stage: named actors, then organisations named by their field. `place` and `outlets`
    are the dateline's."""
    table = find_named_actors(doc, body_start, outlets, place)
    table.home_country = country_of_place(place)
    _register_field_organisations(table)
    _field_names_named(table)
    _register_national_forces(table)
    _name_un_agencies(table)
    _affiliations_from_titles(table)
    full_affiliations(table)
    _register_role_subjects(table)
    return table


def _register_role_subjects(table: ActorTable) -> None:
    """'The minister rejected that. He said ...': a subject named by a person's title is a mention of that
    person, so a pronoun after it finds them (not the last speaker quoted)."""
    doc = table.doc
    roles = lexicon().role_nouns
    for i, (low, lemma) in enumerate(zip(lower_forms(doc), lower_lemmas(doc), strict=True)):
        if (
            low not in roles
            and lemma not in roles
            and not low.endswith(("ician", "ologist", "iatrist", "ist"))
        ):
            continue  # cheap test on the word first: is_role needs a Token
        token = doc[i]
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN" or token.i in table.token_actor:
            continue
        if token.idx < table.body_start or not is_role(token) or token.lower_ in lexicon().org_heads:
            continue
        if (
            not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            or len(list(token.children)) > 1
        ):
            continue
        if _inside_quote_marks(doc, token):  # '"The minister knows why," she said': not the antecedent
            continue
        key = _role_reference(table, token)
        if key is not None and table.kind(key) == "PERSON":
            table.add(key, table.name(key), "PERSON", token.i - 1, token.i + 1)


def _inside_quote_marks(doc: Doc, token: Token) -> bool:
    text = doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    before = text[start : token.idx]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _affiliations_from_titles(table: ActorTable) -> None:
    """The organisation a person's title names: "Rovers' sporting director", 'Its spokeswoman' (the
    company just named), "The company's attorney", 'NorthPost spokesman', 'Lyon president'. A state named
    in the title stays first ('Russian Ambassador'); a country merely in the same sentence does not."""
    doc = table.doc
    for key, spans in table.title_spans.items():
        entry = table.entries.get(key)
        if entry is None or (entry.affiliation is not None and key not in table.guessed_affiliation):
            continue
        found = next((org for s, e in spans if (org := _organisation_in(table, doc[s:e])) is not None), None)
        if found is not None:
            entry.affiliation = found
            table.guessed_affiliation.discard(key)
    for entry in table.entries.values():
        if entry.kind == "PERSON" and entry.affiliation is None:
            entry.affiliation = _organisation_led(table, entry)


def _organisation_led(table: ActorTable, entry: ActorEntry) -> str | None:
    """ "Anne-Marie Douat, who heads the Libourne Winegrowers' Federation": the organisation she leads."""
    doc = table.doc
    for start, end in entry.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = leading_verb(doc, span.end) if span is not None else None
        if verb is None:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            key = next((table.token_actor[t.i] for t in obj.subtree if t.i in table.token_actor), None)
            if key is None and obj.pos_ == "NOUN" and any(d.lower_ == "the" for d in obj.children):
                key = _role_reference(table, obj)  # "who coordinates the alliance": the alliance named before
            if key is not None and table.kind(key) == "ORG":
                return table.name(key)
    return None


def _organisation_in(table: ActorTable, title: Span) -> str | None:
    for tok in title:
        possessor = tok.dep_ == "poss" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS")
        if possessor:
            key = resolve_pronoun(table, tok) if tok.pos_ == "PRON" else table.actor_of_name(tok)
            key = key or _organisation_called(table, tok.text)  # "The Ledger's editor": Lusaka Ledger
            if key is None and tok.pos_ == "NOUN" and any(d.lower_ == "the" for d in tok.children):
                key = _role_reference(table, tok)  # "the cooperative's president"
            if key is not None and table.kind(key) == "ORG":
                return table.name(key)
        elif tok.is_lower and (company := company_in_title(table, tok)) is not None:
            return table.name(company)  # "company secretary Rina Wulandari"
        elif tok.ent_type_ == "ORG" and not is_role(tok):
            ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
            words = {t.lower_ for t in ent}
            # a state's body ('Foreign Ministry spokesman') speaks for the state, left to the state rules;
            # a fragment NER cut ('Vermont Agency of') names nothing
            cut = ent.start > 0 and tok.doc[ent.start - 1].lower_ in ("of", "for", "and", "&")
            whole = ent[-1].pos_ == "PROPN" and ent.start >= title.start and ent.end <= title.end and not cut
            if whole and not words & _STATE_BODY_WORDS:
                return strip_determiner(ent.text)
    return None


def _organisation_called(table: ActorTable, word: str) -> str | None:
    """The one organisation named `word` or whose name ends with it."""
    found = [
        e.key
        for e in table.entries.values()
        if e.kind == "ORG" and (e.name == word or e.name.endswith(" " + word))
    ]
    return found[0] if len(found) == 1 else None


_STATE_BODY_WORDS = frozenset(
    {"ministry", "department", "interior", "affairs", "commission", "office", "foreign", "state", "treasury"}
)


# "the U.N. refugee agency" is the agency the story names later by its acronym or name
_UN_AGENCIES = {
    "refugee": ("UNHCR", "U.N. High Commissioner for Refugees", "UN High Commissioner for Refugees"),
    "children's": ("UNICEF",),
    "health": ("WHO", "World Health Organization"),
    "food": ("WFP", "World Food Programme", "World Food Program"),
    "nuclear": ("IAEA", "International Atomic Energy Agency"),
    "migration": ("IOM", "International Organization for Migration"),
    "cultural": ("UNESCO",),
    "labour": ("ILO", "International Labour Organization"),
}
_UN_NAMES = frozenset({"U.N.", "UN", "United Nations"})


def _name_un_agencies(table: ActorTable) -> None:
    for key, entry in list(table.entries.items()):
        if entry.kind != "ORG" or entry.name not in _UN_NAMES:
            continue
        field = next((t.split()[0].lower() for t in entry.titles if t.lower().endswith(" agency")), None)
        names = _UN_AGENCIES.get(field or "", ())
        target = next((k for k, e in table.entries.items() if e.kind == "ORG" and e.name in names), None)
        if target is not None:
            table.entries[target].titles.extend(
                t for t in entry.titles if t not in table.entries[target].titles
            )
            table.relink(key, target)


_FORCES = frozenset({"army", "military", "navy", "police", "coastguard"})


def _register_national_forces(table: ActorTable) -> None:
    """'The Colombian army rejected ...' names an organisation later called 'the army', before any quote
    resolves it."""
    for i, low in enumerate(lower_forms(table.doc)):
        if low not in _FORCES or i in table.token_actor:
            continue
        tok = table.doc[i]
        if tok.idx < table.body_start:
            continue
        if any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in tok.children):
            _nominal_actor(table, tok)


_GENERIC_HEADS = frozenset({"agency", "office", "body", "authority", "service", "department"})


def _field_names_named(table: ActorTable) -> None:
    """ "Zambia's national examinations authority" and later "the Zambia Schools Examinations Authority":
    a body named by its field is the one organisation whose name holds all its words."""
    orgs = [e for e in table.entries.values() if e.kind == "ORG"]
    for entry in [e for e in orgs if e.name.islower()]:
        # its field words; a generic head ('the federal waterways agency') may be named otherwise ('Office')
        words = (
            {w.rstrip("s") for w in entry.name.split()} - {"national", "state", "federal"} - _GENERIC_HEADS
        )
        named = [
            o
            for o in orgs
            if not o.name.islower() and words <= {w.lower().rstrip("s") for w in o.name.split()}
        ]
        if len(named) == 1 and entry.key in table.entries:
            table.relink(entry.key, named[0].key)


def _register_field_organisations(table: ActorTable) -> None:
    """'The Dutch agriculture ministry confirmed ...' names an organisation later called 'the ministry'."""
    for i, low in enumerate(lower_forms(table.doc)):
        if low not in _NAMED_BY_FIELD:
            continue
        tok = table.doc[i]
        if tok.idx < table.body_start or tok.i in table.token_actor:
            continue
        # "the Reuters news agency" is Reuters; "Saudi Arabia's energy ministry" is a ministry of its own
        named = any(
            t.i in table.title_tokens
            or t.ent_type_ == "ORG"
            or table.token_actor.get(t.i, "").startswith("ORG:")
            for t in tok.lefts
            if t.dep_ != "poss"
        )
        called = next(
            (k for c in tok.rights if c.dep_ == "appos" and (k := table.token_actor.get(c.i)) is not None),
            None,
        )
        if called is not None and table.kind(called) == "ORG":  # "France's fraud-control agency, the DGCCRF,"
            left, _ = _np_bounds(tok)
            table.add(called, table.name(called), "ORG", left, tok.i + 1)
            table.add_title(called, table.doc[left : tok.i + 1].text)
            entry = table.entries[called]
            entry.affiliation = entry.affiliation or affiliation_of(table, left, tok.i)
        elif not named and any(_is_field_word(c) for c in tok.lefts):
            _nominal_actor(table, tok)


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
            # "a former contractor who has worked ... in Syria": the aside's relative clause is not the source
            right = max(right, _edge_without_clauses(child))
            continue
        if appos and child.text == ",":
            continue
        if child.dep_ in ("relcl", "acl", "ccomp", "punct", "appos", "cc", "conj") or child.is_space:
            break
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            break  # "the opposition leader of being a US puppet": the gerund is the accusation
        if _is_date_phrase(child):
            break  # "Organisers of the Games on Thursday denied": the date is the verb's, not the source's
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
        if child.dep_ in ("relcl", "acl", "appos", "punct") or child.is_space or _is_date_phrase(child):
            break
        right = max(right, _edge_without_clauses(child))
    return right


def _is_date_phrase(token: Token) -> bool:
    """'on Thursday' hung on a noun: the date of the act, not part of who acted."""
    return token.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in token.children)


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
    name = strip_determiner(span.text)
    return table.add(f"GROUP:{name.lower()}", name, "GPE" if first.ent_type_ == "GPE" else "ORG", left, right)


_OUTLET_NOUNS = frozenset(
    {
        "paper",
        "newspaper",
        "daily",
        "tabloid",
        "magazine",
        "weekly",
        "monthly",
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


def _called_press(entry: ActorEntry) -> bool:
    return any(
        text.lower().split()[-1:] == [noun] for text in entry.mentions.values() for noun in PRESS_NOUNS
    )


_EDITION_WORDS = frozenset({"daily", "weekly", "sunday", "evening", "morning"})
_BROADCAST_WORDS = frozenset({"radio", "tv", "television"})
# last and first words of an outlet's name: "Puget Sound Tribune"; "Daily Clarion", "Gazeta de Nord"
_MASTHEAD_ENDINGS = MASTHEAD_WORDS | _BROADCAST_WORDS
_MASTHEAD_OPENINGS = _EDITION_WORDS | _BROADCAST_WORDS | FOREIGN_PRESS_WORDS


def is_outlet(entry: ActorEntry) -> bool:
    """A news outlet: a known one, one titled as such, or a masthead name ('Puget Sound Tribune')."""
    words = set(" ".join(entry.titles).lower().split())
    words_of_name = entry.name.lower().split()
    masthead = entry.kind == "ORG" and (
        words_of_name[-1] in _MASTHEAD_ENDINGS or words_of_name[0] in _MASTHEAD_OPENINGS
    )
    known = entry.name in lexicon().outlets or entry.credited
    return known or bool(words & _OUTLET_NOUNS) or masthead or _called_press(entry)


def _role_reference(table: ActorTable, token: Token, skip: str | None = None) -> str | None:
    """'the minister', 'the ministry', 'the company': the last actor whose name or title has that noun
    (other than `skip`)."""
    noun = token.lower_
    for key in sorted(table.entries, key=lambda k: -table.entries[k].first):
        entry = table.entries[key]
        if entry.first >= token.idx or key == skip:
            continue
        # a person's title answers by its head ("the president" -> "Union president"; "the union" does not)
        titles = [_title_head(t) for t in entry.titles] if entry.kind == "PERSON" else entry.titles
        if entry.kind == "UNNAMED" and entry.name.lower().split()[-1:] != [noun]:
            continue  # "a newspaper report" is a report: "the newspaper" is not it
        if called_by(noun, " ".join([entry.name, *titles])):
            return key
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:  # "the ministry's press service": the ministry; "the port's operator": not known
        return table.token_actor.get(owner.i) or (
            resolve_pronoun(table, owner) if owner.pos_ == "PRON" else None
        )
    if noun in _COMPANY_NOUNS:
        company = _last_company(table, token)
        if company is not None:
            return company
    if noun in lexicon().org_heads and noun not in _GOVERNMENT_NOUNS:
        orgs = [e for e in table.entries.values() if e.kind == "ORG" and e.first < token.idx]
        # "the paper" means the last outlet named; "the company" the last organisation that is not one
        outlet_like = [e for e in orgs if is_outlet(e)]
        others = [e for e in orgs if not is_outlet(e)]
        if noun in _PRINT_NOUNS:  # "the newspaper" is no news agency ("told Nordvik Wire")
            papers = [e for e in outlet_like if not _is_agency(e)] or [e for e in orgs if _reported(table, e)]
            # "the student newspaper" describes a paper of its own, not the university named before
            described = any(c.dep_ in ("compound", "amod") for c in token.children)
            unknown = [] if described else [e for e in orgs if not _known_company(e) and not _is_agency(e)]
            orgs = papers or unknown or outlet_like
        elif noun in _OUTLET_NOUNS:  # the last outlet, or an organisation not known as a business
            orgs = outlet_like or [e for e in orgs if not _known_company(e)]
        elif noun in lexicon().company_nouns | _GENERIC_ORG_NOUNS:
            orgs = others  # "the company" is no newspaper
        elif noun == "agency":  # "according to the agency" after the Maine Center for Disease Control
            orgs = [e for e in others if is_public_body(e) and not _known_company(e)]
        else:  # "the regulator" is not the airline named before it, "the county board" not the union
            orgs = []
        if orgs:
            return max(orgs, key=lambda e: e.first).key
    return None


_COMPANY_NOUNS = frozenset({"company", "firm"})
_PRINT_NOUNS = frozenset({"paper", "newspaper", "daily", "tabloid", "weekly", "magazine"})
_AGENCY_WORDS = frozenset({"wire", "agency", "newswire"})


def _reported(table: ActorTable, entry: ActorEntry) -> bool:
    """An organisation that reported or published something: a news outlet by what it does."""
    for start, end in entry.mentions:
        span = table.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in ("report", "publish"):
            return True
    return False


def _is_agency(entry: ActorEntry) -> bool:
    """A wire service or another agency: a dateline agency ('Reuters', 'AAP'), or a name or title ending in
    'Wire' or 'agency' ("France's fraud-control agency" is no newspaper either)."""
    lasts = {words[-1] for words in (t.lower().split() for t in (entry.name, *entry.titles)) if words}
    return entry.name.lower() in lexicon().dateline_agencies or bool(lasts & _AGENCY_WORDS)


_GENERIC_ORG_NOUNS = frozenset({"group", "organization", "organisation", "corporation", "business"})


def _known_company(entry: ActorEntry) -> bool:
    """An organisation the article presents as a business: 'regional airline Nordflug', 'Acme Co.'."""
    suffix = entry.name.lower().split()[-1] if entry.name.split() else ""
    heads = [t.lower().split()[-1] for t in entry.titles if t.split()]
    titled = any(head in lexicon().company_nouns for head in heads)
    return suffix.rstrip(".") in COMPANY_SUFFIXES or titled


def _title_head(title: str) -> str:
    """'Minister of Finance' -> 'Minister'; 'Union president' -> 'president'."""
    words = title.split(" of ", maxsplit=1)[0].split()
    return words[-1] if words else title


def _last_company(table: ActorTable, token: Token) -> str | None:
    """'the company': the organisation last mentioned before it that is not another kind of body
    (a union, a ministry, a regulator) and not a news outlet."""
    called = already_called(table, token)  # the organisation the article already called so
    if called is not None:
        return called
    heads = lexicon().org_heads - _COMPANY_NOUNS - {"group", "corporation", "maker", "operator"}
    best: tuple[int, str] | None = None
    for i, key in table.token_actor.items():
        entry = table.entries[key]
        if i >= token.i or entry.kind != "ORG" or is_outlet(entry):
            continue
        if set(entry.name.lower().split()) & heads:
            continue
        if best is None or i > best[0]:
            best = (i, key)
    return best[1] if best else None


def _person_with_title(table: ActorTable, phrase: Span) -> str | None:
    """The one person whose title has every word of a role phrase ('health minister'), before or after it."""
    words = {
        t.lower_
        for t in phrase
        if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.ent_type_ not in ("GPE", "NORP") and t.dep_ != "poss"
    }
    if len(words) < 2:  # a bare "the minister" is left to the role reference, which looks backwards only
        return None
    found = [
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON" and any(words <= set(title.lower().split()) for title in e.titles)
    ]
    return found[0] if len(found) == 1 else None


def _office_of_role(table: ActorTable, token: Token, left: int) -> str | None:
    """'the attorney general's office', "the Texas attorney general's office", "the prime minister's
    office": the office of a post no person holds in the article is an organisation, named as written."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    # a plural owner is a membership ("the nurses' union"), not a post
    if token.lower_ not in lexicon().org_heads or owner is None or not is_role(owner) or owner.tag_ != "NN":
        return None
    if table.token_actor.get(owner.i) is not None:  # "Minister Ruiz's office" speaks for Ruiz's side
        return None
    doc = table.doc
    start = next((t.i for t in doc[left : token.i] if t.pos_ != "DET"), token.i)
    name = doc[start : token.i + 1].text
    key, name = link_org(table, f"ORG:{name.lower()}", name)
    key = table.add(key, name, "ORG", start, token.i + 1)
    entry = table.entries[key]
    entry.affiliation = entry.affiliation or affiliation_of(table, start, token.i)
    return key


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
    # "Southwestern Plains University" (a name NER missed) has no determiner
    name_only = all(t.is_title and t.dep_ != "poss" and t.tag_ != "POS" for t in doc[left : token.i + 1])
    determiner = doc[left].lower_ if left < token.i and not name_only else ""
    has_proper = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.is_title for t in doc[left + 1 : token.i])
    titled = _person_with_title(table, doc[left : token.i + 1]) if is_role(token) else None
    if titled is not None:  # "Wales' health minister" -> the person titled "Health Minister"
        table.add(titled, table.name(titled), "PERSON", left, right)
        return titled
    if determiner == "the" and not has_proper and token.pos_ == "NOUN":  # "the mission", "the registry"
        linked = _role_reference(table, token)
        if linked is not None:
            table.add(linked, table.name(linked), table.kind(linked), left, right)
            return linked
    if (
        left == token.i and token.lower_ in lex.org_heads
    ):  # bare "police said" -> "Springfield Police Department"
        named = [  # "Philippine police said ... police" is the one police force, named or described
            e
            for e in table.entries.values()
            if e.kind in ("ORG", "UNNAMED") and token.lower_ in e.name.lower().split() and e.first < token.idx
        ]
        if len(named) == 1:
            return table.add(named[0].key, named[0].name, "ORG", left, right)
    office = _office_of_role(table, token, left)
    if office is not None:
        return office
    if token.lower_ in lex.org_heads and token.lower_ in _NAMED_BY_FIELD:
        field_words = [t for t in doc[left : token.i] if _is_field_word(t)]
        if field_words:  # "Saudi Arabia's energy ministry": named by its field
            name = " ".join([*(t.text.lower() for t in field_words), token.lower_])
            key = table.add(f"ORG:{name}", name, "ORG", field_words[0].i, token.i + 1)
            entry = table.entries[key]
            entry.affiliation = entry.affiliation or affiliation_of(table, left, token.i)
            return key
    if token.lower_ in lex.org_heads:
        proper = (
            [  # a sentence-initial "The" is title-cased, not a name
                t
                for t in doc[left : token.i]
                if t.pos_ != "DET" and (t.ent_type_ in ("NORP", "GPE", "ORG") or t.is_title)
            ]
            or ([token] if token.pos_ == "PROPN" and token.is_title else [])
        )  # "The Kremlin"
        if proper and determiner in ("the", ""):
            # "The Northern Star newspaper": the paper is the Northern Star, 'newspaper' what it is
            masthead = token.is_lower and token.lower_ in PRESS_NOUNS and proper[-1].i == token.i - 1
            end = token.i if masthead else name_tail_end(doc, _seat_end(token) + 1)
            name = strip_determiner(doc[proper[0].i : end].text)
            key, name = link_org(table, f"ORG:{name.lower()}", name)  # "(USADA)" seen before its full name
            key = table.add(key, name, "ORG", left, right)
            if masthead:
                table.add_title(key, token.text)
            modifiers = [
                t for t in doc[left : token.i] if t not in proper and t.pos_ not in ("DET", "PART", "PUNCT")
            ]
            if modifiers:
                first, last = modifiers[0].i, modifiers[-1].i + 1
                table.add_title(key, doc[first:last].text)
            entry = table.entries[key]
            entry.affiliation = entry.affiliation or affiliation_of(table, left, token.i)
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
    first = left
    while left < token.i and (
        doc[left].lower_ in lexicon().role_nouns or occupation_before_name(doc[left].text, doc[left + 1].text)
    ):
        left += 1  # "Governor Mwila Chanda", "Lobsterman Caleb Ames": the title is no part of the name
    given = next((i for i in range(left, token.i) if is_given_name(doc[i].text)), None)
    if given is not None and given > left and token.i - given <= 2:
        left = given  # "Secretary of State for Infrastructure Ricardo Valente": the name starts at Ricardo
    last = name_tail_end(doc, token.i + 1)  # "The Commission for the Prevention of Corruption said"
    words = [t.text for t in doc[left:last]]
    name = " ".join(words)
    lex = lexicon()
    seat = next((n for n in (name, f"The {name}") if n in lex.seats and n not in lex.offices), None)
    if seat is not None:  # "The Hague said": the state whose government sits there
        state = lex.seats[seat]
        start = left - 1 if seat != name and left > 0 and doc[left - 1].lower_ == "the" else left
        return table.add(f"GPE:{state}", state, "GPE", start, token.i + 1)
    if len(words) == 1 and name in table._persons_by_last:
        key = table._persons_by_last[name]
        return table.add(key, table.name(key), "PERSON", left, token.i + 1)
    for key, entry in table.entries.items():
        prefix = entry.kind == "ORG" and entry.name.startswith(name + " ")  # "Calder" -> "Calder Pharma"
        if entry.name == name or entry.name.endswith(" " + name) or prefix:
            return table.add(key, entry.name, entry.kind, left, token.i + 1)
        if entry.kind == "ORG" and name.startswith(entry.name + " "):  # "Ironwood Records" after "Ironwood"
            return table.add(key, name, "ORG", left, last)
        if entry.kind == "PERSON" and " " not in entry.name and name.endswith(" " + entry.name):
            return table.add(key, name, "PERSON", left, last)  # "Carolina Fuentes" and a lone "Fuentes"
    lowered = {w.lower() for w in words}
    after_the = left > 0 and doc[left - 1].lower_ == "the"  # "The Frankfurter Tagespost reported"
    is_org = bool(lowered & (_ORG_SUFFIXES | lexicon().org_heads)) or len(words) == 1 or after_the
    is_org = is_org or names_an_organisation(doc[left : token.i + 1]) or ends_in_country(words)
    kind: ActorKind = "ORG" if is_org else "PERSON"
    misread = {i: table.token_actor[i] for i in range(left, last) if i in table.token_actor}
    key = table.add(f"{kind}:{name.lower()}", name, kind, left, last)
    if left > first:
        table.add_title(key, doc[first:left].text)
    _drop_mentions_inside(table, misread)  # "Mwila" read as a place inside "Mwila Chanda"
    if kind == "PERSON":
        table._persons_by_last.setdefault(words[-1], key)
        # "Alistair Tierney, the Defence Department's deputy secretary": the title NER could not give
        add_person_titles(table, doc[left : token.i + 1], key)
    return key


def _drop_mentions_inside(table: ActorTable, misread: dict[int, str]) -> None:
    """Forget the mentions NER gave to words of a name found since; an actor left without any goes."""
    doc = table.doc
    for i, old in misread.items():
        entry = table.entries.get(old)
        if entry is None or table.token_actor.get(i) == old:
            continue
        for span in [s for s in entry.mentions if s[0] <= doc[i].idx < s[1]]:
            del entry.mentions[span]
        if not entry.mentions and old not in table.speakers.values():
            del table.entries[old]


_AGE_APPOSITION = re.compile(r",\s+\d{1,3},")
_PERSON_WORDS = frozenset({"man", "woman", "boy", "girl", "resident", "driver", "teenager"})


def _named_next(table: ActorTable, token: Token, left: int) -> str | None:
    """'A former chief financial officer of X pleaded not guilty ... Federal prosecutors say Richard Sloane,
    58, ...': the wire lede's unnamed person is the one the next paragraph introduces with an age."""
    doc = table.doc
    single = token.tag_ == "NN" and doc[left].lower_ in ("a", "an")
    if not single or not (is_role(token) or token.lower_ in _PERSON_WORDS):
        return None
    text = text_of(doc)
    lede_end = paragraph_end(doc, token.idx)
    if text.rfind("\n\n", 0, token.idx) > table.body_start:  # only the lede is written this way
        return None
    window = paragraph_end(doc, lede_end + 2)
    found = {
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON"
        and e.first > lede_end
        and any(lede_end < s < window and _AGE_APPOSITION.match(text, end) for s, end in e.mentions)
    }
    return found.pop() if len(found) == 1 else None


def _company_named_right_after(table: ActorTable, token: Token) -> str | None:
    if not is_company_word(token):
        return None
    key = table.token_actor.get(token.i + 1)
    return key if key is not None and table.kind(key) == "ORG" else None


def unnamed_source(table: ActorTable, token: Token) -> str:
    """A source described, not named ('Organisers of the 2026 Winter Games'), as an UNNAMED actor."""
    left, right = _np_bounds(token)
    named = _named_next(table, token, left)
    if named is not None:
        return table.add(named, table.name(named), "PERSON", left, right)
    company = _company_named_right_after(table, token)
    if company is not None:  # "Online marketplace Bazaarly denied", the name misparsed off the noun
        return table.add(company, table.name(company), "ORG", left, right)
    text = table.doc[left:right].text
    if _named_like_an_organisation(table.doc[left:right], token):
        return _organisation_around(table, left, right)
    if table.doc[left].lower_ == "the" and (same := earlier_unnamed(table, token)) is not None:
        return same
    return table.add(f"UNNAMED:{text.lower()}", text, "UNNAMED", left, right)


_NAME_LINKS = frozenset({"of", "the", "for", "and", "&", "de", "du", "la"})


def _organisation_around(table: ActorTable, left: int, right: int) -> str:
    """The organisation a whole phrase names; a place NER found inside it ('Alder Brook' in 'Friends of
    Alder Brook') gives up that mention and the titles it took from the phrase's apposition."""
    doc = table.doc
    name = strip_determiner(doc[left:right].text)
    inner = {table.token_actor[i] for i in range(left, right) if i in table.token_actor}
    key = table.add(f"ORG:{name.lower()}", name, "ORG", left, right)
    for old in inner - {key}:
        entry = table.entries.get(old)
        if entry is None:
            continue
        moved = [t for t in entry.titles if t not in name and t not in table.entries[key].titles]
        table.entries[key].titles.extend(moved)  # not 'Friends of', a piece of the name itself
        entry.titles.clear()
        inside = [
            m for m in entry.mentions if doc[left].idx <= m[0] < doc[right - 1].idx + len(doc[right - 1])
        ]
        for span in inside:
            del entry.mentions[span]
    return key


def _named_like_an_organisation(phrase: Span, head: Token) -> bool:
    """ "Friends of Alder Brook, the neighbors' group that brought the appeal,": a capitalised name that an
    apposition calls an organisation, though its head is a common noun."""
    words = [t for t in phrase if t.is_alpha]
    capitalised = all(t.is_title or t.lower_ in _NAME_LINKS for t in words) and len(words) >= 2
    groups = lexicon().org_heads | {"association", "coalition", "charity"}
    described = any(  # the parser may hang the apposition on the name's last word
        c.dep_ == "appos" and c.lower_ in groups for t in (head, phrase[-1]) for c in t.children
    )
    return capitalised and described


def resolve_pronoun(table: ActorTable, token: Token) -> str | None:
    return pronoun_antecedent(table, token)  # salience and agreement: see claimtrail.extract.coref


_POSTED = frozenset({"embassy", "consulate", "mission"})
_COUNSEL = re.compile(
    r"^(?P<client>.+?)['’]s? (?:lawyer|attorney|counsel|solicitor|barrister)$", re.IGNORECASE
)


def _seat_end(head: Token) -> int:
    """'the Russian embassy in London': an embassy is named with where it sits; other bodies are not."""
    if head.lower_ not in _POSTED:
        return head.i
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    place = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return place.i if place is not None and place.ent_type_ == "GPE" else head.i


def _client_of(table: ActorTable, token: Token) -> str | None:
    """'her client' in the words of "Sloane's lawyer, Beth Kaminski": Sloane."""
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if token.lemma_.lower() != "client" or poss is None:
        return None
    lawyer = resolve_pronoun(table, poss) if poss.pos_ == "PRON" else table.token_actor.get(poss.i)
    if lawyer is None:
        return None
    for title in table.entries[lawyer].titles:
        match = _COUNSEL.match(title)
        if match is None:
            continue
        client = match.group("client").split()[-1].lower()
        named = [
            e.key
            for e in table.entries.values()
            if e.kind == "PERSON" and e.name.lower().split()[-1] == client
        ]
        if len(named) == 1:
            return named[0]
    return None


def _surname_alone(table: ActorTable, token: Token, left: int) -> str | None:
    """'"...," Gaines said.' with Gaines tagged a common noun; 'Adeyemi-Cole said' read as three tokens: the
    person with that surname."""
    surname = table.actor_of_name(token) if token.i not in table.token_actor and token.is_title else None
    if surname is None or not (left == token.i or table.doc[left : token.i + 1].text == hyphenated(token)):
        return None
    return table.add(surname, table.name(surname), table.kind(surname), left, token.i + 1)


def _missed_name_before_apposition(table: ActorTable, token: Token, left: int, right: int) -> bool:
    """'Alistair Tierney, the Defence Department's deputy secretary, told': NER missed the name, and the
    only actors in the phrase are inside its apposition, so they describe the speaker, not name it."""
    doc = table.doc
    name_like = (
        token.pos_ == "PROPN"
        and token.i not in table.token_actor
        and token.idx >= table.body_start
        and token.i > 0
        and doc[token.i - 1].dep_ == "compound"
        and doc[token.i - 1].pos_ == "PROPN"
        and any(c.dep_ == "appos" for c in token.children)
    )
    return name_like and all(i > token.i for i in range(left, right) if i in table.token_actor)


def _ranked_candidates(table: ActorTable, token: Token, left: int, right: int) -> list[tuple[int, int, str]]:
    """The actors named inside the phrase: (kind rank, distance with penalties, key), best first by min."""
    ranked: list[tuple[int, int, str]] = []
    for i in range(left, right):
        key = table.token_actor.get(i)
        if key is not None and _person_as_place(table, i, token):
            continue
        # "Her spokesman, Pieter Vos": a possessive inside the phrase is someone else
        if key is not None and not (table.doc[i].dep_ == "poss" and table.doc[i].pos_ == "PRON"):
            rank = {"PERSON": 0, "ORG": 1, "UNNAMED": 2, "GPE": 3}.get(table.kind(key), 4)
            # "Carter's attorney, Paul Gaines": the possessor is the client, not the speaker
            # ... and so is "Malawi" in "The chair of the group, Malawi's Evans Njoroge,"
            possessor = table.doc[i].dep_ == "poss" or any(
                a.dep_ == "poss" for a in [table.doc[i], *table.doc[i].ancestors] if a.i < token.i
            )
            # "The attorney general of West Virginia, Patrick Morrow": the apposition, not the of-phrase
            in_prep = any(a.dep_ == "prep" and a.head.i == token.i for a in table.doc[i].ancestors)
            if i == token.i and token.pos_ == "PROPN" and rank in (0, 1):
                rank = -1  # "Civic Progress, the junior partner in X's coalition,": the name itself
            ranked.append((rank, abs(i - token.i) + (100 if possessor else 0) + (50 if in_prep else 0), key))
    return ranked


# bodies named after a person: "the Kowalczyk campaign", "the Lindqvist camp", "the Smith family"
_PERSONAL_BODIES = frozenset({"campaign", "camp", "family", "foundation", "team"})


def _personal_body(table: ActorTable, token: Token, person: str, left: int, right: int) -> str:
    """'The Kowalczyk campaign denied ...': the campaign speaks, an organisation named after the person."""
    surname = table.name(person).split()[-1]
    name = f"{surname} {token.lower_}"
    key = table.add(f"ORG:{name.lower()}", name, "ORG", left, right)
    for i in range(left, right):  # the person's name inside the phrase is now the campaign's
        table.token_actor[i] = key
    entry = table.entries[person]
    start, end = table.doc[left].idx, table.doc[right - 1].idx + len(table.doc[right - 1])
    entry.mentions = {span: text for span, text in entry.mentions.items() if not start <= span[0] < end}
    if not entry.mentions:  # named nowhere else: no person of its own ('Dana Kowalczyk' may come later)
        table.entries.pop(person)
        table._persons_by_last = {k: v for k, v in table._persons_by_last.items() if v != person}
    return key


def resolve_np(table: ActorTable, token: Token, *, record_pronoun: bool = True) -> str | None:
    """The actor a noun phrase headed by `token` stands for, adding mentions as it goes."""
    group = _group_of_conjuncts(table, token) or conjoined_people(table, token)
    if group is not None:
        return group
    client = _client_of(table, token)
    if client is not None:
        left, right = _np_bounds(token)
        return table.add(client, table.name(client), "PERSON", left, right)
    namesake = surname_antecedent(table, token)
    if namesake is not None and namesake != table.token_actor.get(token.i):
        return table.move_mention(token, namesake)
    left, right = _np_bounds(token, appos=True)
    if token.is_title and _named_like_an_organisation(table.doc[left:right], token):
        return _organisation_around(table, left, right)  # "Friends of Alder Brook, the group that ..."
    surname = _surname_alone(table, token, left)
    if surname is not None:
        return surname
    aged = age_antecedent(table, token, left)
    if aged is not None:  # "The 22-year-old Hungarian said": the person, not Hungary
        return table.add(aged, table.name(aged), table.kind(aged), left, right)
    ranked = _ranked_candidates(table, token, left, right)
    if ranked and _missed_name_before_apposition(table, token, left, right):
        return _proper_actor(table, token)
    if ranked and min(ranked)[0] < 3:
        best = min(ranked)
        modifier_only = all(
            table.doc[i].dep_ == "compound" for i in range(left, right) if table.token_actor.get(i) == best[2]
        )
        indefinite = token.pos_ == "NOUN" and (table.doc[left].lower_ in ("a", "an") or token.tag_ == "NNS")
        # "A Telegram channel linked to ...", "NHS boards said": sources, not Telegram or the NHS
        if modifier_only and indefinite:
            return unnamed_source(table, token)
        if modifier_only and token.lower_ in _PERSONAL_BODIES and table.kind(best[2]) == "PERSON":
            return _personal_body(table, token, best[2], left, right)
        person_role = (
            is_role(token) and token.lower_ not in lexicon().org_heads and token.i not in table.token_actor
        )
        # "Ambassador in Caracas Vladimir Zaemsky": the role is the title of the name after it
        titled = token.is_title and token.tag_ in ("NN", "NNP") and table.kind(best[2]) == "PERSON"
        in_of_phrase = not titled and all(
            any(a.dep_ == "prep" and a.head.i == token.i for a in table.doc[i].ancestors)
            for i in range(left, right)
            if table.token_actor.get(i) == best[2]
        )
        lex = lexicon()
        if indefinite and in_of_phrase and token.lower_ in lex.org_heads | lex.company_nouns:
            return unnamed_source(table, token)  # "A wine cooperative near Saint-Emilion": not the town
        # "Hart's spokeswoman said": someone who works for Hart, not Hart
        possessed = person_role and best[1] >= 100 and table.kind(best[2]) == "PERSON"
        if person_role and (table.kind(best[2]) == "ORG" or in_of_phrase or possessed):
            # "A former chief financial officer of St. Brendan's Medical Center": a person, not the hospital;
            # "Residents of Gaza City": not the city; but "The President of France, Emmanuel Macron,"
            named = _appositive_person(table, token)
            return named if named is not None else unnamed_source(table, token)
        return best[2]
    office = _office_of_role(table, token, left) if not ranked else None
    if office is not None:
        return office
    described = description_antecedent(table, token, left, right) if token.pos_ == "NOUN" else None
    if described is not None:  # "the spokeswoman", "the company", "her client": see extract.descriptions
        table.add(described, table.name(described), table.kind(described), left, right)
        return described
    person = _described_person(table, token, named_inside=bool(ranked)) if _person_described(token) else None
    if person is not None:
        return person
    if token.pos_ in ("NOUN", "PROPN"):
        # "the opposition leader of being a US puppet": the role noun, not a country inside its modifiers
        nominal = (
            _nominal_actor(table, token) if token.lower_ in lexicon().org_heads or is_role(token) else None
        )
        if nominal is not None:
            return nominal
    if ranked and _sources_in_a_place(table, token, ranked):
        return unnamed_source(table, token)  # "Two shipping sources in Singapore", "residents of Leeds"
    unlinked_name = token.pos_ == "PROPN" and token.i not in table.token_actor
    if ranked and unlinked_name and token.idx >= table.body_start:
        return _proper_actor(table, token)  # "Evans Njoroge, Malawi's envoy": not the country in the aside
    if ranked:
        officer = _state_officer_named(table, token, left, right, min(ranked)[2])
        return officer or min(ranked)[2]
    if token.pos_ == "PROPN" and token.idx >= table.body_start:
        return _proper_actor(table, token)
    if token.pos_ == "PRON":
        key = resolve_pronoun(table, token)
        if key is not None and record_pronoun:
            table.add(key, table.name(key), table.kind(key), token.i, token.i + 1)
        return key
    return _nominal_actor(table, token)


def _sources_in_a_place(table: ActorTable, token: Token, ranked: list[tuple[int, int, str]]) -> bool:
    """'Two shipping sources in Singapore', 'One in five residents of West Yorkshire', 'A hospital trust in
    northern England': people or a body of a place, who do not speak for it (the place is only named in a
    phrase on the noun)."""
    lemma = token.lemma_.lower()
    # "A hospital trust in northern England": a body in a place, described, not the place
    # the article may hang on a plural owner: "A family doctors' practice in south Bristol"
    articles = [*token.children, *(g for c in token.children if c.dep_ == "poss" for g in c.children)]
    body_noun = lemma in lexicon().org_heads or lemma in BODY_NOUNS or lemma in lexicon().company_nouns
    described_body = body_noun and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in articles)
    if token.pos_ != "NOUN" or not (lemma in lexicon().unnamed_heads or described_body):
        return False
    named = {r[2] for r in ranked}
    places = [
        i for i in range(token.left_edge.i, token.right_edge.i + 1) if table.token_actor.get(i) in named
    ]
    return all(table.kind(key) == "GPE" for key in named) and all(
        any(
            a.dep_ == "prep" and a.head.i == token.i and a.lower_ in ("in", "of", "from")
            for a in table.doc[i].ancestors
        )
        for i in places
    )


def _state_officer_named(table: ActorTable, token: Token, left: int, right: int, state: str) -> str | None:
    """ "Portugal's finance minister said" speaks for Portugal, but is the person the article names with
    that title, or the person the next paragraph introduces when it is the lede's description."""
    owned = any(c.dep_ == "poss" and table.token_actor.get(c.i) == state for c in token.children)
    if table.kind(state) != "GPE" or not owned or not is_role(token) or token.tag_ != "NN":
        return None
    person = _person_with_title(table, table.doc[left : token.i + 1]) or introduced_later(table, token)
    if person is None:
        return None
    return table.add(person, table.name(person), "PERSON", left, right)


_STATE_ROLES = frozenset(
    {"minister", "president", "ambassador", "envoy", "premier", "chancellor", "king", "queen", "consul"}
)


def _described_person(table: ActorTable, token: Token, *, named_inside: bool) -> str | None:
    """A person described by a role: the name set off by commas ("The attorney general of West Virginia,
    Patrick Morrow," with the name parsed as the state's; "The skipper of the Karen Dahl, Henrik
    Lauridsen," where the ship is no actor), else, when the phrase names someone else, an unnamed source
    ("The losing candidate in Bogota's mayoral race": a person, not Colombia)."""
    named = _appositive_person(table, token)
    if named is not None:
        return named
    return unnamed_source(table, token) if named_inside else None


def _appositive_person(table: ActorTable, token: Token) -> str | None:
    """A person's name set off by commas anywhere in the phrase of a role noun, or an organisation's
    right after the role ("Nimbly's largest investor, Harbor Peak Ventures,")."""
    for child in token.subtree:
        key = table.token_actor.get(child.i)
        comma = child.left_edge.i > 0 and table.doc[child.left_edge.i - 1].text == ","
        if child.dep_ != "appos" or key is None or not comma:
            continue
        if table.kind(key) == "PERSON" or (table.kind(key) == "ORG" and child.head.i == token.i):
            return key
    return None


def _person_described(token: Token) -> bool:
    """People described by a role, whose places are modifiers ('Health ministers in Uganda and Zambia');
    but one state officer speaks for the state ("Russia's foreign minister")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or not is_role(token) or lemma in lexicon().org_heads:
        return False
    return token.tag_ == "NNS" or lemma not in _STATE_ROLES


def _person_as_place(table: ActorTable, i: int, head: Token) -> bool:
    """'The district court in Assen': a 'person' after a place preposition inside a phrase is a place."""
    token = table.doc[i]
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    prep = token.head
    place = token.dep_ == "pobj" and prep.lower_ in ("in", "at", "near", "from") and prep.head.i == head.i
    return place and head.pos_ == "NOUN" and table.kind(table.token_actor[i]) == "PERSON"


def add_pronoun_mentions(table: ActorTable) -> None:
    """Personal pronouns in the body resolved to the person they most likely refer to, and 'the
    commission', 'the council', 'the club' to the organisation named earlier with that word."""
    heads = lexicon().org_heads
    for i, low in enumerate(lower_forms(table.doc)):
        if low not in _PERSONAL and low not in heads:
            continue
        tok = table.doc[i]
        if tok.idx < table.body_start or tok.i in table.token_actor:
            continue
        if low in heads:
            _add_organisation_mention(table, tok)
            continue
        key = pronoun_antecedent(table, tok)
        if key is not None:
            table.add(key, table.name(key), table.kind(key), tok.i, tok.i + 1)


def _add_organisation_mention(table: ActorTable, tok: Token) -> None:
    """'the commission' after 'the European Commission': the one organisation named earlier whose name
    has the noun; nothing when none or several do, or when the phrase says more ('the county council')."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if (
        det is None
        or det.lower_ != "the"
        or tok.tag_ != "NN"
        or any(c.dep_ in ("amod", "compound") for c in tok.children)
    ):
        return
    named = [
        e
        for e in table.entries.values()
        if e.kind == "ORG"
        and e.first < tok.idx
        and re.search(rf"\b{re.escape(tok.lower_)}\b", e.name.lower())
    ]
    if len(named) == 1:
        table.add(named[0].key, named[0].name, "ORG", det.i, tok.i + 1)


def relative_antecedent(pronoun: Token) -> Token | None:
    """What a relative 'which' or 'that' subject stands for: the noun its clause hangs on, or the name that
    noun describes ('PharmaWatch Europe, a Brussels-based advocacy group, which said': PharmaWatch)."""
    clause = pronoun.head
    if pronoun.tag_ not in ("WDT", "WP") or clause.dep_ != "relcl" or clause.head.i == pronoun.i:
        return None
    noun = clause.head
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def resolve_speaker(table: ActorTable, token: Token) -> str | None:
    """Who a speech act is by: a resolved actor, else the source as described ('researchers said').

    A lede's description of a person the next paragraph names is that person (`introduced_later`).
    """
    antecedent = relative_antecedent(token)
    if antecedent is not None:
        return resolve_speaker(table, antecedent)
    key = _filer(table, token) if token.lemma_.lower() in _FILINGS else None
    if key is None and token.lower_ in _PUBLICATION_NOUNS:  # "The report, published by the Ledger, cited"
        key = _report_author(table, token)
        if key is None and not _made_for_someone(token):
            key = _publisher(table, token)
    key = key or resolve_np(table, token)
    if key is not None and table.name(key) == table.town and table.home_country and token.text == table.town:
        # "Sofia said" in a story datelined SOFIA: the capital speaks for its state
        return table.add(f"GPE:{table.home_country}", table.home_country, "GPE", token.i, token.i + 1)
    partitive = token.pos_ == "NUM" and any(c.lower_ == "of" for c in token.children)
    if key is None and partitive:
        key = _group_member(table, token)
    described = token.pos_ == "NOUN" or partitive
    if key is None and described and token.idx >= table.body_start:
        key = unnamed_source(table, token)  # "researchers said", "one of the sources said"
    named_so = _self_named(table, token) if token.pos_ == "NOUN" else None
    if named_so is not None:  # "A criminal group calling itself BlackTide claimed": BlackTide
        unnamed = key is not None and key != named_so and table.kind(key) == "UNNAMED"
        return table.relink(key, named_so) if unnamed else named_so  # type: ignore[arg-type]
    if key is not None and table.kind(key) == "UNNAMED" and token.pos_ == "NOUN":
        represented = _represented(table, token)
        if represented is not None:  # "A spokesman for the Internal Revenue Service said": the IRS says
            return represented
        # "A solar developer rejected": a company noun is first a company named next, then a person
        company_first = token.lemma_.lower() in lexicon().company_nouns
        named = (
            (company_first and company_named_later(table, token))
            or introduced_later(table, token)
            or organising_committee(table, token)
            or organisation_named_later(table, token)
            or company_named_later(table, token)
            or named_next(table, token)
            or official_named_later(table, token)
        )
        if named is not None:
            return table.relink(table.merged.get(key, key), named)
    return key


_NAMING = frozenset({"call", "know", "name", "dub"})
_ONE_PERSON = frozenset({"man", "woman", "person", "individual", "hacker", "user", "blogger"})


def _self_named(table: ActorTable, token: Token) -> str | None:
    """The name a described source goes by: 'a group calling itself BlackTide', 'a hacking group known as
    Cobalt Lynx', 'an activist collective called Green Shield'."""
    doc = table.doc
    namings = [c for c in token.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _NAMING]
    # "The group, which calls itself NightLedger,": a relative clause names it only with 'itself'
    namings = [
        c for c in namings if c.dep_ == "acl" or any(g.lower_ in ("itself", "themselves") for g in c.children)
    ]
    for acl in namings:
        names = [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"]
        names += [
            g
            for p in acl.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for g in p.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"
        ]
        for name_tok in names:
            start = min(t.i for t in name_tok.subtree if t.pos_ == "PROPN")
            name = doc[start : name_tok.i + 1].text
            kind: ActorKind = "PERSON" if token.lemma_.lower() in _ONE_PERSON else "ORG"
            key = table.add(f"{kind}:{name.lower()}", name, kind, start, name_tok.i + 1)
            for other in [k for k, e in table.entries.items() if e.name == name and k != key]:
                table.relink(other, key)  # NER took "Cobalt Lynx" for a person
            left, right = _np_bounds(token)
            return table.add(key, name, kind, left, right)
    return None


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _represented(table: ActorTable, token: Token) -> str | None:
    """The organisation named after 'a spokeswoman for': it speaks through her ('for the regents' names
    no organisation, so that source stays unnamed)."""
    if token.lemma_.lower() not in _SPOKESPEOPLE or not any(d.lower_ in ("a", "an") for d in token.children):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            # the unnamed source's mention covers the name too: look for the organisation's own mention
            for entry in table.entries.values():
                if entry.kind in ("ORG", "GPE") and any(s <= pobj.idx < e for s, e in entry.mentions):
                    return entry.key
            # "a spokeswoman for the university": the university named before ("for the regents" is for
            # its members, who stay unnamed)
            definite = pobj.tag_ == "NN" and any(d.lower_ == "the" for d in pobj.children)
            role = _role_reference(table, pobj, skip=table.token_actor.get(token.i)) if definite else None
            if role is not None and table.kind(role) == "ORG":
                return role
    return None


def _group_member(table: ActorTable, token: Token) -> str | None:
    """'one of the people said' after 'two people familiar with the matter said': one of that group,
    so the same source (a definite 'the people', 'the sources', or 'them')."""
    of = next(c for c in token.children if c.lower_ == "of")
    group = next((c for c in of.children if c.dep_ == "pobj"), None)
    if group is None or not (
        group.lower_ == "them" or any(d.lower_ in ("the", "those") for d in group.children)
    ):
        return None
    for key in sorted(table.entries, key=lambda k: -table.entries[k].first):
        entry = table.entries[key]
        if entry.kind != "UNNAMED" or entry.first >= token.idx:
            continue
        if group.lower_ == "them" or group.lower_ in entry.name.lower().split():
            left, right = _np_bounds(token)
            return table.add(key, entry.name, "UNNAMED", left, right)
    return None


_FILINGS = frozenset({"lawsuit", "suit", "complaint", "petition", "filing", "appeal"})
_FILING_VERBS = frozenset({"sue", "file", "lodge", "bring", "appeal", "petition"})


def _filer(table: ActorTable, token: Token) -> str | None:
    """'The lawsuit ... calls the report "a reckless fabrication"': a filing speaks for whoever filed it
    ('Mehta sued the Tribune', 'the union filed a complaint'), the subject of the last filing verb."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    from claimtrail.extract.quotes import speaker_token  # quotes imports this module

    for verb in reversed(table.doc[: token.i]):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _FILING_VERBS:
            subject = speaker_token(verb)
            if subject is None or subject.i >= token.i:
                return None
            key = resolve_np(table, subject, record_pronoun=False)
            if key is None or table.kind(key) in ("PERSON", "ORG", "GPE"):
                return key
            return None
    return None


_PUBLICATION_NOUNS = frozenset({"article", "story", "column", "editorial", "piece", "broadcast", "report"})


_AUTHORING = frozenset({"prepare", "write", "compile", "produce", "conduct", "author", "draft"})
_COMMISSIONING = frozenset({"commission", "order", "request", "fund", "obtain", "leak", "see"})


def _agent_of(noun: Token, lemmas: frozenset[str]) -> Token | None:
    """The 'by' agent of a participle on `noun` ('a report prepared by Calder Geotechnical')."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in lemmas):
        agent = next((c for c in acl.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj
    return None


def _made_for_someone(noun: Token) -> bool:
    """'a report commissioned by the cooperative': someone else's report, not the outlet's own."""
    return _agent_of(noun, _COMMISSIONING) is not None


def _report_author(table: ActorTable, token: Token) -> str | None:
    """Who wrote the report that speaks: 'a report prepared by X found', or, for 'An engineering report
    commissioned by the utility found ...', the author a later mention of the same noun gives, within about
    the next two sentences ('The 140-page report, prepared by the consulting firm Calder Geotechnical')."""
    lemma = token.lemma_.lower()
    last = min(len(table.doc), sentence(token).end + 80)
    for noun in (t for t in table.doc[token.i : last] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"):
        author = _agent_of(noun, _AUTHORING)
        if author is not None:
            return resolve_np(table, author)
    return None


def _publisher(table: ActorTable, token: Token) -> str | None:
    """'sued the Tribune over an article that said ...': the article speaks for the outlet named with it."""
    sent = sentence(token)
    outlets = [
        key
        for i in range(sent.start, sent.end)
        if (key := table.token_actor.get(i)) is not None and is_outlet(table.entries[key])
    ]
    if outlets:
        table.add(outlets[-1], table.name(outlets[-1]), "ORG", token.i, token.i + 1)
        return outlets[-1]
    return None
