"""The global filters: URL round trip, SQL that takes user input only as parameters, and the
articles each filter selects on the seeds, checked against the tables themselves."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from dataclasses import replace

import pytest
from conftest import SHARED, read_table
from streamlit.testing.v1 import AppTest
from test_app import APP, run_app

from dashboard import store
from dashboard.filters import Filters
from dashboard.queries.actors import top_actors
from dashboard.queries.articles import article_list
from dashboard.queries.countries import top_countries
from dashboard.queries.search import concordance
from dashboard.store import ENV_VAR, connection, open_build, summary
from dashboard.widgets.url import page_link, page_links
from pipeline.build import build

D = dt.date


def test_url_round_trip() -> None:
    filters = Filters(
        start=D(2025, 12, 10),
        countries=("AZE", "TUR"),
        actors=("e1",),
        types=("PER",),
        topics=(3, 0),
        sources=("a.txt",),
        text="НАТО",
        headlines=True,
        inferred=False,
    )
    params = filters.to_params()
    assert params == {
        "from": ["2025-12-10"],
        "country": ["AZE", "TUR"],
        "actor": ["e1"],
        "type": ["PER"],
        "topic": ["3", "0"],
        "source": ["a.txt"],
        "q": ["НАТО"],
        "headline": ["1"],
        "inferred": ["0"],
    }
    assert Filters.from_params(params) == filters
    assert Filters.from_params({}) == Filters() and not Filters().active


def test_links_of_a_table_keep_the_filters_as_one_link_does() -> None:
    """The Reader links of a table's rows are each what `page_link` makes for that row."""
    filters = Filters(start=D(2025, 12, 10), countries=("AZE", "TUR"), text="Средний коридор")
    ids = ["0f3a9c", "id with space", "ё&="]
    assert page_links("reader", filters, "article", ids) == [
        page_link("reader", filters, article=a) for a in ids
    ]
    assert page_links("reader", Filters(), "article", ids[:1]) == ["reader?article=0f3a9c"]


def test_bad_url_values_are_ignored() -> None:
    parsed = Filters.from_params({"from": ["31.12.2025"], "topic": ["x", "2"], "type": ["FOO"]})
    assert parsed == Filters(topics=(2,))


def test_user_text_is_a_parameter_not_sql(seed_build) -> None:
    hostile = "x'); DROP TABLE articles; --"
    sql, params = Filters(text=hostile, sources=(hostile,)).where()
    assert hostile not in sql and [hostile] in params  # the sources filter, whole
    assert all(w in params for w in ("x", "drop", "table", "articles"))  # the words
    built = open_build(seed_build)
    assert summary(built, Filters(text=hostile))["articles"] == 0
    assert summary(built, Filters())["articles"] == 5


def seed_ids(seed_articles: dict, *numbers: str) -> set[str]:
    return {seed_articles[n]["article_id"] for n in numbers}


def selected(seed_build, filters: Filters) -> set[str]:
    return set(article_list(open_build(seed_build), filters, 100)["article_id"])


def test_each_filter_selects_its_articles(seed_build, seed_articles) -> None:
    # Publication dates: 000 2025-12-15, 001 2025-12-05, 003 2025-12-29, 004 2026-01-22.
    december = Filters(start=D(2025, 12, 10), end=D(2025, 12, 31))
    assert selected(seed_build, december) == seed_ids(seed_articles, "000", "003")
    # Countries and actors, from the tables.
    kaz = {
        m["article_id"] for m in read_table(seed_build, "country_mentions") if m["country"] == "KAZ"
    }
    assert seed_articles["003"]["article_id"] in kaz
    assert selected(seed_build, Filters(countries=("KAZ",))) == kaz
    (tokayev,) = [
        e for e in read_table(seed_build, "entities") if e["name"] == "Касым-Жомарт Токаев"
    ]
    assert selected(seed_build, Filters(actors=(tokayev["entity_id"],))) == seed_ids(
        seed_articles, "003"
    )
    # Text: every word, case-insensitive, in the text or the title, part of a word counting.
    assert selected(seed_build, Filters(text="средний коридор")) == seed_ids(seed_articles, "003")
    lorenzson = Filters(text="ЛОРЕНЦСОН")  # seed 000's interviewee
    assert selected(seed_build, lorenzson) == seed_ids(seed_articles, "000")
    # 'Столтенберг' is in 000 only, 'Трамп' in 004 only: no article has both.
    assert selected(seed_build, Filters(text="Трамп")) == seed_ids(seed_articles, "004")
    assert selected(seed_build, Filters(text="Столтенберг Трамп")) == set()
    # Part of a word: 'азербайджано-казахстанск' is in 003's compound adjectives.
    assert seed_articles["003"]["article_id"] in selected(seed_build, Filters(text="казахстанск"))
    # Within a kind any value, across kinds all of them.
    either = Filters(countries=("KAZ", "GBR"))
    assert seed_ids(seed_articles, "001", "003") <= selected(seed_build, either)
    assert selected(seed_build, Filters(countries=("KAZ",), text="Лондон")) == set()


def test_the_selection_holds_each_article_with_its_key(seed_build, seed_articles) -> None:
    """The pages join the selection to the tables laid out by date on `article_key`: each
    selected article comes with its own key, as `articles` numbers it."""
    keys = {a["article_id"]: a["article_key"] for a in read_table(seed_build, "articles")}
    built = open_build(seed_build)
    for filters in (Filters(), Filters(countries=("KAZ",)), Filters(text="Трамп")):
        chosen = store._selection(built.directory, built.build_id, filters).to_pylist()
        assert {c["article_id"] for c in chosen} == selected(seed_build, filters)
        assert all(c["article_key"] == keys[c["article_id"]] for c in chosen)


def test_country_and_actor_filters_keep_to_the_date_range(seed_build, seed_articles) -> None:
    early_december = Filters(start=D(2025, 12, 1), end=D(2025, 12, 20))
    published = {a["article_id"]: a["published"] for a in read_table(seed_build, "articles")}
    in_early_december = {
        a
        for a, day in published.items()
        if day and early_december.start <= day <= early_december.end
    }
    mentions = read_table(seed_build, "mentions")
    # 001 (5 December) names Britain; 003 (29 December) Kazakhstan, out of the range.
    countries = ("KAZ", "GBR")
    named = {
        m["article_id"]
        for m in read_table(seed_build, "country_mentions")
        if m["country"] in countries
    }
    assert seed_ids(seed_articles, "001", "003") <= named
    chosen = selected(seed_build, replace(early_december, countries=countries))
    assert chosen == named & in_early_december and seed_articles["001"]["article_id"] in chosen
    # Every entity's articles in the range, with and without the headline filter; some are
    # named in and out of it, some in a headline in it.
    straddling, in_a_title = 0, 0
    for actor in {m["entity_id"] for m in mentions}:
        theirs = [m for m in mentions if m["entity_id"] == actor]
        in_text = {m["article_id"] for m in theirs}
        assert (
            selected(seed_build, replace(early_december, actors=(actor,)))
            == in_text & in_early_december
        )
        in_titles = {m["article_id"] for m in theirs if m["in_headline"]}
        headlines = replace(early_december, actors=(actor,), headlines=True)
        assert selected(seed_build, headlines) == in_titles & in_early_december
        straddling += bool(in_text & in_early_december) and bool(in_text - in_early_december)
        in_a_title += bool(in_titles & in_early_december)
    assert straddling and in_a_title
    # A country's and an actor's articles are read from `article_facets`, both subqueries in
    # the row groups of the range.
    sql, params = replace(early_december, countries=("KAZ",), actors=("x",)).where()
    assert sql.count("FROM article_facets") == 2 and sql.count("published >= ?") == 3
    assert sql.count("?") == len(params)


def test_topic_filter_uses_article_topics(seed_build) -> None:
    mix = read_table(seed_build, "article_topics")
    expected = {r["article_id"] for r in mix if r["topic_id"] == 6}
    assert selected(seed_build, Filters(topics=(6,))) == expected
    # A topic is the article's, not its headline's: the headline filter keeps its articles.
    assert selected(seed_build, Filters(topics=(6,), headlines=True)) == expected


def test_link_fills_the_sidebar_and_survives_a_page_switch(monkeypatch, seed_build) -> None:
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["country"] = "KAZ"
    app.query_params["from"] = "2025-12-10"
    app.run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert (
        metrics["Articles"] == "1"
    )  # seed 003 (29 December) is the only Kazakh one after the 10th
    assert app.sidebar.multiselect(key="f-countries").value == ["KAZ"]
    # The browser drops the query string on a page switch; the filters are written back.
    app.query_params.clear()
    app.switch_page("views/topics.py").run()
    assert not app.exception
    assert app.query_params["country"] == "KAZ" and app.query_params["from"] == "2025-12-10"


def _entity_id(directory, name: str) -> str:
    (found,) = [e["entity_id"] for e in read_table(directory, "entities") if e["name"] == name]
    return found


def _sidebar_listing(monkeypatch, directory, listed: int, **params: str) -> AppTest:
    """The app over `directory` with the actors' picker listing the `listed` most written-about
    actors, opened with the URL's `params`."""
    from dashboard.widgets import sidebar

    monkeypatch.setattr(sidebar, "LISTED_ACTORS", listed)
    monkeypatch.setenv(ENV_VAR, str(directory))
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def _type_actor(app: AppTest, typed: str) -> AppTest:
    """Type `typed` into the actors' picker and press Enter (a new option of the widget)."""
    picker = app.sidebar.multiselect(key="f-actors")
    app = picker.set_value([*picker.value, typed]).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_typing_an_alias_of_an_actor_not_listed_filters_to_it(monkeypatch, seed_build) -> None:
    """Seed 003 names 'Касым-Жомарта Кемелевича Токаева', seed 004 'Соединенных Штатов': the
    build stores 'Касым-Жомарт Кемелевич Токаев' and 'Соединенные Штаты' as aliases of Токаев
    and США, neither among the 10 actors listed; typed in another case or with ё, each is
    found and filters the articles to its own (one each)."""
    app = _sidebar_listing(monkeypatch, seed_build, 10)
    tokayev = _entity_id(seed_build, "Касым-Жомарт Токаев")
    usa = _entity_id(seed_build, "США")
    picker = app.sidebar.multiselect(key="f-actors")
    assert len(picker.options) == 10 and not {tokayev, usa} & set(picker.options)
    app = _type_actor(app, "касым-жомарт кемелевич  ТОКАЕВ")
    assert app.sidebar.multiselect(key="f-actors").value == [tokayev]
    assert app.query_params["actor"] == tokayev
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    app = _type_actor(app, "Соединённые Штаты")
    assert app.sidebar.multiselect(key="f-actors").value == [tokayev, usa]
    assert app.query_params["actor"] == [tokayev, usa]
    assert {m.label: m.value for m in app.metric}["Articles"] == "2"


def test_a_typed_name_of_no_actor_changes_nothing_and_says_so(monkeypatch, seed_build) -> None:
    """No seed names Шольц: the filter stays as it was, and the sidebar says why."""
    app = _sidebar_listing(monkeypatch, seed_build, 10)
    app = _type_actor(app, "Шольц")
    assert app.sidebar.multiselect(key="f-actors").value == []
    assert "actor" not in app.query_params
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"
    assert "No actor is named or written «Шольц»: the filter is as it was." in [
        c.value for c in app.sidebar.caption
    ]
    app = app.run()  # said once, under the picker of the run that looked it up
    assert not [c for c in app.sidebar.caption if "Шольц" in c.value]


def test_a_typed_form_the_articles_write_finds_its_actor(monkeypatch, seed_build) -> None:
    """Seed 000 asks of 'визита Генсека НАТО Марка Рютте', seed 001 of 'Президента Ильхама
    Алиева': neither genitive is a name or an alias the build stores (Марк Рютте; Ильхам Алиев,
    Алиев), but each is how an article writes its person, who is chosen, in any case and
    alongside an actor already picked: the filter keeps Рютте's one article, then the articles
    naming either (Алиев: every seed's)."""
    app = _sidebar_listing(monkeypatch, seed_build, 1)
    rutte = _entity_id(seed_build, "Марк Рютте")
    aliyev = _entity_id(seed_build, "Ильхам Алиев")
    assert not {rutte, aliyev} & set(app.sidebar.multiselect(key="f-actors").options)
    app = _type_actor(app, "МАРКА  рютте")
    assert app.sidebar.multiselect(key="f-actors").value == [rutte]
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    assert not [c for c in app.sidebar.caption if "рютте" in c.value.lower()]  # one: no note
    app = _type_actor(app, "ильхама алиева")
    assert app.sidebar.multiselect(key="f-actors").value == [rutte, aliyev]
    assert app.query_params["actor"] == [rutte, aliyev]
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"


#: Three articles of the shared corpus: RIA's of 17 October 2023 writes "президента Путина",
#: the two others "Путина" seven times, alone, each time of Владимир Путин.
PUTINA = (
    "ria:1903428772",
    "bsnlp:nord_stream:nord_stream_ru.txt_file_11.txt",
    "bsnlp:trump:file_235.txt",
)


def test_a_typed_form_written_mostly_for_another_actor_than_it_names(monkeypatch, tmp_path) -> None:
    """The build reads RIA's "президента Путина" as a person named Путина, but the articles
    write "Путина" seven times of eight for Владимир Путин: he is chosen, and the sidebar says
    so."""
    corpus = SHARED / "corpora" / "news_unified.jsonl.gz"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not present (it is shared material, not part of the repo)")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        lines = [line for line in fh if any(i in line for i in PUTINA)]
    articles = tmp_path / "putina.jsonl"
    articles.write_text("".join(x for x in lines if json.loads(x)["id"] in PUTINA), "utf-8")
    build([articles], tmp_path / "data", progress=False)
    names = {e["name"]: e["entity_id"] for e in read_table(tmp_path / "data", "entities")}
    assert "Путина" in names, "the build no longer names a person Путина: the test needs another"
    app = _sidebar_listing(monkeypatch, tmp_path / "data", 1)
    app = _type_actor(app, "путина")
    assert app.sidebar.multiselect(key="f-actors").value == [names["Владимир Путин"]]
    assert (
        "«путина» is written for 2 actors: the most often written so is chosen, "
        "Владимир Путин (PER, 7 of 8 mentions)." in [c.value for c in app.sidebar.caption]
    )


def test_a_typed_name_of_several_actors_takes_the_most_written_about(
    monkeypatch, seed_build
) -> None:
    """'Report' is the agency Report.az that seeds 000 and 001 cite ('в эксклюзивном интервью
    Report'), and, as the build reads seed 003's 'казахстанскому бюро Report', an organisation
    of one article: the medium of two articles is chosen, and the sidebar says so."""
    app = _sidebar_listing(monkeypatch, seed_build, 1)
    app = _type_actor(app, "report")
    assert app.sidebar.multiselect(key="f-actors").value == [_entity_id(seed_build, "Report.az")]
    assert (
        "«report» names 2 actors: the most written-about is chosen, Report.az (MEDIUM, 2 articles)."
        in [c.value for c in app.sidebar.caption]
    )


def test_a_link_naming_an_actor_not_listed_keeps_it_selected(monkeypatch, seed_build) -> None:
    """Токаев, named only by seed 003, is not among the 10 actors listed; a link naming him
    selects him, labelled by name, and filters to his one article."""
    tokayev = _entity_id(seed_build, "Касым-Жомарт Токаев")
    app = _sidebar_listing(monkeypatch, seed_build, 10, actor=tokayev)
    picker = app.sidebar.multiselect(key="f-actors")
    assert picker.value == [tokayev]
    assert len(picker.options) == 11 and picker.options[-1].startswith("Касым-Жомарт Токаев")
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    app = _type_actor(app, "Ильхам Алиев")  # another actor typed keeps him
    assert app.sidebar.multiselect(key="f-actors").value == [
        tokayev,
        _entity_id(seed_build, "Ильхам Алиев"),
    ]


def test_clear_filters(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build)
    app.sidebar.text_input(key="f-text").set_value("Столтенберг").run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    assert app.query_params["q"] == "Столтенберг"
    app.sidebar.button[0].click().run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"
    assert "q" not in app.query_params
    assert app.sidebar.text_input(key="f-text").value == ""


@pytest.mark.parametrize(
    "page",
    [
        "views/overview.py",
        "views/topics.py",
        "views/timeline.py",
        "views/actors.py",
        "views/network.py",
        "views/search.py",
    ],
)
def test_no_match_is_a_message_not_an_error(monkeypatch, seed_build, page) -> None:
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["q"] = "слово, которого нет ни в одной статье"
    app.run().switch_page(page).run()
    assert not app.exception
    assert [i.value for i in app.info] == [
        "No articles match the filters. Change or clear them in the sidebar."
    ]
    assert not app.get("plotly_chart") and not app.get("echarts_chart")


def test_headline_filter_counts_what_headlines_name(seed_build, seed_articles) -> None:
    """Only seed 001 has a headline of its own: 'Госминистр: У Лондона и Баку амбициозные планы
    сотрудничества в сфере обороны - ИНТЕРВЬЮ' names London (GBR) and Baku (AZE), no actor."""
    build = open_build(seed_build)
    in_headlines = Filters(headlines=True)
    countries = top_countries(build, in_headlines, 10)
    assert dict(zip(countries["country"], countries["articles"], strict=True)) == {
        "AZE": 1,
        "GBR": 1,
    }
    assert top_actors(build, in_headlines, 10).empty
    # Filtering on a country named in a headline selects the articles whose headline names it:
    # every seed names Azerbaijan, one headline does.
    assert selected(seed_build, Filters(countries=("AZE",))) == set(
        seed_ids(seed_articles, *seed_articles)
    )
    assert selected(seed_build, Filters(countries=("AZE",), headlines=True)) == seed_ids(
        seed_articles, "001"
    )


def test_inferred_dates_can_be_left_out(tmp_path) -> None:
    body = "Стороны обсудили сотрудничество в сфере обороны. Следующая встреча пройдет в Лондоне."
    rows = [
        {"text": "ВАШИНГТОН, 3 марта 2017 г. - ТАСС. " + body},  # dated by its dateline
        {"text": "Другой текст о встрече в Лондоне.", "date": "2017-03-04"},
    ]
    feed = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    (tmp_path / "feed.jsonl").write_text(feed, encoding="utf-8")
    build([tmp_path / "feed.jsonl"], tmp_path / "out", progress=False)
    built = open_build(tmp_path / "out")
    assert summary(built, Filters())["dated"] == 2
    assert summary(built, Filters(inferred=False))["dated"] == 1
    march_3 = Filters(start=D(2017, 3, 3), end=D(2017, 3, 3))
    assert len(article_list(built, march_3, 10)) == 1
    assert article_list(built, replace(march_3, inferred=False), 10).empty
    # The pages' empty-selection guard counts the same articles.
    assert store.selected_count(built, march_3) == 1
    assert store.selected_count(built, replace(march_3, inferred=False)) == 0


def test_the_guard_counts_the_articles_the_filters_select(seed_build, seed_articles) -> None:
    """`selected_count`, which stops a page with nothing selected, is the number of articles
    each filter selects (from the tables, `test_each_filter_selects_its_articles`) and the
    summary's count, without a query of its own."""
    built = open_build(seed_build)
    states = [
        Filters(),
        Filters(start=D(2025, 12, 10), end=D(2025, 12, 31)),  # seeds 000 and 003
        Filters(countries=("AZE",), headlines=True),  # seed 001's headline alone
        Filters(text="слово, которого нет ни в одной статье"),
        Filters(end=D(2025, 12, 1)),  # before every seed
    ]
    counts = [store.selected_count(built, f) for f in states]
    assert counts == [len(seed_articles), 2, 1, 0, 0]
    assert counts == [summary(built, f)["articles"] for f in states]
    assert counts == [len(selected(seed_build, f)) for f in states]


def test_search_finds_words_in_headlines(seed_build, seed_articles) -> None:
    """'амбициозные' is written once in the seeds, in seed 001's headline, which is the first
    paragraph of its text."""
    hits = concordance(open_build(seed_build), Filters(), "word", "амбициозные", 5, 10)
    assert hits["article_id"].tolist() == [seed_articles["001"]["article_id"]]
    assert hits["match"].tolist() == ["амбициозные"]
    assert selected(seed_build, Filters(text="амбициозн")) == seed_ids(seed_articles, "001")


def test_text_filter_reads_the_indexed_words_that_hold_it(seed_build, monkeypatch) -> None:
    """A typed word is looked up by the words of the build's vocabulary that hold it (all
    the forms of 'казахстанск' the texts use), and selects the articles a scan of every
    indexed word selects, which a typed word held by too many words falls back to."""
    built = open_build(seed_build)
    cursor = connection(built.directory, built.build_id).cursor()
    held = {w["word"] for w in read_table(seed_build, "words") if "казахстанск" in w["word"]}
    assert len(held) > 1
    assert set(store._holding(cursor, ["казахстанск"])["казахстанск"]) == held
    texts = ["казахстанск", "средний коридор", "ЛОРЕНЦСОН", "Столтенберг Трамп", "ё"]
    looked_up = [selected(seed_build, Filters(text=text)) for text in texts]
    monkeypatch.setattr(store, "LISTED_WORDS", 0)
    store._selection.clear()
    assert store._holding(cursor, ["казахстанск"]) == {}
    assert [selected(seed_build, Filters(text=text)) for text in texts] == looked_up
    assert looked_up[0] and looked_up[1] and not looked_up[3]


def test_media_are_a_type_the_url_can_ask_for() -> None:
    """?type=MEDIUM switches the actor charts to media; without it they count people and
    organisations only."""
    asked = Filters.from_params({"type": ["medium"]})
    assert asked.types == ("MEDIUM",) and asked.actor_types == ["MEDIUM"]
    assert asked.to_params() == {"type": ["MEDIUM"]}
    assert Filters().actor_types == ["PER", "ORG"]
