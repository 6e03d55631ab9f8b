from geo import vocab


def test_every_label_exists_in_both_languages_and_differs():
    for key, term in {**vocab.UI, **{k: v.term for k, v in vocab.LAYERS.items()}}.items():
        assert term.zh.strip() and term.en.strip(), key
        assert term.zh != term.en, key


def test_unknown_language_falls_back_to_chinese():
    assert vocab.normalise_language("fr") == "zh"
    assert vocab.normalise_language(None) == "zh"
    assert vocab.normalise_language("en") == "en"
    assert vocab.ui("page_map", "en") == "Map" and vocab.ui("page_map", "zh") == "地图"


def test_expected_platform_counts_total_46():
    assert sum(vocab.EXPECTED_PLATFORM_COUNTS.values()) == 46
    assert set(vocab.EXPECTED_PLATFORM_COUNTS) == set(vocab.PLATFORM_TYPES)
