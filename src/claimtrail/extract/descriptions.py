"""Descriptions: the actor 'the spokeswoman', 'the company', 'her client' or 'the 22-year-old' refers to.

`age_antecedent(table, token, left)`: 'the 22-year-old Hungarian' is the most salient earlier person, as
for a pronoun of unknown gender.

`description_antecedent(table, token, left, right)` resolves a definite noun phrase (tokens [left, right),
headed by `token`) that names no actor itself:

- 'the/its/X's <role noun>' ('the spokeswoman', 'the minister'): the person with that noun in a title, as a
  role word and not a possessor ("the registry's director" is no registry); the title sharing most words
  with the phrase wins, then the latest mention;
- '<pronoun> client': the person whose lawyer the pronoun refers to ("Sloane's lawyer, Beth Kaminski, said
  her client ..." -> Sloane);
- 'the <organisation noun>': the organisation with that noun in its name or title ('the registry' ->
  National Civil Registry); a company word ('the carmaker', 'the company') takes the latest company named,
  never a ministry, a court or a news outlet;
- "Brazil's government": the state; a bare "the government" the dateline's state (OSLO: Norway), else the
  first country the body names;
- else 'the <institution>' ('The district court in Assen') is an organisation named by the phrase, and
  another organisation word an unnamed source ("The port's operator").

`introduced_later(table, token)` links a lede's description to the person the next paragraph introduces:
"A former compliance officer at Harbor Point Bank testified ... / Janet Kowalczyk, 47, was ...".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimtrail.extract.actors import ActorEntry, ActorTable, first_country, is_role, strip_determiner
from claimtrail.extract.coref import FEMALE, MALE, antecedent, is_person, pronoun_antecedent
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.sentences import lower_forms, sentence, text_of

_AGE = re.compile(r"\b\d+-year-old\b")
_THE_AGE = re.compile(r"\b[Tt]he \d+-year-old$")
_WORD = re.compile(r"[\w-]+(?:['’]s?)?")
_LAWYERS = frozenset({"lawyer", "attorney", "counsel", "solicitor", "barrister", "advocate"})
# Words in the names of public bodies; an organisation named with one is not a company.
_INSTITUTION_WORDS = frozenset(
    {
        "ministry",
        "department",
        "commission",
        "council",
        "court",
        "parliament",
        "government",
        "police",
        "office",
        "committee",
        "authority",
        "administration",
        "senate",
        "congress",
        "assembly",
        "embassy",
        "agency",
        "institute",
        "university",
        "party",
        "bureau",
        "board",
        "tribunal",
        "registry",
        "union",
        "nations",
        "organization",
        "organisation",
        "school",
        "hospital",
        "service",
        "inspectorate",
        "prefecture",
        "regulator",
        "watchdog",
        "ombudsman",
        # groups of people, not businesses
        "alliance",
        "coalition",
        "association",
        "federation",
        "league",
        "movement",
        "network",
        "society",
        "foundation",
        "trust",
        "front",
        "campaign",
        "centre",
        "center",
        "team",  # "the Humber Health Protection Team" is no company
        "unit",
        "panel",
        "squad",
    }
)
# Heads of a definite description that stands for one institution even when the article never names it.
_INSTITUTION_HEADS = frozenset(
    {
        "court",
        "council",
        "trust",
        "jury",
        "force",
        "mission",
        "registry",
        "prefecture",
        "tribunal",
        "commission",
        "committee",
        "ministry",
        "agency",
        "board",
        "authority",
        "parliament",
        "legislature",
        "assembly",
        "inspectorate",
        "regulator",
    }
)
_GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet", "authorities"})
# A bare "the government" in "OSLO ... the government said" is Norway's: the dateline's state, or the
# first country the body names when the dateline's place is not a listed capital.
_STATE_BODIES = frozenset({"government", "cabinet"})
_OUTLET_WORDS = frozenset(
    {"paper", "newspaper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "channel", "station"}
)
# Roles that never name someone the next paragraph introduces: the source stays unnamed.
_ANONYMOUS = frozenset(
    {
        "source",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "aide",
        "insider",
        "person",
        "analyst",
        "expert",
        "observer",
        "witness",
        "resident",
        "employee",
        "worker",
        "member",
        "activist",
        "critic",
        "investigator",
    }
)


def _words(text: str) -> set[str]:
    """Lower-cased words of a name or title, no possessors ('the registry's director' -> the, director)."""
    return {w for w in _WORD.findall(text.lower()) if not w.endswith(("'s", "’s", "'", "’"))}


def _last_mention(entry: ActorEntry, before: int) -> int | None:
    starts = [s for s, _ in entry.mentions if s < before]
    return max(starts) if starts else None


def _latest(table: ActorTable, entries: list[ActorEntry], before: int) -> str | None:
    seen = [(last, e.key) for e in entries if (last := _last_mention(e, before)) is not None]
    return max(seen)[1] if seen else None


def _determiner(token: Token) -> Token | None:
    """'the', 'its', 'his' or a possessor ('Harlan's') before the head: what makes a description definite."""
    for child in token.lefts:
        if child.dep_ == "det" and child.lower_ == "the":
            return child
        if child.dep_ == "poss":
            return child
    return None


def _phrase_words(token: Token) -> set[str]:
    skip = {"the", "a", "an", "former", "new", "then", "its", "his", "her", "their"}
    lefts = [t for t in token.subtree if t.i <= token.i and t.dep_ != "poss" and not t.is_punct]
    return {t.lower_ for t in lefts if t.lower_ not in skip and not t.like_num}


def _titled_person(table: ActorTable, token: Token) -> str | None:
    noun, lemma = token.lower_, token.lemma_.lower()
    want = _phrase_words(token)
    best: tuple[int, int, str] | None = None
    for entry in table.entries.values():
        last = _last_mention(entry, token.idx)
        if entry.kind != "PERSON" or last is None:
            continue
        titles = [_words(t) for t in entry.titles]
        matching = [t for t in titles if noun in t or lemma in t]
        if matching:
            candidate = (max(len(want & t) for t in matching), last, entry.key)
            best = max(best, candidate) if best else candidate
    return best[2] if best else None


def _client(table: ActorTable, token: Token) -> str | None:
    """'her client': the possessor of the title of the lawyer 'her' refers to ('Sloane's lawyer')."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    lawyer = pronoun_antecedent(table, owner) if owner is not None else None
    if lawyer is None or table.kind(lawyer) != "PERSON":
        return None
    doc = table.doc
    for start, end in table.entries[lawyer].mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        role = span.root.head if span.root.dep_ == "appos" else span.root
        if role.lower_ not in _LAWYERS and role.lemma_.lower() not in _LAWYERS:
            continue
        possessor = next((c for c in role.children if c.dep_ == "poss"), None)
        if possessor is None:
            continue
        client = table.actor_of_name(possessor)
        if possessor.pos_ == "PRON":
            client = pronoun_antecedent(table, possessor)
        if client is not None and client != lawyer and table.kind(client) == "PERSON":
            return client
    return None


def _is_company(entry: ActorEntry) -> bool:
    from claimtrail.extract.references import is_outlet  # references imports this module

    return (
        entry.kind == "ORG"
        and not (_words(entry.name) & _INSTITUTION_WORDS)
        and not is_outlet(entry)
        and not is_public_body(entry)  # "the Canadian Coast Guard" is no company
    )


# what an institution is called in its name when not by the noun itself ("the hospital": a medical center)
NAMED_AS = {
    "hospital": ("hospital", "medical center", "medical centre", "infirmary", "health system"),
    "university": ("university", "college", "institute of technology"),
    "college": ("college", "university"),
    # "the airline" after "Selatan Air" and "Kuala Lumpur International Airport": the carrier
    "airline": ("airline", "airlines", "air", "airways"),
    "force": ("police", "constabulary", "force"),  # "the force" after "West Yorkshire Police"
    "utility": ("utility", "utilities"),  # "the utility" after "Harlan Springs Municipal Utilities"
    "carrier": ("airline", "airlines", "air", "airways", "carrier"),
    # "the union" after "The Northern Pilots Association" (a union by what it does, not by its name)
    "union": ("union", "association", "federation", "guild", "confederation"),
    # "the group" after "the Kpor Creek Alliance" or "a patients' association" (else the company group)
    "group": (
        "group",
        "alliance",
        "coalition",
        "association",
        "federation",
        "network",
        "movement",
        "society",
    ),
}


def _names(noun: str, entry: ActorEntry) -> bool:
    return called_by(noun, " ".join([entry.name, *entry.titles]))


def called_by(noun: str, name: str) -> bool:
    """Does a name (or title) answer to 'the <noun>'? The noun (or a word it stands for) as a word, or,
    for a longer noun, as the end of one: 'the museum' is the 'Maritiem Kunstmuseum'; 'the bank' is not
    'Commerzbank' (too short to tell from a name's own letters)."""
    text = name.lower()
    return any(
        re.search(rf"\b{re.escape(word)}\b" if len(word) < 6 else rf"{re.escape(word)}\b", text)
        for word in NAMED_AS.get(noun, (noun,))
    )


def already_called(table: ActorTable, token: Token) -> str | None:
    """The one organisation the article already called by this noun ("In a filing with Transport Canada,
    the company said" after "Norhaven Coach Industries is recalling buses, the company said")."""
    called = {
        e.key
        for e in table.entries.values()
        if e.kind == "ORG"
        and any(
            strip_determiner(t).lower() == token.lower_ and b < token.idx for (b, _), t in e.mentions.items()
        )
    }
    return called.pop() if len(called) == 1 else None


_PUBLIC_BODY_WORDS = frozenset(
    {"center", "centre", "centers", "department", "administration", "service", "authority", "commission",
     "office", "bureau", "institute", "agency", "directorate", "inspectorate", "board", "council", "guard",
     "ministry", "police"}
)  # fmt: skip


_PUBLIC_BODY_NOUNS = frozenset({"agency", "regulator", "watchdog"})


def is_public_body(entry: ActorEntry) -> bool:
    """A public body by its name ('Maine Center for Disease Control and Prevention'), which 'the agency'
    may stand for."""
    return entry.kind == "ORG" and bool({w.lower() for w in entry.name.split()} & _PUBLIC_BODY_WORDS)


def _named_org(table: ActorTable, token: Token, determiner: Token) -> str | None:
    noun = token.lower_
    if noun in lexicon().company_nouns and (called := already_called(table, token)) is not None:
        return called
    if noun in lexicon().company_nouns and determiner.lower_ == "the":
        employer = _speakers_employer(table, token)
        if employer is not None:  # "Greyline founder Carter Vance said the firm stood by ...": Greyline
            return employer
    orgs = [e for e in table.entries.values() if e.kind == "ORG"]
    named = [e for e in orgs if _names(noun, e)]
    found = _latest(table, named, token.idx)
    # "The port's operator" is the port's, not the company last named
    if found is None and noun in lexicon().company_nouns and determiner.lower_ == "the":
        found = _latest(table, [e for e in orgs if _is_company(e)], token.idx)
    if found is None and noun in _PUBLIC_BODY_NOUNS and determiner.lower_ == "the":  # the body named before
        found = _latest(table, [e for e in orgs if is_public_body(e)], token.idx)
    return found


def classified_as(table: ActorTable, token: Token) -> str | None:
    """The one organisation introduced earlier with this noun right before its name ('short seller
    Greyline Research', 'retailer Fenwright's'), which 'the short seller' or 'the retailer' refers to."""
    doc, low = table.doc, token.lower_
    # a Token only where the word matches: this runs for every definite description
    earlier = (doc[i] for i, form in enumerate(lower_forms(doc)[: max(0, token.i - 1)]) if form == low)
    found = {
        key
        for t in earlier
        if t.is_lower
        and t.pos_ == "NOUN"
        and (key := table.token_actor.get(t.i + 1)) is not None
        and table.kind(key) == "ORG"
        and t.i + 1 not in {c.i for c in t.children}  # the name is not the noun's own modifier
    }
    return found.pop() if len(found) == 1 else None


def _speakers_employer(table: ActorTable, token: Token) -> str | None:
    """The company the speaker of the statement holding `token` leads or speaks for ('Greyline founder
    Carter Vance said the firm ...'); not an analyst's firm, which the analyst talks about others to."""
    head = token
    for _ in range(6):
        if head.dep_ in ("ccomp", "conj") and head.head.lemma_.lower() in lexicon().speech_verbs:
            subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            key = table.token_actor.get(subject.i) if subject is not None else None
            entry = table.entries.get(key) if key is not None else None
            if entry is None or entry.kind != "PERSON" or entry.affiliation is None:
                return None
            if not {w.lower() for t in entry.titles for w in t.split()} & _SPEAKS_FOR:
                return None
            orgs = [e.key for e in table.entries.values() if _is_company(e) and e.name == entry.affiliation]
            return orgs[0] if orgs else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def company_in_title(table: ActorTable, token: Token) -> str | None:
    """'company secretary Rina Wulandari', 'airline spokesman': the latest company named before."""
    if token.lower_ not in lexicon().company_nouns or token.dep_ not in ("compound", "nmod", "amod"):
        return None
    orgs = [e for e in table.entries.values() if e.kind == "ORG"]
    named = [e for e in orgs if _names(token.lower_, e)]
    return _latest(table, named or [e for e in orgs if _is_company(e)], token.idx)


def conjoined_people(table: ActorTable, token: Token) -> str | None:
    """'Nusrat Jahan and Rafiq Islam said': two named people speaking together, one actor ('they' later)."""
    key = table.actor_of_name(token)
    if key is None or table.kind(key) != "PERSON" or token.dep_ == "conj":
        return None
    others = [k for c in token.conjuncts if (k := table.actor_of_name(c)) is not None]
    if not others or any(table.kind(k) != "PERSON" for k in others) or key in others:
        return None
    left = min(t.left_edge.i for t in (token, *token.conjuncts))
    right = max(t.i for t in (token, *token.conjuncts)) + 1
    name = table.doc[left:right].text  # the names as written
    return table.add(f"GROUP:{name.lower()}", name, "PERSON", left, right)


def age_antecedent(table: ActorTable, token: Token, left: int) -> str | None:
    """'The 22-year-old Hungarian', 'the 58-year-old': the most salient earlier person."""
    determiner = _determiner(token)
    doc = table.doc
    if token.tag_ in ("NNS", "NNPS"):
        return None
    text = text_of(doc)
    if token.lower_ == "old":  # "the 58-year-old said": the parser may hang 'the' on the verb
        if not _THE_AGE.search(text[max(0, token.idx - 24) : token.idx + 3]):
            return None
    elif determiner is None or determiner.lower_ != "the" or not _AGE.search(text[doc[left].idx : token.idx]):
        return None
    return antecedent(table, token, lambda key: is_person(table, key))


def description_antecedent(table: ActorTable, token: Token, left: int, right: int) -> str | None:
    """The actor a definite description refers to, or None (see the module docstring)."""
    determiner = _determiner(token)
    if determiner is None or token.tag_ in ("NNS", "NNPS"):
        return None
    doc = table.doc
    noun = token.lower_
    if noun == "client" and determiner.pos_ == "PRON":
        return _client(table, token)
    org_heads = lexicon().org_heads
    if determiner.lower_ == "the" and (classified := classified_as(table, token)) is not None:
        return classified  # "U.S. short seller Greyline Research ... The short seller also alleged"
    if is_role(token) and noun not in org_heads:
        return _titled_person(table, token)
    if noun in _OUTLET_WORDS or (
        noun not in org_heads and noun not in lexicon().company_nouns | _INSTITUTION_HEADS
    ):
        return None
    state = table.actor_of_name(determiner) if determiner.dep_ == "poss" else None
    if noun in _GOVERNMENT_WORDS and state is not None and table.kind(state) == "GPE":
        return state  # "Brazil's government": the state
    found = _named_org(table, token, determiner)
    proper = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.is_title for t in doc[left + 1 : token.i])
    if found is not None or proper:
        return found  # "The Dutch government", "the Venezuelan legislature": named by their modifiers
    if noun in _STATE_BODIES and determiner.lower_ == "the" and left == token.i - 1:
        country = table.home_country or first_country(table)
        if country is not None:  # a bare "the government said" no named government answers
            return table.add(f"GPE:{country}", country, "GPE", left, right)
    text = doc[left:right].text
    if noun in _INSTITUTION_HEADS and determiner.lower_ == "the":
        later = organisation_named_later(table, token)  # "the trust that owns the building" ... its name
        if later is not None:
            return table.add(later, table.name(later), "ORG", left, right)
        name = strip_determiner(text)  # "The district court in Assen": an institution, never named
        return table.add(f"ORG:{name.lower()}", name, "ORG", left, right)
    return table.add(f"UNNAMED:{text.lower()}", text, "UNNAMED", left, right)  # "The port's operator"


def earlier_unnamed(table: ActorTable, token: Token) -> str | None:
    """The latest unnamed source introduced before `token` by a phrase with the same head noun: "The
    family of a man shot dead ... disputed" ... "the family's account"."""
    doc, found = table.doc, None
    for entry in table.entries.values():
        if entry.kind != "UNNAMED":
            continue
        for start, end in entry.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or end > token.idx or span.root.lemma_.lower() != token.lemma_.lower():
                continue
            if found is None or start > found[0]:
                found = (start, entry.key)
    return found[1] if found else None


_COMMITTEE = re.compile(r"\borgani[sz]ing committee\b", re.IGNORECASE)


def organising_committee(table: ActorTable, token: Token) -> str | None:
    """'Organisers of the 2026 Winter Games' speak as the organising committee the article names."""
    if token.lemma_.lower() not in ("organiser", "organizer"):
        return None
    found = _COMMITTEE.search(text_of(table.doc))
    if found is None:
        return None
    span = table.doc.char_span(found.start(), found.end())
    if span is None:
        return None
    name = found.group(0).lower()
    start = span.start - 1 if span.start > 0 and table.doc[span.start - 1].lower_ == "the" else span.start
    return table.add(f"ORG:{name}", name, "ORG", start, span.end)


_MP_TITLE = re.compile(r"\b(MP|member of parliament|lawmaker|legislator)\b", re.IGNORECASE)


def _member_of_parliament(token: Token) -> bool:
    return token.lemma_.lower() == "member" and any(
        p.lower_ == "of" and any(g.lower_ == "parliament" for g in p.children) for p in token.children
    )


def _the_one_titled(
    table: ActorTable,
    token: Token,
    title: re.Pattern[str],
    only: bool = False,
    kind: frozenset[str] = frozenset(),
) -> str | None:
    """The first person named after `token` whose title matches (a title ending in a preposition, 'MP
    for', was cut from a name NER misread as a person's: 'the MP for Akwadum West') and holds the words
    of `kind`; with `only`, the one such person or None."""
    found = [
        e
        for e in table.entries.values()
        if e.kind == "PERSON"
        and e.first > token.idx
        and any(
            title.search(t) and t.split()[-1] not in ("for", "of") and _same_kind(t, kind) for t in e.titles
        )
    ]
    if only and len(found) != 1:
        return None
    return min(found, key=lambda e: e.first).key if found else None


def _role_kind(role: Token) -> frozenset[str]:
    """The nouns that say which of its kind a role is ('finance' in "Portugal's finance minister"): a
    person titled 'Labour Minister' is another minister. Adjectives ('federal', 'senior') are left out:
    a formal title seldom repeats them ('A federal judge' is 'U.S. District Judge Helen Marsh')."""
    return frozenset(
        c.lower_[:5]
        for c in role.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in _LEVEL_NOUNS
    )


# where a role sits, not which it is: 'a state senator' is 'Sen. ...', 'a city councillor' 'Councillor ...'
_LEVEL_NOUNS = frozenset({"state", "city", "county", "town", "district", "party", "government", "village"})


def _same_kind(title: str, kind: frozenset[str]) -> bool:
    """Compared by their first five letters: 'election director' is the 'Elections Director'."""
    return kind <= {w[:5] for w in title.lower().split()}


_LEADER_NOUNS = frozenset({"leader", "head", "chief", "chairman", "chairwoman", "founder"})
# who speaks for a company: a person with one of these in a title ('Greyline founder Carter Vance')
_SPEAKS_FOR = _LEADER_NOUNS | frozenset(
    {"executive", "ceo", "spokesman", "spokeswoman", "spokesperson", "chair", "president", "director",
     "manager", "owner", "partner"}
)  # fmt: skip
_LEADING = frozenset(
    {
        "head",
        "lead",
        "run",
        "chair",
        "direct",
        "manage",
        "found",
        "co-found",
        "represent",
        "coordinate",
        "oversee",
    }
)


def leading_verb(doc: Doc, end: int) -> Token | None:
    """The verb of ', who heads/leads/chairs ...' right after a name ending at token `end`."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "who":
        return None
    verb = doc[end + 1].head
    return verb if verb.lemma_.lower() in _LEADING else None


def _the_one_leading(table: ActorTable, token: Token) -> str | None:
    """The one person introduced after `token` as leading something ('Yaw Darko-Mensah, who leads ...')."""
    found = set()
    for entry in (e for e in table.entries.values() if e.kind == "PERSON" and e.first > token.idx):
        spans = (table.doc.char_span(s, t, alignment_mode="expand") for s, t in entry.mentions)
        if any(span is not None and leading_verb(table.doc, span.end) is not None for span in spans):
            found.add(entry.key)
    return found.pop() if len(found) == 1 else None


def in_lede(table: ActorTable, token: Token) -> bool:
    """In the body's first paragraph."""
    text = text_of(table.doc)
    return "\n" not in text[table.body_start : token.idx].strip()


def _anonymous_sentence(token: Token) -> bool:
    own = sentence(token).text
    return "anonymity" in own or "not authori" in own or "not be named" in own


def official_named_later(table: ActorTable, token: Token) -> str | None:
    """'A senior United Nations humanitarian official cast doubt on ...' before 'Helene Moreau, deputy
    director of operations at the U.N. Office for ...': the one person named later who works for the
    organisation the lede's description names. An official kept anonymous stays unnamed."""
    if token.lemma_.lower() != "official" or token.tag_ != "NN" or not in_lede(table, token):
        return None
    if _anonymous_sentence(token):
        return None
    # the description's own tokens now point at the unnamed actor: find the organisation by its name
    names = {
        e.text.lower() for e in token.doc.ents if e.label_ == "ORG" and token.left_edge.i <= e.start < token.i
    }
    orgs = [e for e in table.entries.values() if e.kind == "ORG" and e.name.lower() in names]
    if len(orgs) != 1:
        return None
    forms = {strip_determiner(m).lower() for m in (*orgs[0].mentions.values(), orgs[0].name)}
    initials = [w[0].lower() for w in orgs[0].name.split() if w[0].isupper()]
    if len(initials) > 1:  # "United Nations" -> "UN", "U.N."
        forms |= {"".join(initials), "".join(f"{c}." for c in initials)}
    named = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!\w)"
    )
    found = [
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON"
        and e.first > token.idx
        and e.affiliation
        and named.search(e.affiliation.lower())
    ]
    return found[0] if len(found) == 1 else None


def named_next(table: ActorTable, token: Token) -> str | None:
    """'A police spokeswoman said ... The spokeswoman, Sgt. Tanya Whitfield, declined ...': an indefinite
    role named by an apposition to the same noun in the next few sentences."""
    if token.tag_ != "NN" or not is_role(token):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    own = sentence(token)
    doc = table.doc
    end = own.end
    for _ in range(3):  # "the spokeswoman" takes the description up within the next three sentences
        end = sentence(doc[end]).end if end < len(doc) else end
    for i in range(own.start, end):
        later = doc[i]
        if i <= token.i or later.lower_ != token.lower_ or not any(c.lower_ == "the" for c in later.children):
            continue
        if i + 1 >= len(doc) or doc[i + 1].text != ",":
            continue
        # the name after the comma ('Sgt. Tanya Whitfield', however the parser split the rank's dot)
        for j in range(i + 2, min(i + 6, len(doc))):
            key = table.token_actor.get(j)
            if key is not None:
                return key if table.kind(key) == "PERSON" else None
    return None


def introduced_later(table: ActorTable, token: Token) -> str | None:
    """The person a description in the lede turns out to be: the first person the next paragraph names.

    Only for one person described by a specific role ('The losing candidate in ...', 'A former compliance
    officer at ...'), never for an anonymous source ('a senior official'); a pronoun bound to the
    description ('testified that she had warned') must agree in gender.
    """
    lemma = token.lemma_.lower()
    kind = _role_kind(token)  # "finance" in "Portugal's finance minister"
    if _member_of_parliament(token) and token.tag_ == "NN":
        return _the_one_titled(table, token, _MP_TITLE)  # "A Ghanaian member of parliament" -> "the MP for X"
    if token.tag_ == "NN" and is_role(token) and in_lede(table, token) and not _anonymous_sentence(token):
        # "Ghana's main opposition leader ... questioned" -> the one person later titled "... leader"
        # the title's head, or the first of two joined roles ("Founder and chief executive")
        head = re.compile(rf"\b{re.escape(token.lower_)}(?: and [\w -]+)?$", re.IGNORECASE)
        named = _the_one_titled(table, token, head, only=True, kind=kind)
        if named is None and token.lower_ in _LEADER_NOUNS:  # "..., who leads the opposition Alliance,"
            named = _the_one_leading(table, token)
        if named is not None:
            return named
    if token.tag_ in ("NNS", "NNPS") or not is_role(token) or lemma in _ANONYMOUS:
        return None
    if lemma in lexicon().org_heads:
        return None
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text_of(table.doc))]
    first = next((n for n, (_, end) in enumerate(paragraphs) if end > table.body_start), None)
    if first is None or first + 1 >= len(paragraphs) or token.idx >= paragraphs[first][1]:
        return None  # not in the first paragraph of the body
    start, end = paragraphs[first + 1]
    own = sentence(token)
    if "anonymity" in own.text or "not authori" in own.text:
        return None
    bound = (t.lower_ for t in own if t.i > token.i and t.lower_ in FEMALE | MALE)
    gender = next(("f" if word in FEMALE else "m" for word in bound), None)
    # "A federal judge dismissed charges against a former senator": the person later given the formal
    # title ('U.S. District Judge Helen Marsh'); a common description ('centre-left candidate') is no proof
    titled = [
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON"
        and e.first > token.idx
        and any(
            title.split()[-1] == token.text.capitalize() and _same_kind(title, kind) for title in e.titles
        )
    ]
    if len(titled) == 1:
        return titled[0]
    for entry in sorted(table.entries.values(), key=lambda e: e.first):
        if entry.kind != "PERSON" or not start <= entry.first < end:
            continue
        if gender is not None and table.gender(entry.key) not in (None, gender):
            return None
        return entry.key
    return None


def organisation_named_later(table: ActorTable, token: Token) -> str | None:
    """'the nurses' union said ...' before 'The union, the Dorsey Nurses Association, said': the
    organisation a later apposition names for the same noun, or the one later titled with it."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNS", "NNPS") or (lemma not in lexicon().org_heads and lemma not in BODY_NOUNS):
        return None
    for later in table.doc[token.i + 1 :]:
        if later.lemma_.lower() != lemma or later.pos_ != "NOUN":
            continue
        for child in later.children:
            key = table.token_actor.get(child.i)
            if child.dep_ == "appos" and key is not None and table.kind(key) == "ORG":
                return key
    # "A wine cooperative ... dismissed" before "the Caves de Saint-Sulpice cooperative": the one
    # organisation named later with that noun as its title
    titled = _one_org_named_after(
        table, token, lambda e: any(t.lower().split()[-1:] == [lemma] for t in e.titles)
    )
    if titled is not None:
        return titled
    # "the trust that owns the building said" before "The Mersey Lyric Trust said": the one organisation
    # named later with that noun as the head of its name (also "the Association of Nova Scotia Museums")
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    # "A hospital trust in northern England denied" before "The Calder Valley Hospitals NHS Trust said"
    lede = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and in_lede(table, token)
    if not (definite or lede):
        return None
    return _one_org_named_after(table, token, lambda e: _headed_by(e.name, lemma))


def _headed_by(name: str, noun: str) -> bool:
    """'Mersey Lyric Trust' and 'Association of Nova Scotia Museums' are headed by 'trust', 'association'."""
    words = name.lower().split()
    return words[-1:] == [noun] or (len(words) > 2 and words[0] == noun and words[1] in ("of", "for"))


def _one_org_named_after(table: ActorTable, token: Token, fits: Callable[[ActorEntry], bool]) -> str | None:
    """The only organisation first named after `token` that `fits`, or None."""
    found = [e.key for e in table.entries.values() if e.kind == "ORG" and e.first > token.idx and fits(e)]
    return found[0] if len(found) == 1 else None


BODY_NOUNS = frozenset({"trust", "society", "charity", "association", "foundation", "federation"})


# what a company is described as by what it holds ("The owner of a Cyprus-flagged cargo ship")
_HOLDER_NOUNS = frozenset({"owner", "operator", "manager", "developer"})
_PRESS_HEADS = frozenset(
    {"site", "website", "newspaper", "paper", "daily", "broadcaster", "magazine", "blog"}
)


def company_named_later(table: ActorTable, token: Token) -> str | None:
    """'A Romanian gold-processing company on Tuesday denied ...', 'The owner of a cargo ship denied ...',
    'The company that runs the tram network denied ...' in a lede that names no company, and only one
    company named in the next paragraphs: that company; likewise 'a Catholic news site reported' and the
    one outlet the next paragraphs name."""
    from claimtrail.extract.references import is_outlet  # references imports this module

    lemma = token.lemma_.lower()
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.lefts)
    holder = lemma in _HOLDER_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    press = lemma in _PRESS_HEADS and indefinite
    # "The company that runs Grenoble's tram network denied": described by what it does, not yet named
    defined = any(c.dep_ == "relcl" for c in token.children) and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.lefts
    )
    company = lemma in lexicon().company_nouns and (indefinite or defined)
    if not (company or holder or press) or not in_lede(table, token):
        return None
    if press:
        # not the description itself ('a local newspaper' is titled as the press)
        companies = [
            e for e in table.entries.values() if is_outlet(e) and not e.credited and e.kind != "UNNAMED"
        ]
    else:
        companies = [e for e in table.entries.values() if _is_company(e)]
    if any(e.first < token.idx for e in companies):
        return None
    text = text_of(table.doc)
    window = token.idx
    for _ in range(4):  # the lede and the next three paragraphs
        window = text.find("\n\n", window + 2) if window >= 0 else -1
    near = [e for e in companies if window < 0 or e.first < window]
    return near[0].key if len(near) == 1 else None
