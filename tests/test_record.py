"""The article record: JSON keys, round trip, and the JSON Schema generated from the class."""

from __future__ import annotations

import json

import jsonschema
import pytest
from newsclean.cleaners import Article, Author, CleaningStep, Image, json_schema
from newsclean.cleaners.record import Breadcrumb

FULL = Article(
    url="https://example.com/a",
    canonicalUrl="https://example.com/a",
    headline="Headline",
    description="Standfirst",
    articleBody="Standfirst\n\nBody.",
    articleBodyHtml="<p>Standfirst</p><p>Body.</p>",
    datePublished="2024-02-14T10:08:00+00:00",
    datePublishedRaw="14 Feb, 2024 10:08",
    dateModified="2024-02-15T10:08:00+00:00",
    dateModifiedRaw="15 Feb, 2024 10:08",
    authors=[Author(name="A. Writer", url="https://example.com/w")],
    inLanguage="en",
    mainImage=Image(url="https://example.com/i.jpg"),
    images=[Image(url="https://example.com/i.jpg")],
    breadcrumbs=[Breadcrumb(name="News", url="https://example.com/news")],
    section="News",
    tags=["a", "b"],
    isAccessibleForFree=True,
    dateDownloaded="2024-02-16T00:00:00+00:00",
    wordCount=2,
    cleaning=[CleaningStep(cleaner="prompts", action="removed", text="Share", reason="a share prompt", block=3)],
)


def test_schema_is_generated_from_the_class_and_covers_every_field() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == set(Article.__dataclass_fields__)
    assert schema["properties"]["authors"]["items"] == {"$ref": "#/$defs/Author"}


def test_records_validate_and_round_trip() -> None:
    data = FULL.to_dict()
    jsonschema.validate(data, json_schema())
    assert Article.from_dict(json.loads(json.dumps(data))) == FULL


def test_minimal_record_leaves_out_empty_fields_but_keeps_cleaning() -> None:
    assert Article(headline="H").to_dict() == {"headline": "H", "cleaning": []}


@pytest.mark.parametrize(
    ("bad", "problem"),
    [({"cleaning": [], "headline": 3}, "3 is not of type 'string'"), ({"cleaning": [], "colour": "red"}, "colour")],
)
def test_schema_rejects_wrong_types_and_unknown_keys(bad: dict[str, object], problem: str) -> None:
    with pytest.raises(jsonschema.ValidationError, match=problem):
        jsonschema.validate(bad, json_schema())


def test_shipped_schema_file_is_current() -> None:
    from importlib.resources import files

    shipped = json.loads(files("newsclean.cleaners").joinpath("article.schema.json").read_text())
    assert shipped == json_schema(), "regenerate with: newsclean schema > cleaners/article.schema.json"
