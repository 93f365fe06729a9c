"""The shapes of direct and indirect speech in one sentence: '«...», — заявил X', 'X заявил,
что ...', 'X заявил: ...', 'как отмечает X', 'по словам X', '..., говорит X', a headline's
quotation and its report, a statement 'о том, что', and a verb of quoting past its outlet."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pipeline.nlp.cues import aside_nouns, cue_forms, cue_nouns, statement_verbs
from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import STRONG_WORDS, WEAK_WORDS, medium_of
from pipeline.nlp.models import morph
from pipeline.nlp.speech.marks import (
    _DASHES,
    _OPENERS,
    _closes,
    _inner,
    _is_question,
    _opens,
    _partner,
    _span,
    _trimmed,
    _words,
)
from pipeline.nlp.speech.records import Speech, _Token
from pipeline.nlp.speech.sources import (
    _QUOTES,
    _adjacent_place,
    _animate,
    _answering,
    _aside,
    _aside_before,
    _can_be,
    _fixed,
    _is_person_name,
    _object,
    _past_told_name,
    _place_adverb,
    _place_after,
    _place_before,
    _relative,
    _skip_setting,
    _source_after,
    _source_before,
)
from pipeline.nlp.speech.words import (
    _case,
    _head_case,
    _is_cue_verb,
    _is_impersonal,
    _is_indefinite,
    _is_plural_cue,
    _is_stance,
    _is_stance_word,
    _lemma,
    _nominal,
    _parse,
    _pos,
    _word_key,
)


def _in_sentence(text: str, tokens: list[_Token], start: int, stop: int) -> Iterator[Speech]:
    for i in _openings(tokens):
        token = tokens[i]
        if token.text in _OPENERS and i + 1 < len(tokens):
            found = _quote_then_cue(text, tokens, i) or _titled_quote(text, tokens, i)
            if found:
                yield found
        elif _is_cue_verb(token) or _is_stance(tokens, i):
            found = list(_cue_then_content(text, tokens, i, stop))
            if not found or (found[0].source_start or 0) > token.start:
                found += _inverted(text, tokens, i, start)  # '..., считает X: «...»' too
            yield from found
        elif _inverted_position(tokens, i) and _is_stance_word(token):
            yield from _inverted(text, tokens, i, start)  # '..., уверен политолог.'
        elif token.text.lower() == "по" and (noun := _cue_noun(tokens, i)):
            found = _according_to(text, tokens, i, noun, start, stop)
            if found:
                yield found
        elif found := _statement_that(text, tokens, i, stop):
            yield found


def _openings(tokens: list[_Token]) -> list[int]:
    """Where a shape of `_in_sentence` can start: a closing quotation mark, 'по', or a cue form
    (`cue_forms`), which each other shape's first test asks for. Most tokens are none of these,
    and the shapes' tests are not asked of them; a shape added to `_in_sentence` that starts at
    another word must be let in here."""
    firsts = _first_words()
    return [i for i, t in enumerate(tokens) if t.text in _OPENERS or _word_key(t.text) in firsts]


@cache
def _first_words() -> frozenset[str]:
    """The words (as `_word_key` writes them) at which a shape of `_in_sentence` may start."""
    return cue_forms() | {"по"}


def _quote_then_cue(text: str, tokens: list[_Token], close: int) -> Speech | None:
    """'«...», - заявил X', '«...», заявил X', '«...» - с поклоном сказал X' (the quotation
    may open sentences or paragraphs before); without a dash, only with a source after the
    cue."""
    j = close + 1
    comma = j < len(tokens) and tokens[j].text == ","
    j += comma
    dash = j < len(tokens) and tokens[j].text in _DASHES
    if not (dash or comma):
        return None
    j += dash
    while j < len(tokens) and _pos(tokens[j]) in ("ADVB", "PRCL"):
        j += 1
    if dash and j + 2 < len(tokens) and _pos(tokens[j]) == "PREP":
        j += 2  # 'с поклоном сказал'
    if j >= len(tokens):
        return None
    cue_stop, source = tokens[j].stop, None
    if _pos(tokens[j]) == "GRND":
        return None  # '«Матч ТВ», отвечая на вопрос ...': a gerund's subject is the sentence's
    if _is_cue_verb(tokens[j]) or _is_stance_word(tokens[j]):  # '», — уверен эксперт'
        source = _with_apposition(tokens, _source_following(tokens, j))
    elif dash and (words := _quoted_words(tokens, j)):  # '— приводит ТАСС слова X'
        cue_stop, source = tokens[words].stop, _source_after(tokens, words + 1, genitive=True)
    elif dash and _lemma(tokens[j].text) in _QUOTING:  # '— цитирует ТАСС представителя X'
        source = _quoted_speaker(tokens, _past_quoting_outlet(tokens, j + 1))
    else:
        return None
    opening = _partner(text, tokens[close].start, forward=False)
    if opening is None or (source is None and not dash):
        return None
    content = _inner(text, _outer_opening(text, opening) + 1, tokens[close].start)
    return Speech(
        "direct",
        *content,
        tokens[j].start,
        cue_stop,
        *(_span(tokens, *source) if source else (None, None)),
    )


def _outer_opening(text: str, opening: int) -> int:
    """Where a quotation opens when one '»' closes it and a quoted name or phrase inside it
    ('«Этот негатив ... стал причиной результата «Астаны-5»', '«... стремились «навсегда
    избавить от ужасов войны»'): the '«' that pairs with the closing mark follows a word in
    running text, and an unmatched '«' opens before it in the same paragraph; else `opening`."""
    if text[opening] != "«" or not text[:opening].rstrip()[-1:].isalnum():
        return opening
    outer = _partner(text, opening, forward=False)
    if outer is None or "\n" in text[outer:opening]:
        return opening
    return outer


#: Words that make the clause after a headline's colon a question about what was said ('что
#: говорили после победы', 'о чём говорит проект', 'почему Трамп заявил'), not its report.
_ASKING = frozenset({"что", "чем", "чём", "почему", "как", "зачем", "кто", "какой", "какие"})


def _titled_quote(text: str, tokens: list[_Token], close: int) -> Speech | None:
    """A headline's quotation and its report after a colon: '«Детский лепет»: в России
    ответили на заявления ...', '«С дороги не свернём»: КНДР заявила о ...'. The quotation
    opens the sentence and is a phrase, not a name ('«Спартак»: клуб сообщил' is not
    speech); the colon is followed, within six words, by a finite cue verb with its subject
    and no clause of its own (', что' or ':' after it is `_cue_then_content`'s)."""
    if not (close + 2 < len(tokens) and tokens[close + 1].text == ":"):
        return None
    opening = _partner(text, tokens[close].start, forward=False)
    if opening is None or opening != tokens[0].start:
        return None
    quoted = [t for t in tokens[1:close] if t.is_word]
    if len(quoted) < 2 or not any(t.text[:1].islower() for t in quoted[1:]):
        return None
    for j in range(close + 2, min(close + 8, len(tokens))):
        word = tokens[j]
        if not word.is_word or word.text.lower() in _ASKING:
            return None
        if _is_cue_verb(word) and _pos(word) == "VERB":
            break
    else:
        return None
    if tokens[j - 1].text.lower() == "не" or any(
        t.text in (":", "что") for t in tokens[j + 1 : j + 3]
    ):
        return None
    source = _subject(tokens, j, j + 1)
    if source is None or source[0] <= close:
        return None
    content = _inner(text, opening + 1, tokens[close].start)
    return Speech("direct", *content, word.start, word.stop, *_span(tokens, *source))


#: Verbs of quoting whose object, not their subject, said the quotation: '— цитирует The
#: Jerusalem Post представителя палестинских властей'.
_QUOTING = frozenset({"цитировать", "процитировать"})


@cache
def _scanned_forms() -> frozenset[str]:
    """The words that make a sentence worth reading word by word: the cue forms and every form
    of the verbs of quoting."""
    quoting = {
        key(form.word)
        for lemma in _QUOTING
        for parse in morph()(lemma)
        if parse.normal_form == lemma
        for form in parse.lexeme
    }
    return cue_forms() | quoting


#: The nouns that open an outlet's name ('агентство SANA', 'издание The Hill').
_MEDIA_WORDS = STRONG_WORDS | WEAK_WORDS


def _past_quoting_outlet(tokens: list[_Token], i: int) -> int:
    """Where the quoted speaker starts after a verb of quoting, past the outlet that quotes
    them when it comes first: a Latin-script name ('The Jerusalem Post'), capitalised words
    before a lower-case word ('РИА Новости| заявление') or a noun before another word
    ('издание| директора ...'). The speaker may come first: 'цитирует Хиршу Delfi.lv'."""
    if i >= len(tokens):
        return i
    if outlet := _medium_at(tokens, i):
        return outlet
    j = i
    while j < len(tokens) and tokens[j].is_word and tokens[j].text[:1].isupper():
        j += 1
    if j > i:
        if j == len(tokens) or not tokens[j].is_word:
            return i
        outlet = all(t.text.isascii() for t in tokens[i:j]) or (
            tokens[j].text[:1].islower() and not _before_media_word(tokens, j)
        )  # the outlet after the speaker: 'цитирует Асада агентство SANA'
        return j if outlet else i
    if _pos(tokens[i]) == "NOUN" and _can_be(tokens[i], "nomn") and i + 1 < len(tokens):
        return i + 1 if tokens[i + 1].is_word else i
    return i


def _medium_at(tokens: list[_Token], i: int) -> int | None:
    """Where the name of a medium that media.tsv lists ('РИА Новости', 'ТАСС', '«Р-Спорт»',
    'агентство «Анадолу»') ends when one starts at `i`: the index after it; else None."""
    for j in range(min(len(tokens), i + 5), i, -1):
        if tokens[j - 1].is_word or tokens[j - 1].text in _QUOTES:
            name = " ".join(t.text for t in tokens[i:j])
            if tokens[i].is_word and medium_of(name):
                return j
    return None


def _quoted_speaker(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """The (first, last) token of whom a verb of quoting quotes, from `i`: an accusative noun
    phrase ('представителя палестинских властей', 'заявление'), its words after the first noun
    genitives or names, up to a quotation mark or a medium's name that ends the clause
    ('Конашенкова| РИА Новости', 'Зозулю| «PRO-Спорт-Украина»', 'главу турецкого МИД|
    Reuters'; 'директора Службы внешних связей RT Анну Белкину' goes on)."""
    j, noun = i, False
    while j < len(tokens) and tokens[j].is_word:
        word = tokens[j]
        outlet = _medium_at(tokens, j) if j > i else None
        if outlet and (outlet == len(tokens) or not tokens[outlet].is_word):
            break
        if j > i and _is_person_name(tokens[j - 1]) and word.text.isascii():
            break  # 'Тебаса| AS'
        if noun and (_pos(word) == "PREP" or not _speaker_word(word)):
            break  # 'лидера| агентство «Рёнхап»', 'источник| в руководстве'
        if noun and _pos(word) == "ADJF" and _before_media_word(tokens, j + 1):
            break  # 'Нёйса| Олимпийский канал'
        noun = noun or _pos(word) == "NOUN" or _parse(word.text) is None
        j += 1
    return (i, j - 1) if j > i else None


def _before_media_word(tokens: list[_Token], i: int) -> bool:
    """Whether the word at `i` opens an outlet's name ('канал', 'агентство')."""
    return i < len(tokens) and _lemma(tokens[i].text) in _MEDIA_WORDS


def _speaker_word(word: _Token) -> bool:
    """A word that can go on a quoted speaker's phrase after its first noun: a genitive, an
    unknown word or a name in the accusative ('директора ... Анну Белкину')."""
    if _parse(word.text) is None or _can_be(word, "gent"):
        return True
    return word.text[:1].isupper() and _can_be(word, "accs")


def _quoted_words(tokens: list[_Token], verb: int) -> int | None:
    """'приводит [издание] слова X', 'цитирует слова X': a verb, then within two words a cue
    noun in the accusative whose genitive after it names who said the quotation; the noun. The
    outlet's name may stand in quotation marks ('приводит «Укринформ» слова X'): the marks are
    not words."""
    if _pos(tokens[verb]) != "VERB":
        return None
    words = 0
    for k in range(verb + 1, len(tokens) - 1):
        if tokens[k].text in _QUOTES:
            continue
        words += 1
        if not tokens[k].is_word or words > 3:
            return None
        if _lemma(tokens[k].text) in cue_nouns() and _can_be(tokens[k], "accs"):
            return (
                k if _can_be(tokens[k + 1], "gent") or _parse(tokens[k + 1].text) is None else None
            )
    return None


def _cue_then_content(text: str, tokens: list[_Token], cue: int, stop: int) -> Iterator[Speech]:
    """'X заявил, что ...', 'X заявил: «...»', 'X заявил: ...', 'как отмечает X, ...'; a
    negated cue ('не считают, что') or a supposed one ('Если она считает, что') reports
    nothing."""
    if cue > 0 and tokens[cue - 1].text.lower() == "не" or _supposed(tokens, cue):
        return
    if _answering(tokens, cue + 1):
        return  # 'отвечая на вопрос о том, что ...': the clause is the question's, not the answer
    said = tokens[cue]
    as_aside = _is_as(tokens, cue)
    if as_aside or (subject := _as_subject(tokens, cue)):
        if as_aside:  # 'как отмечает X, ...'
            source = _source_following(tokens, cue)
            end = _past_told_name(tokens, source[1] + 1) if source else len(tokens)
        else:  # 'Как он говорил в начале марта, ...'
            source, end = subject, _setting_ends(tokens, cue + 1)
        if end < len(tokens) and _aside(tokens, end):  # 'как отмечает издание со ссылкой на X,'
            end = next((k for k in range(end, len(tokens)) if not tokens[k].is_word), end)
        if source and end < len(tokens) and tokens[end].text == ",":
            content = _trimmed(text, tokens[end].stop, stop)
            content = (content[0], _quotation_ends(text, *content))
            if content[1] > content[0]:
                yield Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))
        elif source and _ends_sentence(tokens, end) and cue > 2 and tokens[cue - 2].text == ",":
            content = _trimmed(
                text, tokens[0].start, tokens[cue - 2].start
            )  # '..., как сообщает X.'
            if _words(text, *content) >= 4 and not _is_question(text, *content):
                yield Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))
        return
    after = cue + 1
    while (
        after < len(tokens)
        and (tokens[after].is_word or tokens[after].text in _OPENERS)
        and tokens[after].text.lower() != "что"
    ):
        after += 1  # 'заявил вечером в среду, что', 'заявил "РИА Новости", что'
        if after - cue > 6:
            return
    if after + 1 >= len(tokens):
        return
    mark, follows = tokens[after], tokens[after + 1]
    source = _subject(tokens, cue, after)
    # The subject after the verb, up to the colon: '..., считает военный юрист X: «...»', and
    # with no subject before it, 'на эту тему высказался министр обороны X: «...»'.
    inverted = _inverted_position(tokens, cue) or source is None
    if mark.text == ":" and inverted and _pos(said) == "VERB":
        behind = _source_after(tokens, cue + 1)
        if behind and behind[1] + 1 == after and _speaker_named(tokens, *behind):
            source = behind
    source_span = _span(tokens, *source) if source else (None, None)
    if mark.text == ":" and follows.text in '«„“"':
        yield from _quoted(text, follows.start, said, source_span)
        return
    if mark.text == ":":
        content = _trimmed(text, follows.start, stop)
    elif mark.text == "," and follows.text.lower() == "что":
        content = _trimmed(text, follows.stop, stop)
    else:
        return
    if source is None and not (_is_impersonal(said) or _indefinite(tokens, cue, after)):
        return  # no one named: 'Думаю, что ...' is a hedge, not a quote
    content = (content[0], min(_quotation_ends(text, *content), _next_cue(tokens, cue, content)))
    colon = text.find(": «", content[0], content[1])
    if colon >= 0:  # '..., что ...: «...»' - the quotation that follows is said too
        yield from _quoted(text, colon + 2, said, source_span)
        content = _trimmed(text, content[0], colon)
    if content[1] > content[0] and not _is_question(text, *content):
        yield Speech("indirect", *content, said.start, said.stop, *source_span)


#: Words before a plural cue that name the body or place that speaks ('в МОК заявили', 'Там
#: также отметили', 'из Афин сообщают'), though the rules may fail to read it as the source.
_PLACE_WORDS = frozenset({"в", "во", "на", "из", "там", "здесь", "тут"})


def _indefinite(tokens: list[_Token], cue: int, mark: int) -> bool:
    """Whether a plural cue without a subject is indefinite-personal, naming no one ('Говорят,
    что', 'Мне говорили, что'): not when a locative or an adverb of place stands before its
    clause mark (at `mark`) in the sentence, the institution that speaks, nor a word that can
    be its plural subject or a number that counts one ('подтверждают и продавцы:', '41%
    опрошенных заявили'), which the rules could not read (a quote without its source would
    hide that it has one)."""
    return _is_indefinite(tokens[cue]) and not any(
        t.text.lower() in _PLACE_WORDS or _quantity(t) or _plural_nominative(t.text)
        for t in tokens[:mark]
        if t is not tokens[cue]
    )


def _quantity(token: _Token) -> bool:
    """A number or a percent, the head of a counted subject ('41% опрошенных заявили', 'Около
    63% опрошенных посчитали')."""
    return token.text == "%" or token.text[:1].isdigit()


@cache
def _plural_nominative(word: str) -> bool:
    """A word that can be a plural subject ('Все думали', 'Спикеры команды (...) выражали',
    'те пользователи, кому ..., признают'): the plural cue has one that the rules missed (the
    parse may read it), so the quote is not an indefinite one."""
    return any(
        p.tag.case == "nomn" and p.tag.number == "plur" and p.tag.POS in _SUBJECT_POS
        for p in morph()(word)
    )


#: The parts of speech a subject may be (pymorphy2's).
_SUBJECT_POS = frozenset({"NOUN", "NPRO", "ADJF", "PRTF"})


def _speaker_named(tokens: list[_Token], first: int, last: int) -> bool:
    """Whether the words after a cue verb, up to its colon, name a speaker: a nominative first
    word, and a person's noun or a capitalised word among them ('министр обороны X'), not an
    object that reads as a nominative ('Напомним основные составляющие ...:', 'Подтвердил рост
    экономики:')."""
    return _head_case(tokens[first]) and any(
        _person(t) or t.text[:1].isupper() for t in tokens[first : last + 1]
    )


def _supposed(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue stands in a clause of condition, with words only between 'если' and it
    ('если эксперты считают, что ...', 'Если Вашингтон заявит, что ...')."""
    k = cue - 1
    while k >= 0 and tokens[k].is_word:
        if tokens[k].text.lower() in _CONDITIONS:
            return True
        k -= 1
    return False


def _subject(tokens: list[_Token], cue: int, mark: int) -> tuple[int, int] | None:
    """Who says what the cue at `cue` introduces (its clause mark at `mark`): the subject
    before it; for an impersonal cue the document or place beside it ('в заявлении
    говорится', 'говорится в сообщении X'), or nobody ('Сообщается, что'); for a plural cue
    without a subject, the institution ('в Кремле заявили'); for a gerund, the subject of the
    verb it depends on ('X опубликовал пост, отметив, что ...')."""
    said = tokens[cue]
    if _pos(said) == "GRND":
        return _gerund_subject(tokens, cue)
    found = _source_before(tokens, cue)
    impersonal = _is_impersonal(said)
    if impersonal or _is_plural_cue(said):
        place = _place_before(tokens, cue, named=not impersonal) or _adjacent_place(tokens, cue)
        if place and (found is None or place[0] <= found[0] <= found[1] <= place[1]):
            return place  # 'в заявлении МИД говорится': not 'МИД'
        if found is None and mark > cue + 1:
            return _place_after(tokens, _skip_addressee(tokens, cue + 1), named=False)
        if found is None and not impersonal and (adverb := _place_adverb(tokens, cue)):
            return adverb  # 'там заявили, что'
    if found is None and _coordinate(tokens, cue):
        found = _gerund_subject(tokens, cue)
    return found


def _with_apposition(
    tokens: list[_Token], source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The source with the appositions after it that end the sentence ('Влодзимеж Марчиняк,
    посол Польши в Москве'; 'астрофизик, доктор физико-математических наук, ведущий научный
    сотрудник ГАИШ МГУ Сергей Попов'): one or more descriptions, each after its comma a
    lower-case nominative noun phrase, the last to the end or to a parenthesis."""
    if source is None:
        return source
    last = source[1]
    while (described := _description_after(tokens, last)) is not None:
        last = described
        # A parenthesis may follow it, untagged: '..., старший научный сотрудник НИФИ
        # (учрежден Минфином).'
        if last + 1 == len(tokens) or tokens[last + 1].text in (".", "!", "?", "…", "("):
            return source[0], last
    return source


def _description_after(tokens: list[_Token], last: int) -> int | None:
    """The last token of the description that follows tokens[last] after a comma: a lower-case
    nominative noun phrase with no verb, participle or conjunction, up to the next mark; None
    when there is none."""
    first = last + 2
    if first >= len(tokens) or tokens[last + 1].text != ",":
        return None
    head = tokens[first]
    if not (head.is_word and head.text[:1].islower() and _head_case(head) and _nominal(head)):
        return None
    end = first
    while end + 1 < len(tokens) and tokens[end + 1].is_word:
        if _pos(tokens[end + 1]) in ("VERB", "GRND", "INFN", "PRTF", "CONJ"):
            return None
        end += 1
    return end if _headed_by_noun(tokens, first, end) else None


def _headed_by_noun(tokens: list[_Token], first: int, last: int) -> bool:
    """Whether a noun follows the adjectives that open tokens[first:last + 1] ('первый
    заместитель'), not a preposition: an adjective with its complement describes the noun
    before the comma ('источник, знакомый с ходом обсуждений')."""
    i = first
    while i < last and _pos(tokens[i]) in ("ADJF", "PRTF"):
        i += 1
    return _pos(tokens[i]) == "NOUN"


def _gerund_subject(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """The subject of the nearest finite verb before a gerund cue, or before a cue that is a
    verb's coordinate ('X улыбнулся и сказал', 'X заявил, что ..., хотя и признал'), that has
    one."""
    for i in range(cue - 1, 0, -1):
        if _pos(tokens[i]) == "VERB" and not _is_impersonal(tokens[i]):
            if _inverted_position(tokens, i):  # '«...», — сказал он в интервью, подчеркнув'
                # or a subject before an aside: 'Тегеран, со своей стороны, говорит ... и считает'
                found = _subject_after(tokens, i, cue)
                found = found or (_source_before(tokens, i) if _aside_before(tokens, i) else None)
            else:
                found = _source_before(tokens, i) or _subject_after(tokens, i, cue)
            if found:
                return found
    return None


def _subject_after(tokens: list[_Token], verb: int, cue: int) -> tuple[int, int] | None:
    """The subject that follows its verb and ends at the comma before the cue ('Об этом заявил
    и мэр Лондона Садик Хан, отметив')."""
    i = verb + 1
    if i < len(tokens) and tokens[i].text.lower() == "и":
        i += 1
    found = _source_after(tokens, i)
    if found is None:
        return None
    comma = found[1] + 1
    if _pos(tokens[comma]) == "PREP":  # 'сказал он| в интервью газете «Ведомости», отметив'
        while comma < cue and (tokens[comma].is_word or tokens[comma].text in _QUOTES):
            comma += 1
    if tokens[comma].text == "," and comma + 1 == cue:
        return found if _head_case(tokens[found[0]]) else None
    return None


def _next_cue(tokens: list[_Token], cue: int, content: tuple[int, int]) -> int:
    """Where a clause after the cue ends before a coordinated cue of the same subject ('заявил,
    что ..., хотя и признал, что ...') or another predicate of it (`_next_predicate`): at the
    comma before it, else the clause's end."""
    for k in range(cue + 2, len(tokens)):
        if tokens[k].start >= content[1]:
            break
        if _next_predicate(tokens, cue, k) or _gerund_cue_after_comma(tokens, k):
            return tokens[_comma_before(tokens, k)].start
        if _is_cue_verb(tokens[k]) and _pos(tokens[k]) != "PRTS" and _coordinate(tokens, k):
            # not a participle after 'чем' or 'как' ('дороже, чем указано в смете')
            comma = k - 1
            while comma > cue and tokens[comma].text != ",":
                comma -= 1
            if comma > cue and tokens[comma].start > content[0]:
                return tokens[comma].start
    return content[1]


def _next_predicate(tokens: list[_Token], cue: int, k: int) -> bool:
    """Whether tokens[k] is a second predicate of the cue's subject after the clause said
    ('заявил, что шокирован ..., и попросил журналистов'; 'отметил, что ..., отказался
    признавать'): a finite verb in the cue's tense, number and gender (or person) right after a
    comma, a coordinating conjunction and particles between; a comma before it closes the
    clause, as predicates of that clause would be joined without one."""
    comma = _comma_before(tokens, k)
    if comma is None or _subordinate_before(tokens, cue, comma):
        return False
    verb, said = _parse(tokens[k].text), _parse(tokens[cue].text)
    if verb is None or said is None or verb.tag.POS != "VERB" or said.tag.POS != "VERB":
        return False
    return all(
        getattr(verb.tag, grammeme) == getattr(said.tag, grammeme)
        for grammeme in ("mood", "tense", "number", "gender", "person")
    )


def _comma_before(tokens: list[_Token], k: int) -> int | None:
    """The comma right before tokens[k], past one coordinating conjunction and particles ('и
    попросил', ', а также призвал'); None when another word stands between."""
    i = k - 1
    while i > 0 and tokens[i].is_word and _pos(tokens[i]) == "PRCL":
        i -= 1  # 'также', 'же'
    if i > 0 and tokens[i].text.lower() in _JOINING:
        i -= 1
    return i if i > 0 and tokens[i].text == "," else None


def _gerund_cue_after_comma(tokens: list[_Token], k: int) -> bool:
    """Whether tokens[k] is a gerund cue right after a comma ('..., заявив, что ...'): its
    subject is the sentence's, so it closes the clause said before it."""
    return (
        tokens[k - 1].text == ","
        and _pos(tokens[k]) == "GRND"
        and _is_cue_verb(tokens[k])
        and _comma_before(tokens, k) is not None
    )


#: The conjunctions that join a second predicate of the subject: 'и', 'а', 'но'.
_JOINING = frozenset({"и", "а", "но"})


def _subordinate_before(tokens: list[_Token], cue: int, comma: int) -> bool:
    """Whether the words between the comma before and `comma` open a clause that the comma
    closes, so that what follows is the clause said going on ('что если бы он знал, не
    поехал бы', 'что когда он пришёл, увидел')."""
    opens = next((i for i in range(comma - 1, cue, -1) if tokens[i].text == ","), cue)
    return any(t.text.lower() in _SUBORDINATORS for t in tokens[opens + 1 : comma])


#: The conjunctions that open a clause inside the clause said.
_SUBORDINATORS = frozenset({"если", "ежели", "когда", "хотя", "пока", "поскольку", "чтобы", "раз"})


def _coordinate(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue follows a coordinating conjunction ('и сказал', 'хотя и признал') with
    only particles between: it shares the subject of the verb before."""
    i = cue - 1
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) == "PRCL":
        i -= 1
    return i > 0 and tokens[i].is_word and _pos(tokens[i]) == "CONJ"


def _source_following(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """The source after a cue ('как отмечает издание', '— говорится в заявлении X', 'как
    заявили «Деньгам» в министерстве'): the document or institution of an impersonal or plural
    cue, else the words `_source_after` gives."""
    said, i = tokens[cue], _skip_addressee(tokens, cue + 1)
    if _is_impersonal(said):
        return _place_after(tokens, i, named=False)
    if _is_plural_cue(said) and (place := _place_after(tokens, i, named=False)):
        return place
    i = cue + 1
    while i < len(tokens) and tokens[i].is_word and _object(tokens[i]):
        i += 1  # 'прокомментировал ситуацию Мартынов', 'объясняет свою позицию Маккол'
    return _speaker_after(tokens, i)


def _speaker_after(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """The source after a cue verb from `i` on (`_source_after`), past an object that reads as
    a nominative too (`_past_thing`)."""
    return _source_after(tokens, _past_thing(tokens, _skip_setting(tokens, i)))


def _past_thing(tokens: list[_Token], i: int) -> int:
    """Where the speaker starts after an object that reads as a nominative too: a lower-case
    inanimate noun that can be accusative, its adjectives and genitives, before a lower-case
    noun of a person that is only nominative ('объяснил RT| мотивы западных медиа| специалист
    ...', 'прокомментировал RT| заявление украинского министра| специалист'); else `i`."""
    j = i
    while j < len(tokens) and tokens[j].is_word and _pos(tokens[j]) == "ADJF":
        j += 1
    if j >= len(tokens) or not _thing(tokens[j]):
        return i
    for k in range(j + 1, min(j + 8, len(tokens))):
        word = tokens[k]
        if _first_name(word):
            return k  # a name that is no genitive: 'подвёл итог| Владимир Шаповалов'
        if not word.is_word or word.text[:1].isupper() and not word.text.isascii():
            return i
        if _person(word) and not _can_be(word, "gent"):
            while k - 1 > j and _pos(tokens[k - 1]) == "ADJF" and _can_be(tokens[k - 1], "nomn"):
                k -= 1  # its adjectives: 'данные| главный редактор'
            return k
        if not (_can_be(word, "gent") or word.text.isascii() or _pos(word) == "ADJF"):
            return i
    return i


def _first_name(token: _Token) -> bool:
    """A capitalised Cyrillic first name that cannot be genitive ('Владимир', not 'Владимира'):
    a speaker who starts there, not an owner of the object before it."""
    parses = morph()(token.text)
    return (
        token.text[:1].isupper()
        and not token.text[:1].isascii()
        and any("Name" in p.tag and p.tag.case == "nomn" for p in parses)
        and not any(p.tag.case == "gent" for p in parses)
    )


def _thing(token: _Token) -> bool:
    """A lower-case inanimate noun whose reading may be accusative ('мотивы', 'заявление'); not
    an abbreviation, which pymorphy2 reads inanimate though it may name a role ('врио')."""
    parses = [p for p in morph()(token.text.lower()) if p.tag.POS == "NOUN"]
    return (
        token.text[:1].islower()
        and bool(parses)
        and _pos(token) not in ("PREP", "CONJ", "PRCL")  # 'в' has a noun's reading (a letter)
        and all("inan" in p.tag and "Abbr" not in p.tag for p in parses)  # 'врио' is a role
        and any(p.tag.case == "accs" for p in parses)
    )


def _person(token: _Token) -> bool:
    """A lower-case noun of a person in the nominative ('специалист', 'эксперт')."""
    return token.text[:1].islower() and _animate(token)


def _skip_addressee(tokens: list[_Token], i: int) -> int:
    """Past adverbs, a dative addressee and a quoted outlet after a cue ('заявили «Деньгам»')."""
    while i < len(tokens):
        if tokens[i].text in _QUOTES and i + 2 < len(tokens) and tokens[i + 2].text in _QUOTES:
            i += 3
        elif tokens[i].is_word and (
            _pos(tokens[i]) in ("ADVB", "PRCL") or _case(tokens[i]) == "datv"
        ):
            i += 1
        else:
            break
    return i


def _quotation_ends(text: str, start: int, stop: int) -> int:
    """`stop`, or the closing quotation mark in text[start:stop] that was opened before `start`:
    a clause inside a quotation ends with it ('«Я считаю, что X», — сказал он')."""
    for i in range(start, stop):
        if text[i] in _OPENERS and _closes(text, i) and not _opens(text, i):
            opening = _partner(text, i, forward=False, limit=i - start + 2)
            if opening is None or opening < start:
                return _trimmed(text, start, i)[1]
    return stop


def _quoted(
    text: str, opening: int, cue: _Token, source: tuple[int | None, int | None]
) -> Iterator[Speech]:
    """The quotation opened at `opening`, reported by `cue`, said by `source`."""
    closing = _partner(text, opening, forward=True)
    if closing is not None:
        content = _inner(text, opening + 1, closing)
        if content[1] > content[0]:
            yield Speech("direct", *content, cue.start, cue.stop, *source)


def _inverted(text: str, tokens: list[_Token], cue: int, start: int) -> list[Speech]:
    """'..., говорит один источник' (no quotation marks): what goes before the comma, said by
    the source that follows the verb."""
    comma = cue - 2 if cue > 1 and tokens[cue - 1].text in _DASHES else cue - 1
    if comma < 1 or tokens[comma].text != "," or _is_as(tokens, cue):
        return []
    if tokens[comma - 1].text in _OPENERS or not _finite(tokens[cue]):
        return []  # a quotation (`_quote_then_cue` has it) or 'отметив' (the subject's verb)
    if tokens[0].text.lower() in ("о", "об", "про"):
        return []  # 'О развитии ..., рассказал посол': what about, not what was said
    if _is_impersonal(tokens[cue]):  # '..., говорится в сообщении Белого дома.'
        source = _source_following(tokens, cue)
        if source is None or not _ends_sentence(tokens, source[1] + 1):
            return []
    else:
        source = _with_apposition(tokens, _speaker_after(tokens, cue + 1))
        if source is None or not _head_case(tokens[source[0]]) or not _nominal(tokens[source[0]]):
            return []
    content = _trimmed(text, start, tokens[comma].start)
    if _parenthesis(text, tokens, comma, dash=comma < cue - 1):
        content = _said_around(text, tokens, comma, source)  # 'Более того, отметил он, ...'
    if content is None or _is_question(text, *content):
        return []
    said = tokens[cue]
    return [Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))]


def _finite(token: _Token) -> bool:
    """A cue that takes its own subject after it: a finite verb, or a stance word ('уверен
    политолог'); not a gerund."""
    return _pos(token) == "VERB" or _is_stance_word(token)


def _said_around(
    text: str, tokens: list[_Token], comma: int, source: tuple[int, int]
) -> tuple[int, int] | None:
    """What a parenthetical cue after a short opening phrase reports, as an aside 'по словам
    X' does (`_aside_opens`): the opening and the clause after the comma that closes its
    source, to the end of the sentence, one span with the cue inside ('Такие действия
    Таллина, отметил он, не соответствуют ...'); the clause alone after linking words ('При
    этом, добавляет эксперт, ...'). None when no comma closes the source or a verb follows it
    ('отметил он, добавив, что': the gerund's own quote)."""
    closing = source[1] + 1
    if closing + 2 >= len(tokens) or tokens[closing].text != ",":
        return None
    if _pos(tokens[closing + 1]) in ("VERB", "GRND", "INFN"):
        return None
    content = _trimmed(text, tokens[closing].stop, tokens[-1].stop)
    if _words(text, *content) < 2:
        return None
    opening = tokens[:comma]
    if (_linking(opening) and _only_links(opening)) or all(
        _pos(t) in _LINKING for t in opening if t.is_word
    ):
        return content  # 'При этом, добавляет эксперт, ...', 'Кроме того, отметил он, ...'
    opens = _aside_opens(tokens, comma + 1)
    return content if opens is None else (tokens[opens].start, content[1])


#: Parts of speech of a phrase that only links (a parenthesis: 'Более того', 'Тем не менее').
_LINKING = frozenset({"ADVB", "COMP", "CONJ", "PRCL", "PREP", "NPRO", "PRED"})


def _parenthesis(text: str, tokens: list[_Token], comma: int, dash: bool) -> bool:
    """Whether the words before the comma of '..., говорит X' are too few to be what was said:
    fewer than four; after a comma and a dash, which mark the words before as said ('Крайне
    вероятный вариант, — считает X'), fewer than two or only linking words."""
    count = _words(text, tokens[0].start, tokens[comma].start)
    if not dash or count >= 4:
        return count < 4
    return count < 2 or all(_pos(t) in _LINKING for t in tokens[:comma] if t.is_word)


def _ends_sentence(tokens: list[_Token], i: int) -> bool:
    """Whether only the sentence's final marks (or nothing) are left from `i` on."""
    return all(t.text in ".!?…" for t in tokens[i:])


def _inverted_position(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue follows a comma or a dash (its subject, if any, comes after it)."""
    return cue > 0 and (tokens[cue - 1].text == "," or tokens[cue - 1].text in _DASHES)


#: The words that open the clause of a statement's noun: 'заявление X о том, что ...',
#: 'предупреждения, что ...'.
_CLAUSES = (("о", "том", ",", "что"), (",", "что"))

#: At most this many words name whose statement it is, between the noun and its clause.
_OWNER_WORDS = 5


def _statement_that(text: str, tokens: list[_Token], cue: int, stop: int) -> Speech | None:
    """A noun of statement with what was said in a clause 'о том, что' or ', что', and its
    speaker in the genitive between them when it is named ('заявление госсекретаря Рекса
    Тиллерсона о том, что ...', 'слова Асада о том, что ...'; 'обращения ... и предупреждения,
    что ...', 'вызвано сообщениями о том, что ...': whose is not said). The noun is the cue,
    the genitive phrase the source. Not 'по словам' (an aside), nor a noun after a cue verb of
    its clause ('рассказал в интервью, что': the verb is the cue)."""
    said = tokens[cue]
    if not said.is_word or _word_key(said.text) not in cue_forms():
        return None
    if _pos(said) != "NOUN" or _lemma(said.text) not in cue_nouns():
        return None
    if cue > 0 and tokens[cue - 1].text.lower() == "по":
        return None
    clause = _noun_clause(tokens, cue)
    if clause is None:
        return None
    about, that = clause
    owned = about > cue + 1
    if owned and not _genitive_owner(tokens, cue + 1, about):
        return None
    if not owned and _unowned_not_said(text, tokens, cue, that, stop):
        return None
    content = _trimmed(text, tokens[that].stop, stop)
    if not any(_pos(t) == "VERB" for t in tokens[:cue]):
        # The noun opens the sentence before its verb: the clause ends at the next comma
        # ('Вопреки заявлениям Минобороны о том, что он ..., аль-Джулани участвовал').
        comma = next((t for t in tokens[that + 1 :] if t.text == ","), None)
        content = _trimmed(text, content[0], comma.start) if comma else content
    content = (content[0], _quotation_ends(text, *content))
    if content[1] <= content[0] or _is_question(text, *content):
        return None
    first = said.start
    if owned:
        source = _span(tokens, cue + 1, about - 1)
    elif cue > 0 and tokens[cue - 1].text.lower() in _POSSESSIVES:
        source = _span(tokens, cue - 1, cue - 1)  # 'ее заявление о том, что ...'
    elif (maker := _statement_maker(tokens, cue)) is not None:
        verb, subject = maker  # 'Эксперты сходятся во мнении, что ...'
        first, source = tokens[verb].start, _span(tokens, *subject)
    else:
        source = (None, None)
    return Speech("indirect", *content, first, said.stop, *source)


#: What may stand between a verb and the noun of statement it governs: a preposition, an
#: adjective or a pronoun ('выступил с таким заявлением', 'сходятся во мнении').
_GOVERNED_AFTER = frozenset({"PREP", "ADJF", "PRTF", "NPRO"})


def _statement_maker(tokens: list[_Token], cue: int) -> tuple[int, tuple[int, int]] | None:
    """The verb whose subject makes or holds the unowned statement at `cue` ('Эксперты
    сходятся во мнении, что', 'X выступила с заявлением о том, что'; `statement_verbs`, derived
    from the corpus), right before the noun past at most two words of `_GOVERNED_AFTER`, not
    negated, and its subject before it by word order: (the verb, the subject's span)."""
    k = cue - 1
    while k >= 0 and cue - k <= 3 and tokens[k].is_word and _pos(tokens[k]) in _GOVERNED_AFTER:
        k -= 1
    if k < 0 or cue - k > 3 or not tokens[k].is_word or _pos(tokens[k]) != "VERB":
        return None
    if _lemma(tokens[k].text).replace("ё", "е") not in statement_verbs():
        return None
    if k > 0 and tokens[k - 1].text.lower() == "не":
        return None
    subject = _source_before(tokens, k)
    return None if subject is None else (k, subject)


def _noun_clause(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """Where the clause of the noun at `cue` opens ('о том, что' or ', что', within
    _OWNER_WORDS words after it) and its 'что'."""
    for k in range(cue + 1, min(cue + 2 + _OWNER_WORDS, len(tokens))):
        words = tuple(t.text.lower() for t in tokens[k : k + 4])
        for clause in _CLAUSES:
            if words[: len(clause)] == clause:
                return k, k + len(clause) - 1
    return None


#: Possessives of the first and second person: 'Моё мнение, что ...' is a hedge, 'из ваших
#: слов, что ...' what the addressee is asked about.
_PERSONAL_POSSESSIVES = frozenset({"мой", "наш", "твой", "ваш"})


def _unowned_not_said(text: str, tokens: list[_Token], cue: int, that: int, stop: int) -> bool:
    """Whether a noun of statement whose speaker is not named between it and its clause reports
    nothing of its own: after a cue verb of its clause (the verb is the cue), negated, with a
    possessive of the first or second person, in a question ('Согласны с утверждением, что
    ...?'), or before 'что бы' ('Иными словами, что бы ... ни делало')."""
    before = tokens[cue - 1] if cue > 0 else None
    return (
        _after_cue_verb(tokens, cue)
        or (before is not None and before.text.lower() == "не")
        or (before is not None and _lemma(before.text) in _PERSONAL_POSSESSIVES)
        or _is_question(text, tokens[cue].start, stop)
        or (that + 1 < len(tokens) and tokens[that + 1].text.lower() == "бы")
    )


def _after_cue_verb(tokens: list[_Token], cue: int) -> bool:
    """Whether a cue verb stands before the noun at `cue` in its clause, words only between
    ('рассказал в интервью, что', 'высказал мнение, что')."""
    k = cue - 1
    while k >= 0 and tokens[k].is_word:
        if _is_cue_verb(tokens[k]):
            return True
        k -= 1
    return False


def _genitive_owner(tokens: list[_Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] is a noun phrase in the genitive, whose statement it is: words
    and quotation marks only, its head a noun or name that can be genitive ('Пентагона',
    'американского политолога Збигнева Бжезинского', 'МИД'), none a verb or preposition."""
    words = [t for t in tokens[first:stop] if t.text not in _QUOTES]
    if not words or not all(t.is_word for t in words):
        return False
    excluded = ("VERB", "INFN", "GRND", "PRTS", "ADJS", "PREP", "CONJ", "PRCL", "ADVB")
    if any(_pos(t) in excluded for t in words):
        return False
    head = (
        words[0]
        if _pos(words[0]) not in ("ADJF", "PRTF")
        else next((t for t in words if _pos(t) not in ("ADJF", "PRTF")), None)
    )
    return (
        head is not None
        and (_can_be(head, "gent") or head.text.isascii() or _fixed(head))
        and _nominal(head)
    )


def _is_as(tokens: list[_Token], cue: int) -> bool:
    """The cue follows 'как', adverbs and particles between ('как отмечает', 'как заявил
    вчера', 'как ранее поясняли', 'как уже говорил')."""
    i = cue - 1
    while i > 0 and tokens[i].is_word and tokens[i].text.lower() != "как" and _adverb(tokens[i]):
        i -= 1
    return i >= 0 and tokens[i].text.lower() == "как" and not _compared(tokens, i)


#: Words that make a following ', как' a comparison ('так, как он сказал', 'так же, как') or a
#: clause of time ('после того, как'), not an aside that reports; after 'кроме', 'помимо' or
#: 'к' it is a connective ('Кроме того, как отмечают ...', 'К тому же, как отметил ...').
_COMPARED = frozenset({"так", "такой", "тот", "же"})
_ADDING_THAT = frozenset({"кроме", "помимо", "к"})


def _compared(tokens: list[_Token], k: int) -> bool:
    """Whether 'как' at `k` compares with a word before its comma ('сделано так, как ...', 'так
    же, как') or opens a clause of time ('после того, как ...'); not after a connective ('Кроме
    того, как', 'К тому же, как')."""
    if not (k > 1 and tokens[k - 1].text == ","):
        return False
    j = k - 2
    if tokens[j].text.lower() == "же" and j > 0:
        j -= 1
    if _lemma(tokens[j].text) not in _COMPARED:
        return False
    return not (j > 0 and tokens[j - 1].text.lower() in _ADDING_THAT)


def _adverb(token: _Token) -> bool:
    return _pos(token) in ("ADVB", "PRCL")


#: The most words between an aside's cue and the comma that closes it ('в начале марта').
_SETTING_WORDS = 6


def _as_subject(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """The subject of an aside that opens with 'как' and names its speaker before the cue ('Как
    он говорил в начале марта, ...', ', как министр заявил журналистам, ...'): 'как' opens the
    sentence or follows a comma, and the subject before the cue starts right after it. Not a
    pronoun of the first or second person: 'Как мы уже сообщали', 'Как я сказал выше' refer
    back to the writer's or speaker's own words, a hedge that reports nothing new."""
    if not any(t.text.lower() == "как" for t in tokens):
        return None  # no 'как' to open the aside: the subject is not looked for
    source = _source_before(tokens, cue)
    if source is None or _personal(tokens[source[0]]):
        return None
    k = source[0] - 1
    opens = k == 0 or (k > 0 and tokens[k - 1].text == ",")
    named = k >= 0 and tokens[k].text.lower() == "как" and opens and not _compared(tokens, k)
    return source if named else None


def _personal(token: _Token) -> bool:
    """A pronoun of the first or second person ('я', 'мы', 'вы')."""
    parse = _parse(token.text)
    return parse is not None and parse.tag.POS == "NPRO" and parse.tag.person in ("1per", "2per")


def _setting_ends(tokens: list[_Token], i: int) -> int:
    """The comma that closes an aside's cue, past the words of when, where or to whom it was
    said; `len(tokens)` when a mark other than a comma or quotation marks comes first or the
    words run on."""
    for k in range(i, min(i + _SETTING_WORDS + 1, len(tokens))):
        if tokens[k].text == ",":
            return k
        if not (tokens[k].is_word or tokens[k].text in _QUOTES):
            break
    return len(tokens)


#: Possessive pronouns of the third person: 'по его словам'.
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


def _cue_noun(tokens: list[_Token], at: int) -> int | None:
    """The cue noun of 'по словам', 'по мнению', 'по его словам' that starts at `at`, also
    after its adjectives in the dative ('по независимой оценке X', 'по его личному мнению')."""
    i = at + 1
    if i < len(tokens) and tokens[i].text.lower() in _POSSESSIVES:
        i += 1
    while i < len(tokens) and _pos(tokens[i]) == "ADJF" and _can_be(tokens[i], "datv"):
        i += 1
    if i < len(tokens) and _case(tokens[i]) == "datv" and _lemma(tokens[i].text) in aside_nouns():
        return i
    return None


def _according_to(
    text: str, tokens: list[_Token], at: int, noun: int, start: int, stop: int
) -> Speech | None:
    """'по словам X, ...', 'по его мнению, ...': the source up to the comma (or the possessive);
    the content is the rest of the sentence, from where `_aside_opens` says when the phrase is
    mid-sentence (or, when the phrase comes last, what goes before it)."""
    if tokens[at + 1].text.lower() in _POSSESSIVES:
        source = (at + 1, at + 1)
    else:
        source = _genitive_apposition(tokens, _source_after(tokens, noun + 1))
    if source is None:
        return None
    end = max(source[1], noun) + 1
    cue = (tokens[at].start, tokens[noun].stop)
    if end < len(tokens) and tokens[end].text == ",":
        content = _trimmed(text, tokens[end].stop, stop)
        opens = _aside_opens(tokens, at)
        if opens is not None:  # mid-sentence: what goes before is said too
            content = (tokens[opens].start, content[1])
    else:
        content = _trimmed(text, start, tokens[at].start)
    if content[1] <= content[0]:
        return None
    return Speech("indirect", *content, *cue, *_span(tokens, *source))


def _genitive_apposition(
    tokens: list[_Token], source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The source of 'по словам X,' with the descriptions of X after it, in X's genitive and
    each set off by commas ('По мнению Гвинет Тодд, экс-советника бывшего президента США Билла
    Клинтона, ...'; 'политолога, американиста, профессора ... Сергея Судакова')."""
    while source is not None and (last := _apposed_genitive(tokens, source[1] + 1)) is not None:
        source = source[0], last
    return source


def _apposed_genitive(tokens: list[_Token], comma: int) -> int | None:
    """The last token of a description between the comma at `comma` and the next one: a
    lower-case genitive noun phrase (`_genitive_owner`) headed by a noun of a person; not one
    a relative clause goes on to describe ('политолога, критика, с которой ...', where
    'критика' is no critic)."""
    first = comma + 1
    if first >= len(tokens) or tokens[comma].text != "," or not tokens[first].text[:1].islower():
        return None
    end = next((k for k in range(first, len(tokens)) if not tokens[k].is_word), len(tokens))
    if end + 1 >= len(tokens) or tokens[end].text != "," or _relative(tokens, end + 1):
        return None
    noun = next((t for t in tokens[first:end] if _pos(t) == "NOUN"), None)
    owner = _placed_from(tokens, first, end)
    if noun is None or not _animate(noun, "gent") or not _genitive_owner(tokens, first, owner):
        return None
    return end - 1


def _placed_from(tokens: list[_Token], first: int, end: int) -> int:
    """Where prepositional phrases that end a description start ('главы делегации| на
    Олимпиаде в Пхёнчхане'): the first preposition after `first` when from it to `end` only
    prepositions and the words of their objects follow, no verb or conjunction; else `end`."""
    prep = next((k for k in range(first + 1, end) if _pos(tokens[k]) == "PREP"), end)
    clause = ("VERB", "INFN", "GRND", "PRTF", "PRTS", "CONJ", "ADVB")
    if any(_pos(t) in clause for t in tokens[prep:end]):
        return end
    return prep


def _aside_opens(tokens: list[_Token], at: int) -> int | None:
    """Where what was said starts before a parenthetical cue at `at` (', по словам X,'): after
    a leading connective ('Кроме того,', 'Впрочем,'), also one whose comma is the aside's ('При
    этом, по оценке X, ...'), and after the last ', но|а|то|и' before the cue; None when nothing
    is left, or only a relative pronoun ('которые, по словам X, ...')."""
    comma = at - 1
    if comma < 1 or tokens[comma].text != ",":
        return None
    first = 0
    lead = next((k for k in range(comma + 1) if tokens[k].text == ","), None)
    opening = tokens[:lead] if lead is not None and 0 < lead <= 3 else None
    if opening and _linking(opening) and (lead < comma or _only_links(opening)):
        first = lead + 1
    last = first
    for k in range(first, comma - 1):
        if tokens[k].text == "," and _pos(tokens[k + 1]) == "CONJ":
            first = k + 2
        if tokens[k].text == ",":
            last = k + 1
    if first >= comma:
        return None
    if comma - last == 1 and (
        _lemma(tokens[last].text) == "который" or _pos(tokens[last]) in ("CONJ", "PRCL")
    ):
        return None  # 'которые, по словам X, ...': the relative clause is not said
    return first


def _linking(words: list[_Token]) -> bool:
    """Whether `words` are a discourse connective ('Кроме того', 'Впрочем', 'Тем не менее',
    'При этом'): each a word of one (`_connective`), or a pronoun after a preposition of
    addition (`_ADDING`), the anaphoric object of 'при этом', 'помимо этого' (as 'кроме того',
    whose 'того' reads as an adjectival pronoun)."""
    return all(
        _connective(t) or (_after_adding(words, k) and _pos(t) == "NPRO")
        for k, t in enumerate(words)
        if t.is_word
    )


#: Prepositions that make a connective of a neuter pronoun: 'при этом', 'помимо этого', 'кроме
#: этого' (not 'после этого', 'для этого': adverbials of the clause said).
_ADDING = frozenset({"при", "помимо", "кроме"})


def _after_adding(words: list[_Token], k: int) -> bool:
    """Whether words[k] follows a preposition of addition (`_ADDING`: 'при этом', 'кроме того')."""
    return k > 0 and _lemma(words[k - 1].text) in _ADDING


def _only_links(words: list[_Token]) -> bool:
    """Whether a phrase right before an aside's comma only links ('При этом', 'Кроме того',
    'Впрочем', 'Тем не менее') and is no part of what was said: not a lone adverb of time or
    place with its particles ('Теперь же', 'Сейчас'), nor a word that can be a pronoun of the
    clause ('И это', 'Над остальным'), a pronoun after a preposition being the neuter
    anaphoric one ('этом', 'того') only."""
    if _time_or_place([t for t in words if _pos(t) != "PRCL"]):
        return False
    for k, token in enumerate(words):
        after_preposition = _after_adding(words, k)
        if _pos(token) in ("CONJ", "PREP", "ADVB"):
            continue  # 'Тем не менее', 'Между тем': 'тем' reads as a conjunction first
        for parse in morph()(token.text.lower()):
            if parse.tag.POS == "NPRO" and not (after_preposition and parse.tag.gender == "neut"):
                return False
            if "Apro" in parse.tag and "Anph" not in parse.tag and parse.tag.POS == "ADJF":
                return False
    return True


def _time_or_place(words: list[_Token]) -> bool:
    """Whether `words` are one adverb that is no parenthesis ('Сейчас', 'Ранее', 'Здесь')."""
    parse = _parse(words[0].text) if len(words) == 1 else None
    return parse is not None and parse.tag.POS == "ADVB" and "Prnt" not in parse.tag


def _connective(token: _Token) -> bool:
    """A word of a discourse connective ('Кроме того', 'Впрочем', 'Тем не менее')."""
    parse = _parse(token.text)
    return parse is not None and (
        parse.tag.POS in ("CONJ", "PRCL", "ADVB", "PREP") or "Apro" in parse.tag
    )


#: The words that open a condition: speech under one is supposed, not reported.
_CONDITIONS = frozenset({"если", "ежели"})
