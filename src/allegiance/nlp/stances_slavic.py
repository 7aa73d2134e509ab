"""Russian and Ukrainian stance rules and the readings they need (a part of ``stances.py``, which
imports them at its end; import it through ``stances``): free word order, case and the dative
recipient, the annexation named as a territory joined to Russia, other conflicts, attacks on
Ukraine, resolutions backed or spoken against, the owner of a territory named beside its noun (read by
``stance_rules.territory_used``), forces fronted before the verb."""

from __future__ import annotations

from .doc import Mention
from .frames import Frame, FrameBuilder, LanguagePack, Word
from .stances import _About, _about, _Found


def _slavic_about(builder: FrameBuilder, frame: Frame, about: _About) -> _About:
    """«не признаёт присоединение украинских областей к России»: a territory joined to Russia
    (``annexation`` in stance_targets.toml, with Russia named) is the annexation, read as the
    war's and the separatists' word for it; joining another bloc («присоединение к НАТО») is not.
    The subject named inside the object span (free word order) is taken out of what it is about."""
    pack = builder.pack
    inside = {builder.resolver.state_of(m) for m in frame.subjects if frame.target_start <= m.start < frame.target_end}
    if inside:  # «Агрессию против Украины осудила Молдова»: the subject after the verb is no object
        about = _About(about.lemmas, about.states - inside, about.alliances)
    if pack is None or not about.has(pack, "annexation") or "RUS" not in about.states:
        return about
    marker = pack.targets.get("war", frozenset()) & pack.targets.get("separatists", frozenset())
    return _About(about.lemmas | marker, about.states, about.alliances)


def _other_conflict_slavic(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: another conflict is what the frame is about, named by its word
    (``other_conflict`` in stance_targets.toml: «карабахский», «ближневосточный») or by two states
    or more in the object, none a party to this war («призвал Армению и Азербайджан к миру»)."""
    pack = builder.pack
    if pack is None:
        return False
    about = _about(builder, frame)
    if {"RUS", "UKR"} & about.states:
        return False
    if about.has(pack, "other_conflict"):
        return True
    states = {builder.resolver.state_of(m) for m in builder.resolver.in_sentence(frame.sentence)
              if frame.target_start <= m.start and m.end <= frame.target_end and m.type == "state"
              and m.kind != "demonym"}
    states.discard(None)
    states -= {builder.resolver.state_of(m) for m in frame.subjects}  # «осуждено Молдавией и Грузией»: the agents
    return len(states) >= 2


def _attack_on_slavic(builder: FrameBuilder, frame: Frame) -> str | None:
    """Russian and Ukrainian: the state an attack in the frame's object is made on («удары по
    украинской энергетике», «атака на Киев»): the first state named right after a preposition of
    ``attack_prepositions`` (grammar.toml) that follows an attack noun, or the demonym of its
    genitive object («обстрелы украинских городов»); a state's name in the genitive right after
    the noun («удар России») is the attacker, not the target."""
    pack = builder.pack
    if pack is None:
        return None
    attack = pack.targets.get("attack", frozenset())
    prepositions = pack.grammar.get("attack_prepositions", frozenset())
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    for n, w in enumerate(words):
        if w.lemma not in attack:
            continue
        on = next((x for x in words[n + 1:n + 5] if x.low in prepositions), None)
        if on is not None:  # «удары российских войск по украинским городам»: the preposition's object first
            named = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= on.end), None)
            if named is not None and named.start - on.end <= 1:
                return builder.resolver.state_of(named)
            place = place_state(pack, [x for x in words if x.start >= on.end][:1])
            if place is not None:
                return place  # «нападение на Брянскую область», «удар по Одессе»
        own = next((m for m in builder.resolver.in_sentence(frame.sentence) if n + 1 < len(words)
                    and m.start == words[n + 1].start and m.kind == "demonym"), None)
        if own is not None:  # «обстрелы украинских городов»: the demonym of the genitive object
            return builder.resolver.state_of(own)
        place = place_state(pack, words[n + 1:n + 2])
        if place is not None:
            return place  # «бомбардировку Харькова»: the place in the genitive
    return None


def place_state(pack: LanguagePack, words: list[Word]) -> str | None:
    """The state a place named first in ``words`` lies in, by the pack's place lists (``ukraine_places``,
    ``russia_places`` in stance_targets.toml: cities and regions that attacks are reported on, which the
    knowledge base does not list as states), or ``None``."""
    for w in words:
        for state, key in (("UKR", "ukraine_places"), ("RUS", "russia_places")):
            if w.lemma in pack.targets.get(key, frozenset()) or w.low in pack.targets.get(key, frozenset()):
                return state
    return None


def _given_to_ukraine(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: support whose object is Ukraine itself, named first after the
    predicate (adjectives aside) with no preposition before it («поддержала Украину», «висловила підтримку Україні у
    протидії агресії»): the war named after it is what Ukraine is helped against, not what is backed."""
    words = builder.words(frame.sentence)
    first = next((m for m in builder.resolver.in_sentence(frame.sentence)
                  if frame.target_start <= m.start < frame.target_end), None)
    if first is None or builder.resolver.state_of(first) != "UKR" or first.kind == "demonym":
        return False
    at = next((w.i for w in words if w.start == first.start), None)
    if at is None or at > 0 and words[at - 1].upos == "ADP":
        return False
    between = [w for w in words if frame.target_start <= w.start < first.start]
    return all(w.upos in ("ADJ", "DET") for w in between)  # not «целостность Украины»: Ukraine's, not Ukraine


def _resolution_head(builder: FrameBuilder, frame: Frame) -> _About | None:
    """Russian and Ukrainian: the object up to the comma before a participle or relative clause
    («резолюцию, осуждающую агрессию», «резолюцію, що засуджує»), when it is a resolution."""
    pack = builder.pack
    comma = builder.doc.text.find(",", frame.target_start, frame.target_end)
    if pack is None or comma < 0:
        return None
    head = _about(builder, frame, frame.target_start, comma)
    return head if head.has(pack, "resolution") else None


def _backed_resolution(builder: FrameBuilder, frame: Frame, about: _About) -> _About:
    """«поддержали резолюцию, осуждающую агрессию»: the resolution is what is backed, not what it
    condemns (its clause gives the condemnation, whose actor is the resolution)."""
    head = _resolution_head(builder, frame)
    return head if head is not None else about


def _spoke_on_resolution(builder: FrameBuilder, frame: Frame, classes: set[str]) -> _Found:
    """«выступила против проекта резолюции, осуждающего агрессию», «виступила за резолюцію»: speaking
    against or for a resolution on the war (``speak_out`` in grammar.toml, then «против»/«за») is
    voting on it: against is Russia's side, for is Ukraine's (turned round for Russia's own draft)."""
    pack = builder.pack
    if pack is None or frame.negated or frame.lemma not in pack.grammar.get("speak_out", frozenset()):
        return None
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    if not after:
        return None
    against, backing = after[0].low in pack.targets.get("vote_against", frozenset()), \
        after[0].low in pack.targets.get("vote_for", frozenset())
    head = _resolution_head(builder, frame) or _about(builder, frame)
    whole = _about(builder, frame, frame.target_start, frame.sentence.end)  # with the resolution's own clause
    if not (against or backing) or not head.has(pack, "resolution") or not (
            whole.has(pack, "war") or "UKR" in whole.states):
        return None
    russian = "RUS" in head.states
    return [("war", "support" if against != russian else "oppose", "vote")]


def _own_forces(builder: FrameBuilder, frame: Frame) -> list[Mention]:
    """Russian and Ukrainian, a clause with no subject: the state of the demonym on the forces
    fronted before the verb («Казахстанских миротворцев на Украину отправлять не планируют»)."""
    return [m for m in builder.resolver.in_sentence(frame.sentence) if frame.target_start <= m.start < frame.start
            and m.kind == "demonym" and builder.resolver.state_of(m) not in (None, "RUS", "UKR")][:1]


def _territory_owner(builder: FrameBuilder, frame: Frame) -> list[Mention]:
    """The state whose territory the clause names: in the genitive right after the territory noun
    («территория Белоруссии») or as the demonym right before it («с белорусской территории»), not
    Russia or Ukraine."""
    pack = builder.pack
    if pack is None:
        return []
    words = [w for w in builder.words(frame.sentence) if frame.clause_start <= w.start < frame.clause_end]
    mentions = builder.resolver.in_sentence(frame.sentence)
    for n, w in enumerate(words):
        if w.lemma not in pack.targets.get("territory", frozenset()):
            continue
        after = [m for m in mentions if n + 1 < len(words) and m.start == words[n + 1].start]
        before = [m for m in mentions if n > 0 and m.start == words[n - 1].start and m.kind == "demonym"]
        owner = [m for m in after + before if builder.resolver.state_of(m) not in (None, "RUS", "UKR")]
        if owner:
            return owner[:1]
    return []


def _position_labelled(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """Russian and Ukrainian: a labelling verb that calls the subject's position neutral or
    balanced («называет свою позицию сбалансированной», ``position`` and ``balanced`` in
    stance_targets.toml): the position described as neutral."""
    if not pack.slavic or "label" not in classes or frame.negated:
        return None
    if about.has(pack, "position") and about.has(pack, "balanced"):  # «позицию по конфликту взвешенной»
        return [("war", "neutral", "neutral")]
    return None


def _on_side(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
             *_: object) -> _Found:
    """Russian and Ukrainian: a verb of standing or staying (``side_with`` in stance_predicates.toml)
    with «на стороне»/«на боці» and a party right after it («остаётся на стороне Москвы», «стоїмо
    на боці України»): Russia's side is support, Ukraine's oppose; negated, Russia's side is
    distance. Read before the neutral rule, which takes «сторона» for a word of neutrality."""
    if not pack.slavic or "side_with" not in classes:
        return None
    words = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:3]
    if len(words) < 3 or not pack.has("on_prepositions", words[0].low) or \
            words[1].lemma not in pack.targets.get("neutral", frozenset()):
        return None
    named = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start == words[2].start), None)
    side = builder.resolver.state_of(named) if named is not None else None
    if side == "RUS":
        return [("war", "distance" if frame.negated else "support", "side")]
    if side == "UKR" and not frame.negated:
        return [("war", "oppose", "side")]
    return None


def _side_taken(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                *_: object) -> _Found:
    """Russian and Ukrainian: a verb of taking a side (``take_side`` in stance_predicates.toml) with a
    side word in its object («заняла сторону Москвы», «не принимает ничью сторону», «не стає на бік
    жодної зі сторін»): Russia's side named after the word is support (negated, distance), Ukraine's
    oppose; no party named and negated, no side taken: neutral."""
    if not pack.slavic or "take_side" not in classes or not about.has(pack, "neutral"):
        return None
    negated = frame.negated or frame.governor in pack.stance_classes.get("abstain", frozenset())  # «воздерживается
    # от того, чтобы вставать на чью-либо сторону»: refraining negates the side taken
    sides = pack.targets.get("neutral", frozenset()) & pack.targets.get("side_words", frozenset())
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    side = next((w for w in words if w.lemma in sides), None)
    if side is None:
        return None
    named = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= side.end), None)
    party = builder.resolver.state_of(named) if named is not None and \
        builder.doc.text[side.end:named.start].strip() == "" else None
    if party == "RUS":
        return [("war", "distance" if negated else "support", "side")]
    if party == "UKR":
        return None if negated else [("war", "oppose", "side")]
    return [("war", "neutral", "neutral")] if negated and party is None else None


def _continued(builder: FrameBuilder, frame: Frame) -> bool:
    """Russian and Ukrainian: a plan to go on doing something («пообещал и впредь помогать», «і
    надалі підтримуватиме»: ``continuation`` in grammar.toml, within three words before the verb)
    says it is done now: the stance holds, not only the pledge."""
    pack = builder.pack
    if pack is None:
        return False
    words = builder.words(frame.sentence)
    before = " ".join(w.low for w in words[max(0, frame.word - 3):frame.word])
    return any(f" {c} " in f" {before} " for c in pack.grammar.get("continuation", frozenset()))


def _so_called(builder: FrameBuilder, frame: Frame, classes: set[str]) -> bool:
    """«так называемые республики», «так звані»: a labelling verb after «так» is the set phrase
    "so-called", no act of naming (``so_called`` in grammar.toml)."""
    pack = builder.pack
    if pack is None or "label" not in classes or frame.word == 0:
        return False
    return builder.words(frame.sentence)[frame.word - 1].low in pack.grammar.get("so_called", frozenset())


def _withheld_or_denied(builder: FrameBuilder, frame: Frame, about: _About) -> bool:
    """Russian and Ukrainian negated supplies that are no distance from the war: arms withheld from
    Ukraine, its recipient in the dative («не будет поставлять оружие Украине», not the destination
    «на Украину»), and the general-factual imperfective past, which denies that the act ever
    happened («Иран не поставлял России ракет»), not a refusal."""
    words = builder.words(frame.sentence)
    if "RUS" not in about.states:
        for m in builder.resolver.in_sentence(frame.sentence):
            at = next((w.i for w in words if w.start == m.start), None)
            if at is not None and frame.target_start <= m.start < frame.target_end and \
                    builder.resolver.state_of(m) == "UKR" and "Case=datv" in words[at].feats and \
                    not (at > 0 and words[at - 1].upos == "ADP"):
                return True
    return {"Tense=past", "Aspect=impf"} <= words[frame.word].feats


def _after_preposition(builder: FrameBuilder, frame: Frame, m: Mention) -> bool:
    """Russian and Ukrainian: a state named after a preposition («позиция Туркменистана по Украине»,
    «щодо України») is what the position is about, not who holds it."""
    words = builder.words(frame.sentence)
    at = next((k for k, w in enumerate(words) if w.start == m.start), None)
    return at is not None and builder._after_preposition(words, at)


def former_slavic(builder: FrameBuilder, m: Mention) -> bool:
    """Russian and Ukrainian: a mention in the phrase of a former office («бывший президент
    Киргизии», «колишній міністр закордонних справ Казахстану», «экс-премьер Армении»): a word of
    ``former`` (by lemma, or a prefix ending in a hyphen) at most four words before it, with no
    punctuation between, and no noun of ``back_state_nouns`` between («бывшая советская республика
    Казахстан» is the state itself). Someone who no longer speaks for the state."""
    pack = builder.pack
    if pack is None:
        return False
    sentence = next((s for s in builder.doc.sentences if s.start <= m.start < s.end), None)
    words = [w for w in builder.words(sentence) if w.end <= m.start][-5:] if sentence is not None else []
    former = pack.grammar.get("former", frozenset())
    prefixes = tuple(f for f in former if f.endswith("-"))
    state_nouns = pack.grammar.get("back_state_nouns", frozenset())
    for w in reversed(words):
        if w.upos == "PUNCT" or w.lemma in state_nouns:
            return False
        if w.lemma in former or prefixes and w.low.startswith(prefixes):
            return True
    return False
