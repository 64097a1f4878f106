"""Every pattern and vocabulary entry carries examples, and every example matches."""
import pytest

from legaldocs import patterns, vocab
from legaldocs.numbers import parse_number

PATTERNS = sorted(patterns.REGISTRY.values(), key=lambda p: p.name)


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_pattern_has_comment_and_examples(pattern):
    assert pattern.comment and pattern.examples


@pytest.mark.parametrize("pattern, example",
                         [(p, e) for p in PATTERNS for e in p.examples], ids=lambda x: getattr(x, "name", repr(x)))
def test_every_example_matches(pattern, example):
    assert pattern.finds(example), f"{pattern.name} does not find {example!r}"


@pytest.mark.parametrize("pattern, example",
                         [(p, e) for p in PATTERNS for e in p.counter_examples], ids=lambda x: getattr(x, "name", repr(x)))
def test_no_counter_example_matches(pattern, example):
    assert not pattern.finds(example), f"{pattern.name} wrongly finds {example!r}"


@pytest.mark.parametrize("doc_type", [t for t in vocab.DOC_TYPES if t.code], ids=lambda t: t.code)
def test_every_type_code_example_parses_to_its_code(doc_type):
    assert parse_number(doc_type.example).type_code == doc_type.code


@pytest.mark.parametrize("doc_type", [t for t in vocab.DOC_TYPES if not t.code], ids=lambda t: t.name)
def test_types_without_code_show_their_name_in_the_example(doc_type):
    assert doc_type.name in doc_type.example


@pytest.mark.parametrize("issuer", vocab.ISSUERS, ids=lambda i: i.code)
def test_every_issuer_code_example_carries_the_code(issuer):
    number = parse_number(issuer.example)
    assert issuer.code in number.symbol.replace("/", "-").split("-") or number.symbol.startswith(issuer.code)


@pytest.mark.parametrize("kind", sorted(vocab.RELATION_KINDS))
def test_every_relation_kind_has_label_and_example(kind):
    label, _, example = vocab.RELATION_KINDS[kind]
    assert label and example and any(ch.isdigit() for ch in example)


@pytest.mark.parametrize("code, example", sorted(vocab.UNIT_CODES.items()))
def test_unit_code_examples(code, example):
    assert parse_number(example).symbol.endswith(code)
