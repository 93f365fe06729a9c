"""Who said a quote: the entity its source names, read against the article's people.

The source's words name the speaker, or describe them and the article named them before
(`Article.speaker`, rules in order):
1. Where it was said is not who said it: the words of an occasion ('в интервью Стоуну', 'в
   беседе с RT', 'на брифинге') and media mentions are left out of the source; a source of
   nothing else is the person right before it ('Алексей Мухин [в интервью RT] заявил'); with a
   plural cue, the organisation of a phrase 'в ...' that told the medium ('В АО «Электронный
   паспорт» ... RT рассказали', 'Об этом RT сообщили в Минздраве'), else the medium 'в' puts
   right before the cue's own word ('В CNN подчеркнули').
2. A person the rest names is the speaker ('Президент Ильхам Алиев'), not whose the speaker is
   ('советник Трампа', 'администрация Порошенко', 'в штабе Трампа'); a bare first name or
   surname that the entity stage kept apart ('Ирина', 'Дижур') is the one person of the
   article whose full name has it, and so is a surname of several words ('Ле Пен' is the
   Марин Ле Пен named before); of several people the source names, the one in the nominative
   when it comes first and alone ('Австралийский теннисист Бернард Томич после проигрыша Мише
   Звереву'); a bare surname two people of the article share, a man and a
   woman ('Дональд Трамп', 'Меланья Трамп'), is the one of the cue's gender ('— заявляла
   Трамп'); a surname after a particle is one too ('аль-Шакир', 'бен Сальман'). An unnamed
   source ('источник RT в Минэкономики') is nobody, and so is a pronoun or a description that
   refers back to it ('— сказал собеседник агентства') or to an unnamed person the text
   introduced ('Мужчину лет 35-ти ... он поясняет', 'одна из жительниц ... По её словам'), a
   name the text says it made up ('Ирина (имя изменено)') or one who asked not to be named
   ('собеседница, попросившая не указывать её имени'), since the last person named.
3. A source that describes one person by a noun ('эксперт', 'бывший глава Минфина', 'глава
   британского МИД') is that person, never the organisation in its phrase: the person named
   right after it in apposition ('..., политолог Дмитрий Журавлёв'), else for a role of a
   state the one holding it in the article (`entities.role`: 'глава государства', 'российский
   лидер' is the president), else the nearest earlier person introduced with the same noun (for
   a role named by other words, the role's: 'глава польского государства' is the one introduced
   as 'президент', not the nearest 'глава Пентагона') or a compound of it ('вице-премьер РФ
   Виталий Мутко', 'ведущая' for 'телеведущая') or holding it as their role, else the one
   holding its role, else the speaker of the quote just before, else the antecedent, as for a
   pronoun. A noun any commentator fits ('эксперт', 'мужчина')
   is first the person just named or quoted (`Article._just_named`), when that person has no
   role, a commentator's, or any role in a body of research or analysis (`_commenting`:
   'президент Центра системного анализа'). One naming a country
   is not one of another country or a commentator when a person of it was named just before
   ('По словам бывшего главы Грузии' after a political scientist's quote). The speaker just
   before gives way to a person presented as speaking since (`_speaking_since`: 'Магомед
   Толбоев назвал Ан-26 «...». «...», — отметил собеседник агентства'), or presented with a
   noun of a person as the subject of the sentence right before, whose role fits
   (`_presented_before`: 'вступился даже информатор WADA Григорий Родченков. Экс-глава ...
   заявил'). A noun that can only be plural introduces nobody ('перед депутатами Саша
   Спилберг' is no 'депутат'). 'Другой прохожий' is
   nobody named before; a bystander ('местная жительница', `_BYSTANDERS`) only the person just
   named or quoted, or one introduced with the noun.
   A relative's noun ('мать', `_KIN`) is never a person of the other sex; a pundit's
   ('эксперт') never one known by an office of a state alone (`_in_office`: Трамп, Путин).
4. An organisation is the speaker when the source is the organisation or speaks for it ('в
   Минсельхозе', 'сообщил Росстат', 'представитель Госдепа' when no spokesman of it is named:
   `_spokesman`, nor a member of it presented just before: `_member`), or refers back to it
   by a noun it was called by (beyond the last sentences, the one such organisation the
   article named, else the nearest: `_named_back`, for 'ведомство' the nearest state
   department; a plural noun, 'в обоих ведомствах', is several bodies and no one)
   ('в министерстве', 'в авиакомпании', 'представители ведомства'): for 'ведомство',
   'пресс-служба', 'организация' the organisation that spoke just before, else the nearest
   named; a noun no adjective qualifies, by a compound of it too ('представители компании'
   for 'авиакомпания Ryanair'); else, in the last sentences, one of that kind by the corpus's
   full names for it ('в министерстве' after 'МИД Франции', `kinds`). A country or a capital
   named alone stands for its government ('Россия заявляла', 'В Дамаске считают'), unless it
   says where the speaker is ('В посольстве России в Канаде'); so does a country named as a
   side ('российская сторона': `_side_country`), as its authorities ('швейцарские власти')
   or by its government's noun before its name ('правительство Великобритании', 'кабмин РФ',
   'власти США'). A department named by its field
   ('дипведомство', 'в военном ведомстве США': `_field_body`) is the article's body of that
   field and country, not the nearest body named. 'Там' ('В МИД заявили ... Там подчеркнули')
   is the body, medium or state that spoke in the quote just before, when that quote ended in
   the sentence before or its own, else the one body or medium that sentence or its own names
   after 'в' ('в Федерации фигурного катания ... Там отметили'); a place is where they were,
   not who ('в Крыму. Там отметили' is nobody).
   A document is its author's ('Европарламент принял резолюцию ... — говорится в резолюции');
   a document with no author found, and an impersonal cue ('Отмечается, что ...') with no
   quote just before, the owner of the press service the sentence reporting speech before
   names ('сообщили в пресс-службе седьмого флота ВМС США'); an impersonal cue right after a
   sentence, since the quote before, that gives a medium's own report goes on with it ('...,
   передаёт «Рёнхап» со ссылкой на ... Сообщается, что'). 'В нём утверждалось' is the
   maker of the paper of the sentence before; a source 'в нём', 'в ней', 'в них' is said of a
   paper, never of a person: the maker of the paper it agrees with in the sentence before,
   else the speaker of the quote just before said in such a paper, else nobody. A paper
   'от имени министра' is the minister's.
   A bare publication's noun ('говорится в публикации') is the medium quoted just before, or
   one who wrote in their own channel, else its maker ('вышла статья издания The Boston
   Globe'), else the medium whose own report the nearest sentence with names gives ('...,
   передает портал TMZ'); so is a statement's noun ('..., об этом сообщает India Today. «...»,
   — говорится в сообщении'), a body's report too when no medium is named.
5. 'Я' in an interview's '- ' answer and 'вы' in its question are the interviewee (rule 8),
   also in an answer's paragraph the speech rules did not take whole; 'я' inside «» elsewhere
   is the speaker of the quote before when the «» name them between dashes ('— считает Нина
   Мамедова. — Я думаю') or a pronoun at its opening would be read as them.
   A pronoun in any case ('он', 'по её словам') is the one person of the nearest earlier
   sentence with people, of the gender of the pronoun or of the cue verb ('добавила'), that the
   text presents (the subject, or after a noun of a person: 'информатора Родченкова'; an
   undeclined surname after a thing's noun is whose it is: 'Слова Порошенко'), else the
   speaker of the quote just before, not one only spoken of ('о Трампе'); the speaker of the
   quote just before first when its source names them after those people by a surname NER
   did not tag ('— считает аль-Шакир. По словам эксперта'), or when those people are not the
   subject of their sentence and it is an unnamed noun of the role that quote's source names
   ('... оппозиционера Алексея Навального, премьер-министр РФ отказался ... — считает
   премьер. ... по его словам' is the premier); 'который' is the person just before it. A
   sentence that opens with 'он' before its people passes a pronoun on to the one named before
   it; a quotation that resumes after the name between its dashes ('— оценил Симонов. — Я
   думаю') is theirs. 'Тот' ('та') is the person or organisation named last before it, in its
   sentence or the one before, unless a noun of a person follows that name ('обратились к
   губернатору Андрею Бочарову ... В ответ тот заявил').
6. A group ('эксперты', 'сотрудники МОК', a plural cue) is nobody in particular, and so is one
   of several ('один из источников') unless named right after ('По словам одного из режиссёров
   мультфильма, Юрия Кулакова').
7. No source beside the cue: the person named right after it ('— сказал Брутер').
8. A '- ' answer of an interview is the interviewee's, named in the headline (the surname after
   its quotation, the corpus's person of that name when the text tags nobody of it: 'Колобков
   о ...'; not a person the headline is about: 'о ..., таланте Месси'),
   presented in the sentence that introduces its section ('RT обсудил с ... Ольгой
   Брусникиной'), the lead or the heading of its section, or addressed by a question
   (`Article.interviewee`); people named inside the answers (also an answer's paragraph with
   no dash that speaks in the first person) or inside a quotation are spoken of. A fragment
   ('Оуэн', 'Борис Александрович') is the person written in full beside it.
   In an article of several interviews, each section (a heading that is a quotation alone on
   its line, a paragraph presenting its speaker, then questions) is the person its
   introduction names, not one its questions ask about nor the headline's (`sections`); an
   editorial footnote ('* «Исламское государство» ... запрещённая') is no one's.
9. An outlet reporting on its own account is the speaker ('По оценкам CNN', 'сообщает ТАСС со
   ссылкой на ...', 'китайское издание The Global Times'), not one whose person speaks
   ('собеседник RT', 'в интервью RT'); 'пишет издание' is the outlet the headline opens
   with, else the one that spoke just before; a source no rule names
   anybody from is the person named right after it in the same clause ('— рассказала
   заведующая поликлиникой №2 Светлана Андреева'). Whom an outlet or a press service cites
   by name ('— цитирует Возняцки официальный сайт Уимблдона'), by a noun and the name after
   it ('цитирует главу МОК Томаса Баха официальный сайт'), or by a noun of a person before the
   outlet ('— цитирует политика РИА': whom the noun refers to) is the speaker (`_cited`).
   A noun of one who speaks that names no body ('— отметил спикер') is the person presented
   as speaking since the quote before (`_spokesperson_since`).
Only people mentioned outside quotations count as earlier people.

The package: `records` and the word tests (`words`, `patterns`, `spans`, `phrases`,
`sentences`) below the rule groups, one mixin of `Article` a module (`text`, `names`, `roles`,
`documents`, `media`, `reference`, `sources`, `interviews`, `sections`), combined in
`article`."""

from pipeline.stages.speakers.article import Article
from pipeline.stages.speakers.records import (
    ROLE_PHRASES,
    Mention,
    Person,
    Previous,
    Said,
    abbreviation,
    head_noun,
    name_keys,
    renamed_role,
    role_head,
)

__all__ = [
    "Article",
    "Mention",
    "Person",
    "Previous",
    "ROLE_PHRASES",
    "Said",
    "abbreviation",
    "head_noun",
    "name_keys",
    "renamed_role",
    "role_head",
]
